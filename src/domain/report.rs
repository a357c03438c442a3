//! The KPI review: periods, the figures of a period per platform and in total, derived
//! rates and costs, and the change from the previous period. Pure: the numbers come in,
//! the figures go out.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use super::Platform;
use super::kpi::{Sum, pick_sources};
use super::metric::Metric;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Week,
    Month,
    Custom,
}

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The ISO week holding `day`.
    pub fn week_of(day: NaiveDate) -> Period {
        let from = super::dates::monday(day);
        Period {
            kind: PeriodKind::Week,
            from,
            to: from + Duration::days(6),
        }
    }

    pub fn month_of(day: NaiveDate) -> Period {
        let from = day.with_day(1).unwrap_or(day);
        let next = from
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(from);
        Period {
            kind: PeriodKind::Month,
            from,
            to: next - Duration::days(1),
        }
    }

    pub fn custom(from: NaiveDate, to: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::Custom,
            from,
            to,
        }
    }

    /// The last period of `kind` that ended before `today` (a custom span is a week).
    pub fn last_complete(kind: PeriodKind, today: NaiveDate) -> Period {
        match kind {
            PeriodKind::Month => Period::month_of(today).previous(),
            _ => Period::week_of(today).previous(),
        }
    }

    /// `2026-W47`.
    pub fn parse_week(s: &str) -> Option<Period> {
        let (y, w) = s
            .trim()
            .split_once("-W")
            .or_else(|| s.trim().split_once("-w"))?;
        let day = NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, Weekday::Mon)?;
        Some(Period::week_of(day))
    }

    /// `2026-11`.
    pub fn parse_month(s: &str) -> Option<Period> {
        let day = NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d").ok()?;
        Some(Period::month_of(day))
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period `n` steps earlier (negative: later): weeks, months, or same-length
    /// spans.
    pub fn shift(&self, n: i32) -> Period {
        match self.kind {
            PeriodKind::Week => Period::week_of(self.from - Duration::weeks(i64::from(n))),
            PeriodKind::Month => {
                let d = if n >= 0 {
                    self.from.checked_sub_months(chrono::Months::new(n as u32))
                } else {
                    self.from
                        .checked_add_months(chrono::Months::new(n.unsigned_abs()))
                };
                Period::month_of(d.unwrap_or(self.from))
            }
            PeriodKind::Custom => {
                let len = Duration::days(self.days() * i64::from(n));
                Period::custom(self.from - len, self.to - len)
            }
        }
    }

    pub fn previous(&self) -> Period {
        self.shift(1)
    }

    /// `2026-W47`, `2026-11`, or `2026-11-01..2026-11-15`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Week => {
                let w = self.from.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            PeriodKind::Month => self.from.format("%Y-%m").to_string(),
            PeriodKind::Custom => format!("{}..{}", self.from, self.to),
        }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// The keys of a report, in the order they are shown: canonical, then derived.
pub const REPORT_KEYS: [&str; 24] = [
    "followers",
    "follower_growth_pct",
    "new_follows",
    "reach",
    "impressions",
    "engagements",
    "engagement_rate_reach",
    "engagement_rate_impressions",
    "likes",
    "comments",
    "shares",
    "saves",
    "clicks",
    "ctr",
    "video_views",
    "watch_time",
    "profile_visits",
    "spend",
    "cpm",
    "cpc",
    "cpa",
    "conversions",
    "revenue",
    "roas",
];

/// How a report value is shown.
pub fn key_unit(key: &str) -> super::metric::Unit {
    use super::metric::Unit;
    match key {
        "follower_growth_pct" | "engagement_rate_reach" | "engagement_rate_impressions" | "ctr" => {
            Unit::Percent
        }
        "spend" | "revenue" | "cpm" | "cpc" | "cpa" => Unit::Money,
        "roas" => Unit::Ratio,
        "watch_time" => Unit::Hours,
        _ => Unit::Count,
    }
}

/// The figures of one platform (or of all) for a period, by report key. Money is in
/// major units (12.5 is €12.50), rates in percent. `None`: no data, or a denominator of 0.
pub type Figures = BTreeMap<&'static str, Option<f64>>;

fn ratio(a: Option<f64>, b: Option<f64>, scale: f64) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => Some(a / b * scale),
        _ => None,
    }
}

/// The derived ratios: key, numerator, denominator, scale.
const RATIOS: [(&str, Metric, Metric, f64); 7] = [
    (
        "engagement_rate_reach",
        Metric::Engagements,
        Metric::Reach,
        100.0,
    ),
    (
        "engagement_rate_impressions",
        Metric::Engagements,
        Metric::Impressions,
        100.0,
    ),
    ("ctr", Metric::Clicks, Metric::Impressions, 100.0),
    ("cpm", Metric::Spend, Metric::Impressions, 1000.0),
    ("cpc", Metric::Spend, Metric::Clicks, 1.0),
    ("cpa", Metric::Spend, Metric::Conversions, 1.0),
    ("roas", Metric::Revenue, Metric::Spend, 1.0),
];

/// Computes every report key from additive sums and followers at the start and end.
/// `minor` is the number of minor units in a major one (100 for EUR).
pub fn figures(
    additive: &BTreeMap<Metric, i64>,
    followers: (Option<i64>, Option<i64>),
    minor: f64,
) -> Figures {
    let get = |m: Metric| -> Option<f64> {
        additive.get(&m).map(|v| {
            let v = *v as f64;
            match m.unit() {
                super::metric::Unit::Money => v / minor,
                // Stored in seconds, shown in hours.
                super::metric::Unit::Hours => v / super::metric::KPI_SECONDS_PER_HOUR,
                _ => v,
            }
        })
    };
    let mut f = Figures::new();
    for m in Metric::ALL.into_iter().filter(|m| m.is_additive()) {
        f.insert(m.key(), get(m));
    }
    let (start, end) = followers;
    f.insert("followers", end.map(|v| v as f64));
    f.insert(
        "follower_growth_pct",
        match (start, end) {
            (Some(s), Some(e)) if s != 0 => Some((e - s) as f64 / s as f64 * 100.0),
            _ => None,
        },
    );
    let (eng, reach, imp, clicks) = (
        get(Metric::Engagements),
        get(Metric::Reach),
        get(Metric::Impressions),
        get(Metric::Clicks),
    );
    let (spend, conv, rev) = (
        get(Metric::Spend),
        get(Metric::Conversions),
        get(Metric::Revenue),
    );
    f.insert("engagement_rate_reach", ratio(eng, reach, 100.0));
    f.insert("engagement_rate_impressions", ratio(eng, imp, 100.0));
    f.insert("ctr", ratio(clicks, imp, 100.0));
    f.insert("cpm", ratio(spend, imp, 1000.0));
    f.insert("cpc", ratio(spend, clicks, 1.0));
    f.insert("cpa", ratio(spend, conv, 1.0));
    f.insert("roas", ratio(rev, spend, 1.0));
    f
}

/// Change from `previous` to `value` in percent; `None` without both or from 0.
pub fn change_pct(value: Option<f64>, previous: Option<f64>) -> Option<f64> {
    match (value, previous) {
        (Some(v), Some(p)) if p != 0.0 => Some((v - p) / p.abs() * 100.0),
        _ => None,
    }
}

/// Change from `previous` to `value` in points (both in percent); `None` without both.
pub fn change_pt(value: Option<f64>, previous: Option<f64>) -> Option<f64> {
    match (value, previous) {
        (Some(v), Some(p)) => Some(v - p),
        _ => None,
    }
}

/// The figures of each platform and the totals, from the raw sums and followers.
pub fn platform_figures(
    sums: &[Sum],
    followers_start: &[(Platform, i64)],
    followers_end: &[(Platform, i64)],
    minor: f64,
) -> (BTreeMap<Platform, Figures>, Figures) {
    let chosen = pick_sources(sums);
    let mut per: BTreeMap<Platform, BTreeMap<Metric, i64>> = BTreeMap::new();
    let mut total: BTreeMap<Metric, i64> = BTreeMap::new();
    for (p, m, v) in &chosen {
        per.entry(*p).or_default().insert(*m, *v);
        *total.entry(*m).or_default() += v;
    }
    for (p, _) in followers_end {
        per.entry(*p).or_default();
    }
    let find =
        |list: &[(Platform, i64)], p: Platform| list.iter().find(|(x, _)| *x == p).map(|(_, v)| *v);
    let mut out = BTreeMap::new();
    for (p, add) in &per {
        out.insert(
            *p,
            figures(
                add,
                (find(followers_start, *p), find(followers_end, *p)),
                minor,
            ),
        );
    }
    let sum_of = |list: &[(Platform, i64)]| {
        (!list.is_empty()).then(|| list.iter().map(|(_, v)| v).sum::<i64>())
    };
    // Growth in total compares the same platforms at both ends.
    let both: Vec<Platform> = followers_end
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| find(followers_start, *p).is_some())
        .collect();
    let start_total =
        (!both.is_empty()).then(|| both.iter().filter_map(|p| find(followers_start, *p)).sum());
    let end_same: Option<i64> =
        (!both.is_empty()).then(|| both.iter().filter_map(|p| find(followers_end, *p)).sum());
    let mut totals = figures(&total, (start_total, end_same), minor);
    totals.insert("followers", sum_of(followers_end).map(|v| v as f64));
    // A ratio in total adds only the platforms that report both of its parts: X's
    // engagements over Instagram's reach would mean nothing.
    for (key, num, den, scale) in RATIOS {
        let both: Vec<&BTreeMap<Metric, i64>> = per
            .values()
            .filter(|a| a.contains_key(&num) && a.contains_key(&den))
            .collect();
        let n: i64 = both.iter().map(|a| a[&num]).sum();
        let d: i64 = both.iter().map(|a| a[&den]).sum();
        let v = (!both.is_empty() && d != 0).then(|| n as f64 / d as f64 * scale);
        let money = |m: Metric| {
            if m.unit() == super::metric::Unit::Money {
                minor
            } else {
                1.0
            }
        };
        totals.insert(key, v.map(|v| v * money(den) / money(num)));
    }
    (out, totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::Source;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods() {
        let w = Period::parse_week("2026-W47").unwrap();
        assert_eq!((w.from, w.to), (d(2026, 11, 16), d(2026, 11, 22)));
        assert_eq!(w.previous().label(), "2026-W46");
        assert_eq!(Period::parse_week("2027-W01").unwrap().from, d(2027, 1, 4));
        let m = Period::parse_month("2026-03").unwrap();
        assert_eq!((m.from, m.to), (d(2026, 3, 1), d(2026, 3, 31)));
        assert_eq!(m.previous(), Period::parse_month("2026-02").unwrap());
        assert_eq!(m.previous().to, d(2026, 2, 28));
        assert_eq!(m.shift(-1).label(), "2026-04");
        let c = Period::custom(d(2026, 11, 1), d(2026, 11, 10));
        assert_eq!(
            c.previous(),
            Period::custom(d(2026, 10, 22), d(2026, 10, 31))
        );
        assert_eq!(c.days(), 10);
        assert!(Period::parse_week("2026-W60").is_none());
        // On Thursday 26 November: the week of the 16th, October.
        let thu = d(2026, 11, 26);
        assert_eq!(
            Period::last_complete(PeriodKind::Week, thu).label(),
            "2026-W47"
        );
        assert_eq!(
            Period::last_complete(PeriodKind::Month, thu).label(),
            "2026-10"
        );
        // A Sunday's own week still runs.
        let sun = d(2026, 11, 22);
        assert_eq!(
            Period::last_complete(PeriodKind::Week, sun).label(),
            "2026-W46"
        );
        assert_eq!(
            Period::last_complete(PeriodKind::Month, d(2026, 12, 1)).label(),
            "2026-11"
        );
        assert!(Period::parse_month("2026-13").is_none());
    }

    #[test]
    fn every_formula_by_hand() {
        let mut a = BTreeMap::new();
        a.insert(Metric::Impressions, 20_000);
        a.insert(Metric::Reach, 8_000);
        a.insert(Metric::Engagements, 600);
        a.insert(Metric::Clicks, 250);
        a.insert(Metric::Spend, 15_000); // €150.00
        a.insert(Metric::Conversions, 12);
        a.insert(Metric::Revenue, 60_000); // €600.00
        let f = figures(&a, (Some(1_000), Some(1_150)), 100.0);
        let v = |k: &str| f[k].unwrap();
        assert_eq!(v("engagement_rate_reach"), 7.5); // 600 / 8000 x 100
        assert_eq!(v("engagement_rate_impressions"), 3.0); // 600 / 20000 x 100
        assert_eq!(v("ctr"), 1.25); // 250 / 20000 x 100
        assert_eq!(v("spend"), 150.0);
        assert_eq!(v("cpm"), 7.5); // 150 / 20000 x 1000
        assert_eq!(v("cpc"), 0.6); // 150 / 250
        assert_eq!(v("cpa"), 12.5); // 150 / 12
        assert_eq!(v("roas"), 4.0); // 600 / 150
        assert_eq!(v("followers"), 1_150.0);
        assert_eq!(v("follower_growth_pct"), 15.0); // (1150 - 1000) / 1000 x 100
        assert_eq!(f["likes"], None, "no data is not zero");
    }

    #[test]
    fn zero_denominators_are_none() {
        let mut a = BTreeMap::new();
        a.insert(Metric::Impressions, 0);
        a.insert(Metric::Clicks, 0);
        a.insert(Metric::Spend, 0);
        let f = figures(&a, (Some(0), Some(10)), 100.0);
        for k in [
            "ctr",
            "cpm",
            "cpc",
            "cpa",
            "roas",
            "engagement_rate_reach",
            "follower_growth_pct",
        ] {
            assert_eq!(f[k], None, "{k}");
        }
        assert_eq!(f["impressions"], Some(0.0));
    }

    #[test]
    fn changes() {
        assert_eq!(change_pct(Some(123.0), Some(100.0)), Some(23.0));
        assert_eq!(change_pct(Some(50.0), Some(200.0)), Some(-75.0));
        assert_eq!(change_pct(Some(5.0), Some(0.0)), None);
        assert_eq!(change_pct(None, Some(3.0)), None);
        assert!((change_pt(Some(4.6), Some(4.2)).unwrap() - 0.4).abs() < 1e-9);
        assert_eq!(change_pt(Some(4.6), None), None);
    }

    #[test]
    fn totals_add_platforms_and_never_double_count() {
        let sums = [
            Sum {
                platform: Platform::Instagram,
                metric: Metric::Impressions,
                source: Source::Account,
                value: 1_000,
            },
            Sum {
                platform: Platform::Instagram,
                metric: Metric::Impressions,
                source: Source::Posts,
                value: 800,
            },
            Sum {
                platform: Platform::X,
                metric: Metric::Impressions,
                source: Source::Posts,
                value: 500,
            },
            Sum {
                platform: Platform::X,
                metric: Metric::Engagements,
                source: Source::Posts,
                value: 50,
            },
        ];
        let start = [(Platform::Instagram, 200), (Platform::X, 100)];
        let end = [(Platform::Instagram, 220), (Platform::X, 130)];
        let (per, tot) = platform_figures(&sums, &start, &end, 100.0);
        assert_eq!(per[&Platform::Instagram]["impressions"], Some(1_000.0));
        assert_eq!(per[&Platform::X]["engagement_rate_impressions"], Some(10.0));
        assert_eq!(tot["impressions"], Some(1_500.0));
        assert_eq!(tot["followers"], Some(350.0));
        assert_eq!(tot["follower_growth_pct"], Some(50.0 / 300.0 * 100.0));
        // Only X reports engagements: the total rate is X's, not 50 over both platforms.
        assert_eq!(tot["engagement_rate_impressions"], Some(10.0));
    }

    #[test]
    fn money_ratios_in_total() {
        let s = |p, m, v| Sum {
            platform: p,
            metric: m,
            source: Source::Account,
            value: v,
        };
        let sums = [
            s(Platform::Facebook, Metric::Spend, 5_000),
            s(Platform::Facebook, Metric::Clicks, 100),
            s(Platform::Facebook, Metric::Impressions, 10_000),
            s(Platform::Instagram, Metric::Spend, 3_000),
            s(Platform::Instagram, Metric::Clicks, 20),
            s(Platform::Instagram, Metric::Revenue, 12_000),
        ];
        let (_, tot) = platform_figures(&sums, &[], &[], 100.0);
        assert!((tot["cpc"].unwrap() - 80.0 / 120.0).abs() < 1e-12); // €80 over 120 clicks
        assert_eq!(tot["cpm"], Some(5.0)); // €50 over 10,000 impressions (Facebook only)
        assert_eq!(tot["roas"], Some(4.0)); // €120 over €30 (Instagram only)
    }

    /// Watch time is stored in seconds and reported in hours, added up like views.
    #[test]
    fn watch_time_in_hours() {
        let mut a = BTreeMap::new();
        a.insert(Metric::WatchTime, 45_000);
        let f = figures(&a, (None, None), 100.0);
        assert_eq!(f["watch_time"], Some(12.5));
        assert!(REPORT_KEYS.contains(&"watch_time"));
        assert_eq!(key_unit("watch_time"), super::super::metric::Unit::Hours);
        assert!(Metric::WatchTime.is_additive());
    }
}
