//! Clients: the workspaces everything else belongs to.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Conflict, Entity, Result, Store, StoreError, Tx, from_ts, is_unique_violation, to_ts};
use crate::domain::{Client, ClientDraft, ClientId, Version};

const COLUMNS: &str = "id, name, currency, timezone, reply_target_hours, notes, archived_at, created_at, is_demo, version";

fn row_to_client(r: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: r.get(0)?,
        name: r.get(1)?,
        currency: r.get(2)?,
        timezone: r.get(3)?,
        reply_target_hours: r.get(4)?,
        notes: r.get(5)?,
        archived_at: r.get::<_, Option<i64>>(6)?.map(from_ts),
        created_at: from_ts(r.get(7)?),
        is_demo: r.get(8)?,
        version: r.get(9)?,
    })
}

/// The key names are compared by: Unicode lower case, outer spaces trimmed.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn name_taken(name: &str) -> StoreError {
    StoreError::Conflict(Conflict::ClientName(name.to_string()))
}

impl Tx<'_> {
    /// All clients, archived ones included, by name.
    pub fn clients(&self) -> Result<Vec<Client>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM clients ORDER BY name_key, id"
        ))?;
        let rows = st.query_map([], row_to_client)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn client(&self, id: ClientId) -> Result<Client> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM clients WHERE id = ?1"))?;
        st.query_row([id], row_to_client)
            .optional()?
            .ok_or_else(|| super::not_found(Entity::Client, id))
    }

    /// Finds a client by its name (any case) or, failing that, by its numeric id.
    pub fn find_client(&self, name_or_id: &str) -> Result<Client> {
        let key = name_or_id.trim();
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM clients WHERE name_key = ?1"
        ))?;
        if let Some(c) = st.query_row([name_key(key)], row_to_client).optional()? {
            return Ok(c);
        }
        match key.parse::<ClientId>() {
            Ok(id) => self.client(id),
            Err(_) => Err(StoreError::NoClientNamed(key.to_string())),
        }
    }

    /// Inserts a validated draft and returns the new id.
    pub fn insert_client(
        &self,
        d: &ClientDraft,
        now: DateTime<Utc>,
        is_demo: bool,
    ) -> Result<ClientId> {
        let mut st = self.conn.prepare_cached(
            "INSERT INTO clients (name, name_key, currency, timezone, reply_target_hours, notes, is_demo, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        match st.execute(params![
            d.name,
            name_key(&d.name),
            d.currency,
            d.timezone,
            d.reply_target_hours,
            d.notes,
            is_demo,
            to_ts(now)
        ]) {
            Ok(_) => Ok(self.conn.last_insert_rowid()),
            Err(e) if is_unique_violation(&e) => Err(name_taken(&d.name)),
            Err(e) => Err(e.into()),
        }
    }

    /// Saves a client over the row at `version` (the one the draft was made from) and
    /// returns its new version; when its zone changed, its posts keep their wall-clock
    /// times. A row changed since is refused ([`StoreError::Stale`]).
    pub fn update_client(
        &self,
        id: ClientId,
        version: Version,
        d: &ClientDraft,
    ) -> Result<Version> {
        let before = self.client(id)?;
        let mut st = self.conn.prepare_cached(
            "UPDATE clients SET name = ?2, name_key = ?3, currency = ?4, timezone = ?5,
                reply_target_hours = ?6, notes = ?7, version = version + 1
             WHERE id = ?1 AND version = ?8 RETURNING version",
        )?;
        let saved = st
            .query_row(
                params![
                    id,
                    d.name,
                    name_key(&d.name),
                    d.currency,
                    d.timezone,
                    d.reply_target_hours,
                    d.notes,
                    version
                ],
                |r| r.get(0),
            )
            .optional();
        let version = match saved {
            Ok(Some(v)) => v,
            Ok(None) => return Err(self.refused("clients", "id", Entity::Client, id)),
            Err(e) if is_unique_violation(&e) => return Err(name_taken(&d.name)),
            Err(e) => return Err(e.into()),
        };
        if before.timezone != d.timezone
            && let Ok(tz) = d.timezone.parse()
        {
            self.reschedule_posts(id, tz)?;
        }
        Ok(version)
    }

    /// Archives (`Some(now)`) or brings back (`None`) a client. Archiving hides a client
    /// from the switcher and the daily views; nothing of its data is removed.
    pub fn set_client_archived(&self, id: ClientId, at: Option<DateTime<Utc>>) -> Result<()> {
        let n = self
            .conn
            .prepare_cached(
                "UPDATE clients SET archived_at = ?2, version = version + 1 WHERE id = ?1",
            )?
            .execute(params![id, at.map(to_ts)])?;
        if n == 0 {
            return Err(super::not_found(Entity::Client, id));
        }
        Ok(())
    }

    /// The clients the demo loaded, by name.
    pub fn demo_clients(&self) -> Result<Vec<Client>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM clients WHERE is_demo = 1 ORDER BY name_key, id"
        ))?;
        let rows = st.query_map([], row_to_client)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes the demo clients and everything that belongs to them (cascade), so the
    /// demo can be loaded afresh. Never touches a client the user created.
    pub fn delete_demo_clients(&self) -> Result<usize> {
        Ok(self
            .conn
            .execute("DELETE FROM clients WHERE is_demo = 1", [])?)
    }

    pub fn client_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?)
    }
}

impl Store {
    pub fn clients(&self) -> Result<Vec<Client>> {
        self.tx().clients()
    }
    pub fn client(&self, id: ClientId) -> Result<Client> {
        self.tx().client(id)
    }
    pub fn find_client(&self, name_or_id: &str) -> Result<Client> {
        self.tx().find_client(name_or_id)
    }
    pub fn insert_client(&self, d: &ClientDraft, now: DateTime<Utc>) -> Result<ClientId> {
        self.tx().insert_client(d, now, false)
    }
    /// Saves a client over the row at `version`; see [`Tx::update_client`].
    pub fn update_client(
        &mut self,
        id: ClientId,
        version: Version,
        d: &ClientDraft,
    ) -> Result<Version> {
        self.transaction(|tx| tx.update_client(id, version, d))
    }
    pub fn set_client_archived(&self, id: ClientId, at: Option<DateTime<Utc>>) -> Result<()> {
        self.tx().set_client_archived(id, at)
    }
    pub fn client_count(&self) -> Result<i64> {
        self.tx().client_count()
    }
}
