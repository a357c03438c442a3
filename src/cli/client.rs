//! `twohats client add|list`.

use clap::Subcommand;
use serde::Serialize;

use super::Failure;
use crate::domain::client::{DEFAULT_CURRENCY, system_timezone};
use crate::domain::{ClientDraft, Clock};
use crate::i18n::{client_error, fill, t};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ClientCmd {
    /// Add a client.
    Add {
        name: String,
        /// ISO 4217 code of the client's money.
        #[arg(long, default_value = DEFAULT_CURRENCY)]
        currency: String,
        /// IANA time zone (default: this computer's, else Europe/Paris).
        #[arg(long)]
        timezone: Option<String>,
        /// Hours within which comments and messages should get a reply.
        #[arg(long, default_value_t = crate::domain::client::DEFAULT_REPLY_HOURS)]
        reply_hours: u32,
    },
    /// List clients.
    List {
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
        /// Include archived clients.
        #[arg(long)]
        archived: bool,
    },
}

#[derive(Serialize)]
struct ClientJson<'a> {
    #[serde(flatten)]
    client: &'a crate::domain::Client,
    accounts: Vec<AccountJson<'a>>,
}

#[derive(Serialize)]
struct AccountJson<'a> {
    platform: &'static str,
    handle: &'a str,
}

pub fn run(store: &mut Store, clock: &dyn Clock, cmd: ClientCmd) -> Result<(), Failure> {
    match cmd {
        ClientCmd::Add {
            name,
            currency,
            timezone,
            reply_hours,
        } => {
            let draft = ClientDraft {
                name,
                currency,
                timezone: timezone.unwrap_or_else(system_timezone),
                reply_target_hours: reply_hours,
                notes: String::new(),
            };
            let draft = draft.validate().map_err(|errors| {
                Failure::usage(
                    errors
                        .iter()
                        .map(|e| crate::i18n::format::labelled(e.field(), &client_error(e)))
                        .collect::<Vec<_>>()
                        .join("; "),
                )
            })?;
            let id = store.insert_client(&draft, clock.now())?;
            println!(
                "{}",
                fill(
                    t().cli_client_added,
                    &[
                        ("name", &draft.name),
                        ("id", &id.to_string()),
                        ("currency", &draft.currency),
                        ("timezone", &draft.timezone),
                    ],
                )
            );
            Ok(())
        }
        ClientCmd::List { json, archived } => {
            let clients: Vec<_> = store
                .clients()?
                .into_iter()
                .filter(|c| archived || !c.is_archived())
                .collect();
            let accounts = store.accounts()?;
            if json {
                let out: Vec<_> = clients
                    .iter()
                    .map(|c| ClientJson {
                        client: c,
                        accounts: accounts
                            .iter()
                            .filter(|a| a.client_id == c.id)
                            .map(|a| AccountJson {
                                platform: a.platform.key(),
                                handle: &a.handle,
                            })
                            .collect(),
                    })
                    .collect();
                let text = serde_json::to_string_pretty(&out)
                    .map_err(|e| Failure::failed(e.to_string()))?;
                println!("{text}");
                return Ok(());
            }
            if clients.is_empty() {
                println!("{}", t().cli_no_clients);
                return Ok(());
            }
            for c in &clients {
                let accs: Vec<String> = accounts
                    .iter()
                    .filter(|a| a.client_id == c.id)
                    .map(|a| format!("{} {}", a.platform.key(), a.handle))
                    .collect();
                let archived = if c.is_archived() {
                    format!(" ({})", t().archived)
                } else {
                    String::new()
                };
                println!(
                    "{:>4}  {}{archived}  {} {} {}  {}",
                    c.id,
                    crate::domain::text::sanitize_line(&c.name),
                    c.currency,
                    c.timezone,
                    fill(
                        t().cli_reply_within,
                        &[("n", &c.reply_target_hours.to_string())]
                    ),
                    crate::domain::text::sanitize_line(&accs.join(", "))
                );
            }
            Ok(())
        }
    }
}
