//! The month sums stay equal to the daily values they sum, through every upsert, and a
//! period's sums are the same whether read from months, days or both.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::kpi::{DailyValue, Source};
use crate::domain::metric::Metric;
use crate::domain::{ClientDraft, Platform};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A small deterministic generator (no seed to keep: the same values every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

type Truth = BTreeMap<(NaiveDate, Platform, Metric), i64>;

/// The sums of `from..=to` added up from the values themselves.
fn by_hand(truth: &Truth, from: NaiveDate, to: NaiveDate) -> Vec<(Platform, Metric, i64)> {
    let mut sums: BTreeMap<(&str, &str), (Platform, Metric, i64)> = BTreeMap::new();
    for ((day, p, m), v) in truth {
        if *day >= from && *day <= to && *m != Metric::Followers {
            sums.entry((p.key(), m.key())).or_insert((*p, *m, 0)).2 += v;
        }
    }
    sums.into_values().collect()
}

fn stored(s: &Store, c: i64, from: NaiveDate, to: NaiveDate) -> Vec<(Platform, Metric, i64)> {
    s.kpi_sums(c, from, to)
        .unwrap()
        .into_iter()
        .filter(|x| x.source == Source::Account)
        .map(|x| (x.platform, x.metric, x.value))
        .collect()
}

#[test]
fn month_sums_follow_every_upsert_and_every_period_adds_up() {
    let mut s = Store::open_in_memory().unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), now()).unwrap();
    let other = s.insert_client(&ClientDraft::new("Other"), now()).unwrap();
    let mut rng = Lcg(7);
    let mut truth = Truth::new();
    let platforms = [Platform::Instagram, Platform::Facebook];
    let metrics = [Metric::Impressions, Metric::Likes, Metric::Followers];
    let start = d(2026, 1, 20);
    // Four imports over overlapping spans: new values, changed ones, identical ones.
    for (from, days) in [(0, 60), (40, 70), (0, 30), (95, 20)] {
        let mut values = Vec::new();
        for n in from..from + days {
            let day = start + Duration::days(n);
            for p in platforms {
                for m in metrics {
                    if rng.next(5) == 0 {
                        continue;
                    }
                    let value = match truth.get(&(day, p, m)) {
                        Some(v) if rng.next(2) == 0 => *v,
                        _ => rng.next(1000) as i64,
                    };
                    truth.insert((day, p, m), value);
                    values.push(DailyValue {
                        day,
                        platform: p,
                        metric: m,
                        value,
                    });
                }
            }
        }
        s.transaction(|tx| tx.upsert_daily(c, &values, |_| {}))
            .unwrap();
        // Another client's values never reach this client's sums.
        let theirs: Vec<DailyValue> = values
            .iter()
            .map(|v| DailyValue { value: 1, ..*v })
            .collect();
        s.transaction(|tx| tx.upsert_daily(other, &theirs, |_| {}))
            .unwrap();
    }
    // Every period between these days: inside a month, across months, whole months,
    // whole months with days around them, and beyond the values.
    let marks = [
        d(2026, 1, 1),
        d(2026, 1, 20),
        d(2026, 1, 31),
        d(2026, 2, 1),
        d(2026, 2, 14),
        d(2026, 2, 28),
        d(2026, 3, 1),
        d(2026, 3, 31),
        d(2026, 4, 1),
        d(2026, 4, 17),
        d(2026, 4, 30),
        d(2026, 5, 31),
        d(2026, 6, 1),
    ];
    let mut checked = 0;
    for from in marks {
        for to in marks.iter().copied().filter(|t| *t >= from) {
            assert_eq!(
                stored(&s, c, from, to),
                by_hand(&truth, from, to),
                "{from}..={to}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 91);
    // The table itself holds each month's sums, nothing else.
    let months: i64 = s
        .conn
        .query_row(
            "SELECT count(DISTINCT month) FROM kpi_months WHERE client_id = ?1",
            [c],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(months, 5, "January to May");
}

#[test]
fn a_version_9_database_gets_its_month_sums() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrations::migrations().to_version(&mut conn, 9).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, currency, timezone, created_at)
                 VALUES (1, 'Old', 'old', 'EUR', 'Europe/Paris', 0);
             INSERT INTO kpi_daily VALUES (1, 'instagram', '2026-10-01', 'impressions', 100);
             INSERT INTO kpi_daily VALUES (1, 'instagram', '2026-10-31', 'impressions', 50);
             INSERT INTO kpi_daily VALUES (1, 'instagram', '2026-11-01', 'impressions', 7);
             INSERT INTO kpi_daily VALUES (1, 'instagram', '2026-10-15', 'followers', 1200);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    let month: Vec<(String, String, i64)> = s
        .conn
        .prepare("SELECT month, metric, value FROM kpi_months ORDER BY month")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        month,
        vec![
            ("2026-10".to_string(), "impressions".to_string(), 150),
            ("2026-11".to_string(), "impressions".to_string(), 7)
        ]
    );
    assert_eq!(
        stored(&s, 1, d(2026, 10, 1), d(2026, 10, 31)),
        vec![(Platform::Instagram, Metric::Impressions, 150)]
    );
    // An upsert after the upgrade writes its month again.
    let v = [DailyValue {
        day: d(2026, 10, 31),
        platform: Platform::Instagram,
        metric: Metric::Impressions,
        value: 60,
    }];
    let mut s = s;
    s.transaction(|tx| tx.upsert_daily(1, &v, |_| {})).unwrap();
    assert_eq!(
        stored(&s, 1, d(2026, 10, 1), d(2026, 11, 30)),
        vec![(Platform::Instagram, Metric::Impressions, 167)]
    );
}

#[test]
fn a_first_import_that_repeats_a_value_counts_the_last_one() {
    let mut s = Store::open_in_memory().unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), now()).unwrap();
    let v = |day: NaiveDate, value: i64| DailyValue {
        day,
        platform: Platform::Instagram,
        metric: Metric::Reach,
        value,
    };
    // The same day twice in one file: the row keeps the later value, and so does the sum.
    let values = [
        v(d(2026, 3, 2), 10),
        v(d(2026, 3, 9), 5),
        v(d(2026, 3, 2), 40),
    ];
    s.transaction(|tx| tx.upsert_daily(c, &values, |_| {}))
        .unwrap();
    assert_eq!(
        stored(&s, c, d(2026, 3, 1), d(2026, 3, 31)),
        vec![(Platform::Instagram, Metric::Reach, 45)]
    );
    // A later import into a month that already has values adds to them.
    s.transaction(|tx| tx.upsert_daily(c, &[v(d(2026, 3, 20), 1)], |_| {}))
        .unwrap();
    assert_eq!(
        stored(&s, c, d(2026, 3, 1), d(2026, 3, 31)),
        vec![(Platform::Instagram, Metric::Reach, 46)]
    );
}

/// A week typed by hand replaces that week's values of the metrics typed, on that
/// platform only, and the month sums of both months a week can straddle follow.
#[test]
fn a_week_set_by_hand_replaces_its_days() {
    let mut s = Store::open_in_memory().unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), now()).unwrap();
    let mut values = Vec::new();
    // Every day from 20 October to 10 November, reach 100 and likes 7 on Instagram,
    // reach 50 on Facebook.
    let mut day = d(2026, 10, 20);
    while day <= d(2026, 11, 10) {
        for (p, m, v) in [
            (Platform::Instagram, Metric::Reach, 100),
            (Platform::Instagram, Metric::Likes, 7),
            (Platform::Facebook, Metric::Reach, 50),
        ] {
            values.push(DailyValue {
                platform: p,
                day,
                metric: m,
                value: v,
            });
        }
        day += Duration::days(1);
    }
    s.transaction(|tx| tx.upsert_daily(c, &values, |_| {}))
        .unwrap();
    // The week of 26 October to 1 November: reach becomes 5,000, likes go.
    let week = (d(2026, 10, 26), d(2026, 11, 1));
    let n = s
        .transaction(|tx| {
            tx.set_week(
                c,
                Platform::Instagram,
                week,
                &[(Metric::Reach, Some(5000)), (Metric::Likes, None)],
            )
        })
        .unwrap();
    assert_eq!(n, 2);
    let sums = |from, to| stored(&s, c, from, to);
    assert_eq!(
        sums(week.0, week.1),
        vec![
            (Platform::Facebook, Metric::Reach, 350),
            (Platform::Instagram, Metric::Reach, 5000),
        ],
        "the typed value, not added to what was there"
    );
    // October keeps its days before the week; November gets the week on its Sunday.
    assert_eq!(
        sums(d(2026, 10, 1), d(2026, 10, 31)),
        vec![
            (Platform::Facebook, Metric::Reach, 12 * 50),
            (Platform::Instagram, Metric::Likes, 6 * 7),
            (Platform::Instagram, Metric::Reach, 6 * 100),
        ]
    );
    assert_eq!(
        sums(d(2026, 11, 1), d(2026, 11, 30)),
        vec![
            (Platform::Facebook, Metric::Reach, 10 * 50),
            (Platform::Instagram, Metric::Likes, 9 * 7),
            (Platform::Instagram, Metric::Reach, 5000 + 9 * 100),
        ]
    );
}

/// Version 14 keeps watch time in seconds: minutes written before are converted in the
/// days, the posts and the month sums alike; other metrics are left as they were.
#[test]
fn a_version_13_database_gets_its_watch_time_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v13.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrations::migrations().to_version(&mut conn, 13).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, currency, timezone, created_at)
                 VALUES (1, 'Old', 'old', 'EUR', 'Europe/Paris', 0);
             INSERT INTO kpi_daily VALUES (1, 'youtube', '2026-10-01', 'watch_time', 90);
             INSERT INTO kpi_daily VALUES (1, 'youtube', '2026-10-01', 'video_views', 90);
             INSERT INTO kpi_months VALUES (1, '2026-10', 'youtube', 'watch_time', 90);
             INSERT INTO kpi_months VALUES (1, '2026-10', 'youtube', 'video_views', 90);
             INSERT INTO kpi_posts VALUES (1, 'youtube', 'v1', '2026-10-01', '', 'watch_time', 30);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(
        stored(&s, 1, d(2026, 10, 1), d(2026, 10, 31)),
        vec![
            (Platform::Youtube, Metric::VideoViews, 90),
            (Platform::Youtube, Metric::WatchTime, 5400)
        ]
    );
    assert_eq!(
        stored(&s, 1, d(2026, 10, 1), d(2026, 10, 1)),
        vec![
            (Platform::Youtube, Metric::VideoViews, 90),
            (Platform::Youtube, Metric::WatchTime, 5400)
        ]
    );
    let post: i64 = s
        .conn
        .query_row(
            "SELECT value FROM kpi_posts WHERE metric = 'watch_time'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(post, 1800);
}
