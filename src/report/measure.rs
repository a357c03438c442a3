//! An objective's measured value: what the KPIs (and the inbox) say of its metric at its
//! scope on a day. Levels (followers) are the latest value; additive metrics and rates
//! are taken over the 30 days before that day; reply figures come from the inbox.

use chrono::{Duration, NaiveDate};

use crate::domain::Client;
use crate::domain::inbox::stats;
use crate::domain::metric::{Metric, Unit};
use crate::domain::objective::Objective;
use crate::domain::report::Period;
use crate::store::{Result, Store};

/// Days of the rolling window for additive metrics and rates.
pub const WINDOW_DAYS: i64 = 30;

/// The objective's metric on `on`, in its stored unit, with the day it describes;
/// `None` without data.
pub fn measure(
    store: &Store,
    client: &Client,
    o: &Objective,
    on: NaiveDate,
) -> Result<Option<(NaiveDate, i64)>> {
    let window = Period::custom(on - Duration::days(WINDOW_DAYS - 1), on);
    let scale = |v: f64, unit: Unit| -> i64 {
        match unit {
            Unit::Count => v.round() as i64,
            // Figures hold money in major units; objectives store minor units.
            Unit::Money => (v * super::minor_units(client)).round() as i64,
            Unit::Percent | Unit::Ratio => (v * 100.0).round() as i64,
            Unit::Hours => (v * 60.0).round() as i64,
        }
    };
    match o.metric {
        Metric::ResponseRate | Metric::ResponseTime => {
            let from = super::day_start(client, window.from);
            let to = super::day_start(client, on + Duration::days(1));
            let items = store.timings_received_between(client.id, from, to)?;
            let s = stats(
                items.into_iter().map(|i| (i, client.reply_target_hours)),
                to,
                None,
            );
            Ok(match o.metric {
                Metric::ResponseRate => s.reply_rate.map(|r| (on, (r * 100.0).round() as i64)),
                _ => s.median_minutes.map(|m| (on, m)),
            })
        }
        Metric::FollowerGrowthPct => {
            let period = Period::custom(o.start, on);
            let (per, tot) = super::figures_of(store, client, &period)?;
            let f = match o.platform {
                Some(p) => per
                    .get(&p)
                    .and_then(|f| f.get("follower_growth_pct").copied().flatten()),
                None => tot.get("follower_growth_pct").copied().flatten(),
            };
            Ok(f.map(|v| (on, scale(v, Unit::Percent))))
        }
        m => {
            let (per, tot) = super::figures_of(store, client, &window)?;
            let f = match o.platform {
                Some(p) => per.get(&p).and_then(|f| f.get(m.key()).copied().flatten()),
                None => tot.get(m.key()).copied().flatten(),
            };
            let day = if m == Metric::Followers {
                // The day of the newest count.
                store
                    .followers_at(client.id, on)?
                    .iter()
                    .filter(|(p, _, _)| o.platform.is_none_or(|x| x == *p))
                    .map(|(_, d, _)| *d)
                    .max()
                    .unwrap_or(on)
            } else {
                on
            };
            Ok(f.map(|v| (day, scale(v, m.unit()))))
        }
    }
}
