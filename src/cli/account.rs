//! `twohats account add|list|remove`: a client's social accounts, with the account
//! form's own validation.

use clap::Subcommand;
use serde::Serialize;

use super::{Failure, print_json};
use crate::domain::text::sanitize_line;
use crate::domain::{Account, AccountDraft, Clock, Platform};
use crate::i18n::{account_error, fill, t};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum AccountCmd {
    /// Add an account: `twohats account add --client Marcel instagram @marcel`.
    Add {
        /// The client (name or id).
        #[arg(long)]
        client: String,
        #[command(flatten)]
        account: AccountArgs,
    },
    /// List accounts.
    List {
        /// One client (name or id); all clients when left out.
        #[arg(long)]
        client: Option<String>,
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Move an account to the trash (its posts and figures stay).
    Remove {
        /// The client (name or id).
        #[arg(long)]
        client: String,
        #[command(flatten)]
        account: AccountArgs,
    },
}

#[derive(Debug, clap::Args)]
pub struct AccountArgs {
    /// facebook, instagram, linkedin, x, tiktok, youtube, threads, mastodon, bluesky,
    /// pinterest, blog or forum.
    platform: String,
    /// The handle, page name or address (no spaces).
    handle: String,
}

impl AccountArgs {
    /// The account as the account form would save it, or the form's refusal.
    fn draft(&self) -> Result<AccountDraft, Failure> {
        let platform = Platform::parse(&self.platform).ok_or_else(|| {
            Failure::usage(fill(
                t().cli.cli_unknown_platform,
                &[("platform", &sanitize_line(&self.platform))],
            ))
        })?;
        AccountDraft {
            platform,
            handle: self.handle.clone(),
        }
        .validate()
        .map_err(|e| Failure::usage(format!("handle: {}", account_error(&e))))
    }
}

/// An account in JSON, as `client list`, `account list` and `posts list` give it.
#[derive(Serialize)]
pub struct AccountJson<'a> {
    id: i64,
    platform: &'static str,
    handle: &'a str,
}

impl<'a> From<&'a Account> for AccountJson<'a> {
    fn from(a: &'a Account) -> Self {
        AccountJson {
            id: a.id,
            platform: a.platform.key(),
            handle: &a.handle,
        }
    }
}

#[derive(Serialize)]
struct ListedJson<'a> {
    client: &'a str,
    client_id: i64,
    #[serde(flatten)]
    account: AccountJson<'a>,
}

pub fn run(store: &Store, clock: &dyn Clock, cmd: AccountCmd) -> Result<(), Failure> {
    let s = t();
    match cmd {
        AccountCmd::Add { client, account } => {
            let draft = account.draft()?;
            let client = store.find_client(&client)?;
            let id = store.insert_account(client.id, &draft, clock.now())?;
            super::out::line(&fill(
                s.cli.cli_account_added,
                &[
                    ("platform", draft.platform.name()),
                    ("handle", &draft.handle),
                    ("client", &sanitize_line(&client.name)),
                    ("id", &id.to_string()),
                ],
            ))?;
            Ok(())
        }
        AccountCmd::Remove { client, account } => {
            let draft = account.draft()?;
            let client = store.find_client(&client)?;
            let name = sanitize_line(&client.name);
            let found = store
                .find_account(client.id, draft.platform, &draft.handle)?
                .ok_or_else(|| {
                    Failure::usage(fill(
                        s.cli.cli_no_such_account,
                        &[
                            ("client", &name),
                            ("platform", draft.platform.name()),
                            ("handle", &draft.handle),
                        ],
                    ))
                })?;
            store.set_account_deleted(found.id, Some(clock.now()))?;
            super::out::line(&fill(
                s.cli.cli_account_removed,
                &[
                    ("platform", found.platform.name()),
                    ("handle", &sanitize_line(&found.handle)),
                    ("client", &name),
                    ("id", &found.id.to_string()),
                ],
            ))?;
            Ok(())
        }
        AccountCmd::List { client, json } => {
            let only = client.map(|c| store.find_client(&c)).transpose()?;
            let clients = store.clients()?;
            let accounts: Vec<Account> = store
                .accounts()?
                .into_iter()
                .filter(|a| only.as_ref().is_none_or(|c| c.id == a.client_id))
                .collect();
            let name = |id: i64| {
                clients
                    .iter()
                    .find(|c| c.id == id)
                    .map_or("", |c| c.name.as_str())
            };
            if json {
                let out: Vec<_> = accounts
                    .iter()
                    .map(|a| ListedJson {
                        client: name(a.client_id),
                        client_id: a.client_id,
                        account: AccountJson::from(a),
                    })
                    .collect();
                return print_json(&out);
            }
            if accounts.is_empty() {
                super::out::line(s.cli.cli_no_accounts)?;
            }
            for a in &accounts {
                super::out::line(&format!(
                    "{:>5}  {}  {:<9} {}",
                    a.id,
                    sanitize_line(name(a.client_id)),
                    a.platform.key(),
                    sanitize_line(&a.handle)
                ))?;
            }
            Ok(())
        }
    }
}
