//! What can go wrong in a sync, a send or a reply, naming the client and the account.

use crate::domain::Platform;
use crate::domain::inbox::ItemId;
use crate::net::NetError;
use crate::store::{ConnectionRow, StoreError};

/// The account an error is about, as the user knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub client: String,
    pub platform: Platform,
    /// The handle.
    pub account: String,
    /// What `twohats connect` needs besides the platform and client to connect it
    /// again ([`ConnectionRow::reconnect_args`]).
    pub reconnect: String,
}

impl Who {
    pub fn of(row: &ConnectionRow, client: &str) -> Who {
        Who {
            client: client.to_string(),
            platform: row.platform,
            account: row.handle.clone(),
            reconnect: row.reconnect_args(),
        }
    }
}

#[derive(Debug)]
pub enum SyncError {
    /// The platform refused or could not be reached.
    Net {
        who: Who,
        error: Box<NetError>,
    },
    /// The stored connection cannot be read (written by another version): connect again.
    BadProfile {
        who: Who,
    },
    /// The account has no connection.
    NotConnected {
        who: Who,
    },
    /// The item did not come from a connection: a reply to it cannot be sent.
    NoReplyTarget {
        item: ItemId,
    },
    Store(StoreError),
}

impl SyncError {
    /// The connection must be made again.
    pub fn is_expired(&self) -> bool {
        match self {
            SyncError::Net { error, .. } => error.is_expired(),
            SyncError::BadProfile { .. } => true,
            _ => false,
        }
    }

    /// The kind stored with the connection (`last_error`).
    pub fn kind_key(&self) -> &'static str {
        use crate::net::NetErrorKind as K;
        match self {
            SyncError::Net { error, .. } => match &error.kind {
                K::Unauthorized | K::TokenExpired => "unauthorized",
                K::RateLimited { .. } => "rate_limited",
                K::Validation { .. } => "validation",
                K::Forbidden { .. } => "forbidden",
                K::NotFound => "not_found",
                K::Network { .. } => "network",
                K::Server { .. } => "server",
                K::Decode { .. } => "decode",
                K::BadUrl { .. } => "bad_url",
                K::BadInput(_) => "bad_input",
                K::Unsupported => "unsupported",
                K::Secrets(_) => "secrets",
                K::NoCredentials => "no_credentials",
            },
            SyncError::BadProfile { .. } => "bad_profile",
            SyncError::NotConnected { .. } => "not_connected",
            SyncError::NoReplyTarget { .. } => "no_reply_target",
            SyncError::Store(_) => "store",
        }
    }
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> SyncError {
        SyncError::Store(e)
    }
}
