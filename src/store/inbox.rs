//! The inbox: items from the outside (imported or typed), their replies, saved replies.
//!
//! The list is read in two steps so it stays fast at any size: the ids that match a
//! filter, in order, then the details of the rows on screen.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params, params_from_iter, types::Value};

use super::bad_value as bad;
use super::inbox_list::list_queries;
use super::{Entity, Result, Store, Tx, bulk, from_ts, to_ts};
use crate::domain::inbox::{
    Filter, Item, ItemDraft, ItemId, Kind, ReplyStats, Sentiment, Status, Timing, searchable,
};
use crate::domain::sentiment::suggest_sentiment;
use crate::domain::{Platform, Version};

const COLUMNS: &str =
    "id, client_id, platform, kind, author, author_name, text, received_at, permalink,
    external_id, post_id, status, priority, sentiment, suggested, tags, reply, replied_at, version,
    (SELECT CASE WHEN title <> '' THEN title ELSE body END FROM posts WHERE posts.id = post_id)";

fn item(r: &Row<'_>) -> rusqlite::Result<Item> {
    let platform: String = r.get(2)?;
    let kind: String = r.get(3)?;
    let status: String = r.get(11)?;
    let sentiment: Option<String> = r.get(13)?;
    let suggested: String = r.get(14)?;
    let tags: String = r.get(15)?;
    Ok(Item {
        id: r.get(0)?,
        client_id: r.get(1)?,
        platform: Platform::parse(&platform).ok_or_else(|| bad(2, "platform"))?,
        kind: Kind::parse(&kind).ok_or_else(|| bad(3, "kind"))?,
        author: r.get(4)?,
        author_name: r.get(5)?,
        text: r.get(6)?,
        received_at: from_ts(r.get(7)?),
        permalink: r.get(8)?,
        external_id: r.get(9)?,
        post_id: r.get(10)?,
        status: Status::parse(&status).ok_or_else(|| bad(11, "status"))?,
        priority: r.get::<_, i64>(12)? != 0,
        sentiment: sentiment.as_deref().and_then(Sentiment::parse),
        suggested: Sentiment::parse(&suggested).unwrap_or(Sentiment::Neutral),
        tags: tags.split_whitespace().map(str::to_string).collect(),
        reply: r.get(16)?,
        replied_at: r.get::<_, Option<i64>>(17)?.map(from_ts),
        version: r.get(18)?,
        post_title: r.get(19)?,
    })
}

/// Tags as stored: ` a b `.
fn tags_col(tags: &[String]) -> String {
    if tags.is_empty() {
        " ".into()
    } else {
        format!(" {} ", tags.join(" "))
    }
}

impl Tx<'_> {
    /// Stores an imported or typed item for a client. Returns `false` when an item with
    /// the same platform and external id is already there (nothing changes).
    pub fn insert_item(&self, client: i64, d: &ItemDraft, now: DateTime<Utc>) -> Result<bool> {
        let scored = [(d.clone(), suggest_sentiment(&d.text))];
        Ok(self.insert_items(client, &scored, now, |_| {})? == 1)
    }

    /// Stores items with their suggested sentiment (scored by the caller, which may do it
    /// on another thread while this one stores), skipping those already there (same
    /// platform and external id), links the new ones to the posts they answer, and
    /// returns how many were added. `tick` hears each chunk's item count.
    pub fn insert_items(
        &self,
        client: i64,
        drafts: &[(ItemDraft, Sentiment)],
        now: DateTime<Utc>,
        mut tick: impl FnMut(usize),
    ) -> Result<usize> {
        let now = to_ts(now);
        // New rows get ids above the largest one (no AUTOINCREMENT, no id given).
        let before: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM inbox_items")?
            .query_row([], |r| r.get(0))?;
        let mut added = 0;
        bulk::insert(
            self.conn,
            (
                "INSERT OR IGNORE INTO inbox_items
                 (client_id, platform, kind, author, author_name, text, received_at, permalink,
                  external_id, suggested, created_at)",
                11,
                "",
            ),
            drafts,
            |b, (d, suggested)| {
                b.bind(&client)?;
                b.bind(d.platform.key())?;
                b.bind(d.kind.key())?;
                b.bind(&d.author)?;
                b.bind(&d.author_name)?;
                b.bind(&d.text)?;
                b.bind(&to_ts(d.received_at))?;
                b.bind(&d.permalink)?;
                b.bind(&d.external_id)?;
                b.bind(suggested.key())?;
                b.bind(&now)
            },
            |rows, changed| {
                added += changed;
                tick(rows);
            },
        )?;
        // Only an item with a link can answer a post: a chunk without any skips the scan.
        if added > 0 && drafts.iter().any(|(d, _)| !d.permalink.is_empty()) {
            self.link_items_to_posts(client, before)?;
        }
        Ok(added)
    }

    /// Of `drafts` already stored, how many each other client holds (by client id): an
    /// item is stored once, for the client it was first imported for.
    pub fn item_holders(
        &self,
        client: i64,
        drafts: &[(ItemDraft, Sentiment)],
    ) -> Result<std::collections::BTreeMap<i64, usize>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT client_id FROM inbox_items WHERE platform = ?1 AND external_id = ?2",
        )?;
        let mut out = std::collections::BTreeMap::new();
        for (d, _) in drafts {
            let Some(id) = &d.external_id else { continue };
            let holder: Option<i64> = stmt
                .query_row(params![d.platform.key(), id], |r| r.get(0))
                .optional()?;
            if let Some(h) = holder.filter(|h| *h != client) {
                *out.entry(h).or_default() += 1;
            }
        }
        Ok(out)
    }

    /// Saves what the user changes on an item (status, flag, sentiment, tags, reply) over
    /// the row at `it.version`, and returns its new version; an item changed since is
    /// refused ([`super::StoreError::Stale`]).
    pub fn update_item(&self, it: &Item) -> Result<Version> {
        let saved = self
            .conn
            .prepare_cached(
                "UPDATE inbox_items SET status = ?2, priority = ?3, sentiment = ?4, tags = ?5, reply = ?6,
                    replied_at = ?7, platform = ?8, kind = ?9, author = ?10, author_name = ?11, text = ?12,
                    received_at = ?13, permalink = ?14, version = version + 1
                 WHERE id = ?1 AND version = ?15 RETURNING version",
            )?
            .query_row(
                params![
                    it.id,
                    it.status.key(),
                    it.priority,
                    it.sentiment.map(Sentiment::key),
                    tags_col(&it.tags),
                    it.reply,
                    it.replied_at.map(to_ts),
                    it.platform.key(),
                    it.kind.key(),
                    it.author,
                    it.author_name,
                    it.text,
                    to_ts(it.received_at),
                    it.permalink,
                    it.version
                ],
                |r| r.get(0),
            )
            .optional()?;
        saved.ok_or_else(|| self.refused("inbox_items", "id", Entity::InboxItem, it.id))
    }

    /// See [`Store::apply_to_items`]; `at`: versions some of the items must be at.
    fn apply_to_items(
        &self,
        ids: &[ItemId],
        op: &crate::domain::inbox::Op,
        now: DateTime<Utc>,
        at: &[(ItemId, Version)],
    ) -> Result<Vec<Item>> {
        let mut before = self.items(ids)?;
        for it in &mut before {
            if let Some((_, v)) = at.iter().find(|(id, _)| *id == it.id)
                && *v != it.version
            {
                return Err(super::StoreError::Stale {
                    entity: Entity::InboxItem,
                    id: it.id,
                });
            }
            let mut after = it.clone();
            crate::domain::inbox::apply(op, &mut after, now);
            it.version = self.update_item(&after)?;
        }
        Ok(before)
    }

    pub fn set_item_deleted(&self, id: ItemId, at: Option<DateTime<Utc>>) -> Result<()> {
        match self
            .conn
            .prepare_cached(
                "UPDATE inbox_items SET deleted_at = ?2, version = version + 1 WHERE id = ?1",
            )?
            .execute(params![id, at.map(to_ts)])?
        {
            0 => Err(super::not_found(Entity::InboxItem, id)),
            _ => Ok(()),
        }
    }

    /// The ids that match a filter, in the filter's order.
    pub fn item_ids(&self, f: &Filter) -> Result<Vec<ItemId>> {
        let mut out = Vec::new();
        for (sql, p) in list_queries(self.conn, "id", f)? {
            let mut st = self.conn.prepare_cached(&sql)?;
            for id in st.query_map(params_from_iter(p), |r| r.get(0))? {
                out.push(id?);
            }
        }
        Ok(out)
    }

    /// The ids of a filter's list, in its order, each with what a text search looks in
    /// ([`searchable`]).
    pub fn searchables(&self, f: &Filter) -> Result<Vec<(ItemId, String)>> {
        let mut out = Vec::new();
        for (sql, p) in list_queries(self.conn, "id, author, author_name, text", f)? {
            let mut st = self.conn.prepare_cached(&sql)?;
            let rows = st.query_map(params_from_iter(p), |r| {
                Ok((
                    r.get(0)?,
                    searchable(
                        r.get_ref(1)?.as_str()?,
                        r.get_ref(2)?.as_str()?,
                        r.get_ref(3)?.as_str()?,
                    ),
                ))
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }

    /// The items with these ids (in any order; missing ids are skipped).
    pub fn items(&self, ids: &[ItemId]) -> Result<Vec<Item>> {
        let mut out = Vec::with_capacity(ids.len());
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM inbox_items WHERE id = ?1"))?;
        for id in ids {
            if let Some(it) = rusqlite::OptionalExtension::optional(st.query_row([id], item))? {
                out.push(it);
            }
        }
        Ok(out)
    }

    /// The item with this id, unless there is none or it is in the trash.
    pub fn live_item(&self, id: ItemId) -> Result<Option<Item>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM inbox_items WHERE id = ?1 AND deleted_at IS NULL"
        ))?;
        Ok(rusqlite::OptionalExtension::optional(
            st.query_row([id], item),
        )?)
    }

    /// Every item of a filter, in list order (for the command line).
    pub fn items_matching(&self, f: &Filter) -> Result<Vec<Item>> {
        let ids = self.item_ids(f)?;
        self.items(&ids)
    }

    /// The figures of [`crate::domain::inbox::stats`] over the items received since
    /// `since` (all when `None`), for one client or all, computed in SQL.
    pub fn reply_stats(
        &self,
        client: Option<i64>,
        now: DateTime<Utc>,
        since: Option<DateTime<Utc>>,
    ) -> Result<ReplyStats> {
        let since = since.map_or(i64::MIN, to_ts);
        let (cw, cp): (&str, Vec<Value>) = match client {
            Some(c) => ("AND i.client_id = ?3", vec![Value::Integer(c)]),
            // Across clients, archived ones are left out (one probe of the clients' key).
            None => (
                "AND (SELECT archived_at FROM clients a WHERE a.id = i.client_id) IS NULL",
                vec![],
            ),
        };
        let mut base = vec![Value::Integer(to_ts(now)), Value::Integer(since)];
        base.extend(cp);
        let (pending, overdue): (i64, i64) = self.conn.prepare_cached(&format!(
            "SELECT count(*), coalesce(sum(i.received_at + c.reply_target_hours * 3600 < ?1), 0)
             FROM inbox_items i JOIN clients c ON c.id = i.client_id
             WHERE i.deleted_at IS NULL AND i.status IN ('new', 'follow_up') AND i.received_at >= ?2 {cw}"
        ))?
        .query_row(params_from_iter(base.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?;
        let replied_where = format!(
            "FROM inbox_items i WHERE i.deleted_at IS NULL AND i.status = 'replied' AND i.replied_at IS NOT NULL
             AND i.received_at >= ?2 {cw}"
        );
        let replied: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) {replied_where}"))?
            .query_row(params_from_iter(base.iter()), |r| r.get(0))?;
        let nth = |k: i64| -> Result<i64> {
            let mut p = base.clone();
            p.push(Value::Integer(k));
            let n = p.len();
            Ok(self
                .conn
                .prepare_cached(&format!(
                    "SELECT (i.replied_at - i.received_at) / 60 AS d {replied_where} ORDER BY d LIMIT 1 OFFSET ?{n}"
                ))?
                .query_row(params_from_iter(p.iter()), |r| r.get::<_, i64>(0))?
                .max(0))
        };
        // Nearest rank, as `domain::inbox::percentile`.
        let rank = |q: f64| ((q * replied as f64).ceil() as i64).clamp(1, replied) - 1;
        let (median, p90) = if replied > 0 {
            (Some(nth(rank(0.5))?), Some(nth(rank(0.9))?))
        } else {
            (None, None)
        };
        let pending = pending as usize;
        let replied = replied as usize;
        Ok(ReplyStats {
            pending,
            overdue: overdue as usize,
            replied,
            reply_rate: (replied + pending > 0)
                .then(|| replied as f64 * 100.0 / (replied + pending) as f64),
            median_minutes: median,
            p90_minutes: p90,
        })
    }

    /// Items still waiting and how many of them are past the client's reply-time target:
    /// the two counts the daily check-in needs, without the reply-time figures.
    pub fn pending_counts(&self, client: i64, now: DateTime<Utc>) -> Result<(usize, usize)> {
        let (pending, overdue): (i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT count(*), coalesce(sum(i.received_at + c.reply_target_hours * 3600 < ?2), 0)
                 FROM inbox_items i JOIN clients c ON c.id = i.client_id
                 WHERE i.client_id = ?1 AND i.deleted_at IS NULL AND i.status IN ('new', 'follow_up')",
            )?
            .query_row(params![client, to_ts(now)], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((pending as usize, overdue as usize))
    }
}

impl Store {
    pub fn item_ids(&self, f: &Filter) -> Result<Vec<ItemId>> {
        self.tx().item_ids(f)
    }
    pub fn searchables(&self, f: &Filter) -> Result<Vec<(ItemId, String)>> {
        self.tx().searchables(f)
    }
    pub fn items(&self, ids: &[ItemId]) -> Result<Vec<Item>> {
        self.tx().items(ids)
    }
    pub fn items_matching(&self, f: &Filter) -> Result<Vec<Item>> {
        self.tx().items_matching(f)
    }
    pub fn live_item(&self, id: ItemId) -> Result<Option<Item>> {
        self.tx().live_item(id)
    }
    pub fn reply_stats(
        &self,
        client: Option<i64>,
        now: DateTime<Utc>,
        since: Option<DateTime<Utc>>,
    ) -> Result<ReplyStats> {
        self.tx().reply_stats(client, now, since)
    }
    pub fn pending_counts(&self, client: i64, now: DateTime<Utc>) -> Result<(usize, usize)> {
        self.tx().pending_counts(client, now)
    }
}

impl Store {
    /// Applies a change to items as they are now, in one transaction (a key on the list:
    /// the change touches only what it is about, whatever else changed since the list
    /// was read). Returns them as they were before, each at the version the change left
    /// it at, so an undo writes back only over this change.
    pub fn apply_to_items(
        &mut self,
        ids: &[ItemId],
        op: &crate::domain::inbox::Op,
        now: DateTime<Utc>,
    ) -> Result<Vec<Item>> {
        self.transaction(|tx| tx.apply_to_items(ids, op, now, &[]))
    }

    /// [`Store::apply_to_items`] for a form opened on items at the versions in `at`: one
    /// of those changed since is refused ([`super::StoreError::Stale`]) and nothing is
    /// written.
    pub fn apply_to_items_at(
        &mut self,
        ids: &[ItemId],
        at: &[(ItemId, Version)],
        op: &crate::domain::inbox::Op,
        now: DateTime<Utc>,
    ) -> Result<Vec<Item>> {
        self.transaction(|tx| tx.apply_to_items(ids, op, now, at))
    }

    /// Applies changes, in order, to one item that is not in the trash, in one
    /// transaction; returns the item as it is after them, or `None` (nothing written)
    /// when there is no such item.
    pub fn change_live_item(
        &mut self,
        id: ItemId,
        ops: &[crate::domain::inbox::Op],
        now: DateTime<Utc>,
    ) -> Result<Option<Item>> {
        self.transaction(|tx| {
            let Some(mut it) = tx.live_item(id)? else {
                return Ok(None);
            };
            for op in ops {
                crate::domain::inbox::apply(op, &mut it, now);
            }
            it.version = tx.update_item(&it)?;
            Ok(Some(it))
        })
    }

    /// Puts items back as they were (undo), each over the version it holds: an item
    /// changed since is refused and nothing is written.
    pub fn restore_items(&mut self, items: &[Item]) -> Result<()> {
        self.transaction(|tx| {
            for it in items {
                tx.update_item(it)?;
            }
            Ok(())
        })
    }

    pub fn set_items_deleted(&mut self, ids: &[ItemId], at: Option<DateTime<Utc>>) -> Result<()> {
        self.transaction(|tx| {
            for id in ids {
                tx.set_item_deleted(*id, at)?;
            }
            Ok(())
        })
    }
}

impl Store {
    /// The reply timings of a client's items received in `from..to` (instants), for
    /// period figures.
    pub fn timings_received_between(
        &self,
        client: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Timing>> {
        // Every status listed, so the (client, status, received_at, ...) index serves the
        // range: four short index ranges, and the index holds every column read (a month
        // of items is spread over as many table pages as it has items).
        let rows = self
            .conn
            .prepare_cached(
                "SELECT status, received_at, replied_at FROM inbox_items WHERE client_id = ?1
                 AND status IN ('new', 'replied', 'ignored', 'follow_up') AND deleted_at IS NULL
                 AND received_at >= ?2 AND received_at < ?3",
            )?
            .query_map(params![client, to_ts(from), to_ts(to)], |r| {
                Ok(Timing {
                    status: Status::parse(r.get_ref(0)?.as_str()?)
                        .ok_or_else(|| bad(0, "status"))?,
                    received_at: from_ts(r.get(1)?),
                    replied_at: r.get::<_, Option<i64>>(2)?.map(from_ts),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

impl Store {
    /// The oldest item of a client still waiting for a reply.
    pub fn oldest_pending(&self, client: i64) -> Result<Option<Item>> {
        let id: Option<ItemId> = rusqlite::OptionalExtension::optional(
            self.conn
                .prepare_cached(
                    "SELECT id FROM inbox_items WHERE client_id = ?1 AND deleted_at IS NULL
                     AND status IN ('new', 'follow_up') ORDER BY received_at, id LIMIT 1",
                )?
                .query_row([client], |r| r.get(0)),
        )?;
        Ok(match id {
            Some(id) => self.items(&[id])?.into_iter().next(),
            None => None,
        })
    }
}
