//! Live sync: the store and the connections ([`crate::net`]) together. Pulls each
//! connected account's inbox since its stored cursor and stores what is new, its
//! followers and the counts of the client's published posts; sends due posts
//! ([`publish`]) and replies ([`reply`]). Everything is blocking: the app runs it on a
//! worker thread with a store of its own and hears its [`Progress`].
//!
//! Nothing is lost on a failure: a pull's items, its cursor and the sync time are stored
//! in one transaction, so a failure before it stores nothing and the next sync asks
//! again from the old cursor. A 401 marks the connection expired (Today says
//! "reconnect"), a 429 keeps the server's reset time in the database and nothing is
//! sent to that server before it, even by the next run.

pub mod connect;
mod error;
mod inbox;
mod open;
pub mod publish;
pub mod reply;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

pub use error::{SyncError, Who};
pub use open::{SyncEnv, key_of, open_connection, store_failure};
pub use publish::{
    PublishReport, PublishStep, StepKind, can_publish_now, hold_on_server, keep_held_in_step,
    publish_due, publish_now,
};
pub use reply::{can_send, send_reply};

use crate::domain::Platform;
use crate::store::{ConnectionRow, Store, StoreError};

/// What one account's sync did.
#[derive(Debug)]
pub struct AccountReport {
    pub connection_id: i64,
    pub client_id: i64,
    pub client: String,
    pub platform: Platform,
    /// The handle (`@user@server`, `@handle`).
    pub account: String,
    /// The pull and the counts; the counts may have failed on their own (`counts`).
    pub outcome: Result<Pulled, SyncError>,
}

/// What a pull brought, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pulled {
    /// Items stored now.
    pub new: usize,
    /// Items already stored (by an earlier sync, a file import, or another client).
    pub known: usize,
    /// Notifications whose post was deleted.
    pub skipped_deleted: usize,
    /// Notifications of other types, by type (`other`: types the API does not document).
    pub left_out: BTreeMap<String, usize>,
    /// Notifications the server's notification policy holds back (Mastodon).
    pub filtered: Option<u64>,
    /// The page bound stopped the pull: the next sync goes on.
    pub more: bool,
    /// Followers now, when the counts came.
    pub followers: Option<u64>,
    /// Published posts whose figures were stored.
    pub posts_counted: usize,
    /// The counts failed (the inbox was stored all the same).
    pub counts: Option<SyncCountsError>,
}

/// A failure of the counts step, kept apart so [`Pulled`] stays comparable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncCountsError(pub crate::net::NetError);

/// What a sync tells as it goes, for a status line. A worker thread turns it into the
/// message it sends (the report itself comes back from [`sync`]).
#[derive(Debug)]
pub enum Progress<'a> {
    /// The connections to sync.
    Started { total: usize },
    /// Account `index` (from 1) of `total` is being synced.
    Account {
        index: usize,
        total: usize,
        client: String,
        account: String,
    },
    /// An account is done.
    Done(&'a AccountReport),
}

/// Syncs every connection of `client` (or of every client): see the module's notes.
/// Returns each account's report (also handed to `progress` as it ends); a store that
/// fails stops it.
pub fn sync(
    store: &mut Store,
    env: &SyncEnv,
    client: Option<i64>,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Vec<AccountReport>, StoreError> {
    let rows = store.connections(client)?;
    let names = client_names(store)?;
    progress(Progress::Started { total: rows.len() });
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let client = names.get(&row.client_id).cloned().unwrap_or_default();
        progress(Progress::Account {
            index: i + 1,
            total: rows.len(),
            client: client.clone(),
            account: row.handle.clone(),
        });
        let outcome = sync_one(store, env, row, &client);
        if let Err(SyncError::Store(e)) = outcome {
            return Err(e);
        }
        let report = AccountReport {
            connection_id: row.id,
            client_id: row.client_id,
            client,
            platform: row.platform,
            account: row.handle.clone(),
            outcome,
        };
        progress(Progress::Done(&report));
        out.push(report);
    }
    Ok(out)
}

/// Client names by id (archived ones included: their connections still sync).
pub fn client_names(store: &Store) -> Result<BTreeMap<i64, String>, StoreError> {
    Ok(store
        .clients()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

fn sync_one(
    store: &mut Store,
    env: &SyncEnv,
    row: &ConnectionRow,
    client: &str,
) -> Result<Pulled, SyncError> {
    let who = Who::of(row, client);
    let now = env.net.clock.now();
    let result = (|| {
        let mut conn = open_connection(store, env, row, &who, now)?;
        let mut pulled = inbox::pull_and_store(store, conn.as_mut(), row, &who, now)?;
        inbox::counts(store, conn.as_mut(), row, &who, now, &mut pulled)?;
        Ok(pulled)
    })();
    if let Err(e) = &result {
        store_failure(store, row.id, e, now)?;
    }
    result
}

/// When a send or sync may be tried again.
pub fn retry_at(e: &SyncError) -> Option<DateTime<Utc>> {
    match e {
        SyncError::Net { error, .. } => match error.kind {
            crate::net::NetErrorKind::RateLimited { until } => until,
            _ => None,
        },
        _ => None,
    }
}
