//! Live connections: one module per platform behind one interface ([`Connection`]: who
//! am I, pull notifications, pull counts, reply, publish), over a small HTTP seam
//! ([`http`]) whose base URLs are all injectable, and the secrets store ([`secrets`]:
//! the system keyring, else a `0600` file in the config folder; never the database).
//!
//! Everything here is blocking: the app runs it on a worker thread. Errors are values
//! ([`NetError`]) naming the account; the edges put them into words.
//!
//! - [`mastodon`]: app registration, OAuth with PKCE or a given token, notifications by
//!   `Link` pages and `min_id`, counts, replies and posts (held on the server with
//!   `scheduled_at`).
//! - [`bluesky`]: app-password sessions on the account's PDS with single-use refresh
//!   tokens rotated under a lock ([`Vault`]), notifications by cursor, counts, replies
//!   and posts with facets.

pub mod bluesky;
pub mod error;
pub mod http;
pub mod mastodon;
pub mod oauth;
pub mod secret;
pub mod secrets;
mod types;
pub mod vault;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use error::{NetError, NetErrorKind};
pub use secret::Secret;
pub use secrets::{Credentials, SecretsError, SecretsStore};
pub use types::*;
pub use vault::{SecretsVault, Vault};

use crate::domain::{Clock, Platform};
use http::Transport;

/// What every connection shares: how requests go out, and what time it is.
#[derive(Clone)]
pub struct NetEnv {
    pub transport: Arc<dyn Transport>,
    pub clock: Arc<dyn Clock>,
}

impl NetEnv {
    /// The real network and the given clock.
    pub fn new(clock: Arc<dyn Clock>) -> NetEnv {
        NetEnv {
            transport: Arc::new(http::UreqTransport::new()),
            clock,
        }
    }
}

/// Names one connection: a platform, the server it lives on and the account's handle,
/// and whose connection it is (`scope`: the database and its client and account).
/// Its secrets are stored under this name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConnectionKey {
    pub platform: Platform,
    /// The server's base URL (`https://mastodon.social`, the Bluesky PDS).
    pub server: String,
    /// `@user@server` on Mastodon, `@handle` on Bluesky, in lower case.
    pub handle: String,
    /// Keeps two databases, or two clients, connecting the same account from sharing
    /// (and so revoking or deleting) one secret. Empty in names from before scopes.
    #[serde(default)]
    pub scope: String,
}

impl ConnectionKey {
    pub fn new(platform: Platform, server: &str, handle: &str) -> ConnectionKey {
        let h = handle.trim().trim_start_matches('@').to_lowercase();
        ConnectionKey {
            platform,
            server: server.trim().trim_end_matches('/').to_lowercase(),
            handle: format!("@{h}"),
            scope: String::new(),
        }
    }

    /// The same connection, owned by `scope` (see [`ConnectionKey::scope`]).
    pub fn scoped(mut self, scope: impl Into<String>) -> ConnectionKey {
        self.scope = scope.into();
        self
    }

    /// The name secrets were kept under before scopes, read once to move them.
    pub fn legacy(&self) -> Option<ConnectionKey> {
        (!self.scope.is_empty()).then(|| ConnectionKey {
            scope: String::new(),
            ..self.clone()
        })
    }

    /// The name the secrets are kept under:
    /// `mastodon https://server @user@server db:… client:… account:…`.
    pub fn name(&self) -> String {
        let base = format!("{} {} {}", self.platform.key(), self.server, self.handle);
        if self.scope.is_empty() {
            base
        } else {
            format!("{base} {}", self.scope)
        }
    }

    /// The account as errors name it.
    pub fn label(&self) -> String {
        self.handle.clone()
    }
}

/// One connected account. Methods take `&mut self` because a call may renew the
/// session's tokens on the way.
pub trait Connection: Send {
    fn key(&self) -> &ConnectionKey;

    /// Who the credentials belong to, with the follower count now; a 401 here means
    /// the connection has expired.
    fn account(&mut self) -> Result<AccountInfo, NetError>;

    /// Mentions, replies, quotes and DMs newer than `since` (everything within
    /// `limits` the first time), as inbox item drafts built exactly as the file
    /// importers build them, with a summary of what was left out.
    fn pull_inbox(
        &mut self,
        since: Option<&Cursor>,
        limits: PullLimits,
    ) -> Result<InboxPull, NetError>;

    /// Followers now, and the counts of the given published posts, matched by address.
    fn pull_counts(&mut self, posts: &[PostRef], limits: PullLimits) -> Result<Counts, NetError>;

    /// Sends a reply to a pulled item.
    fn reply(&mut self, to: &ReplyTarget, message: &Outgoing) -> Result<Sent, NetError>;

    /// Publishes a post now, or holds it on the server when `schedule_at` is set and the
    /// platform can ([`Connection::can_schedule`]).
    fn publish(&mut self, post: &NewPost) -> Result<Published, NetError>;

    /// Refuses a post's text the platform would refuse (empty, over its limit),
    /// without sending it: `publish` checks it too, `--dry-run` only this.
    fn check_text(&mut self, _text: &str) -> Result<(), NetError> {
        Ok(())
    }

    /// Whether the server can hold a post until its time.
    fn can_schedule(&self) -> bool {
        false
    }

    /// Moves a post held on the server.
    fn reschedule(&mut self, _id: &str, _at: DateTime<Utc>) -> Result<Published, NetError> {
        Err(NetError::new(self.key().label(), NetErrorKind::Unsupported))
    }

    /// Withdraws a post held on the server.
    fn unschedule(&mut self, _id: &str) -> Result<(), NetError> {
        Err(NetError::new(self.key().label(), NetErrorKind::Unsupported))
    }

    /// Revokes the credentials on the server (best effort before `disconnect` deletes
    /// them locally).
    fn sign_out(&mut self) -> Result<(), NetError>;
}

/// Opens a stored connection: its non-secret profile (kept in the database) and the
/// vault holding its credentials.
pub fn open(
    env: &NetEnv,
    key: &ConnectionKey,
    profile: &Profile,
    vault: Arc<dyn Vault>,
) -> Result<Box<dyn Connection>, NetError> {
    match profile {
        Profile::Mastodon { server } => Ok(Box::new(mastodon::Mastodon::open(
            env,
            key.clone(),
            server,
            vault.as_ref(),
        )?)),
        Profile::Bluesky { pds, did } => Ok(Box::new(bluesky::Bluesky::open(
            env,
            key.clone(),
            pds,
            did,
            vault,
        )?)),
    }
}

#[cfg(test)]
mod tests;
