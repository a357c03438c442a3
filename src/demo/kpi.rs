//! A year of daily figures for each demo account: impressions, reach, engagement,
//! clicks, growing followers, video views where the platform is video, and ad spend.
//! Deterministic: the same demo every time.

use chrono::{Datelike, Duration, NaiveDate};

use super::Tx;
use crate::domain::Platform;
use crate::domain::kpi::DailyValue;
use crate::domain::metric::Metric;
use crate::store::Result;

/// A small deterministic generator (xorshift), so the demo needs no randomness crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 10_000) as f64 / 10_000.0
    }
}

/// Base daily impressions and followers at the start of the year, by platform.
fn base(p: Platform) -> (f64, f64) {
    match p {
        Platform::Instagram => (2_400.0, 1_500.0),
        Platform::Facebook => (1_500.0, 2_200.0),
        Platform::Tiktok => (5_000.0, 4_000.0),
        Platform::Youtube => (900.0, 600.0),
        Platform::Linkedin => (700.0, 900.0),
        Platform::X => (1_100.0, 800.0),
        _ => (400.0, 300.0),
    }
}

pub fn fill(tx: &Tx<'_>, client: i64, platforms: &[Platform], today: NaiveDate) -> Result<()> {
    let start = today - Duration::days(364);
    let mut values = Vec::new();
    for (n, p) in platforms.iter().enumerate() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((client as u64) << 8) ^ n as u64);
        let (imp0, mut followers) = base(*p);
        let video = matches!(p, Platform::Tiktok | Platform::Youtube);
        for day in 0..365 {
            let date = start + Duration::days(day);
            // Growth over the year, more on weekends for consumer brands, some noise.
            let growth = 1.0 + day as f64 / 365.0 * 0.6;
            let weekend = if date.weekday().num_days_from_monday() >= 5 {
                1.25
            } else {
                1.0
            };
            let impressions = imp0 * growth * weekend * (0.75 + rng.next() * 0.5);
            let reach = impressions * (0.55 + rng.next() * 0.15);
            let engagements = reach * (0.035 + rng.next() * 0.03);
            let likes = engagements * 0.7;
            let comments = engagements * 0.08;
            let shares = engagements * 0.07;
            let saves = engagements * 0.05;
            let clicks = impressions * (0.006 + rng.next() * 0.006);
            let new_follows = (reach * 0.004 * (0.5 + rng.next())).round();
            followers += new_follows - (rng.next() * new_follows * 0.3).round();
            let mut push = |metric, v: f64| {
                values.push(DailyValue {
                    platform: *p,
                    day: date,
                    metric,
                    value: v.round() as i64,
                })
            };
            push(Metric::Impressions, impressions);
            push(Metric::Reach, reach);
            push(Metric::Engagements, engagements);
            push(Metric::Likes, likes);
            push(Metric::Comments, comments);
            push(Metric::Shares, shares);
            push(Metric::Saves, saves);
            push(Metric::Clicks, clicks);
            push(Metric::NewFollows, new_follows);
            push(Metric::Followers, followers);
            push(Metric::ProfileVisits, reach * 0.02);
            if video {
                push(Metric::VideoViews, impressions * 0.8);
            }
            // Paid promotion on Instagram and Facebook a few days a week (minor units).
            if matches!(p, Platform::Instagram | Platform::Facebook)
                && date.weekday().num_days_from_monday().is_multiple_of(2)
            {
                push(Metric::Spend, 800.0 + rng.next() * 1_200.0);
                push(Metric::Conversions, 1.0 + (rng.next() * 4.0).floor());
                push(Metric::Revenue, 4_000.0 + rng.next() * 6_000.0);
            }
        }
    }
    tx.upsert_daily(client, &values, |_| {})?;
    Ok(())
}
