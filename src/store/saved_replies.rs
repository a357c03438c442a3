//! Saved replies: a client's reusable answers to inbox items.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Entity, Result, Store, Tx, to_ts};
use crate::domain::inbox::SavedReply;

fn saved_reply(r: &Row<'_>) -> rusqlite::Result<SavedReply> {
    Ok(SavedReply {
        id: r.get(0)?,
        client_id: r.get(1)?,
        name: r.get(2)?,
        text: r.get(3)?,
        version: r.get(4)?,
    })
}

impl Tx<'_> {
    pub fn saved_replies(&self, client: i64) -> Result<Vec<SavedReply>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, client_id, name, text, version FROM saved_replies
             WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY name, id",
        )?;
        let rows = st.query_map([client], saved_reply)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The saved reply with this id, unless there is none or it is in the trash.
    pub fn live_saved_reply(&self, id: i64) -> Result<Option<SavedReply>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, client_id, name, text, version FROM saved_replies
             WHERE id = ?1 AND deleted_at IS NULL",
        )?;
        Ok(st.query_row([id], saved_reply).optional()?)
    }

    pub fn save_saved_reply(&self, r: &SavedReply, now: DateTime<Utc>) -> Result<i64> {
        if r.id == 0 {
            self.conn
                .prepare_cached("INSERT INTO saved_replies (client_id, name, text, created_at) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![r.client_id, r.name, r.text, to_ts(now)])?;
            Ok(self.conn.last_insert_rowid())
        } else {
            match self
                .conn
                .prepare_cached(
                    "UPDATE saved_replies SET name = ?2, text = ?3, version = version + 1
                     WHERE id = ?1 AND version = ?4",
                )?
                .execute(params![r.id, r.name, r.text, r.version])?
            {
                0 => Err(self.refused("saved_replies", "id", Entity::SavedReply, r.id)),
                _ => Ok(r.id),
            }
        }
    }

    pub fn set_saved_reply_deleted(&self, id: i64, at: Option<DateTime<Utc>>) -> Result<()> {
        match self
            .conn
            .prepare_cached(
                "UPDATE saved_replies SET deleted_at = ?2, version = version + 1 WHERE id = ?1",
            )?
            .execute(params![id, at.map(to_ts)])?
        {
            0 => Err(super::not_found(Entity::SavedReply, id)),
            _ => Ok(()),
        }
    }
}

impl Store {
    pub fn saved_replies(&self, client: i64) -> Result<Vec<SavedReply>> {
        self.tx().saved_replies(client)
    }
    pub fn live_saved_reply(&self, id: i64) -> Result<Option<SavedReply>> {
        self.tx().live_saved_reply(id)
    }
}
