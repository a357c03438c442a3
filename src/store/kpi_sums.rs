//! Adding up stored KPI values by platform and metric: what the report's sums
//! (`kpi.rs`) and the stored month sums (`kpi_months.rs`) both read with.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::Result;
use crate::domain::Platform;
use crate::domain::metric::Metric;

/// `2026-11-22`, as stored. Not chrono's `format`: it reads its pattern for every value,
/// which an import of a million values feels.
pub(super) fn day(d: NaiveDate) -> String {
    use chrono::Datelike;
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// Sums by platform and metric.
pub(super) type Sums = HashMap<(Platform, Metric), i64>;

/// Adds the `(platform, metric, value)` rows of a query to `sums`. The rows are read in
/// key order (an index range) and added up here: SQLite's `GROUP BY` sorted every value
/// first, which took twice as long as reading them.
pub(super) fn add_rows(
    conn: &rusqlite::Connection,
    sums: &mut Sums,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<()> {
    let mut st = conn.prepare_cached(sql)?;
    let mut rows = st.query(params)?;
    while let Some(r) = rows.next()? {
        let (p, m) = (key_text(r, 0)?, key_text(r, 1)?);
        // Keys are stored as written by `key()`: an exact match, no case folding.
        let platform = Platform::ALL.into_iter().find(|x| x.key() == p);
        let metric = Metric::ALL.into_iter().find(|x| x.key() == m);
        if let (Some(platform), Some(metric)) = (platform, metric) {
            let sum = sums.entry((platform, metric)).or_default();
            *sum = sum.saturating_add(r.get(2)?);
        }
    }
    Ok(())
}

/// Adds a client's values of `days` (first and last, included) in `table` (`kpi_daily`
/// or `kpi_posts`) to `sums`, followers aside.
pub(super) fn add_days(
    conn: &rusqlite::Connection,
    sums: &mut Sums,
    table: &str,
    client: i64,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<()> {
    add_rows(
        conn,
        sums,
        &format!(
            "SELECT platform, metric, value FROM {table}
             WHERE client_id = ?1 AND day >= ?2 AND day <= ?3 AND metric <> 'followers'"
        ),
        params![client, day(from), day(to)],
    )
}

/// A key column's text, borrowed from the row.
fn key_text<'r>(r: &'r rusqlite::Row<'_>, col: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(col)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
    })
}
