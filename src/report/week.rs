//! A week's stored figures per platform and metric, as the report counts them: what the
//! weekly form shows before the user types over them.

use std::collections::BTreeMap;

use crate::domain::Platform;
use crate::domain::kpi::pick_sources;
use crate::domain::metric::Metric;
use crate::domain::report::Period;
use crate::store::{Result, Store};

/// Each platform's figures of a week, in stored units (money in minor units).
pub type WeekFigures = BTreeMap<Platform, BTreeMap<Metric, i64>>;

/// The week's sums (account-level when there are any, else the posts'), and the
/// followers count at its end when it was measured that week.
pub fn stored(store: &Store, client: i64, week: &Period) -> Result<WeekFigures> {
    let mut out = WeekFigures::new();
    for (platform, metric, value) in pick_sources(&store.kpi_sums(client, week.from, week.to)?) {
        out.entry(platform).or_default().insert(metric, value);
    }
    for (platform, day, value) in store.followers_at(client, week.to)? {
        if week.contains(day) {
            out.entry(platform)
                .or_default()
                .insert(Metric::Followers, value);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::domain::ClientDraft;
    use crate::domain::kpi::DailyValue;

    #[test]
    fn a_weeks_sums_and_its_last_followers_count() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        let c = s.insert_client(&ClientDraft::new("C"), now).unwrap();
        let v = |day, metric, value| DailyValue {
            platform: Platform::Instagram,
            day: d(day),
            metric,
            value,
        };
        s.transaction(|tx| {
            tx.upsert_daily(
                c,
                &[
                    v(15, Metric::Reach, 9),
                    v(16, Metric::Reach, 1000),
                    v(18, Metric::Reach, 941),
                    v(20, Metric::Followers, 1500),
                    v(8, Metric::Likes, 3),
                ],
                |_| {},
            )
        })
        .unwrap();
        let f = stored(&s, c, &Period::parse_week("2026-W47").unwrap()).unwrap();
        let ig = &f[&Platform::Instagram];
        assert_eq!(ig[&Metric::Reach], 1941);
        assert_eq!(ig[&Metric::Followers], 1500);
        assert_eq!(ig.len(), 2, "nothing from other weeks: {ig:?}");
        // A week with no count of its own shows none (not an old one).
        let f = stored(&s, c, &Period::parse_week("2026-W48").unwrap()).unwrap();
        assert!(f.is_empty(), "{f:?}");
    }
}
