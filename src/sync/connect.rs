//! Keeping a signed-in account and forgetting it, for the command line and the app:
//! the secrets to the keyring or a `0600` file (never the database), the connection's
//! row to the store.

use chrono::{DateTime, Utc};

use super::open::scoped;
use super::{SyncEnv, SyncError, Who, key_of, open_connection};
use crate::domain::Platform;
use crate::net::http::BaseUrl;
use crate::net::secrets::Location;
use crate::net::{
    ConnectionKey, Credentials, NetEnv, NetError, NetErrorKind, Profile, SecretsStore, bluesky,
    error::InputProblem, mastodon,
};
use crate::store::{ConnectionRow, NewConnection, Store, StoreError};

/// What keeping or forgetting a connection can fail on.
#[derive(Debug)]
pub enum KeepError {
    Net(NetError),
    Store(StoreError),
}

impl From<NetError> for KeepError {
    fn from(e: NetError) -> KeepError {
        KeepError::Net(e)
    }
}

impl From<StoreError> for KeepError {
    fn from(e: StoreError) -> KeepError {
        KeepError::Store(e)
    }
}

/// Asks the server who a Mastodon token belongs to: the name its secrets go under, and
/// the profile kept with the connection.
pub fn mastodon_identity(
    env: &NetEnv,
    base: &BaseUrl,
    handle: &str,
    creds: &Credentials,
) -> Result<(ConnectionKey, Profile), NetError> {
    let probe_key = ConnectionKey::new(crate::domain::Platform::Mastodon, base.as_str(), handle);
    let mut probe = mastodon::Mastodon::new(env, probe_key, base, creds.clone())?;
    let me = crate::net::Connection::account(&mut probe)?;
    Ok((
        ConnectionKey::new(crate::domain::Platform::Mastodon, base.as_str(), &me.handle),
        Profile::Mastodon {
            server: base.as_str().to_string(),
        },
    ))
}

/// Where Bluesky accounts sign in when no PDS is named; the environment variable
/// points it elsewhere (a test server, a self-hosted entryway).
pub const BLUESKY_ENTRYWAY_ENV: &str = "TWOHATS_BLUESKY_ENTRYWAY";

/// The Bluesky sign-in address: the environment's, else Bluesky's own.
pub fn bluesky_entryway() -> String {
    std::env::var(BLUESKY_ENTRYWAY_ENV).unwrap_or_else(|_| bluesky::DEFAULT_ENTRYWAY.to_string())
}

/// A Bluesky session as a connection: the name its secrets go under (the handle the
/// server answered, at its PDS), its credentials and the profile kept with it.
pub fn bluesky_identity(session: bluesky::Session) -> (ConnectionKey, Credentials, Profile) {
    let key = ConnectionKey::new(
        crate::domain::Platform::Bluesky,
        session.pds.as_str(),
        &session.handle,
    );
    let profile = Profile::Bluesky {
        pds: session.pds.as_str().to_string(),
        did: session.did,
    };
    (key, session.credentials, profile)
}

/// Refuses credentials that belong to another account than `account` (the client's
/// account being connected): the server's answer `got` must name the same user. On
/// Mastodon only the user part is compared: the server answers with its own address,
/// which may differ from the handle's domain (`--server`, a domain delegated to
/// another host).
pub fn check_account(account: &str, got: &ConnectionKey) -> Result<(), NetError> {
    let bare = |h: &str| h.trim().trim_start_matches('@').to_lowercase();
    let (want, answered) = (bare(account), bare(&got.handle));
    let same = match got.platform {
        Platform::Mastodon => {
            let user = |h: &str| h.split('@').next().unwrap_or_default().to_string();
            user(&want) == user(&answered)
        }
        _ => want == answered,
    };
    if same {
        Ok(())
    } else {
        Err(NetError::new(
            account.to_string(),
            NetErrorKind::BadInput(InputProblem::OtherAccount {
                answered: got.handle.clone(),
            }),
        ))
    }
}

/// Keeps a signed-in account: its row, and in the same transaction its secrets under
/// the connection's own name (this database's client and account); a refused row
/// (the account connected for another client) writes and deletes no secret. A
/// connection renewed on another server or handle loses its old secret. Says where
/// the secrets are.
#[allow(clippy::too_many_arguments)]
pub fn keep(
    store: &mut Store,
    secrets: &SecretsStore,
    (client_id, account_id): (i64, i64),
    key: &ConnectionKey,
    creds: &Credentials,
    profile: &Profile,
    now: DateTime<Utc>,
) -> Result<Location, KeepError> {
    let own = scoped(store, key.clone(), (client_id, account_id))?;
    let before = match store.connection_of_account(account_id)? {
        Some(row) => Some(key_of(store, &row)?),
        None => None,
    };
    let profile =
        serde_json::to_string(profile).map_err(|_| StoreError::Unreadable { what: "profile" })?;
    let connection = NewConnection {
        client_id,
        account_id,
        platform: key.platform,
        server: key.server.clone(),
        handle: key.handle.clone(),
        profile,
    };
    let place = store.transaction_or(|tx| {
        tx.save_connection(&connection, now)?;
        secrets
            .put(&own, creds)
            .map_err(|e| KeepError::Net(NetError::new(key.label(), NetErrorKind::Secrets(e))))
    })?;
    if let Some(old) = before.filter(|old| *old != own) {
        let _ = secrets.delete(&old);
    }
    Ok(place)
}

/// Forgets a connection: the server is told (best effort; what it answered comes back
/// when it failed), the secrets are deleted, then the row.
pub fn forget(
    store: &mut Store,
    env: &SyncEnv,
    row: &ConnectionRow,
    client: &str,
    now: DateTime<Utc>,
) -> Result<Option<SyncError>, KeepError> {
    let who = Who::of(row, client);
    let told = open_connection(store, env, row, &who, now)
        .and_then(|mut c| c.sign_out().map_err(|e| SyncError::from((who.clone(), e))));
    let key = key_of(store, row)?;
    env.secrets
        .delete(&key)
        .map_err(|e| NetError::new(key.label(), NetErrorKind::Secrets(e)))?;
    store.delete_connection(row.id)?;
    Ok(told.err())
}
