//! The inbox from `app.bsky.notification.listNotifications`: replies, mentions and
//! quotes, paged back with `cursor` until the newest notification of the last sync
//! (there is no "since").

use serde::Deserialize;

use super::Bluesky;
use crate::domain::inbox::Kind;
use crate::io::inbox::bluesky as inbox;
use crate::io::inbox::parse_time;
use crate::net::error::{NetError, NetErrorKind};
use crate::net::http::{Method, Query};
use crate::net::{Cursor, InboxPull, PullLimits, PullSummary, PulledItem, ReplyTarget};

/// The API's largest page.
const PAGE: usize = 100;

#[derive(Deserialize)]
struct List {
    #[serde(default)]
    cursor: Option<String>,
    notifications: Vec<Notification>,
}

#[derive(Deserialize)]
struct Notification {
    uri: String,
    cid: String,
    author: Author,
    /// Kept as text: unknown reasons are counted by name and left out.
    reason: String,
    #[serde(default)]
    record: Record,
    #[serde(rename = "indexedAt")]
    indexed_at: String,
}

#[derive(Deserialize)]
struct Author {
    handle: String,
    #[serde(default, rename = "displayName")]
    display_name: Option<String>,
}

#[derive(Deserialize, Default)]
struct Record {
    #[serde(default)]
    text: String,
    #[serde(default, rename = "createdAt")]
    created_at: Option<String>,
    #[serde(default)]
    reply: Option<ReplyRefs>,
}

#[derive(Deserialize)]
struct ReplyRefs {
    root: StrongRef,
}

#[derive(Deserialize)]
struct StrongRef {
    uri: String,
    cid: String,
}

/// Reasons the API documents; anything else is counted as `other`.
const KNOWN_REASONS: [&str; 11] = [
    "like",
    "repost",
    "follow",
    "mention",
    "reply",
    "quote",
    "starterpack-joined",
    "verified",
    "unverified",
    "like-via-repost",
    "repost-via-repost",
];

/// Where the last pull stopped: the newest notification's time and URI.
struct Mark {
    indexed_at: String,
    uri: String,
}

impl Mark {
    fn parse(c: &Cursor) -> Option<Mark> {
        let (t, uri) = c.as_str().split_once(' ')?;
        Some(Mark {
            indexed_at: t.to_string(),
            uri: uri.to_string(),
        })
    }

    fn cursor(&self) -> Cursor {
        Cursor(format!("{} {}", self.indexed_at, self.uri))
    }

    /// Already seen: the same notification, or one indexed before it.
    fn covers(&self, n: &Notification) -> bool {
        n.uri == self.uri || older(&n.indexed_at, &self.indexed_at)
    }
}

fn older(a: &str, b: &str) -> bool {
    match (parse_time(a, chrono_tz::UTC), parse_time(b, chrono_tz::UTC)) {
        (Ok(a), Ok(b)) => a < b,
        _ => false,
    }
}

pub(super) fn pull(
    b: &mut Bluesky,
    since: Option<&Cursor>,
    limits: PullLimits,
) -> Result<InboxPull, NetError> {
    const EP: &str = "/xrpc/app.bsky.notification.listNotifications";
    let mark = since.and_then(Mark::parse);
    let mut summary = PullSummary::default();
    let mut items = Vec::new();
    let mut newest: Option<Mark> = None;
    let mut page_cursor: Option<String> = None;
    'pages: loop {
        if summary.pages >= limits.max_pages {
            summary.more = true;
            break;
        }
        let q = Query::new()
            .add("limit", PAGE.to_string())
            .add_opt("cursor", page_cursor.as_deref());
        let path = format!("{EP}{}", q.render());
        let resp = b.call(|base, token| {
            crate::net::http::Request::new(Method::Get, base.join(&path)).bearer(token)
        })?;
        let list: List = b.api.decode(&resp, EP)?;
        summary.pages += 1;
        if list.notifications.is_empty() {
            break;
        }
        for n in list.notifications {
            if mark.as_ref().is_some_and(|m| m.covers(&n)) {
                break 'pages;
            }
            if newest.is_none() {
                newest = Some(Mark {
                    indexed_at: n.indexed_at.clone(),
                    uri: n.uri.clone(),
                });
            }
            let Some(kind) = inbox::kind_of(&n.reason) else {
                let name = if KNOWN_REASONS.contains(&n.reason.as_str()) {
                    n.reason.as_str()
                } else {
                    "other"
                };
                *summary.left_out.entry(name.to_string()).or_default() += 1;
                continue;
            };
            items.push(item(b, n, kind)?);
        }
        match list.cursor {
            Some(c) if page_cursor.as_deref() != Some(&c) => page_cursor = Some(c),
            _ => break,
        }
    }
    Ok(InboxPull {
        items,
        cursor: newest.map(|m| m.cursor()),
        summary,
    })
}

/// An inbox item as the file importer reads one (the same mapping), with what a reply
/// to it needs.
fn item(b: &Bluesky, n: Notification, kind: Kind) -> Result<PulledItem, NetError> {
    let draft = inbox::Notice {
        uri: &n.uri,
        handle: &n.author.handle,
        display_name: n.author.display_name.as_deref(),
        text: &n.record.text,
        created_at: n.record.created_at.as_deref(),
        indexed_at: &n.indexed_at,
    }
    .draft(kind, chrono_tz::UTC)
    .map_err(|_| {
        b.api.err(NetErrorKind::Decode {
            endpoint: "app.bsky.notification.listNotifications".into(),
            detail: format!("{}: createdAt", n.uri),
        })
    })?;
    let (root_uri, root_cid) = match n.record.reply {
        Some(r) => (r.root.uri, r.root.cid),
        None => (n.uri.clone(), n.cid.clone()),
    };
    Ok(PulledItem {
        draft,
        reply_to: ReplyTarget::Bluesky {
            uri: n.uri,
            cid: n.cid,
            root_uri,
            root_cid,
        },
    })
}
