//! Accounts: a client's presence on one platform.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Conflict, Entity, Result, Store, StoreError, Tx, is_unique_violation, to_ts};
use crate::domain::client::AccountId;
use crate::domain::{Account, AccountDraft, ClientId, Platform, Version};

fn row_to_account(r: &Row<'_>) -> rusqlite::Result<Account> {
    let key: String = r.get(2)?;
    // The platforms table is seeded from the same catalogue and referenced by a foreign
    // key, so an unknown key means a corrupt file; report it as such.
    let platform = Platform::parse(&key).ok_or_else(|| super::bad_value(2, "platform"))?;
    Ok(Account {
        id: r.get(0)?,
        client_id: r.get(1)?,
        platform,
        handle: r.get(3)?,
        version: r.get(4)?,
    })
}

fn duplicate(d: &AccountDraft) -> StoreError {
    StoreError::Conflict(Conflict::Account {
        platform: d.platform,
        handle: d.handle.clone(),
    })
}

impl Tx<'_> {
    /// Live accounts of every client, by client, platform and handle.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, client_id, platform, handle, version FROM accounts
             WHERE deleted_at IS NULL ORDER BY client_id, platform, handle",
        )?;
        let rows = st.query_map([], row_to_account)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The live account of a client on a platform with this handle (ASCII case ignored,
    /// as the uniqueness of handles is), if there is one.
    pub fn find_account(
        &self,
        client: ClientId,
        platform: Platform,
        handle: &str,
    ) -> Result<Option<Account>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, client_id, platform, handle, version FROM accounts
             WHERE client_id = ?1 AND platform = ?2 AND handle = ?3 COLLATE NOCASE
               AND deleted_at IS NULL",
        )?;
        Ok(st
            .query_row(
                params![client, platform.key(), handle.trim()],
                row_to_account,
            )
            .optional()?)
    }

    /// The account with this id, unless there is none or it is in the trash.
    pub fn live_account(&self, id: AccountId) -> Result<Option<Account>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, client_id, platform, handle, version FROM accounts
             WHERE id = ?1 AND deleted_at IS NULL",
        )?;
        Ok(st.query_row([id], row_to_account).optional()?)
    }

    pub fn insert_account(
        &self,
        client: ClientId,
        d: &AccountDraft,
        now: DateTime<Utc>,
    ) -> Result<AccountId> {
        let mut st = self.conn.prepare_cached(
            "INSERT INTO accounts (client_id, platform, handle, created_at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        match st.execute(params![client, d.platform.key(), d.handle, to_ts(now)]) {
            Ok(_) => Ok(self.conn.last_insert_rowid()),
            Err(e) if is_unique_violation(&e) => Err(duplicate(d)),
            Err(e) => Err(e.into()),
        }
    }

    /// Saves an account over the row at `version` and returns its new version; a row
    /// changed since is refused ([`StoreError::Stale`]).
    pub fn update_account(
        &self,
        id: AccountId,
        version: Version,
        d: &AccountDraft,
    ) -> Result<Version> {
        let mut st = self.conn.prepare_cached(
            "UPDATE accounts SET platform = ?2, handle = ?3, version = version + 1
             WHERE id = ?1 AND version = ?4 RETURNING version",
        )?;
        match st
            .query_row(params![id, d.platform.key(), d.handle, version], |r| {
                r.get(0)
            })
            .optional()
        {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(self.refused("accounts", "id", Entity::Account, id)),
            Err(e) if is_unique_violation(&e) => Err(duplicate(d)),
            Err(e) => Err(e.into()),
        }
    }

    /// Moves an account to the trash (`Some(now)`) or brings it back (`None`).
    pub fn set_account_deleted(&self, id: AccountId, at: Option<DateTime<Utc>>) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "UPDATE accounts SET deleted_at = ?2, version = version + 1 WHERE id = ?1",
        )?;
        match st.execute(params![id, at.map(to_ts)]) {
            Ok(0) => Err(super::not_found(Entity::Account, id)),
            Ok(_) => Ok(()),
            Err(e) if is_unique_violation(&e) => {
                Err(StoreError::Conflict(Conflict::AccountCreatedSince))
            }
            Err(e) => Err(e.into()),
        }
    }
}

impl Store {
    pub fn accounts(&self) -> Result<Vec<Account>> {
        self.tx().accounts()
    }
    pub fn live_account(&self, id: AccountId) -> Result<Option<Account>> {
        self.tx().live_account(id)
    }
    pub fn find_account(
        &self,
        client: ClientId,
        platform: Platform,
        handle: &str,
    ) -> Result<Option<Account>> {
        self.tx().find_account(client, platform, handle)
    }
    pub fn insert_account(
        &self,
        client: ClientId,
        d: &AccountDraft,
        now: DateTime<Utc>,
    ) -> Result<AccountId> {
        self.tx().insert_account(client, d, now)
    }
    pub fn update_account(
        &self,
        id: AccountId,
        version: Version,
        d: &AccountDraft,
    ) -> Result<Version> {
        self.tx().update_account(id, version, d)
    }
    pub fn set_account_deleted(&self, id: AccountId, at: Option<DateTime<Utc>>) -> Result<()> {
        self.tx().set_account_deleted(id, at)
    }
}
