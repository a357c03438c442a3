//! `twohats client add|edit|archive|unarchive|list`.

use clap::Subcommand;
use serde::Serialize;

use super::account::AccountJson;
use super::{Failure, print_json};
use crate::domain::client::{ClientError, DEFAULT_CURRENCY, system_timezone};
use crate::domain::text::sanitize_line;
use crate::domain::{Client, ClientDraft, Clock};
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
    /// Change a client's name, currency, time zone, reply target or notes (what is left
    /// out stays).
    #[command(group(
        clap::ArgGroup::new("change")
            .required(true)
            .multiple(true)
            .args(["new_name", "currency", "timezone", "reply_hours", "notes"])
    ))]
    Edit {
        /// The client (name or id).
        name: String,
        /// New name.
        #[arg(long = "name", id = "new_name", value_name = "NAME")]
        new_name: Option<String>,
        /// ISO 4217 code of the client's money.
        #[arg(long)]
        currency: Option<String>,
        /// IANA time zone; the client's posts keep their wall-clock times.
        #[arg(long)]
        timezone: Option<String>,
        /// Hours within which comments and messages should get a reply.
        #[arg(long)]
        reply_hours: Option<u32>,
        /// Notes about the client (they replace the old ones).
        #[arg(long)]
        notes: Option<String>,
    },
    /// Hide a client from the switcher and the daily views (nothing is deleted).
    Archive {
        /// The client (name or id).
        name: String,
    },
    /// Bring an archived client back.
    Unarchive {
        /// The client (name or id).
        name: String,
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
    client: &'a Client,
    accounts: Vec<AccountJson<'a>>,
}

/// A draft refused by the client form's own validation, as one message (`field: why`).
fn refused(errors: &[ClientError]) -> Failure {
    Failure::usage(
        errors
            .iter()
            .map(|e| crate::i18n::format::labelled(e.field(), &client_error(e)))
            .collect::<Vec<_>>()
            .join("; "),
    )
}

fn saved_line(template: &str, id: i64, d: &ClientDraft) -> String {
    fill(
        template,
        &[
            ("name", &sanitize_line(&d.name)),
            ("id", &id.to_string()),
            ("currency", &d.currency),
            ("timezone", &d.timezone),
        ],
    )
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
            let draft = draft.validate().map_err(|e| refused(&e))?;
            let id = store.insert_client(&draft, clock.now())?;
            super::out::line(&saved_line(t().cli.cli_client_added, id, &draft))?;
            Ok(())
        }
        ClientCmd::Edit {
            name,
            new_name,
            currency,
            timezone,
            reply_hours,
            notes,
        } => {
            // Read and written in one write transaction: the fields not given are
            // taken as they are at that moment, so a window's newer values stay, and
            // a window still showing the older client is asked before it saves.
            let (id, draft) = store.transaction_or(|tx| {
                let c = tx.find_client(&name)?;
                let draft = ClientDraft {
                    name: new_name.unwrap_or(c.name),
                    currency: currency.unwrap_or(c.currency),
                    timezone: timezone.unwrap_or(c.timezone),
                    reply_target_hours: reply_hours.unwrap_or(c.reply_target_hours),
                    notes: notes.unwrap_or(c.notes),
                };
                let draft = draft.validate().map_err(|e| refused(&e))?;
                tx.update_client(c.id, c.version, &draft)?;
                Ok::<_, Failure>((c.id, draft))
            })?;
            super::out::line(&saved_line(t().cli.cli_client_saved, id, &draft))?;
            Ok(())
        }
        ClientCmd::Archive { name } => set_archived(store, clock, &name, true),
        ClientCmd::Unarchive { name } => set_archived(store, clock, &name, false),
        ClientCmd::List { json, archived } => list(store, json, archived),
    }
}

/// Archives or brings back a client; asking for the state it is already in changes
/// nothing and says so.
fn set_archived(
    store: &Store,
    clock: &dyn Clock,
    name: &str,
    archive: bool,
) -> Result<(), Failure> {
    let c = store.find_client(name)?;
    let s = t();
    let template = match (archive, c.is_archived()) {
        (true, true) => s.cli.cli_client_already_archived,
        (false, false) => s.cli.cli_client_not_archived,
        (true, false) => {
            store.set_client_archived(c.id, Some(clock.now()))?;
            s.cli.cli_client_archived
        }
        (false, true) => {
            store.set_client_archived(c.id, None)?;
            s.cli.cli_client_unarchived
        }
    };
    super::out::line(&fill(template, &[("name", &sanitize_line(&c.name))]))?;
    Ok(())
}

fn list(store: &Store, json: bool, archived: bool) -> Result<(), Failure> {
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
                    .map(AccountJson::from)
                    .collect(),
            })
            .collect();
        return print_json(&out);
    }
    if clients.is_empty() {
        super::out::line(t().cli.cli_no_clients)?;
        return Ok(());
    }
    for c in &clients {
        let accs: Vec<String> = accounts
            .iter()
            .filter(|a| a.client_id == c.id)
            .map(|a| format!("{} {}", a.platform.key(), a.handle))
            .collect();
        let archived = if c.is_archived() {
            format!(" ({})", t().shell.archived)
        } else {
            String::new()
        };
        super::out::line(&format!(
            "{:>4}  {}{archived}  {} {} {}  {}",
            c.id,
            sanitize_line(&c.name),
            c.currency,
            c.timezone,
            fill(
                t().cli.cli_reply_within,
                &[("n", &c.reply_target_hours.to_string())]
            ),
            sanitize_line(&accs.join(", "))
        ))?;
    }
    Ok(())
}
