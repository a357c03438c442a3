//! Live connections (what is not secret about them) and how to answer the inbox items
//! they brought. The net layer's values (profile, cursor, reply target) are kept as the
//! JSON the caller gives: the store does not read them.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Conflict, Result, Store, StoreError, Tx, from_ts, is_unique_violation, to_ts};
use crate::domain::inbox::ItemId;
use crate::domain::{Platform, Version};

/// How a connection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnState {
    Active,
    /// The server refused the credentials: connect again.
    Expired,
    /// The last sync failed for another reason (`last_error` says which).
    Error,
}

impl ConnState {
    pub fn key(self) -> &'static str {
        match self {
            ConnState::Active => "active",
            ConnState::Expired => "expired",
            ConnState::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<ConnState> {
        [ConnState::Active, ConnState::Expired, ConnState::Error]
            .into_iter()
            .find(|c| c.key() == s)
    }
}

/// One stored connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionRow {
    pub id: i64,
    pub client_id: i64,
    pub account_id: i64,
    pub platform: Platform,
    pub server: String,
    pub handle: String,
    /// JSON of `net::Profile`.
    pub profile: String,
    pub state: ConnState,
    /// The kind of the last failure, while not active.
    pub last_error: Option<String>,
    /// Nothing is sent before this (the server answered 429).
    pub retry_at: Option<DateTime<Utc>>,
    pub last_sync_at: Option<DateTime<Utc>>,
    /// JSON of `net::Cursor`.
    pub cursor: Option<String>,
    pub created_at: DateTime<Utc>,
    pub version: Version,
    /// The handle of the client's account (as `twohats account add` took it), which
    /// `connect --account` names; `handle` is the server's answer.
    pub account_handle: String,
}

impl ConnectionRow {
    /// What follows `twohats connect PLATFORM --client NAME` to make this connection
    /// again: `--account` with the client's account, and the server it was made on
    /// when that is not where `connect` would go by itself (Mastodon: the handle's
    /// domain; Bluesky: a PDS found at sign-in, on Bluesky's own hosts).
    pub fn reconnect_args(&self) -> String {
        let account = self.account_handle.trim();
        let server = self.server.trim().trim_end_matches('/').to_lowercase();
        let given = match self.platform {
            Platform::Mastodon => {
                let domain = account
                    .trim_start_matches('@')
                    .split_once('@')
                    .map(|(_, d)| d);
                let default = domain.map(|d| format!("https://{}", d.to_lowercase()));
                (default.as_deref() != Some(server.as_str())).then_some("--server")
            }
            Platform::Bluesky => {
                let host = server.split("://").nth(1).unwrap_or(&server);
                let host = host.split([':', '/']).next().unwrap_or_default();
                let own = ["bsky.network", "bsky.social"]
                    .iter()
                    .any(|d| host == *d || host.ends_with(&format!(".{d}")));
                (!own).then_some("--pds")
            }
            _ => None,
        };
        match given {
            Some(flag) => format!("--account {account} {flag} {}", self.server),
            None => format!("--account {account}"),
        }
    }
}

/// What `connect` stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConnection {
    pub client_id: i64,
    pub account_id: i64,
    pub platform: Platform,
    pub server: String,
    pub handle: String,
    pub profile: String,
}

/// How to answer one item, and what became of the last reply sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyTargetRow {
    pub item_id: ItemId,
    pub account_id: i64,
    /// JSON of `net::ReplyTarget`.
    pub target: String,
    pub attempt_key: Option<String>,
    pub attempt_at: Option<DateTime<Utc>>,
    pub sent_id: Option<String>,
    pub sent_url: Option<String>,
}

const COLUMNS: &str = "c.id, c.client_id, c.account_id, c.platform, c.server, c.handle, c.profile,
    c.state, c.last_error, c.retry_at, c.last_sync_at, c.cursor, c.created_at, c.version,
    coalesce((SELECT h.handle FROM accounts h WHERE h.id = c.account_id), c.handle)";

fn row(r: &Row<'_>) -> rusqlite::Result<ConnectionRow> {
    let platform: String = r.get(3)?;
    let state: String = r.get(7)?;
    Ok(ConnectionRow {
        id: r.get(0)?,
        client_id: r.get(1)?,
        account_id: r.get(2)?,
        platform: Platform::parse(&platform).ok_or_else(|| super::bad_value(3, "platform"))?,
        server: r.get(4)?,
        handle: r.get(5)?,
        profile: r.get(6)?,
        state: ConnState::parse(&state).ok_or_else(|| super::bad_value(7, "state"))?,
        last_error: r.get(8)?,
        retry_at: r.get::<_, Option<i64>>(9)?.map(from_ts),
        last_sync_at: r.get::<_, Option<i64>>(10)?.map(from_ts),
        cursor: r.get(11)?,
        created_at: from_ts(r.get(12)?),
        version: r.get(13)?,
        account_handle: r.get(14)?,
    })
}

fn target_row(r: &Row<'_>) -> rusqlite::Result<ReplyTargetRow> {
    Ok(ReplyTargetRow {
        item_id: r.get(0)?,
        account_id: r.get(1)?,
        target: r.get(2)?,
        attempt_key: r.get(3)?,
        attempt_at: r.get::<_, Option<i64>>(4)?.map(from_ts),
        sent_id: r.get(5)?,
        sent_url: r.get(6)?,
    })
}

impl Tx<'_> {
    /// Stores a new connection, or renews the one of the same account (signing in
    /// again): it becomes active, and keeps its cursor when it is the same account on
    /// the same server. The same account already connected for another client is
    /// refused ([`Conflict::Connection`]).
    pub fn save_connection(&self, c: &NewConnection, now: DateTime<Utc>) -> Result<i64> {
        let saved = self
            .conn
            .prepare_cached(
                "INSERT INTO connections (client_id, account_id, platform, server, handle, profile, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (account_id) DO UPDATE SET
                    cursor = CASE WHEN server = excluded.server AND handle = excluded.handle
                             THEN cursor ELSE NULL END,
                    server = excluded.server, handle = excluded.handle, profile = excluded.profile,
                    state = 'active', last_error = NULL, retry_at = NULL
                 RETURNING id",
            )?
            .query_row(
                params![
                    c.client_id,
                    c.account_id,
                    c.platform.key(),
                    c.server,
                    c.handle,
                    c.profile,
                    to_ts(now)
                ],
                |r| r.get(0),
            );
        match saved {
            Ok(id) => Ok(id),
            Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict(Conflict::Connection {
                handle: c.handle.clone(),
            })),
            Err(e) => Err(e.into()),
        }
    }

    /// The connections of live accounts (of one client, or all), by client and handle.
    pub fn connections(&self, client: Option<i64>) -> Result<Vec<ConnectionRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM connections c JOIN accounts a ON a.id = c.account_id
             WHERE a.deleted_at IS NULL AND (?1 IS NULL OR c.client_id = ?1)
             ORDER BY c.client_id, c.platform, c.handle"
        ))?;
        let rows = st.query_map([client], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn connection(&self, id: i64) -> Result<Option<ConnectionRow>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM connections c WHERE c.id = ?1"
            ))?
            .query_row([id], row)
            .optional()?)
    }

    /// The connection of an account, if it has one.
    pub fn connection_of_account(&self, account: i64) -> Result<Option<ConnectionRow>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM connections c WHERE c.account_id = ?1"
            ))?
            .query_row([account], row)
            .optional()?)
    }

    /// Forgets a connection (its items, and how to answer them, stay). True if there
    /// was one.
    pub fn delete_connection(&self, id: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("DELETE FROM connections WHERE id = ?1")?
            .execute([id])?
            > 0)
    }

    /// Records a failed sync or send: the state, the kind of failure, and until when
    /// the server asked to be left alone.
    pub fn set_connection_state(
        &self,
        id: i64,
        state: ConnState,
        error: Option<&str>,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE connections SET state = ?2, last_error = ?3, retry_at = ?4 WHERE id = ?1",
            )?
            .execute(params![id, state.key(), error, retry_at.map(to_ts)])?;
        Ok(())
    }

    /// Records a sync that went through, after its items were stored: the new cursor
    /// (`None`: keep the old one) and the time.
    pub fn finish_sync(&self, id: i64, cursor: Option<&str>, now: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE connections SET cursor = coalesce(?2, cursor), last_sync_at = ?3,
                    state = 'active', last_error = NULL, retry_at = NULL WHERE id = ?1",
            )?
            .execute(params![id, cursor, to_ts(now)])?;
        Ok(())
    }

    /// Keeps how to answer the client's item of this platform and external id (one a
    /// sync just stored, or one a file brought earlier); an item that has it already
    /// keeps its own. True if the item is there.
    pub fn set_reply_target(
        &self,
        client: i64,
        account: i64,
        platform: Platform,
        external_id: &str,
        target: &str,
    ) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO inbox_reply_targets (item_id, account_id, target)
                 SELECT id, ?3, ?4 FROM inbox_items
                 WHERE platform = ?1 AND external_id = ?2 AND client_id = ?5",
            )?
            .execute(params![
                platform.key(),
                external_id,
                account,
                target,
                client
            ])?
            > 0)
    }

    pub fn reply_target(&self, item: ItemId) -> Result<Option<ReplyTargetRow>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT item_id, account_id, target, attempt_key, attempt_at, sent_id, sent_url
                 FROM inbox_reply_targets WHERE item_id = ?1",
            )?
            .query_row([item], target_row)
            .optional()?)
    }

    /// Records an attempt at sending a reply before it goes out. The same key as the
    /// last attempt (the same text to the same item) is the same send: its first time
    /// comes back with `true` (a retry: the platform may have it already).
    pub fn begin_reply(
        &self,
        item: ItemId,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, bool)> {
        let row = self
            .reply_target(item)?
            .ok_or_else(|| super::not_found(super::Entity::InboxItem, item))?;
        if let (Some(k), Some(at)) = (&row.attempt_key, row.attempt_at)
            && k == key
        {
            return Ok((at, true));
        }
        self.conn
            .prepare_cached(
                "UPDATE inbox_reply_targets SET attempt_key = ?2, attempt_at = ?3 WHERE item_id = ?1",
            )?
            .execute(params![item, key, to_ts(now)])?;
        Ok((now, false))
    }

    /// The reply went out: its id and address.
    pub fn finish_reply(&self, item: ItemId, sent_id: &str, sent_url: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE inbox_reply_targets SET sent_id = ?2, sent_url = ?3 WHERE item_id = ?1",
            )?
            .execute(params![item, sent_id, sent_url])?;
        Ok(())
    }
}

/// The setting holding the database's own id (see [`Store::secrets_id`]).
const SECRETS_ID: &str = "secrets_id";

impl Store {
    /// This database's random id, made the first time it is asked for: connections'
    /// secrets are kept under names that carry it, so two databases connecting the
    /// same account never share (and so revoke or delete) one secret. Not a secret.
    pub fn secrets_id(&self) -> Result<String> {
        if let Some(id) = self.setting(SECRETS_ID)?.filter(|v| !v.is_empty()) {
            return Ok(id);
        }
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| StoreError::Io {
            path: "getrandom".to_string(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        // Another process may have made one meanwhile: the first stays.
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)")?
            .execute(params![SECRETS_ID, id])?;
        Ok(self.setting(SECRETS_ID)?.unwrap_or(id))
    }

    pub fn save_connection(&mut self, c: &NewConnection, now: DateTime<Utc>) -> Result<i64> {
        self.transaction(|tx| tx.save_connection(c, now))
    }
    pub fn connections(&self, client: Option<i64>) -> Result<Vec<ConnectionRow>> {
        self.tx().connections(client)
    }
    pub fn connection(&self, id: i64) -> Result<Option<ConnectionRow>> {
        self.tx().connection(id)
    }
    pub fn connection_of_account(&self, account: i64) -> Result<Option<ConnectionRow>> {
        self.tx().connection_of_account(account)
    }
    pub fn delete_connection(&self, id: i64) -> Result<bool> {
        self.tx().delete_connection(id)
    }
    pub fn set_connection_state(
        &self,
        id: i64,
        state: ConnState,
        error: Option<&str>,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        self.tx().set_connection_state(id, state, error, retry_at)
    }
    pub fn reply_target(&self, item: ItemId) -> Result<Option<ReplyTargetRow>> {
        self.tx().reply_target(item)
    }
    pub fn begin_reply(
        &mut self,
        item: ItemId,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, bool)> {
        self.transaction(|tx| tx.begin_reply(item, key, now))
    }
    pub fn finish_reply(&self, item: ItemId, sent_id: &str, sent_url: &str) -> Result<()> {
        self.tx().finish_reply(item, sent_id, sent_url)
    }
}
