//! Opening a stored connection, and recording how a call on it failed.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::{SyncError, Who};
use crate::net::{self, Connection, ConnectionKey, NetError, NetErrorKind, Profile};
use crate::store::{ConnState, ConnectionRow, Store, StoreError};

/// How long to leave a server alone after a 429 that gave no reset time.
const DEFAULT_WAIT: Duration = Duration::minutes(5);

/// What a sync needs besides the store: the network and its clock, and where the
/// secrets are.
#[derive(Clone)]
pub struct SyncEnv {
    pub net: net::NetEnv,
    pub secrets: net::SecretsStore,
}

/// The name a connection's secrets are kept under: its platform, server and handle,
/// owned by this database's client and account.
pub fn key_of(store: &Store, row: &ConnectionRow) -> Result<ConnectionKey, StoreError> {
    let key = ConnectionKey::new(row.platform, &row.server, &row.handle);
    scoped(store, key, (row.client_id, row.account_id))
}

/// `key` as the secrets' name of the connection of this client's account here.
pub fn scoped(
    store: &Store,
    key: ConnectionKey,
    (client, account): (i64, i64),
) -> Result<ConnectionKey, StoreError> {
    let db = store.secrets_id()?;
    Ok(key.scoped(format!("db:{db} client:{client} account:{account}")))
}

/// Opens a stored connection, unless the server asked to be left alone until later
/// (then the answer is the same 429 it gave, without a request).
pub fn open_connection(
    store: &Store,
    env: &SyncEnv,
    row: &ConnectionRow,
    who: &Who,
    now: DateTime<Utc>,
) -> Result<Box<dyn Connection>, SyncError> {
    let net_err = |kind| SyncError::Net {
        who: who.clone(),
        error: Box::new(NetError::new(row.handle.clone(), kind)),
    };
    if let Some(until) = row.retry_at.filter(|t| *t > now) {
        return Err(net_err(NetErrorKind::RateLimited { until: Some(until) }));
    }
    let profile: Profile = serde_json::from_str(&row.profile)
        .map_err(|_| SyncError::BadProfile { who: who.clone() })?;
    let key = key_of(store, row).map_err(SyncError::Store)?;
    let vault = Arc::new(net::SecretsVault::new(env.secrets.clone(), key.clone()));
    net::open(&env.net, &key, &profile, vault).map_err(|error| SyncError::Net {
        who: who.clone(),
        error: Box::new(error),
    })
}

/// Records a failure on the connection: expired on a refused sign-in, the reset time
/// on a 429, the kind otherwise. A store failure is not recorded (it is the store).
pub fn store_failure(
    store: &Store,
    connection: i64,
    e: &SyncError,
    now: DateTime<Utc>,
) -> Result<(), SyncError> {
    if matches!(e, SyncError::Store(_) | SyncError::NoReplyTarget { .. }) {
        return Ok(());
    }
    // A text the platform refuses says nothing about the connection.
    if let SyncError::Net { error, .. } = e
        && error.is_bad_input()
    {
        return Ok(());
    }
    let state = if e.is_expired() {
        ConnState::Expired
    } else {
        ConnState::Error
    };
    let retry = match e {
        SyncError::Net { error, .. } => match error.kind {
            NetErrorKind::RateLimited { until } => Some(until.unwrap_or(now + DEFAULT_WAIT)),
            _ => None,
        },
        _ => None,
    };
    store
        .set_connection_state(connection, state, Some(e.kind_key()), retry)
        .map_err(SyncError::Store)
}

impl From<(Who, NetError)> for SyncError {
    fn from((who, error): (Who, NetError)) -> SyncError {
        SyncError::Net {
            who,
            error: Box::new(error),
        }
    }
}

/// A store error as a sync error (for `?` in closures).
pub(crate) fn st(e: StoreError) -> SyncError {
    SyncError::Store(e)
}
