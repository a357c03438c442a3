//! KPI values: upserts (a re-import changes nothing) and the sums the report reads
//! (whole months from `kpi_months`, other days added up as they are read).

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::kpi_sums::{Sums, add_days, day};
use super::{Result, Store, Tx, bulk, kpi_months};
use crate::domain::Platform;
use crate::domain::dates::month_of;
use crate::domain::kpi::{DailyValue, PostValue, Source, Sum};
use crate::domain::metric::Metric;

/// `sums` as a list in order of platform and metric key.
fn sorted(sums: Sums, source: Source) -> Vec<Sum> {
    let mut out: Vec<Sum> = sums
        .into_iter()
        .map(|((platform, metric), value)| Sum {
            platform,
            metric,
            source,
            value,
        })
        .collect();
    out.sort_by_key(|s| (s.platform.key(), s.metric.key()));
    out
}

/// What an import did to the stored values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Upserted {
    /// New or changed values.
    pub stored: usize,
    /// Values already there with the same number.
    pub unchanged: usize,
}

impl Upserted {
    /// Counts `rows` upserts run as one statement from the rows SQLite reports changed:
    /// the `WHERE` on the conflict update makes an identical value count 0.
    fn count(&mut self, rows: usize, changed_rows: usize) {
        self.stored += changed_rows;
        self.unchanged += rows.saturating_sub(changed_rows);
    }
}

impl Tx<'_> {
    /// Stores daily values; an existing value of the same day and metric is replaced,
    /// and the sums of the months touched are written again. `tick` hears each chunk's
    /// value count.
    pub fn upsert_daily(
        &self,
        client: i64,
        values: &[DailyValue],
        tick: impl FnMut(usize),
    ) -> Result<Upserted> {
        // Exports list a day's values together: its text is made once.
        let mut text: Option<(NaiveDate, String)> = None;
        let mut months = BTreeSet::new();
        let empty = self.months_empty(client, values)?;
        let upserted = self.upsert_values(
            (
                "INSERT INTO kpi_daily (client_id, platform, day, metric, value)",
                5,
                "ON CONFLICT (client_id, day, platform, metric)
                 DO UPDATE SET value = excluded.value WHERE value <> excluded.value",
            ),
            values,
            |b, v| {
                if text.as_ref().is_none_or(|(d, _)| *d != v.day) {
                    text = Some((v.day, day(v.day)));
                    months.insert(month_of(v.day));
                }
                b.bind(&client)?;
                b.bind(v.platform.key())?;
                b.bind(text.as_ref().map_or("", |(_, s)| s.as_str()))?;
                b.bind(v.metric.key())?;
                b.bind(&v.value)
            },
            tick,
        )?;
        self.refresh_months(client, &months, values, empty)?;
        Ok(upserted)
    }

    /// Makes each `(metric, value)` the figure of the week `from..=to` on `platform`,
    /// as typed by hand: the week's daily values of that metric are replaced by the one
    /// value on its last day (`None`: removed), and the month sums touched are written
    /// again. Returns how many metrics changed.
    pub fn set_week(
        &self,
        client: i64,
        platform: Platform,
        (from, to): (NaiveDate, NaiveDate),
        changes: &[(Metric, Option<i64>)],
    ) -> Result<usize> {
        let mut clear = self.conn.prepare_cached(
            "DELETE FROM kpi_daily
             WHERE client_id = ?1 AND platform = ?2 AND metric = ?3 AND day >= ?4 AND day <= ?5",
        )?;
        for (metric, _) in changes {
            clear.execute(params![
                client,
                platform.key(),
                metric.key(),
                day(from),
                day(to)
            ])?;
        }
        let values: Vec<DailyValue> = changes
            .iter()
            .filter_map(|(metric, v)| {
                v.map(|value| DailyValue {
                    platform,
                    day: to,
                    metric: *metric,
                    value,
                })
            })
            .collect();
        self.upsert_values(
            (
                "INSERT INTO kpi_daily (client_id, platform, day, metric, value)",
                5,
                "ON CONFLICT (client_id, day, platform, metric)
                 DO UPDATE SET value = excluded.value WHERE value <> excluded.value",
            ),
            &values,
            |b, v| {
                b.bind(&client)?;
                b.bind(v.platform.key())?;
                b.bind(&day(v.day))?;
                b.bind(v.metric.key())?;
                b.bind(&v.value)
            },
            |_| {},
        )?;
        let months: BTreeSet<NaiveDate> = [month_of(from), month_of(to)].into();
        self.refresh_months(client, &months, &values, false)?;
        Ok(changes.len())
    }

    pub fn upsert_posts(
        &self,
        client: i64,
        values: &[PostValue],
        tick: impl FnMut(usize),
    ) -> Result<Upserted> {
        self.upsert_values(
            (
                "INSERT INTO kpi_posts (client_id, platform, external_id, day, title, metric, value)",
                7,
                "ON CONFLICT (client_id, platform, external_id, metric)
                 DO UPDATE SET value = excluded.value, day = excluded.day, title = excluded.title
                 WHERE value <> excluded.value OR day <> excluded.day OR title <> excluded.title",
            ),
            values,
            |b, v| {
                b.bind(&client)?;
                b.bind(v.platform.key())?;
                b.bind(&v.external_id)?;
                b.bind(&day(v.day))?;
                b.bind(&v.title)?;
                b.bind(v.metric.key())?;
                b.bind(&v.value)
            },
            tick,
        )
    }

    /// Runs an upsert statement over `values` (see [`bulk::insert`]) and counts what it
    /// stored and what it found unchanged.
    fn upsert_values<T>(
        &self,
        statement: (&str, usize, &str),
        values: &[T],
        bind: impl FnMut(&mut bulk::Binder<'_, '_>, &T) -> rusqlite::Result<()>,
        mut tick: impl FnMut(usize),
    ) -> Result<Upserted> {
        let mut out = Upserted::default();
        bulk::insert(self.conn, statement, values, bind, |rows, changed| {
            out.count(rows, changed);
            tick(rows);
        })?;
        Ok(out)
    }

    /// Sums of the additive metrics per platform and source over `from..=to`, in order
    /// of platform and metric key. Account values: the whole months of the period from
    /// their stored sums (`kpi_months`), the days around them read and added up here.
    pub fn kpi_sums(&self, client: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<Sum>> {
        let (months, days) = kpi_months::split(from, to);
        let mut account: Sums = HashMap::new();
        if let Some((first, last)) = months {
            self.add_month_sums(&mut account, client, first, last)?;
        }
        for (a, b) in days {
            add_days(self.conn, &mut account, "kpi_daily", client, (a, b))?;
        }
        let mut posts: Sums = HashMap::new();
        add_days(self.conn, &mut posts, "kpi_posts", client, (from, to))?;
        let mut out = sorted(account, Source::Account);
        out.extend(sorted(posts, Source::Posts));
        Ok(out)
    }

    /// The last followers count of each platform on or before `on`, and its day: one
    /// index probe per platform (kpi_daily_followers), however long the history.
    pub fn followers_at(
        &self,
        client: i64,
        on: NaiveDate,
    ) -> Result<Vec<(Platform, NaiveDate, i64)>> {
        let mut st = self.conn.prepare_cached(
            // Named: left to choose, SQLite walks the key back day by day, through the
            // whole history of a platform that has no followers count.
            "SELECT day, value FROM kpi_daily INDEXED BY kpi_daily_followers
             WHERE client_id = ?1 AND platform = ?2 AND metric = 'followers' AND day <= ?3
             ORDER BY day DESC LIMIT 1",
        )?;
        let mut out = Vec::new();
        for p in Platform::ALL {
            let row: Option<(String, i64)> = st
                .query_row(params![client, p.key(), day(on)], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            if let Some((d, v)) = row
                && let Some(d) = crate::domain::iso::day(&d)
            {
                out.push((p, d, v));
            }
        }
        Ok(out)
    }

    /// The day of the newest value of a client, if any.
    pub fn last_kpi_day(&self, client: i64) -> Result<Option<NaiveDate>> {
        let d: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT max(d) FROM (SELECT max(day) AS d FROM kpi_daily WHERE client_id = ?1
                 UNION ALL SELECT max(day) FROM kpi_posts WHERE client_id = ?1)",
            )?
            .query_row([client], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(d.and_then(|d| crate::domain::iso::day(&d)))
    }
}

/// Sums and follower counts already read, valid while the database has not changed: the
/// report's 12-period trend moves by one period per key, so 11 of its 12 columns are
/// known. The stamp is this connection's count of changed rows and SQLite's
/// `data_version`, which moves when another window commits.
#[derive(Default)]
pub(crate) struct KpiCache {
    stamp: (i64, i64),
    sums: HashMap<(i64, NaiveDate, NaiveDate), Vec<Sum>>,
    followers: HashMap<(i64, NaiveDate), Followers>,
}

/// Each platform's last followers count on or before a day, and that count's day.
type Followers = Vec<(Platform, NaiveDate, i64)>;

/// Enough for every period a session looks at; the cache starts over past it.
const CACHE_ENTRIES: usize = 4096;

impl Store {
    /// The cache, emptied first if the data changed since it was filled.
    fn fresh_cache(&self) -> Result<std::cell::RefMut<'_, KpiCache>> {
        let stamp: (i64, i64) = self
            .conn
            .prepare_cached("SELECT total_changes(), data_version FROM pragma_data_version")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut c = self.kpi_cache.borrow_mut();
        if c.stamp != stamp || c.sums.len() + c.followers.len() > CACHE_ENTRIES {
            *c = KpiCache {
                stamp,
                ..KpiCache::default()
            };
        }
        Ok(c)
    }

    pub fn kpi_sums(&self, client: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<Sum>> {
        if let Some(v) = self.fresh_cache()?.sums.get(&(client, from, to)) {
            return Ok(v.clone());
        }
        let v = self.tx().kpi_sums(client, from, to)?;
        self.kpi_cache
            .borrow_mut()
            .sums
            .insert((client, from, to), v.clone());
        Ok(v)
    }

    pub fn followers_at(
        &self,
        client: i64,
        on: NaiveDate,
    ) -> Result<Vec<(Platform, NaiveDate, i64)>> {
        if let Some(v) = self.fresh_cache()?.followers.get(&(client, on)) {
            return Ok(v.clone());
        }
        let v = self.tx().followers_at(client, on)?;
        self.kpi_cache
            .borrow_mut()
            .followers
            .insert((client, on), v.clone());
        Ok(v)
    }
    pub fn last_kpi_day(&self, client: i64) -> Result<Option<NaiveDate>> {
        self.tx().last_kpi_day(client)
    }
}
