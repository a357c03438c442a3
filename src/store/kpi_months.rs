//! Each client-month's sums of its daily values, beside the values: a period made of
//! whole months reads its sums from here, the days around them from `kpi_daily`. The
//! sums of a month are rewritten, in the same transaction, whenever daily values of that
//! month are stored.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{OptionalExtension, params};

use super::kpi_sums::{Sums, add_days, add_rows, day};
use super::{Result, Tx};
use crate::domain::Platform;
use crate::domain::dates::{month_end, month_of};
use crate::domain::kpi::DailyValue;
use crate::domain::metric::Metric;

/// `2026-11`: a day's stored text without its `-DD`, as migration 10 wrote it.
fn month_key(start: NaiveDate) -> String {
    let mut d = day(start);
    d.truncate(d.len().saturating_sub(3));
    d
}

/// First and last day (or month's first day) of a span.
type Span = (NaiveDate, NaiveDate);

/// `from..=to` split into the whole calendar months it holds (first and last month's
/// first day) and the days before and after them.
pub(super) fn split(from: NaiveDate, to: NaiveDate) -> (Option<Span>, Vec<Span>) {
    let first = if from.day() == 1 {
        Some(from)
    } else {
        month_end(from).succ_opt()
    };
    let last = month_of(to);
    let last = if month_end(last) == to {
        Some(last)
    } else {
        last.checked_sub_months(chrono::Months::new(1))
    };
    match (first, last) {
        (Some(first), Some(last)) if first <= last => {
            let mut days = Vec::new();
            if from < first {
                days.push((from, first - Duration::days(1)));
            }
            let after = month_end(last);
            if after < to {
                days.push((after + Duration::days(1), to));
            }
            (Some((first, last)), days)
        }
        _ => (None, vec![(from, to)]),
    }
}

impl Tx<'_> {
    /// Whether the client has no daily values in the months `values` fall in: asked
    /// before storing them, for [`Tx::refresh_months`].
    pub(super) fn months_empty(&self, client: i64, values: &[DailyValue]) -> Result<bool> {
        let (Some(first), Some(last)) = (
            values.iter().map(|v| v.day).min(),
            values.iter().map(|v| v.day).max(),
        ) else {
            return Ok(true);
        };
        let any: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT 1 FROM kpi_daily WHERE client_id = ?1 AND day >= ?2 AND day <= ?3 LIMIT 1",
            )?
            .query_row(
                params![client, day(month_of(first)), day(month_end(last))],
                |r| r.get(0),
            )
            .optional()?;
        Ok(any.is_none())
    }

    /// Writes again the sums of a client's `months` (each month's first day) after
    /// `values` were stored there. When those months held no values before (`empty`) and
    /// each value made its own row (none repeated a day, platform and metric), the sums
    /// are the values' own: a first import of years of history does not read them back
    /// (a million values: ~0.3 s). Otherwise each month is added up from its rows.
    pub(super) fn refresh_months(
        &self,
        client: i64,
        months: &BTreeSet<NaiveDate>,
        values: &[DailyValue],
        empty: bool,
    ) -> Result<()> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO kpi_months (client_id, month, platform, metric, value)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        if empty && self.daily_rows(client, months)? == values.len() {
            let mut sums: BTreeMap<(NaiveDate, Platform, Metric), i64> = BTreeMap::new();
            for v in values.iter().filter(|v| v.metric != Metric::Followers) {
                let sum = sums
                    .entry((month_of(v.day), v.platform, v.metric))
                    .or_default();
                *sum = sum.saturating_add(v.value);
            }
            let mut key = (NaiveDate::MIN, String::new());
            for ((start, platform, metric), value) in sums {
                if key.0 != start {
                    key = (start, month_key(start));
                }
                insert.execute(params![client, key.1, platform.key(), metric.key(), value])?;
            }
            return Ok(());
        }
        let mut clear = self
            .conn
            .prepare_cached("DELETE FROM kpi_months WHERE client_id = ?1 AND month = ?2")?;
        for start in months {
            let key = month_key(*start);
            clear.execute(params![client, key])?;
            let mut sums: Sums = HashMap::new();
            add_days(
                self.conn,
                &mut sums,
                "kpi_daily",
                client,
                (*start, month_end(*start)),
            )?;
            for ((platform, metric), value) in sums {
                insert.execute(params![client, key, platform.key(), metric.key(), value])?;
            }
        }
        Ok(())
    }

    /// How many daily values the client has in `months` (first days, in order).
    fn daily_rows(&self, client: i64, months: &BTreeSet<NaiveDate>) -> Result<usize> {
        let (Some(first), Some(last)) = (months.first(), months.last()) else {
            return Ok(0);
        };
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM kpi_daily WHERE client_id = ?1 AND day >= ?2 AND day <= ?3",
            )?
            .query_row(params![client, day(*first), day(month_end(*last))], |r| {
                r.get(0)
            })?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// Adds the stored sums of the months `first..=last` (first days) to `sums`.
    pub(super) fn add_month_sums(
        &self,
        sums: &mut Sums,
        client: i64,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<()> {
        add_rows(
            self.conn,
            sums,
            "SELECT platform, metric, value FROM kpi_months
             WHERE client_id = ?1 AND month >= ?2 AND month <= ?3",
            params![client, month_key(first), month_key(last)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_split_into_whole_months_and_days() {
        // A month.
        assert_eq!(
            split(d(2026, 10, 1), d(2026, 10, 31)),
            (Some((d(2026, 10, 1), d(2026, 10, 1))), vec![])
        );
        // A week inside a month, and one across two.
        assert_eq!(
            split(d(2026, 11, 16), d(2026, 11, 22)),
            (None, vec![(d(2026, 11, 16), d(2026, 11, 22))])
        );
        assert_eq!(
            split(d(2026, 10, 26), d(2026, 11, 1)),
            (None, vec![(d(2026, 10, 26), d(2026, 11, 1))])
        );
        // A custom span: days, two whole months (February of a leap year), days.
        assert_eq!(
            split(d(2028, 1, 20), d(2028, 4, 3)),
            (
                Some((d(2028, 2, 1), d(2028, 3, 1))),
                vec![
                    (d(2028, 1, 20), d(2028, 1, 31)),
                    (d(2028, 4, 1), d(2028, 4, 3))
                ]
            )
        );
        // Ending on the last day of February.
        assert_eq!(
            split(d(2027, 1, 1), d(2027, 2, 28)),
            (Some((d(2027, 1, 1), d(2027, 2, 1))), vec![])
        );
        assert_eq!(month_key(d(2026, 3, 1)), "2026-03");
    }
}
