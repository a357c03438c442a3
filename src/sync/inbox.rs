//! One account's pull: the inbox since the stored cursor, then followers and the
//! counts of the client's published posts.

use chrono::{DateTime, Duration, Utc};

use super::open::st;
use super::{Pulled, SyncCountsError, SyncError, Who};
use crate::domain::kpi::{DailyValue, PostValue};
use crate::domain::metric::Metric;
use crate::domain::sentiment::suggest_sentiment;
use crate::net::{Connection, Cursor, PostRef, PullLimits};
use crate::store::{ConnectionRow, Store};

/// How far back published posts have their counts read (older ones keep theirs).
const COUNTS_DAYS: i64 = 60;

/// Pulls the inbox since the stored cursor and stores the new items, how to answer
/// them, the new cursor and the sync time, in one transaction.
pub(super) fn pull_and_store(
    store: &mut Store,
    conn: &mut dyn Connection,
    row: &ConnectionRow,
    who: &Who,
    now: DateTime<Utc>,
) -> Result<Pulled, SyncError> {
    let since: Option<Cursor> = row
        .cursor
        .as_deref()
        .and_then(|c| serde_json::from_str(c).ok());
    let pull = conn
        .pull_inbox(since.as_ref(), PullLimits::default())
        .map_err(|e| SyncError::from((who.clone(), e)))?;
    let mut pulled = Pulled {
        skipped_deleted: pull.summary.skipped_deleted,
        left_out: pull.summary.left_out.clone(),
        filtered: pull.summary.filtered.map(|f| f.notifications),
        more: pull.summary.more,
        ..Pulled::default()
    };
    let cursor = pull
        .cursor
        .as_ref()
        .and_then(|c| serde_json::to_string(c).ok());
    store
        .transaction(|tx| {
            for item in &pull.items {
                let scored = [(item.draft.clone(), suggest_sentiment(&item.draft.text))];
                let added = tx.insert_items(row.client_id, &scored, now, |_| {})?;
                if added == 1 {
                    pulled.new += 1;
                } else {
                    pulled.known += 1;
                }
                if let (Some(id), Ok(target)) = (
                    &item.draft.external_id,
                    serde_json::to_string(&item.reply_to),
                ) {
                    tx.set_reply_target(
                        row.client_id,
                        row.account_id,
                        item.draft.platform,
                        id,
                        &target,
                    )?;
                }
            }
            tx.finish_sync(row.id, cursor.as_deref(), now)
        })
        .map_err(st)?;
    Ok(pulled)
}

/// Followers (a daily value for the account's platform, dated by the client's day) and
/// the likes, reposts (with quotes) and replies of the client's recent published posts
/// as per-post values, as a post import stores them. A failure here is kept in
/// `pulled.counts`; an expired connection or a 429 is also returned, so it is recorded.
pub(super) fn counts(
    store: &mut Store,
    conn: &mut dyn Connection,
    row: &ConnectionRow,
    who: &Who,
    now: DateTime<Utc>,
    pulled: &mut Pulled,
) -> Result<(), SyncError> {
    let client = store.client(row.client_id).map_err(st)?;
    let tz = client.tz();
    let posts = store
        .published_with_address(
            row.client_id,
            row.account_id,
            now - Duration::days(COUNTS_DAYS),
        )
        .map_err(st)?;
    let refs: Vec<PostRef> = posts
        .iter()
        .filter_map(|p| {
            Some(PostRef {
                address: p.permalink.clone(),
                published_at: p.at?,
            })
        })
        .collect();
    let counts = match conn.pull_counts(&refs, PullLimits::default()) {
        Ok(c) => c,
        Err(e) => {
            // The inbox is stored: the report keeps the failure, and the connection
            // records an expiry or a wait like any other call's.
            let rate_limited = matches!(e.kind, crate::net::NetErrorKind::RateLimited { .. });
            if e.is_expired() || rate_limited {
                let se = SyncError::from((who.clone(), e.clone()));
                super::store_failure(store, row.id, &se, now)?;
            }
            pulled.counts = Some(SyncCountsError(e));
            return Ok(());
        }
    };
    let today = now.with_timezone(&tz).date_naive();
    let daily = [DailyValue {
        platform: row.platform,
        day: today,
        metric: Metric::Followers,
        value: i64::try_from(counts.followers).unwrap_or(i64::MAX),
    }];
    let mut values = Vec::new();
    for c in &counts.posts {
        let Some(p) = posts.iter().find(|p| p.permalink == c.address) else {
            continue;
        };
        let day = p.at.unwrap_or(now).with_timezone(&tz).date_naive();
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        for (metric, value) in [
            (Metric::Likes, n(c.likes)),
            (Metric::Shares, n(c.reposts) + n(c.quotes.unwrap_or(0))),
            (Metric::Comments, n(c.replies)),
        ] {
            values.push(PostValue {
                platform: row.platform,
                external_id: c.address.clone(),
                day,
                title: p.label().to_string(),
                metric,
                value,
            });
        }
    }
    store
        .transaction(|tx| {
            tx.upsert_daily(row.client_id, &daily, |_| {})?;
            tx.upsert_posts(row.client_id, &values, |_| {})
        })
        .map_err(st)?;
    pulled.followers = Some(counts.followers);
    pulled.posts_counted = counts.posts.len();
    Ok(())
}
