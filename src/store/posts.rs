//! Posts of the editorial calendar and the accounts each goes out on.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{OptionalExtension, Row, params, params_from_iter, types::Value};

use super::{Entity, Result, Store, Tx, from_ts, to_ts};
use crate::domain::post::{Post, PostCell, PostId, PostStatus, instant, label};
use crate::domain::{Platform, Version};

/// The accounts come in the same row, from the copy triggers keep (migration 9).
const COLUMNS: &str = "id, client_id, local_time, scheduled_at, status, title, body, first_comment, media,
    pillar_id, campaign_id, target_id, objective_id, link, utm_medium, utm_campaign, permalink, notes,
    account_ids, version";

/// How wall-clock times are stored: sortable text.
const LOCAL_FORMAT: &str = "%Y-%m-%d %H:%M";

/// `2026-11-22 14:05`, read without chrono's pattern reader when it has that shape.
fn parse_local(s: &str) -> Option<NaiveDateTime> {
    crate::domain::iso::minute(s).or_else(|| NaiveDateTime::parse_from_str(s, LOCAL_FORMAT).ok())
}

fn local_col(l: Option<NaiveDateTime>) -> Option<String> {
    l.map(|l| l.format(LOCAL_FORMAT).to_string())
}

/// `account_ids`: ids joined by commas, in no order.
fn accounts(r: &Row<'_>, i: usize) -> rusqlite::Result<Vec<i64>> {
    let mut accounts: Vec<i64> = r
        .get_ref(i)?
        .as_str_or_null()?
        .unwrap_or_default()
        .split(',')
        .filter_map(|a| a.parse().ok())
        .collect();
    accounts.sort_unstable();
    Ok(accounts)
}

fn local(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDateTime>> {
    Ok(r.get_ref(i)?.as_str_or_null()?.and_then(parse_local))
}

fn status(r: &Row<'_>, i: usize) -> rusqlite::Result<PostStatus> {
    Ok(PostStatus::parse(r.get_ref(i)?.as_str()?).unwrap_or_default())
}

fn post(r: &Row<'_>) -> rusqlite::Result<Post> {
    Ok(Post {
        id: r.get(0)?,
        client_id: r.get(1)?,
        accounts: accounts(r, 18)?,
        local: local(r, 2)?,
        at: r.get::<_, Option<i64>>(3)?.map(from_ts),
        status: status(r, 4)?,
        title: r.get(5)?,
        body: r.get(6)?,
        first_comment: r.get(7)?,
        media: r.get(8)?,
        pillar_id: r.get(9)?,
        campaign_id: r.get(10)?,
        target_id: r.get(11)?,
        objective_id: r.get(12)?,
        link: r.get(13)?,
        utm_medium: r.get(14)?,
        utm_campaign: r.get(15)?,
        permalink: r.get(16)?,
        notes: r.get(17)?,
        version: r.get(19)?,
    })
}

/// A grid's post: the text only when there is no title, and only its start (a cell
/// shows one line of it).
const CELL_COLUMNS: &str = "id, client_id, local_time, status, title,
    CASE WHEN trim(title, ' ' || char(9, 10, 13)) = '' THEN substr(body, 1, 200) ELSE '' END,
    account_ids";

fn cell(r: &Row<'_>) -> rusqlite::Result<PostCell> {
    Ok(PostCell {
        id: r.get(0)?,
        client_id: r.get(1)?,
        accounts: accounts(r, 6)?,
        local: local(r, 2)?,
        status: status(r, 3)?,
        label: label(r.get_ref(4)?.as_str()?, r.get_ref(5)?.as_str()?).to_string(),
    })
}

/// The post's client is not archived (one probe of the clients' primary key per post):
/// lists across clients leave archived clients out, a list for one client shows it.
const ACTIVE: &str = "(SELECT archived_at FROM clients c WHERE c.id = posts.client_id) IS NULL";

/// What the agenda lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostFilter {
    pub client: Option<i64>,
    /// From this day on (wall clock); all when `None`.
    pub from: Option<NaiveDate>,
    pub platform: Option<Platform>,
    pub status: Option<PostStatus>,
    pub pillar: Option<i64>,
    pub campaign: Option<i64>,
    pub text: Option<String>,
}

impl Tx<'_> {
    /// Posts whose wall-clock day is in `from..to` (end excluded), for one client or all.
    pub fn posts_between(
        &self,
        client: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Post>> {
        self.between(COLUMNS, post, client, from, to)
    }

    /// Rows of `columns` of the posts whose wall-clock day is in `from..to`, by time.
    fn between<T>(
        &self,
        columns: &str,
        row: fn(&Row<'_>) -> rusqlite::Result<T>,
        client: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<T>> {
        let lo = from.format("%Y-%m-%d").to_string();
        let hi = to.format("%Y-%m-%d").to_string();
        let rows = match client {
            Some(c) => self
                .conn
                .prepare_cached(&format!(
                    "SELECT {columns} FROM posts WHERE client_id = ?1 AND local_time >= ?2 AND local_time < ?3
                     AND deleted_at IS NULL ORDER BY local_time, id"
                ))?
                .query_map(params![c, lo, hi], row)?
                .collect::<rusqlite::Result<Vec<_>>>()?,
            None => self
                .conn
                .prepare_cached(&format!(
                    "SELECT {columns} FROM posts WHERE local_time >= ?1 AND local_time < ?2
                     AND deleted_at IS NULL AND {ACTIVE} ORDER BY local_time, id"
                ))?
                .query_map(params![lo, hi], row)?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        };
        Ok(rows)
    }

    /// What a calendar grid draws of the posts whose wall-clock day is in `from..to`, in
    /// the order of [`Tx::posts_between`].
    pub fn post_cells_between(
        &self,
        client: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<PostCell>> {
        self.between(CELL_COLUMNS, cell, client, from, to)
    }

    /// How many of a client's posts dated in `from..to` (wall-clock days) have each
    /// (pillar, status): what a report counts, read from the index alone.
    pub fn post_counts(
        &self,
        client: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Option<i64>, PostStatus, usize)>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT pillar_id, status, count(*) FROM posts WHERE client_id = ?1
                 AND local_time >= ?2 AND local_time < ?3 AND deleted_at IS NULL
                 GROUP BY pillar_id, status",
            )?
            .query_map(
                params![
                    client,
                    from.format("%Y-%m-%d").to_string(),
                    to.format("%Y-%m-%d").to_string()
                ],
                |r| {
                    let n: i64 = r.get(2)?;
                    Ok((r.get(0)?, status(r, 1)?, usize::try_from(n).unwrap_or(0)))
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The agenda: posts matching a filter, dated ones by time, then undated ideas.
    pub fn posts_matching(&self, f: &PostFilter) -> Result<Vec<Post>> {
        let mut sql = format!("SELECT {COLUMNS} FROM posts WHERE deleted_at IS NULL");
        let mut p: Vec<Value> = Vec::new();
        let mut push = |sql: &mut String, clause: &str, v: Value| {
            p.push(v);
            sql.push_str(&clause.replace("?#", &format!("?{}", p.len())));
        };
        match f.client {
            Some(c) => push(&mut sql, " AND client_id = ?#", Value::Integer(c)),
            None => sql.push_str(&format!(" AND {ACTIVE}")),
        }
        if let Some(d) = f.from {
            push(
                &mut sql,
                " AND (local_time IS NULL OR local_time >= ?#)",
                Value::Text(d.format("%Y-%m-%d").to_string()),
            );
        }
        if let Some(pl) = f.platform {
            push(
                &mut sql,
                " AND EXISTS (SELECT 1 FROM post_accounts pa JOIN accounts a ON a.id = pa.account_id
                   WHERE pa.post_id = posts.id AND a.platform = ?#)",
                Value::Text(pl.key().into()),
            );
        }
        if let Some(s) = f.status {
            push(&mut sql, " AND status = ?#", Value::Text(s.key().into()));
        }
        if let Some(x) = f.pillar {
            push(&mut sql, " AND pillar_id = ?#", Value::Integer(x));
        }
        if let Some(x) = f.campaign {
            push(&mut sql, " AND campaign_id = ?#", Value::Integer(x));
        }
        if let Some(text) = &f.text {
            for w in text.split_whitespace() {
                let pat = format!(
                    "%{}%",
                    w.replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                );
                push(
                    &mut sql,
                    " AND (title LIKE ?# ESCAPE '\\' OR body LIKE ?# ESCAPE '\\')",
                    Value::Text(pat),
                );
            }
        }
        sql.push_str(" ORDER BY local_time IS NULL, local_time, id");
        let posts = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(p), post)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(posts)
    }

    pub fn post(&self, id: PostId) -> Result<Post> {
        let p = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM posts WHERE id = ?1"))?
            .query_row([id], post)
            .optional()?
            .ok_or_else(|| super::not_found(Entity::Post, id))?;
        Ok(p)
    }

    /// The post with this id, unless there is none or it is in the trash.
    pub fn live_post(&self, id: PostId) -> Result<Option<Post>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM posts WHERE id = ?1 AND deleted_at IS NULL"
            ))?
            .query_row([id], post)
            .optional()?)
    }

    /// Inserts (id 0) or updates a post and its accounts; returns its id. An update
    /// writes only over the row at `p.version`: a post changed since is refused
    /// ([`super::StoreError::Stale`]).
    pub fn save_post(&self, p: &Post, now: DateTime<Utc>) -> Result<PostId> {
        let values = params![
            p.client_id,
            local_col(p.local),
            p.at.map(to_ts),
            p.status.key(),
            p.title,
            p.body,
            p.first_comment,
            p.media,
            p.pillar_id,
            p.campaign_id,
            p.target_id,
            p.objective_id,
            p.link,
            p.utm_medium,
            p.utm_campaign,
            p.permalink,
            p.notes,
            to_ts(now),
        ];
        if p.id == 0 {
            self.conn
                .prepare_cached(
                    "INSERT INTO posts (client_id, local_time, scheduled_at, status, title, body, first_comment, media,
                        pillar_id, campaign_id, target_id, objective_id, link, utm_medium, utm_campaign, permalink,
                        notes, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                )?
                .execute(values)?;
            let id = self.conn.last_insert_rowid();
            self.set_post_accounts(id, &[], &p.accounts)?;
            return Ok(id);
        }
        let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
        all.push(&p.id);
        all.push(&p.version);
        let n = self
            .conn
            .prepare_cached(
                "UPDATE posts SET client_id = ?1, local_time = ?2, scheduled_at = ?3, status = ?4, title = ?5,
                    body = ?6, first_comment = ?7, media = ?8, pillar_id = ?9, campaign_id = ?10, target_id = ?11,
                    objective_id = ?12, link = ?13, utm_medium = ?14, utm_campaign = ?15, permalink = ?16,
                    notes = ?17, version = version + 1
                 WHERE id = ?19 AND version = ?20",
            )?
            .execute(all.as_slice())?;
        if n == 0 {
            return Err(self.refused("posts", "id", Entity::Post, p.id));
        }
        let before: Vec<i64> = self
            .conn
            .prepare_cached("SELECT account_id FROM post_accounts WHERE post_id = ?1")?
            .query_map([p.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        self.set_post_accounts(p.id, &before, &p.accounts)?;
        Ok(p.id)
    }

    /// Takes a post's accounts from `before` to `after`, touching only those that differ
    /// (each change rewrites the post's copy of them, and its version, by trigger).
    fn set_post_accounts(&self, id: PostId, before: &[i64], after: &[i64]) -> Result<()> {
        let mut del = self
            .conn
            .prepare_cached("DELETE FROM post_accounts WHERE post_id = ?1 AND account_id = ?2")?;
        for a in before.iter().filter(|a| !after.contains(a)) {
            del.execute(params![id, a])?;
        }
        let mut ins = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO post_accounts (post_id, account_id) VALUES (?1, ?2)",
        )?;
        for a in after.iter().filter(|a| !before.contains(a)) {
            ins.execute(params![id, a])?;
        }
        Ok(())
    }

    /// The version a post is at now.
    pub fn post_version(&self, id: PostId) -> Result<Version> {
        self.conn
            .prepare_cached("SELECT version FROM posts WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| super::not_found(Entity::Post, id))
    }

    pub fn set_post_deleted(&self, id: PostId, at: Option<DateTime<Utc>>) -> Result<()> {
        match self
            .conn
            .prepare_cached(
                "UPDATE posts SET deleted_at = ?2, version = version + 1 WHERE id = ?1",
            )?
            .execute(params![id, at.map(to_ts)])?
        {
            0 => Err(super::not_found(Entity::Post, id)),
            _ => Ok(()),
        }
    }

    /// Derives the instants of a client's posts again from their wall-clock times, after
    /// the client moved to another zone: the posts stay at the same local time.
    pub fn reschedule_posts(&self, client: i64, tz: Tz) -> Result<()> {
        let rows: Vec<(i64, String)> = self
            .conn
            .prepare_cached(
                "SELECT id, local_time FROM posts WHERE client_id = ?1 AND local_time IS NOT NULL",
            )?
            .query_map([client], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut up = self.conn.prepare_cached(
            "UPDATE posts SET scheduled_at = ?2, version = version + 1 WHERE id = ?1",
        )?;
        for (id, local) in rows {
            if let Some(l) = parse_local(&local) {
                up.execute(params![id, to_ts(instant(l, tz))])?;
            }
        }
        Ok(())
    }

    /// Stores a post read from a file unless one of the client's posts already came from
    /// the same row (`external_id`, kept in `post_imports`); returns its id, or `None`
    /// when it was already there.
    pub fn import_post(
        &self,
        p: &Post,
        external_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<PostId>> {
        let seen = self
            .conn
            .prepare_cached("SELECT 1 FROM post_imports WHERE client_id = ?1 AND external_id = ?2")?
            .exists(params![p.client_id, external_id])?;
        if seen {
            return Ok(None);
        }
        let id = self.save_post(p, now)?;
        self.conn
            .prepare_cached(
                "INSERT INTO post_imports (client_id, external_id, post_id) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![p.client_id, external_id, id])?;
        Ok(Some(id))
    }
}

impl Store {
    pub fn posts_between(
        &self,
        client: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Post>> {
        self.tx().posts_between(client, from, to)
    }
    pub fn posts_matching(&self, f: &PostFilter) -> Result<Vec<Post>> {
        self.tx().posts_matching(f)
    }
    pub fn post_cells_between(
        &self,
        client: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<PostCell>> {
        self.tx().post_cells_between(client, from, to)
    }
    pub fn post(&self, id: PostId) -> Result<Post> {
        self.tx().post(id)
    }
    pub fn live_post(&self, id: PostId) -> Result<Option<Post>> {
        self.tx().live_post(id)
    }
    pub fn post_counts(
        &self,
        client: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Option<i64>, PostStatus, usize)>> {
        self.tx().post_counts(client, from, to)
    }
}
