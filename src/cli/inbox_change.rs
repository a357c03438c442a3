//! `twohats inbox mark|tag|reply`: changes to one inbox item, through the same domain
//! operations as the app's keys (`m`, `i`, `w`, `t`, `r`), in one transaction each. An
//! id that is unknown or in the trash is refused (exit 2) and nothing changes.

use std::io::Read;
use std::path::Path;

use super::Failure;
use crate::domain::Clock;
use crate::domain::inbox::{Item, ItemId, Op, parse_tags};
use crate::domain::text::sanitize_line;
use crate::i18n::format::labelled;
use crate::i18n::{fill, inbox_status, t};
use crate::io::source::{self, Limits, SourceError};
use crate::store::Store;

/// The statuses `inbox mark` sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MarkAs {
    Replied,
    Ignored,
    #[value(name = "follow-up", alias = "follow_up")]
    FollowUp,
    // Back to new, for an item marked by mistake.
    New,
}

impl MarkAs {
    fn op(self) -> Op {
        match self {
            MarkAs::Replied => Op::MarkReplied,
            MarkAs::Ignored => Op::Ignore,
            MarkAs::FollowUp => Op::FollowUp,
            MarkAs::New => Op::Reopen,
        }
    }
}

fn not_found(id: ItemId) -> Failure {
    let s = t();
    Failure::usage(fill(
        s.data.store_not_found,
        &[(
            "what",
            &fill(s.data.nf_inbox_item, &[("id", &id.to_string())]),
        )],
    ))
}

/// Applies `ops` to a live item, or refuses an unknown id.
fn change(store: &mut Store, clock: &dyn Clock, id: ItemId, ops: &[Op]) -> Result<Item, Failure> {
    store
        .change_live_item(id, ops, clock.now())?
        .ok_or_else(|| not_found(id))
}

pub fn mark(store: &mut Store, clock: &dyn Clock, id: ItemId, to: MarkAs) -> Result<(), Failure> {
    let it = change(store, clock, id, &[to.op()])?;
    super::out::line(&fill(
        t().cli.cli_item_marked,
        &[("id", &id.to_string()), ("status", inbox_status(it.status))],
    ))?;
    Ok(())
}

/// Adds tags (read as the app's tag field reads them), or sets exactly these with
/// `replace`.
pub fn tag(
    store: &mut Store,
    clock: &dyn Clock,
    id: ItemId,
    tags: &[String],
    replace: bool,
) -> Result<(), Failure> {
    let tags = parse_tags(&tags.join(" "));
    if tags.is_empty() && !replace {
        return Err(Failure::usage(t().cli.cli_no_tags));
    }
    let op = if replace {
        Op::SetTags(tags)
    } else {
        Op::AddTags(tags)
    };
    let it = change(store, clock, id, &[op])?;
    let shown = if it.tags.is_empty() {
        t().strategy.none.to_string()
    } else {
        sanitize_line(&it.tags.join(", "))
    };
    super::out::line(&fill(
        t().cli.cli_item_tagged,
        &[("id", &id.to_string()), ("tags", &shown)],
    ))?;
    Ok(())
}

/// What became of a reply besides being recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    /// Recorded only: the user posts it on the platform.
    NotSent,
    /// Sent through the item's connection: the reply's address.
    Sent { url: String },
}

/// The step that takes a reply to its platform. It runs before the reply is recorded,
/// so a reply that could not go out is not marked replied. Today there are no live
/// [`RecordOnly`] sends nothing; `cli::live::LiveDeliver` sends through the item's
/// connection when it came from one.
pub trait Deliver {
    fn deliver(&self, item: &Item, text: &str) -> Result<Delivered, Failure>;
}

/// The most a reply's text file may hold: far more than any platform's longest post
/// (Facebook's 63,206 characters), far less than what would fill the memory.
pub const MAX_REPLY_BYTES: u64 = 1024 * 1024;

/// The reply text of `--text-file` (`-`: standard input): a regular file (as the
/// importers read them: a device or a FIFO is refused before anything waits on it) of at
/// most [`MAX_REPLY_BYTES`], in UTF-8 or UTF-16.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let shown = path.display().to_string();
    let limits = Limits {
        max_bytes: MAX_REPLY_BYTES,
    };
    // Standard input is not read to its end: its size is not known, only the limit.
    let too_large = || {
        Failure::usage(fill(
            t().cli.cli_reply_too_large,
            &[
                ("path", &shown),
                ("limit", &source::size_text(MAX_REPLY_BYTES)),
            ],
        ))
    };
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_REPLY_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Failure::usage(labelled(&shown, &e.to_string())))?;
        if buf.len() as u64 > MAX_REPLY_BYTES {
            return Err(too_large());
        }
        buf
    } else {
        match source::read_file(path, limits) {
            Ok(b) => b,
            Err(SourceError::TooLarge { .. }) => return Err(too_large()),
            Err(e) => return Err(super::import::source_failure(path, e)),
        }
    };
    crate::io::text::decode(&bytes)
        .map(|t| t.into_owned())
        .map_err(|m| Failure::usage(labelled(&shown, &m)))
}

/// Records `text` as the item's reply and marks it replied, after `deliver` took it
/// where it goes.
pub fn reply(
    store: &mut Store,
    clock: &dyn Clock,
    id: ItemId,
    text: &str,
    deliver: &dyn Deliver,
) -> Result<(), Failure> {
    // As the app's reply form keeps it.
    let text = text.trim_end();
    if text.trim().is_empty() {
        return Err(Failure::usage(t().cli.cli_reply_empty));
    }
    let item = store.live_item(id)?.ok_or_else(|| not_found(id))?;
    let delivered = deliver.deliver(&item, text)?;
    let it = change(
        store,
        clock,
        id,
        &[Op::SetReply(text.to_string()), Op::MarkReplied],
    )?;
    let (message, url) = match &delivered {
        Delivered::NotSent => (t().cli.cli_item_replied, String::new()),
        Delivered::Sent { url } => (t().live.cli_item_sent, sanitize_line(url)),
    };
    super::out::line(&fill(
        message,
        &[
            ("id", &id.to_string()),
            ("platform", it.platform.name()),
            ("url", &url),
        ],
    ))?;
    Ok(())
}
