//! KPI values as imported or typed: account-level daily values and per-post values.

use chrono::NaiveDate;

use super::Platform;
use super::metric::Metric;

/// One account-level value of one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyValue {
    pub platform: Platform,
    pub day: NaiveDate,
    pub metric: Metric,
    /// Counts as they are; money in minor units.
    pub value: i64,
}

/// One value of one published post, dated by its publish day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostValue {
    pub platform: Platform,
    pub external_id: String,
    pub day: NaiveDate,
    pub title: String,
    pub metric: Metric,
    pub value: i64,
}

/// Where a period's value of a metric comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Account,
    Posts,
}

/// The sum of a metric over a period on a platform, from one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sum {
    pub platform: Platform,
    pub metric: Metric,
    pub source: Source,
    pub value: i64,
}

/// Chooses, per platform and metric, the account-level sum when there is one and the
/// per-post sum otherwise, so importing both never counts twice.
pub fn pick_sources(sums: &[Sum]) -> Vec<(Platform, Metric, i64)> {
    let mut out: Vec<(Platform, Metric, i64)> = Vec::new();
    for s in sums.iter().filter(|s| s.source == Source::Account) {
        out.push((s.platform, s.metric, s.value));
    }
    for s in sums.iter().filter(|s| s.source == Source::Posts) {
        if !out
            .iter()
            .any(|(p, m, _)| *p == s.platform && *m == s.metric)
        {
            out.push((s.platform, s.metric, s.value));
        }
    }
    out.sort_by_key(|(p, m, _)| (*p, *m));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_level_wins_over_posts() {
        let sums = [
            Sum {
                platform: Platform::X,
                metric: Metric::Impressions,
                source: Source::Posts,
                value: 900,
            },
            Sum {
                platform: Platform::X,
                metric: Metric::Impressions,
                source: Source::Account,
                value: 1000,
            },
            Sum {
                platform: Platform::X,
                metric: Metric::Likes,
                source: Source::Posts,
                value: 40,
            },
            Sum {
                platform: Platform::Instagram,
                metric: Metric::Reach,
                source: Source::Account,
                value: 7,
            },
        ];
        assert_eq!(
            pick_sources(&sums),
            vec![
                (Platform::Instagram, Metric::Reach, 7),
                (Platform::X, Metric::Impressions, 1000),
                (Platform::X, Metric::Likes, 40),
            ]
        );
    }
}
