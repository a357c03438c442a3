//! Sending posts to their accounts: the post is marked `publishing` and each send
//! `sending` in a transaction of their own before anything goes out, then what came of
//! each send is recorded. A send found `sending` was maybe made: it is retried only with
//! the same idempotency key and first time, never blindly.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Entity, Result, Store, Tx, from_ts, to_ts};
use crate::domain::Version;
use crate::domain::post::{Post, PostId, PostStatus};

/// Where one send of a post to one account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SendState {
    /// Recorded before the request went out; no answer recorded yet.
    Sending,
    Sent,
    /// The server holds the post until its time (Mastodon `scheduled_at`).
    Held,
    Failed,
}

impl SendState {
    pub fn key(self) -> &'static str {
        match self {
            SendState::Sending => "sending",
            SendState::Sent => "sent",
            SendState::Held => "held",
            SendState::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Option<SendState> {
        [
            SendState::Sending,
            SendState::Sent,
            SendState::Held,
            SendState::Failed,
        ]
        .into_iter()
        .find(|x| x.key() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendRow {
    pub post_id: PostId,
    pub account_id: i64,
    pub state: SendState,
    /// The idempotency key of the send (the same on every attempt).
    pub attempt_key: String,
    /// When the first attempt was recorded.
    pub attempt_at: DateTime<Utc>,
    /// The status id or `at://` URI; for a held post, the server's scheduled id.
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    /// When the server publishes a held post.
    pub held_at: Option<DateTime<Utc>>,
    /// The kind of the failure.
    pub error: Option<String>,
}

/// What came of one send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendOutcome {
    Sent { id: String, url: String },
    Held { id: String, at: DateTime<Utc> },
    Failed { error: String },
}

fn send_row(r: &Row<'_>) -> rusqlite::Result<SendRow> {
    let state: String = r.get(2)?;
    Ok(SendRow {
        post_id: r.get(0)?,
        account_id: r.get(1)?,
        state: SendState::parse(&state).ok_or_else(|| super::bad_value(2, "send state"))?,
        attempt_key: r.get(3)?,
        attempt_at: from_ts(r.get(4)?),
        remote_id: r.get(5)?,
        remote_url: r.get(6)?,
        held_at: r.get::<_, Option<i64>>(7)?.map(from_ts),
        error: r.get(8)?,
    })
}

const SEND_COLUMNS: &str =
    "post_id, account_id, state, attempt_key, attempt_at, remote_id, remote_url, held_at, error";

impl Tx<'_> {
    /// Posts in `status` (of one client or all) not in the trash, whose time is at or
    /// before `until` (any time when `None`), oldest first.
    pub fn posts_in_status(
        &self,
        status: PostStatus,
        client: Option<i64>,
        until: Option<DateTime<Utc>>,
    ) -> Result<Vec<Post>> {
        self.posts_of_ids(
            "SELECT id FROM posts WHERE status = ?1 AND deleted_at IS NULL
               AND (?2 IS NULL OR client_id = ?2)
               AND scheduled_at IS NOT NULL AND (?3 IS NULL OR scheduled_at <= ?3)
             ORDER BY scheduled_at, id",
            params![status.key(), client, until.map(to_ts)],
        )
    }

    /// The posts whose ids `sql` selects, in its order, each read whole.
    fn posts_of_ids(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Post>> {
        let ids: Vec<PostId> = self
            .conn
            .prepare_cached(sql)?
            .query_map(args, |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.post(id)).collect()
    }

    /// Published posts of a client with an address, published since `since`, that go
    /// out on `account` or on no account at all (imported ones).
    pub fn published_with_address(
        &self,
        client: i64,
        account: i64,
        since: DateTime<Utc>,
    ) -> Result<Vec<Post>> {
        self.posts_of_ids(
            "SELECT id FROM posts WHERE client_id = ?1 AND status = 'published'
               AND deleted_at IS NULL AND permalink <> '' AND scheduled_at >= ?3
               AND (account_ids = '' OR EXISTS (SELECT 1 FROM post_accounts pa
                    WHERE pa.post_id = posts.id AND pa.account_id = ?2))
             ORDER BY scheduled_at",
            params![client, account, to_ts(since)],
        )
    }

    /// Marks a post `publishing` over the version it was read at, with one `sending`
    /// row per `(account, idempotency key)` (a send already there keeps its first time
    /// and key; one sent or held is left alone). Returns the post's new version; a post
    /// changed since, or no longer in `from`, is refused ([`super::StoreError::Stale`]).
    pub fn begin_publishing(
        &self,
        post: PostId,
        version: Version,
        from: PostStatus,
        sends: &[(i64, String)],
        now: DateTime<Utc>,
    ) -> Result<Version> {
        let v: Option<Version> = self
            .conn
            .prepare_cached(
                "UPDATE posts SET status = 'publishing', version = version + 1
                 WHERE id = ?1 AND version = ?2 AND status = ?3 AND deleted_at IS NULL
                 RETURNING version",
            )?
            .query_row(params![post, version, from.key()], |r| r.get(0))
            .optional()?;
        let v = v.ok_or_else(|| self.refused("posts", "id", Entity::Post, post))?;
        let mut st = self.conn.prepare_cached(
            "INSERT INTO post_sends (post_id, account_id, state, attempt_key, attempt_at)
             VALUES (?1, ?2, 'sending', ?3, ?4)
             ON CONFLICT (post_id, account_id) DO UPDATE SET state = 'sending', error = NULL
             WHERE state = 'failed'",
        )?;
        for (account, key) in sends {
            st.execute(params![post, account, key, to_ts(now)])?;
        }
        Ok(v)
    }

    pub fn post_sends(&self, post: PostId) -> Result<Vec<SendRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {SEND_COLUMNS} FROM post_sends WHERE post_id = ?1 ORDER BY account_id"
        ))?;
        let rows = st.query_map([post], send_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every send in a state (held posts to keep in step, say).
    pub fn sends_in_state(&self, state: SendState) -> Result<Vec<SendRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {SEND_COLUMNS} FROM post_sends WHERE state = ?1 ORDER BY post_id, account_id"
        ))?;
        let rows = st.query_map([state.key()], send_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records what came of one send. A send that starts being held records its key
    /// and time if it had no row yet.
    pub fn record_send(
        &self,
        post: PostId,
        account: i64,
        key: &str,
        outcome: &SendOutcome,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (state, id, url, held, error) = match outcome {
            SendOutcome::Sent { id, url } => (SendState::Sent, Some(id), Some(url), None, None),
            SendOutcome::Held { id, at } => (SendState::Held, Some(id), None, Some(*at), None),
            SendOutcome::Failed { error } => (SendState::Failed, None, None, None, Some(error)),
        };
        self.conn
            .prepare_cached(
                "INSERT INTO post_sends (post_id, account_id, state, attempt_key, attempt_at,
                    remote_id, remote_url, held_at, error)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (post_id, account_id) DO UPDATE SET state = excluded.state,
                    remote_id = coalesce(excluded.remote_id, remote_id),
                    remote_url = coalesce(excluded.remote_url, remote_url),
                    held_at = excluded.held_at, error = excluded.error",
            )?
            .execute(params![
                post,
                account,
                state.key(),
                key,
                to_ts(now),
                id,
                url,
                held.map(to_ts),
                error
            ])?;
        Ok(())
    }

    /// Forgets a send (a held post withdrawn from the server).
    pub fn delete_send(&self, post: PostId, account: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM post_sends WHERE post_id = ?1 AND account_id = ?2")?
            .execute(params![post, account])?;
        Ok(())
    }

    /// Ends a post's publishing: its status and, when it went out, its address (the
    /// first send's, when it has none yet).
    pub fn finish_publishing(
        &self,
        post: PostId,
        status: PostStatus,
        permalink: Option<&str>,
    ) -> Result<Version> {
        self.conn
            .prepare_cached(
                "UPDATE posts SET status = ?2,
                    permalink = CASE WHEN permalink = '' THEN coalesce(?3, '') ELSE permalink END,
                    version = version + 1
                 WHERE id = ?1 RETURNING version",
            )?
            .query_row(params![post, status.key(), permalink], |r| r.get(0))
            .optional()?
            .ok_or_else(|| super::not_found(Entity::Post, post))
    }
}

impl Store {
    pub fn posts_in_status(
        &self,
        status: PostStatus,
        client: Option<i64>,
        until: Option<DateTime<Utc>>,
    ) -> Result<Vec<Post>> {
        self.tx().posts_in_status(status, client, until)
    }
    pub fn published_with_address(
        &self,
        client: i64,
        account: i64,
        since: DateTime<Utc>,
    ) -> Result<Vec<Post>> {
        self.tx().published_with_address(client, account, since)
    }
    pub fn begin_publishing(
        &mut self,
        post: PostId,
        version: Version,
        from: PostStatus,
        sends: &[(i64, String)],
        now: DateTime<Utc>,
    ) -> Result<Version> {
        self.transaction(|tx| tx.begin_publishing(post, version, from, sends, now))
    }
    pub fn post_sends(&self, post: PostId) -> Result<Vec<SendRow>> {
        self.tx().post_sends(post)
    }
    pub fn sends_in_state(&self, state: SendState) -> Result<Vec<SendRow>> {
        self.tx().sends_in_state(state)
    }
    pub fn record_send(
        &self,
        post: PostId,
        account: i64,
        key: &str,
        outcome: &SendOutcome,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.tx().record_send(post, account, key, outcome, now)
    }
    pub fn delete_send(&self, post: PostId, account: i64) -> Result<()> {
        self.tx().delete_send(post, account)
    }
    pub fn finish_publishing(
        &self,
        post: PostId,
        status: PostStatus,
        permalink: Option<&str>,
    ) -> Result<Version> {
        self.tx().finish_publishing(post, status, permalink)
    }
}
