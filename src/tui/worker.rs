//! The worker: runs [`Job`]s (the network) on threads of their own, each with its own
//! store on the same file, and sends what it hears back as actions through a channel the
//! event loop polls. `update` stays the only place the model changes.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::action::Action;
use super::live::{AccountLine, Authorizing, ConnectJob, Heard, Job, SignIn};
use crate::domain::Platform;
use crate::domain::text::sanitize_line;
use crate::explain::Explain;
use crate::i18n::{fill, t};
use crate::net::http::BaseUrl;
use crate::net::secrets::Location;
use crate::net::{self, NetError, NetErrorKind, Profile};
use crate::store::Store;
use crate::sync::{self, Progress, SyncEnv};

pub struct Worker {
    db: Option<PathBuf>,
    /// The network and secrets of the jobs; `None`: the app's ([`env`]), read per job.
    env: Option<SyncEnv>,
    tx: Sender<Action>,
    rx: Receiver<Action>,
    running: Arc<AtomicUsize>,
}

impl Worker {
    /// A worker for the database at `db` (`None`: in memory, which a second connection
    /// cannot open: jobs fail saying so).
    pub fn new(db: Option<PathBuf>) -> Worker {
        let (tx, rx) = channel();
        Worker {
            db,
            env: None,
            tx,
            rx,
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// A worker whose jobs run on `env` rather than the app's: the tests and the
    /// benchmark give a local server's clock and a secrets folder of their own.
    pub fn with_env(db: Option<PathBuf>, env: SyncEnv) -> Worker {
        Worker {
            env: Some(env),
            ..Worker::new(db)
        }
    }

    /// Starts `job` on a thread of its own.
    pub fn start(&self, job: Job) {
        let tx = self.tx.clone();
        let db = self.db.clone();
        let given = self.env.clone();
        let running = self.running.clone();
        running.fetch_add(1, Ordering::SeqCst);
        let spawned = std::thread::Builder::new()
            .name("twohats-worker".into())
            .spawn(move || {
                let mut send = |a: Action| {
                    // The app quit: nobody listens any more.
                    let _ = tx.send(a);
                };
                match open(db.as_ref(), given) {
                    Ok((mut store, env)) => run(&mut store, &env, job, &mut send),
                    Err(e) => send(failure(&job, e)),
                }
                running.fetch_sub(1, Ordering::SeqCst);
            });
        if let Err(e) = spawned {
            self.running.fetch_sub(1, Ordering::SeqCst);
            let _ = self.tx.send(Action::Failed(e.to_string()));
        }
    }

    /// What a job said, when something waits.
    pub fn try_recv(&self) -> Option<Action> {
        self.rx.try_recv().ok()
    }

    /// A job is running.
    pub fn busy(&self) -> bool {
        self.running.load(Ordering::SeqCst) > 0
    }
}

/// The store and the network a job runs on: the app's file, the real network on the
/// app's clock (`TWOHATS_NOW` pins it), the secrets where the command line keeps them;
/// or the environment the worker was `given`.
fn open(db: Option<&PathBuf>, given: Option<SyncEnv>) -> Result<(Store, SyncEnv), String> {
    let db = db.ok_or_else(|| t().live.live_no_file.to_string())?;
    let store = Store::open(db).map_err(|e| e.explain())?;
    let env = match given {
        Some(env) => env,
        None => env()?,
    };
    Ok((store, env))
}

/// The network and the secrets of the app.
pub fn env() -> Result<SyncEnv, String> {
    let secrets = net::SecretsStore::from_env()
        .map_err(|e| NetError::new("", NetErrorKind::Secrets(e)).explain())?;
    Ok(SyncEnv {
        net: net::NetEnv::new(Arc::from(crate::domain::clock::from_env())),
        secrets,
    })
}

/// The answer of a job that could not start.
fn failure(job: &Job, e: String) -> Action {
    Action::Live(match job {
        Job::Sync { .. } => Heard::SyncFailed(e),
        Job::SendReply { item, .. } => Heard::ReplyFailed {
            item: item.id,
            error: e,
        },
        Job::PublishNow { post } | Job::Hold { post } | Job::KeepInStep { post } => {
            Heard::Published {
                post: *post,
                lines: vec![e],
                failed: true,
            }
        }
        Job::Connect(_) | Job::Authorize { .. } | Job::Disconnect { .. } => Heard::ConnectFailed(e),
    })
}

/// Runs one job on `store` and `env`, telling `send` what it hears. The worker thread
/// calls it with its own store; tests and the benchmark call it directly.
pub fn run(store: &mut Store, env: &SyncEnv, job: Job, send: &mut dyn FnMut(Action)) {
    let now = env.net.clock.now();
    let heard = match job {
        Job::Sync { client } => {
            let result = sync::sync(store, env, client, &mut |p| {
                if let Progress::Account {
                    index,
                    total,
                    account,
                    ..
                } = p
                {
                    send(Action::Live(Heard::SyncAccount {
                        index,
                        total,
                        account,
                    }));
                }
            });
            match result {
                Ok(reports) => Heard::SyncDone(
                    reports
                        .iter()
                        .map(|r| AccountLine {
                            account: r.account.clone(),
                            new: r.outcome.as_ref().map_or(0, |p| p.new),
                            error: r.outcome.as_ref().err().map(|e| e.explain()),
                        })
                        .collect(),
                ),
                Err(e) => Heard::SyncFailed(e.explain()),
            }
        }
        Job::SendReply { item, text } => send_reply(store, env, &item, &text, now),
        Job::PublishNow { post } => steps(post, sync::publish_now(store, env, post, now)),
        Job::Hold { post } => steps(
            post,
            sync::hold_on_server(store, env, post, now).map(|steps| sync::PublishReport { steps }),
        ),
        Job::KeepInStep { post } => steps(
            post,
            sync::keep_held_in_step(store, env, post, now)
                .map(|steps| sync::PublishReport { steps }),
        ),
        Job::Authorize { account, server } => authorize(env, account, &server),
        Job::Connect(c) => connect(store, env, *c, now),
        Job::Disconnect { connection } => disconnect(store, env, connection, now),
    };
    send(Action::Live(heard));
}

fn send_reply(
    store: &mut Store,
    env: &SyncEnv,
    item: &crate::domain::inbox::Item,
    text: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Heard {
    let failed = |error: String| Heard::ReplyFailed {
        item: item.id,
        error,
    };
    match sync::send_reply(store, env, item, text) {
        Ok(sent) => {
            // Out: the item is answered (the reply's address is kept with it).
            let marked =
                store.apply_to_items(&[item.id], &crate::domain::inbox::Op::MarkReplied, now);
            match marked {
                Ok(_) => Heard::ReplySent {
                    item: item.id,
                    platform: item.platform.name(),
                    url: sent.url,
                },
                Err(e) => failed(e.explain()),
            }
        }
        Err(e) => failed(e.explain()),
    }
}

fn steps(
    post: crate::domain::post::PostId,
    report: Result<sync::PublishReport, crate::store::StoreError>,
) -> Heard {
    match report {
        Ok(r) => Heard::Published {
            post,
            failed: r.has_failures(),
            lines: r.steps.iter().map(crate::explain::publish_step).collect(),
        },
        Err(e) => Heard::Published {
            post,
            lines: vec![e.explain()],
            failed: true,
        },
    }
}

fn base_url(label: &str, raw: &str) -> Result<BaseUrl, NetError> {
    BaseUrl::parse(raw.trim()).map_err(|reason| {
        NetError::new(
            label,
            NetErrorKind::BadUrl {
                url: raw.to_string(),
                reason,
            },
        )
    })
}

/// Mastodon's first step: register twohats on the server, make the approval address.
fn authorize(env: &SyncEnv, account: i64, server: &str) -> Heard {
    // The system's random source failing is the system's word, not a platform's.
    let pkce = match net::oauth::Pkce::generate() {
        Ok(p) => p,
        Err(e) => return Heard::ConnectFailed(e.to_string()),
    };
    let result = base_url("", server).and_then(|base| {
        let app = net::mastodon::register_app(&env.net, &base, "", "twohats")?;
        let url = net::mastodon::authorize_url(&base, &app, &pkce);
        Ok(Authorizing {
            account,
            server: base.as_str().to_string(),
            url,
            app,
            pkce,
        })
    });
    match result {
        Ok(a) => Heard::Authorizing(Box::new(a)),
        Err(e) => Heard::ConnectFailed(crate::explain::explain_connect(&e)),
    }
}

fn connect(
    store: &mut Store,
    env: &SyncEnv,
    job: ConnectJob,
    now: chrono::DateTime<chrono::Utc>,
) -> Heard {
    let result = (|| {
        let account =
            store
                .live_account(job.account)?
                .ok_or(crate::store::StoreError::NotFound {
                    entity: crate::store::Entity::Account,
                    id: job.account,
                })?;
        let label = sanitize_line(&account.handle);
        let (key, creds, profile) = match job.how {
            SignIn::MastodonToken { server, token } => {
                let base = base_url(&label, &server)?;
                let creds = net::Credentials::Mastodon {
                    access_token: token,
                    client_id: None,
                    client_secret: None,
                };
                let (key, profile) =
                    sync::connect::mastodon_identity(&env.net, &base, &account.handle, &creds)?;
                sync::connect::check_account(&account.handle, &key)?;
                (key, creds, profile)
            }
            SignIn::MastodonCode { pending, code } => {
                let base = base_url(&label, &pending.server)?;
                let token = net::mastodon::exchange_code(
                    &env.net,
                    &base,
                    &label,
                    &pending.app,
                    &code,
                    &pending.pkce,
                )?;
                let creds = net::Credentials::Mastodon {
                    access_token: token,
                    client_id: Some(pending.app.client_id.clone()),
                    client_secret: Some(pending.app.client_secret.clone()),
                };
                let (key, profile) =
                    sync::connect::mastodon_identity(&env.net, &base, &account.handle, &creds)?;
                sync::connect::check_account(&account.handle, &key)?;
                (key, creds, profile)
            }
            SignIn::Bluesky { pds, password } => {
                let pds = match pds.trim() {
                    "" => None,
                    raw => Some(base_url(&label, raw)?),
                };
                let entryway = std::env::var(BLUESKY_ENTRYWAY_ENV)
                    .unwrap_or_else(|_| net::bluesky::DEFAULT_ENTRYWAY.to_string());
                let entryway = base_url(&label, &entryway)?;
                let session = net::bluesky::sign_in(
                    &env.net,
                    &entryway,
                    &account.handle,
                    &password,
                    pds.as_ref(),
                )?;
                let key = net::ConnectionKey::new(
                    Platform::Bluesky,
                    session.pds.as_str(),
                    &session.handle,
                );
                let profile = Profile::Bluesky {
                    pds: session.pds.as_str().to_string(),
                    did: session.did.clone(),
                };
                sync::connect::check_account(&account.handle, &key)?;
                (key, session.credentials, profile)
            }
        };
        let place = sync::connect::keep(
            store,
            &env.secrets,
            (job.client, job.account),
            &key,
            &creds,
            &profile,
            now,
        )?;
        Ok::<_, sync::connect::KeepError>((key, place))
    })();
    match result {
        Ok((key, place)) => Heard::Connected {
            account: sanitize_line(&key.handle),
            place: match place {
                Location::Keyring => t().live.cli_keyring.to_string(),
                Location::File(p) => p.display().to_string(),
            },
        },
        Err(sync::connect::KeepError::Net(e)) => {
            Heard::ConnectFailed(crate::explain::explain_connect(&e))
        }
        Err(e) => Heard::ConnectFailed(e.explain()),
    }
}

/// Where Bluesky accounts sign in when the form names no PDS (as on the command line).
const BLUESKY_ENTRYWAY_ENV: &str = "TWOHATS_BLUESKY_ENTRYWAY";

fn disconnect(
    store: &mut Store,
    env: &SyncEnv,
    connection: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Heard {
    let result = (|| {
        let row = store
            .connection(connection)?
            .ok_or(crate::store::StoreError::NotFound {
                entity: crate::store::Entity::Account,
                id: connection,
            })?;
        let client = sync::client_names(store)?
            .get(&row.client_id)
            .cloned()
            .unwrap_or_default();
        let unrevoked = sync::connect::forget(store, env, &row, &client, now)?;
        Ok::<_, sync::connect::KeepError>((row.handle, unrevoked))
    })();
    match result {
        Ok((handle, unrevoked)) => Heard::Disconnected {
            account: sanitize_line(&handle),
            unrevoked: unrevoked.map(|e| {
                fill(
                    t().live.cli_disconnect_unrevoked,
                    &[("error", &e.explain())],
                )
            }),
        },
        Err(e) => Heard::ConnectFailed(e.explain()),
    }
}
