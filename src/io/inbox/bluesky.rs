//! Bluesky's `app.bsky.notification.listNotifications` object: mentions, replies and
//! quotes are kept; likes, reposts, follows and reasons newer than this code are left out
//! and counted by reason.

use chrono_tz::Tz;
use serde::Deserialize;

use super::{Context, ImportError, Summary, json_error, line_of, parse_time};
use crate::domain::Platform;
use crate::domain::inbox::{ItemDraft, Kind};

#[derive(Deserialize)]
struct BskyAuthor {
    handle: String,
    #[serde(default, rename = "displayName")]
    display_name: Option<String>,
}

#[derive(Deserialize, Default)]
struct BskyRecord {
    #[serde(default)]
    text: String,
    #[serde(default, rename = "createdAt")]
    created_at: Option<String>,
}

#[derive(Deserialize)]
struct BskyNotification {
    uri: String,
    author: BskyAuthor,
    reason: String,
    #[serde(default)]
    record: BskyRecord,
    #[serde(rename = "indexedAt")]
    indexed_at: String,
}

#[derive(Deserialize)]
struct BskyList {
    notifications: Vec<BskyNotification>,
}

/// `https://bsky.app/profile/HANDLE/post/RKEY` from `at://DID/app.bsky.feed.post/RKEY`.
pub fn permalink(uri: &str, handle: &str) -> String {
    match uri.rsplit_once('/') {
        Some((_, rkey)) if uri.contains("/app.bsky.feed.post/") => {
            format!("https://bsky.app/profile/{handle}/post/{rkey}")
        }
        _ => String::new(),
    }
}

/// What the inbox makes of a notification's reason: mentions and quotes are mentions,
/// replies replies; `None` is left out (likes, reposts, follows, newer reasons).
pub fn kind_of(reason: &str) -> Option<Kind> {
    match reason {
        "mention" | "quote" => Some(Kind::Mention),
        "reply" => Some(Kind::Reply),
        _ => None,
    }
}

/// The fields of a notification an inbox item is made of.
pub struct Notice<'a> {
    pub uri: &'a str,
    pub handle: &'a str,
    pub display_name: Option<&'a str>,
    pub text: &'a str,
    pub created_at: Option<&'a str>,
    pub indexed_at: &'a str,
}

impl Notice<'_> {
    /// The inbox item: the one mapping a file import and a live sync share (the author
    /// as `@handle`, the record's text, its `createdAt` else the time it was indexed,
    /// the permalink, the URI as external id), so that they never store an item twice.
    /// The error is the time's.
    pub fn draft(&self, kind: Kind, tz: Tz) -> Result<ItemDraft, String> {
        let when = self.created_at.unwrap_or(self.indexed_at);
        Ok(ItemDraft {
            platform: Platform::Bluesky,
            kind,
            permalink: permalink(self.uri, self.handle),
            author: format!("@{}", self.handle),
            author_name: self.display_name.unwrap_or_default().to_string(),
            text: self.text.to_string(),
            received_at: parse_time(when, tz)?,
            external_id: Some(self.uri.to_string()),
        })
    }
}

pub(super) fn read(
    text: &str,
    ctx: &Context<'_>,
) -> Result<(Vec<ItemDraft>, Summary), ImportError> {
    let list: BskyList = serde_json::from_str(text).map_err(|e| json_error(ctx.file, e))?;
    let mut out = Vec::new();
    let mut summary = Summary::default();
    for n in list.notifications {
        let Some(kind) = kind_of(&n.reason) else {
            *summary.left_out.entry(n.reason).or_default() += 1;
            continue;
        };
        let line = text.find(&n.uri).map_or(0, |o| line_of(text, o));
        let notice = Notice {
            uri: &n.uri,
            handle: &n.author.handle,
            display_name: n.author.display_name.as_deref(),
            text: &n.record.text,
            created_at: n.record.created_at.as_deref(),
            indexed_at: &n.indexed_at,
        };
        out.push(
            notice
                .draft(kind, ctx.tz)
                .map_err(|m| ImportError::new(ctx.file, line, Some("createdAt"), m))?,
        );
    }
    Ok((out, summary))
}
