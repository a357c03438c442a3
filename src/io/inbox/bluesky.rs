//! Bluesky's `app.bsky.notification.listNotifications` object: mentions, replies and
//! quotes are kept; likes, reposts, follows and reasons newer than this code are left out
//! and counted by reason.

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
fn bsky_permalink(uri: &str, handle: &str) -> String {
    match uri.rsplit_once('/') {
        Some((_, rkey)) if uri.contains("/app.bsky.feed.post/") => {
            format!("https://bsky.app/profile/{handle}/post/{rkey}")
        }
        _ => String::new(),
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
        let kind = match n.reason.as_str() {
            "mention" => Kind::Mention,
            "reply" => Kind::Reply,
            "quote" => Kind::Mention,
            other => {
                *summary.left_out.entry(other.to_string()).or_default() += 1;
                continue;
            }
        };
        let line = text.find(&n.uri).map_or(0, |o| line_of(text, o));
        let when = n.record.created_at.as_deref().unwrap_or(&n.indexed_at);
        out.push(ItemDraft {
            platform: Platform::Bluesky,
            kind,
            permalink: bsky_permalink(&n.uri, &n.author.handle),
            author: format!("@{}", n.author.handle),
            author_name: n.author.display_name.unwrap_or_default(),
            text: n.record.text,
            received_at: parse_time(when, ctx.tz)
                .map_err(|m| ImportError::new(ctx.file, line, Some("createdAt"), m))?,
            external_id: Some(n.uri),
        });
    }
    Ok((out, summary))
}
