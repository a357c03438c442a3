//! The values that cross the [`Connection`](super::Connection) interface.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::inbox::ItemDraft;

/// What a connection keeps in the database besides its name: where it lives and, on
/// Bluesky, whose repository it is. Nothing here is secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", rename_all = "snake_case")]
pub enum Profile {
    Mastodon { server: String },
    Bluesky { pds: String, did: String },
}

/// Where the last sync stopped, opaque to the caller: store it, hand it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cursor(pub String);

impl Cursor {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Bounds on one pull, so a first sync of a busy account or a server that pages
/// forever never runs away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PullLimits {
    pub max_pages: usize,
}

impl Default for PullLimits {
    fn default() -> Self {
        PullLimits { max_pages: 50 }
    }
}

/// What a pull brought.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxPull {
    /// Newest first, as the server gave them.
    pub items: Vec<PulledItem>,
    /// To store and hand back next time; `None` when nothing new was seen (keep the
    /// old one).
    pub cursor: Option<Cursor>,
    pub summary: PullSummary,
}

/// An inbox item draft and what a reply to it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PulledItem {
    pub draft: ItemDraft,
    pub reply_to: ReplyTarget,
}

/// What a pull saw besides its items, so the user is told.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullSummary {
    pub pages: usize,
    /// Notifications whose post was deleted (`status: null`).
    pub skipped_deleted: usize,
    /// Notifications of other types (favourites, follows, unknown newer ones) by type;
    /// types the API does not document are counted under `other`.
    pub left_out: BTreeMap<String, usize>,
    /// Notifications the server holds back under the account's notification policy
    /// (Mastodon); `None` when the server does not say.
    pub filtered: Option<Filtered>,
    /// The page bound was reached: older items were not fetched (first sync) or newer
    /// ones wait for the next sync (the cursor stops where this one did).
    pub more: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filtered {
    /// Accounts asking to reach the user (notification requests).
    pub requests: u64,
    /// Notifications held back in all.
    pub notifications: u64,
}

/// Who and how to answer. Kept with the item (as JSON) until the user replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", rename_all = "snake_case")]
pub enum ReplyTarget {
    Mastodon {
        status_id: String,
        /// The author's `acct` (`user` on the same server, `user@server` elsewhere).
        acct: String,
        visibility: Visibility,
    },
    Bluesky {
        uri: String,
        cid: String,
        root_uri: String,
        root_cid: String,
    },
}

/// Mastodon's visibilities; an unknown one is answered as `direct`, the narrowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    Unlisted,
    Private,
    Direct,
    #[serde(other)]
    Unknown,
}

impl Visibility {
    /// The visibility a status names (`"direct"`...); an unknown one is `Unknown`.
    pub fn from_key(key: &str) -> Visibility {
        match key {
            "public" => Visibility::Public,
            "unlisted" => Visibility::Unlisted,
            "private" => Visibility::Private,
            "direct" => Visibility::Direct,
            _ => Visibility::Unknown,
        }
    }

    /// What a reply to a post of this visibility is sent with.
    pub fn as_reply(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Unlisted => "unlisted",
            Visibility::Private => "private",
            Visibility::Direct | Visibility::Unknown => "direct",
        }
    }
}

/// A published post whose counts are wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRef {
    /// Its address as stored (the permalink the publish returned, or an imported one).
    pub address: String,
    pub published_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub followers: u64,
    pub posts: Vec<PostCounts>,
    /// Addresses not found among the account's recent posts (deleted, or older than
    /// the pages read).
    pub not_found: Vec<String>,
}

/// Per-post values, as the platform counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostCounts {
    /// The address as the caller gave it.
    pub address: String,
    /// Favourites on Mastodon, likes on Bluesky.
    pub likes: u64,
    /// Boosts, reposts.
    pub reposts: u64,
    pub replies: u64,
    /// `None` when the server does not count quotes.
    pub quotes: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountInfo {
    /// The platform's id (a Mastodon account id, a DID).
    pub id: String,
    /// `@user@server` on Mastodon, `@handle` on Bluesky.
    pub handle: String,
    pub display_name: String,
    pub followers: u64,
    pub posts: Option<u64>,
}

/// A reply or a post to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub text: String,
    /// ISO 639-1 (`fr`), when known.
    pub language: Option<String>,
    /// The same for every attempt at sending this text, so a retry never posts twice.
    pub key: IdempotencyKey,
    /// When the first attempt was made (recorded before sending): Bluesky's
    /// `createdAt` and record key come from it, so a retry makes the same record.
    pub sent_at: DateTime<Utc>,
    /// A previous attempt may have gone through (the app stopped between sending and
    /// marking): check before sending again where the platform allows.
    pub resume: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPost {
    pub message: Outgoing,
    /// Hold the post on the server until then (Mastodon, 5 minutes ahead at least).
    pub schedule_at: Option<DateTime<Utc>>,
}

/// A reply or post the server took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The platform's id (a status id, an `at://` URI).
    pub id: String,
    /// Its address for people (the permalink).
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// Out now. `scheduling_ignored`: a time was asked for but the server published at
    /// once (GoToSocial before 0.20 did).
    Posted {
        post: Sent,
        scheduling_ignored: bool,
    },
    /// Held on the server until `at` (its id names it for moves and withdrawals).
    Scheduled { id: String, at: DateTime<Utc> },
}

/// The `Idempotency-Key` of a send: derive it from what identifies the send (the post
/// or item, and the text), never from the time of the attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdempotencyKey(pub String);

impl IdempotencyKey {
    /// 32 hex digits of the SHA-256 of the parts.
    pub fn derive(parts: &[&str]) -> IdempotencyKey {
        let mut h = Sha256::new();
        h.update(b"twohats-idempotency");
        for p in parts {
            h.update([0u8]);
            h.update(p.as_bytes());
        }
        let digest = h.finalize();
        IdempotencyKey(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
