//! `twohats connect mastodon|bluesky`, `connections`, `disconnect`: signing an account
//! in (its secrets to the keyring or a `0600` file, never the database), listing and
//! forgetting connections.

use std::io::{BufRead, IsTerminal};
use std::sync::Arc;

use clap::Subcommand;
use serde::Serialize;

use super::{Failure, print_json};
use crate::domain::text::sanitize_line;
use crate::domain::{Account, Client, Clock, Platform};
use crate::explain::Explain;
use crate::i18n::{fill, t};
use crate::net::http::BaseUrl;
use crate::net::secrets::Location;
use crate::net::{self, Credentials, NetEnv, NetError, Secret, SecretsStore, bluesky, mastodon};
use crate::store::Store;
use crate::sync::connect::{self, KeepError};

#[derive(Debug, Subcommand)]
pub enum ConnectCmd {
    /// Connect a Mastodon account: approve twohats in a browser and paste the code, or
    /// give a token with --token-stdin.
    Mastodon {
        /// The client (name or id).
        #[arg(long)]
        client: String,
        /// The account's handle, as added with `twohats account add` (may be left out
        /// when the client has one Mastodon account).
        #[arg(long)]
        account: Option<String>,
        /// The server (default: the handle's domain).
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        /// Read an access token made in the server's Preferences > Development from
        /// standard input instead.
        #[arg(long)]
        token_stdin: bool,
    },
    /// Connect a Bluesky account with an app password (never the account password).
    Bluesky {
        /// The client (name or id).
        #[arg(long)]
        client: String,
        /// The account's handle, as added with `twohats account add` (may be left out
        /// when the client has one Bluesky account).
        #[arg(long)]
        account: Option<String>,
        /// The account's PDS (default: found when signing in).
        #[arg(long, value_name = "URL")]
        pds: Option<String>,
        /// Read the app password from standard input without asking.
        #[arg(long)]
        password_stdin: bool,
    },
}

/// Keeping or forgetting failed: a network or secrets problem as `net_failure` words
/// it, a database one as every command does.
fn keep_failure(e: KeepError) -> Failure {
    match e {
        KeepError::Net(e) => net_failure(&e),
        KeepError::Store(e) => e.into(),
    }
}

fn net_failure(e: &NetError) -> Failure {
    let message = crate::explain::explain_connect(e);
    if e.is_bad_input() {
        Failure::usage(message)
    } else {
        Failure::failed(message)
    }
}

/// The real network, on the command's clock (`TWOHATS_NOW` pins it).
pub fn net_env(_clock: &dyn Clock) -> NetEnv {
    NetEnv::new(Arc::from(crate::domain::clock::from_env()))
}

pub fn secrets() -> Result<SecretsStore, Failure> {
    SecretsStore::from_env()
        .map_err(|e| net_failure(&NetError::new("", net::NetErrorKind::Secrets(e))))
}

/// The client's account on `platform`: the one named, or the only one.
pub fn pick_account(
    store: &Store,
    client: &Client,
    platform: Platform,
    handle: Option<&str>,
) -> Result<Account, Failure> {
    let s = t();
    let all: Vec<Account> = store
        .accounts()?
        .into_iter()
        .filter(|a| a.client_id == client.id && a.platform == platform)
        .collect();
    let name = sanitize_line(&client.name);
    if all.is_empty() {
        return Err(Failure::usage(fill(
            s.live.cli_connect_no_account,
            &[
                ("client", &name),
                ("platform", platform.name()),
                ("key", platform.key()),
            ],
        )));
    }
    match handle {
        Some(h) => {
            let want = h.trim().trim_start_matches('@').to_lowercase();
            all.into_iter()
                .find(|a| a.handle.trim().trim_start_matches('@').to_lowercase() == want)
                .ok_or_else(|| {
                    Failure::usage(fill(
                        s.live.cli_connect_unknown_account,
                        &[
                            ("client", &name),
                            ("platform", platform.name()),
                            ("handle", &sanitize_line(h)),
                        ],
                    ))
                })
        }
        None if all.len() == 1 => Ok(all.into_iter().next().expect("one account")),
        None => {
            let list: Vec<String> = all.iter().map(|a| sanitize_line(&a.handle)).collect();
            Err(Failure::usage(fill(
                s.live.cli_connect_which_account,
                &[
                    ("client", &name),
                    ("platform", platform.name()),
                    ("list", &list.join(", ")),
                ],
            )))
        }
    }
}

/// One line of standard input, as a secret (the line break dropped).
fn read_secret_line() -> Result<Secret, Failure> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::failed(e.to_string()))?;
    let secret = Secret::new(line.trim().to_string());
    line.clear();
    if secret.is_empty() {
        return Err(Failure::usage(t().live.cli_connect_nothing));
    }
    Ok(secret)
}

/// A secret typed or pasted on the terminal, not shown as it comes (raw mode: the
/// terminal does not echo), else one line of standard input. Ctrl-C or Esc gives up.
fn read_secret() -> Result<Secret, Failure> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    if !std::io::stdin().is_terminal() || terminal::enable_raw_mode().is_err() {
        return read_secret_line();
    }
    let mut text = String::new();
    let done = loop {
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Esc => break Err(()),
                KeyCode::Char('c' | 'd') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(());
                }
                KeyCode::Char(c) => text.push(c),
                KeyCode::Backspace => {
                    text.pop();
                }
                _ => {}
            },
            Ok(Event::Paste(p)) => text.push_str(&p),
            Ok(_) => {}
            Err(_) => break Err(()),
        }
    };
    let _ = terminal::disable_raw_mode();
    // The line the Enter did not end on screen.
    super::out::error("");
    let typed = Secret::new(text.trim().to_string());
    // `text` is wiped by hand: it is not a `Secret`.
    zeroize::Zeroize::zeroize(&mut text);
    if done.is_err() || typed.is_empty() {
        return Err(Failure::usage(t().live.cli_connect_nothing));
    }
    Ok(typed)
}

/// Warns (on standard error) when a Bluesky password does not have the shape of an
/// app password: the server may still take it, but it should not be the account's.
fn warn_unless_app_password(password: &Secret) {
    if !bluesky::looks_like_app_password(password) {
        super::out::error(t().live.cli_not_app_password_shape);
    }
}

/// Says on standard error what to paste, when someone is there to paste it.
fn prompt(text: &str) {
    if std::io::stdin().is_terminal() {
        super::out::error(text);
    }
}

/// Whether a graphical browser can open: on Linux and the BSDs only in a graphical
/// session (over SSH or on a console `xdg-open` would start a text browser, on the
/// terminal the code is pasted into).
fn graphical_session() -> bool {
    cfg!(target_os = "macos")
        || ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
}

/// Tries to open `url` in a browser; whether it did does not matter. Not when the
/// output goes to a file or a pipe (a script, a test), nor outside a graphical session.
fn open_browser(url: &str) {
    if !std::io::stdout().is_terminal() || !graphical_session() {
        return;
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

pub fn connect(store: &mut Store, clock: &dyn Clock, cmd: ConnectCmd) -> Result<(), Failure> {
    let env = net_env(clock);
    let secrets = secrets()?;
    let (client, account, key, creds, profile) = match cmd {
        ConnectCmd::Mastodon {
            client,
            account,
            server,
            token_stdin,
        } => {
            let client = store.find_client(&client)?;
            let account = pick_account(store, &client, Platform::Mastodon, account.as_deref())?;
            let base = mastodon::server_for(&account.handle, server.as_deref())
                .map_err(|e| net_failure(&e))?;
            let label = sanitize_line(&account.handle);
            let creds = if token_stdin {
                prompt(&fill(
                    t().live.cli_connect_token_prompt,
                    &[("server", base.as_str())],
                ));
                Credentials::Mastodon {
                    access_token: read_secret()?,
                    client_id: None,
                    client_secret: None,
                }
            } else {
                let app = mastodon::register_app(&env, &base, &label, "twohats")
                    .map_err(|e| net_failure(&e))?;
                let pkce =
                    net::oauth::Pkce::generate().map_err(|e| Failure::failed(e.to_string()))?;
                let url = mastodon::authorize_url(&base, &app, &pkce);
                super::out::line(&fill(t().live.cli_connect_open_url, &[("url", &url)]))?;
                open_browser(&url);
                prompt(t().live.cli_connect_code_prompt);
                let code = read_secret()?;
                let token = mastodon::exchange_code(&env, &base, &label, &app, &code, &pkce)
                    .map_err(|e| net_failure(&e))?;
                Credentials::Mastodon {
                    access_token: token,
                    client_id: Some(app.client_id),
                    client_secret: Some(app.client_secret),
                }
            };
            let (key, profile) = connect::mastodon_identity(&env, &base, &account.handle, &creds)
                .map_err(|e| net_failure(&e))?;
            connect::check_account(&account.handle, &key).map_err(|e| net_failure(&e))?;
            (client, account, key, creds, profile)
        }
        ConnectCmd::Bluesky {
            client,
            account,
            pds,
            password_stdin,
        } => {
            let client = store.find_client(&client)?;
            let account = pick_account(store, &client, Platform::Bluesky, account.as_deref())?;
            let parse = |raw: &str| {
                BaseUrl::parse(raw).map_err(|reason| {
                    net_failure(&NetError::new(
                        sanitize_line(&account.handle),
                        net::NetErrorKind::BadUrl {
                            url: raw.to_string(),
                            reason,
                        },
                    ))
                })
            };
            let pds = pds.as_deref().map(parse).transpose()?;
            let entryway = parse(&connect::bluesky_entryway())?;
            if !password_stdin {
                prompt(&fill(
                    t().live.cli_connect_password_prompt,
                    &[("account", &sanitize_line(&account.handle))],
                ));
            }
            let password = if password_stdin {
                read_secret_line()?
            } else {
                read_secret()?
            };
            warn_unless_app_password(&password);
            let session =
                bluesky::sign_in(&env, &entryway, &account.handle, &password, pds.as_ref())
                    .map_err(|e| net_failure(&e))?;
            let (key, creds, profile) = connect::bluesky_identity(session);
            connect::check_account(&account.handle, &key).map_err(|e| net_failure(&e))?;
            (client, account, key, creds, profile)
        }
    };
    let place = connect::keep(
        store,
        &secrets,
        (client.id, account.id),
        &key,
        &creds,
        &profile,
        clock.now(),
    )
    .map_err(keep_failure)?;
    let place = match place {
        Location::Keyring => t().live.cli_keyring.to_string(),
        Location::File(p) => p.display().to_string(),
    };
    super::out::line(&fill(
        t().live.cli_connected,
        &[
            ("account", &sanitize_line(&key.handle)),
            ("server", &key.server),
            ("client", &sanitize_line(&client.name)),
            ("place", &place),
        ],
    ))
}

#[derive(Serialize)]
struct ConnectionJson {
    id: i64,
    client: String,
    platform: &'static str,
    account: String,
    server: String,
    last_sync: Option<String>,
    state: &'static str,
    last_error: Option<String>,
    retry_at: Option<String>,
}

pub fn list(store: &Store, json: bool) -> Result<(), Failure> {
    let names = crate::sync::client_names(store)?;
    let rows: Vec<ConnectionJson> = store
        .connections(None)?
        .into_iter()
        .map(|c| ConnectionJson {
            id: c.id,
            client: names.get(&c.client_id).cloned().unwrap_or_default(),
            platform: c.platform.key(),
            account: c.handle,
            server: c.server,
            last_sync: c.last_sync_at.map(|t| t.to_rfc3339()),
            state: c.state.key(),
            last_error: c.last_error,
            retry_at: c.retry_at.map(|t| t.to_rfc3339()),
        })
        .collect();
    if json {
        return print_json(&rows);
    }
    let s = t();
    if rows.is_empty() {
        return super::out::line(s.live.cli_connections_none);
    }
    let mut out = s.live.cli_connections_head.join("\t");
    for r in &rows {
        let state_i = ["active", "expired", "error"]
            .iter()
            .position(|k| *k == r.state)
            .unwrap_or(0);
        out.push('\n');
        out.push_str(
            &[
                sanitize_line(&r.client),
                r.platform.to_string(),
                sanitize_line(&r.account),
                sanitize_line(&r.server),
                r.last_sync
                    .clone()
                    .unwrap_or_else(|| s.live.cli_never.to_string()),
                s.live.conn_states[state_i].to_string(),
            ]
            .join("\t"),
        );
    }
    super::out::line(&out)
}

pub fn disconnect(
    store: &mut Store,
    clock: &dyn Clock,
    client: &str,
    account: &str,
) -> Result<(), Failure> {
    let client = store.find_client(client)?;
    // The client's accounts of that handle, on any platform: the connected one, else
    // the first (to say it is not connected).
    let want = account.trim().trim_start_matches('@').to_lowercase();
    let matching: Vec<Account> = store
        .accounts()?
        .into_iter()
        .filter(|a| {
            a.client_id == client.id
                && a.handle.trim().trim_start_matches('@').to_lowercase() == want
        })
        .collect();
    let Some(first) = matching.first() else {
        return Err(Failure::usage(fill(
            t().live.cli_disconnect_unknown_account,
            &[
                ("client", &sanitize_line(&client.name)),
                ("handle", &sanitize_line(account)),
            ],
        )));
    };
    let mut found = None;
    for a in &matching {
        if let Some(row) = store.connection_of_account(a.id)? {
            found = Some(row);
            break;
        }
    }
    let acc = first;
    let Some(row) = found else {
        return Err(Failure::usage(fill(
            t().live.cli_no_connection,
            &[
                ("account", &sanitize_line(&acc.handle)),
                ("client", &sanitize_line(&client.name)),
            ],
        )));
    };
    let env = crate::sync::SyncEnv {
        net: net_env(clock),
        secrets: secrets()?,
    };
    // Best effort: the server forgets the credentials; they go from here whatever it says.
    let unrevoked =
        connect::forget(store, &env, &row, &client.name, clock.now()).map_err(keep_failure)?;
    if let Some(e) = unrevoked {
        super::out::error(&fill(
            t().live.cli_disconnect_unrevoked,
            &[("error", &e.explain())],
        ));
    }
    super::out::line(&fill(
        t().live.cli_disconnected,
        &[
            ("account", &sanitize_line(&row.handle)),
            ("client", &sanitize_line(&client.name)),
        ],
    ))
}
