//! `twohats inbox list [--client NAME] [--status pending|replied|ignored|all] [--json]`,
//! and the commands that change one item (in `inbox_change`).

use clap::Subcommand;
use serde::Serialize;

use super::inbox_change::{self, MarkAs};
use super::{Failure, print_json};
use crate::domain::Clock;
use crate::domain::inbox::{Filter, Order, StatusFilter};
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::{fill, t};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum InboxCmd {
    /// List inbox items, oldest waiting first.
    List {
        /// One client (name or id); all clients when left out.
        #[arg(long)]
        client: Option<String>,
        /// pending (new and follow-up), replied, ignored or all.
        #[arg(long, default_value = "pending")]
        status: String,
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Mark an item replied, ignored, follow-up or new.
    Mark {
        /// The item's id (see `twohats inbox list`).
        id: i64,
        /// replied, ignored, follow-up or new.
        #[arg(value_enum)]
        status: MarkAs,
    },
    /// Add tags to an item.
    Tag {
        /// The item's id (see `twohats inbox list`).
        id: i64,
        /// Tags, like vip delivery (a leading # is dropped).
        #[arg(required_unless_present = "replace")]
        tags: Vec<String>,
        /// Set exactly these tags (none: remove them all).
        #[arg(long)]
        replace: bool,
    },
    /// Send the reply to an item through its connection when it came from one (else
    /// record it for you to post), and mark it replied.
    Reply {
        /// The item's id (see `twohats inbox list`).
        id: i64,
        /// The reply.
        #[arg(
            long,
            conflicts_with = "text_file",
            required_unless_present = "text_file"
        )]
        text: Option<String>,
        /// Read the reply from this file (- for standard input).
        #[arg(long, value_name = "FILE")]
        text_file: Option<std::path::PathBuf>,
    },
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: i64,
    client: &'a str,
    platform: &'static str,
    kind: &'static str,
    author: &'a str,
    author_name: &'a str,
    text: &'a str,
    received_at: String,
    permalink: &'a str,
    external_id: Option<&'a str>,
    status: &'static str,
    priority: bool,
    sentiment: &'static str,
    tags: &'a [String],
    reply: &'a str,
    replied_at: Option<String>,
}

pub fn run(
    store: &mut Store,
    clock: &dyn Clock,
    cmd: InboxCmd,
    db: &std::path::Path,
) -> Result<(), Failure> {
    match cmd {
        InboxCmd::List {
            client,
            status,
            json,
        } => list(store, client, &status, json),
        InboxCmd::Mark { id, status } => inbox_change::mark(store, clock, id, status),
        InboxCmd::Tag { id, tags, replace } => inbox_change::tag(store, clock, id, &tags, replace),
        InboxCmd::Reply {
            id,
            text,
            text_file,
        } => {
            let text = match (text, text_file) {
                (Some(t), _) => t,
                (None, Some(f)) => inbox_change::read_text(&f)?,
                // clap requires one of them.
                (None, None) => String::new(),
            };
            let deliver = super::live::LiveDeliver {
                db: db.to_path_buf(),
            };
            inbox_change::reply(store, clock, id, &text, &deliver)
        }
    }
}

fn list(store: &Store, client: Option<String>, status: &str, json: bool) -> Result<(), Failure> {
    let client = client.map(|c| store.find_client(&c)).transpose()?;
    let status = StatusFilter::parse(status)
        .ok_or_else(|| Failure::usage(fill(t().cli.cli_unknown_status, &[("status", status)])))?;
    // Scripts rely on this order: oldest first while waiting, newest first otherwise.
    let order = if status == StatusFilter::Pending {
        Order::Oldest
    } else {
        Order::Newest
    };
    let filter = Filter {
        client: client.as_ref().map(|c| c.id),
        status,
        order,
        ..Filter::default()
    };
    let items = store.items_matching(&filter)?;
    let clients = store.clients()?;
    let name = |id: i64| {
        clients
            .iter()
            .find(|c| c.id == id)
            .map_or("", |c| c.name.as_str())
    };
    let rfc =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    if json {
        let out: Vec<ItemJson> = items
            .iter()
            .map(|i| ItemJson {
                id: i.id,
                client: name(i.client_id),
                platform: i.platform.key(),
                kind: i.kind.key(),
                author: &i.author,
                author_name: &i.author_name,
                text: &i.text,
                received_at: rfc(i.received_at),
                permalink: &i.permalink,
                external_id: i.external_id.as_deref(),
                status: i.status.key(),
                priority: i.priority,
                sentiment: i.sentiment().key(),
                tags: &i.tags,
                reply: &i.reply,
                replied_at: i.replied_at.map(rfc),
            })
            .collect();
        return print_json(&out);
    }
    if items.is_empty() {
        return super::out::line(t().cli.cli_inbox_empty);
    }
    for i in &items {
        let tz = clients
            .iter()
            .find(|c| c.id == i.client_id)
            .map_or(chrono_tz::UTC, |c| c.tz());
        // Outside text: made harmless before it reaches the terminal.
        super::out::line(&format!(
            "{:>6}  {}  {:<9} {:<7} {}  {:<9} {}: {}",
            i.id,
            sanitize_line(name(i.client_id)),
            i.platform.key(),
            i.kind.key(),
            i.received_at.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
            i.status.key(),
            sanitize_line(&i.author),
            truncate(&sanitize_line(&i.text), 60)
        ))?;
    }
    Ok(())
}
