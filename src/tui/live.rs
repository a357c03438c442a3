//! Live connections in the app: the jobs the worker thread runs (network work never runs
//! on the key path), what it answers, and what the model keeps of them. The worker
//! itself is [`super::worker`]; `update/live.rs` turns its answers into the model.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::domain::ClientId;
use crate::domain::inbox::{Item, ItemId};
use crate::domain::post::PostId;

/// The setting that holds how often the app syncs, in minutes (0: only on the key).
pub const SYNC_MINUTES: &str = "sync_minutes";
/// How often the app syncs when the setting was never set.
pub const DEFAULT_SYNC_MINUTES: u32 = 15;
/// The longest interval the setting takes (a day).
pub const MAX_SYNC_MINUTES: u32 = 1440;

/// Network work, run on the worker thread with a store of its own.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Pull what is new from every connected account (of a client, or all).
    Sync { client: Option<ClientId> },
    /// Send the saved reply of an item through the connection it came from, then mark it
    /// replied.
    SendReply { item: Box<Item>, text: String },
    /// Send a post now on its connected accounts.
    PublishNow { post: PostId },
    /// Hold a scheduled post on the servers that can (Mastodon).
    Hold { post: PostId },
    /// A post moved or went: move or withdraw its held copies.
    KeepInStep { post: PostId },
    /// Sign an account in and keep its connection.
    Connect(Box<ConnectJob>),
    /// The first step of Mastodon's sign-in: register twohats on the server and make the
    /// address where the user approves it.
    Authorize { account: i64, server: String },
    /// Forget a connection: tell the server (best effort), delete its secrets and row.
    Disconnect { connection: i64 },
}

/// How an account signs in. The secrets travel in [`crate::net::Secret`]s, which never
/// show in a debug print.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectJob {
    pub client: ClientId,
    pub account: i64,
    pub how: SignIn,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SignIn {
    /// A token made in the server's Preferences > Development.
    MastodonToken {
        server: String,
        token: crate::net::Secret,
    },
    /// The code shown after approving twohats, with what [`Job::Authorize`] made.
    MastodonCode {
        pending: Box<Authorizing>,
        code: crate::net::Secret,
    },
    /// Bluesky with an app password; `pds` optional.
    Bluesky {
        pds: String,
        password: crate::net::Secret,
    },
}

/// Mastodon's sign-in between its two steps: the app registered on the server and the
/// proof (PKCE) that the code comes back to the one who asked.
#[derive(Debug, Clone)]
pub struct Authorizing {
    pub account: i64,
    pub server: String,
    pub url: String,
    pub app: crate::net::mastodon::App,
    pub pkce: crate::net::oauth::Pkce,
}

// Compared by what the user sees (the secrets of the pair are never compared).
impl PartialEq for Authorizing {
    fn eq(&self, other: &Self) -> bool {
        (self.account, &self.server, &self.url) == (other.account, &other.server, &other.url)
    }
}

/// What the worker answers (`Action::Live`).
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    /// Account `index` of `total` is being synced.
    SyncAccount {
        index: usize,
        total: usize,
        account: String,
    },
    /// A sync ended: one line per account.
    SyncDone(Vec<AccountLine>),
    /// A sync stopped on the store (the words say why).
    SyncFailed(String),
    ReplySent {
        item: ItemId,
        platform: &'static str,
        url: String,
    },
    /// The reply stays saved; the item is not marked replied.
    ReplyFailed {
        item: ItemId,
        error: String,
    },
    /// What a publish, a hold or a keep-in-step did, worded, and whether a step failed.
    Published {
        post: PostId,
        lines: Vec<String>,
        failed: bool,
    },
    /// Mastodon's sign-in waits for the code shown at `url`.
    Authorizing(Box<Authorizing>),
    Connected {
        account: String,
        place: String,
    },
    Disconnected {
        account: String,
        /// The server could not be told (the words say why).
        unrevoked: Option<String>,
    },
    /// A connect or disconnect failed.
    ConnectFailed(String),
}

impl Heard {
    /// Whether the worker stored something the screens show: they read again at once
    /// (another window's writes are noticed on the next tick; these are not waited for).
    pub fn stored(&self) -> bool {
        match self {
            Heard::SyncDone(lines) => lines.iter().any(|l| l.new > 0),
            Heard::ReplySent { .. }
            | Heard::Published { .. }
            | Heard::Connected { .. }
            | Heard::Disconnected { .. } => true,
            _ => false,
        }
    }
}

/// One account's sync, worded.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountLine {
    pub account: String,
    pub new: usize,
    /// The failure, worded by [`crate::explain`] (it names the account and what to do).
    pub error: Option<String>,
}

/// What the model keeps of live work.
#[derive(Debug, Clone, Default)]
pub struct LiveState {
    /// A sync is running (another one is not started).
    pub syncing: bool,
    /// How often to sync, in minutes (0: only on the key).
    pub minutes: u32,
    /// When the next sync starts by itself.
    pub next_sync: Option<DateTime<Utc>>,
    /// Items whose reply is being sent.
    pub sending: BTreeSet<ItemId>,
    /// Posts being published, held or kept in step.
    pub publishing: BTreeSet<PostId>,
    /// A connect or disconnect is running.
    pub connecting: bool,
    /// The reply saved now is sent once saved: the item.
    pub send_after_save: Option<ItemId>,
    /// Items that can be answered live (they came from a connection still there).
    pub can_send: BTreeSet<ItemId>,
    /// Mastodon's sign-in waiting for its code.
    pub authorizing: Option<Box<Authorizing>>,
    /// The post or connection a confirmation on screen is about.
    pub asked: Option<i64>,
    /// The item whose reply form was last asked about ([`crate::sync::can_send`]).
    pub checked: Option<ItemId>,
}
