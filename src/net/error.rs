//! What can go wrong with a connection, as values: the edges (cli, tui) put them into
//! words with the catalogue. Nothing here ever holds a token, a password or a code.

use chrono::{DateTime, Utc};

use super::secrets::SecretsError;

/// A failed call, naming the account it was made for (`@alice@mastodon.social`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetError {
    /// The account as the user knows it, for the message.
    pub account: String,
    pub kind: NetErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetErrorKind {
    /// The server refused the credentials (401, or a refresh token already used or
    /// revoked): the connection has expired and must be made again.
    Unauthorized,
    /// Bluesky's access token has run out; the client refreshes it by itself and only
    /// returns this when it cannot.
    TokenExpired,
    /// Too many calls: nothing is sent to this server before `until` (from
    /// `X-RateLimit-Reset`, `ratelimit-reset` or `Retry-After`; `None` when it gave none).
    RateLimited { until: Option<DateTime<Utc>> },
    /// The server refused what was sent (422, or 400 from Bluesky), in its own words.
    Validation {
        code: Option<String>,
        message: String,
    },
    /// The token lacks a permission (403), in the server's words.
    Forbidden { message: String },
    /// The thing asked for is not (or no longer) there (404).
    NotFound,
    /// The server could not be reached or the connection broke: nothing was lost, the
    /// next sync catches up. `detail` is the kind of failure, never a URL or a header.
    Network { detail: NetworkFailure },
    /// The server failed (5xx or an unexpected status).
    Server { status: u16, message: String },
    /// The answer was not what the API documents.
    Decode { endpoint: String, detail: String },
    /// An address the app will not send credentials to: `http://` other than loopback,
    /// another scheme, or not an address at all.
    BadUrl { url: String, reason: UrlProblem },
    /// What the caller asked for cannot be sent as it is.
    BadInput(InputProblem),
    /// The platform cannot do this (scheduling on the server, say).
    Unsupported,
    /// The stored credentials could not be read or written.
    Secrets(SecretsError),
    /// No credentials are stored for this connection: connect again.
    NoCredentials,
}

/// Why a network call failed, without any of its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFailure {
    /// The name did not resolve.
    Dns,
    /// Refused, unreachable, or reset while connecting.
    Connect,
    /// No answer in time.
    Timeout,
    /// The secure connection could not be made (certificate, protocol).
    Tls,
    /// The connection broke while talking.
    Io,
    /// The answer was bigger than the app reads.
    TooLarge,
    /// The server sent a redirect; the app does not follow them with credentials.
    Redirect,
    /// Plain `http://` to an address other than loopback: refused before sending.
    Insecure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not an `https://` address (plain `http://` is only for loopback addresses).
    NotHttps,
    /// Not a server address (`https://host[:port]`, no user, query or fragment).
    Malformed,
}

/// What is wrong with a post or reply before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    /// Nothing to send.
    EmptyText,
    /// Longer than the platform takes: `count` of `limit` in `unit`.
    TooLong {
        count: usize,
        limit: usize,
        unit: LengthUnit,
    },
    /// Mastodon holds a post only 5 minutes ahead or more.
    ScheduleTooSoon { earliest: DateTime<Utc> },
    /// The item was not pulled from this platform's connection.
    WrongPlatform,
    /// A Bluesky sign-in with the account password: only app passwords are taken.
    NotAppPassword,
    /// The handle does not say which server (Mastodon: `user@server`).
    NoServer,
    /// The server refused a sign-in: the handle or the (app) password is wrong.
    BadSignIn,
    /// The credentials belong to another account than the one being connected.
    OtherAccount { answered: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthUnit {
    Graphemes,
    Bytes,
}

impl NetError {
    pub fn new(account: impl Into<String>, kind: NetErrorKind) -> NetError {
        NetError {
            account: account.into(),
            kind,
        }
    }

    /// The connection must be made again (Today shows "reconnect <account>").
    pub fn is_expired(&self) -> bool {
        matches!(
            self.kind,
            NetErrorKind::Unauthorized | NetErrorKind::TokenExpired | NetErrorKind::NoCredentials
        )
    }

    /// Worth trying again later without changing anything: the network, a busy or
    /// failing server, a rate limit.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.kind,
            NetErrorKind::Network { .. }
                | NetErrorKind::RateLimited { .. }
                | NetErrorKind::Server { .. }
        )
    }

    /// A request that sends something may have reached the server: the connection
    /// broke or timed out after it went, or the answer was too big to read. Whether it
    /// was taken is unknown (a retry as the same send finds out).
    pub fn may_have_arrived(&self) -> bool {
        matches!(
            self.kind,
            NetErrorKind::Network {
                detail: NetworkFailure::Io | NetworkFailure::Timeout | NetworkFailure::TooLarge
            }
        )
    }

    /// The caller's input was refused (exit code 2 on the command line).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self.kind,
            NetErrorKind::BadInput(_) | NetErrorKind::BadUrl { .. }
        )
    }
}
