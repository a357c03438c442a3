use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::kpi::{DailyValue, PostValue};
use crate::domain::metric::Metric;
use crate::domain::objective::ObjectiveDraft;
use crate::domain::strategy::{BudgetKind, BudgetLine, Expense, Pillar};
use crate::domain::{ClientDraft, Platform};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

/// A client with two weeks of figures: W46 (Nov 9-15) and W47 (Nov 16-22).
fn setup() -> (Store, Client) {
    let mut s = Store::open_in_memory().unwrap();
    let mut c = ClientDraft::new("Boulangerie Marcel");
    c.timezone = "Europe/Paris".into();
    let id = s.insert_client(&c, now()).unwrap();
    let client = s.client(id).unwrap();
    let dv = |p, day, m, v| DailyValue {
        platform: p,
        day,
        metric: m,
        value: v,
    };
    let mut daily = vec![
        // Instagram, W47: impressions 3000, reach 2000, engagements 150, clicks 30.
        dv(
            Platform::Instagram,
            d(2026, 11, 16),
            Metric::Impressions,
            1000,
        ),
        dv(
            Platform::Instagram,
            d(2026, 11, 18),
            Metric::Impressions,
            2000,
        ),
        dv(Platform::Instagram, d(2026, 11, 18), Metric::Reach, 2000),
        dv(
            Platform::Instagram,
            d(2026, 11, 19),
            Metric::Engagements,
            150,
        ),
        dv(Platform::Instagram, d(2026, 11, 20), Metric::Clicks, 30),
        // W46: impressions 2000.
        dv(
            Platform::Instagram,
            d(2026, 11, 10),
            Metric::Impressions,
            2000,
        ),
        // Followers: 1000 at the end of W46, 1100 at the end of W47.
        dv(
            Platform::Instagram,
            d(2026, 11, 15),
            Metric::Followers,
            1000,
        ),
        dv(
            Platform::Instagram,
            d(2026, 11, 22),
            Metric::Followers,
            1100,
        ),
        // Facebook spend €40.00 in W47, 4000 impressions.
        dv(Platform::Facebook, d(2026, 11, 17), Metric::Spend, 4000),
        dv(
            Platform::Facebook,
            d(2026, 11, 17),
            Metric::Impressions,
            4000,
        ),
    ];
    daily.push(dv(Platform::Facebook, d(2026, 11, 21), Metric::Clicks, 50));
    let pv = |id: &str, day, m, v| PostValue {
        platform: Platform::Instagram,
        external_id: id.into(),
        day,
        title: String::new(),
        metric: m,
        value: v,
    };
    // Per-post Instagram impressions in W47 (ignored: account-level values exist), and
    // likes (used: no account-level likes).
    let posts = vec![
        pv("a", d(2026, 11, 16), Metric::Impressions, 900),
        pv("a", d(2026, 11, 16), Metric::Likes, 70),
        pv("b", d(2026, 11, 19), Metric::Likes, 50),
    ];
    s.transaction(|tx| {
        tx.upsert_daily(id, &daily, |_| {})?;
        tx.upsert_posts(id, &posts, |_| {})?;
        tx.save_objective(
            id,
            (0, 0),
            &ObjectiveDraft {
                platform: Some(Platform::Instagram),
                metric: Metric::Followers,
                baseline: 900,
                target: 1500,
                start: d(2026, 10, 1),
                deadline: d(2026, 12, 31),
                note: String::new(),
            },
            now(),
        )?;
        tx.save_budget_line(
            id,
            &BudgetLine {
                version: 0,
                id: 0,
                month: d(2026, 11, 1),
                platform: None,
                kind: BudgetKind::PaidAds,
                amount: 10_000,
                note: String::new(),
            },
            now(),
        )?;
        tx.save_expense(
            id,
            &Expense {
                version: 0,
                id: 0,
                date: d(2026, 11, 17),
                amount: 4_000,
                kind: BudgetKind::PaidAds,
                platform: None,
                campaign_id: None,
                note: String::new(),
            },
            now(),
        )?;
        tx.save_expense(
            id,
            &Expense {
                version: 0,
                id: 0,
                date: d(2026, 11, 25),
                amount: 9_999,
                kind: BudgetKind::PaidAds,
                platform: None,
                campaign_id: None,
                note: String::new(),
            },
            now(),
        )?;
        tx.save_pillar(
            id,
            &Pillar {
                version: 0,
                id: 0,
                name: "Products".into(),
                share: 60,
                description: String::new(),
            },
            now(),
        )?;
        Ok(())
    })
    .unwrap();
    (s, client)
}

fn week47() -> Period {
    Period::parse_week("2026-W47").unwrap()
}

#[test]
fn figures_by_hand() {
    let (s, c) = setup();
    let r = build(&s, &c, week47(), now()).unwrap();
    assert_eq!(
        (r.period.from, r.period.to),
        (d(2026, 11, 16), d(2026, 11, 22))
    );
    assert_eq!(r.previous.label, "2026-W46");
    let ig = &r
        .platforms
        .iter()
        .find(|p| p.platform == "instagram")
        .unwrap()
        .metrics;
    assert_eq!(
        ig["impressions"].value,
        Some(3000.0),
        "account-level wins over the 900 of posts"
    );
    assert_eq!(ig["impressions"].previous, Some(2000.0));
    assert_eq!(ig["impressions"].change_pct, Some(50.0));
    assert_eq!(
        ig["likes"].value,
        Some(120.0),
        "per-post values when no account-level ones"
    );
    assert_eq!(ig["engagement_rate_reach"].value, Some(7.5)); // 150 / 2000 x 100
    assert_eq!(ig["engagement_rate_impressions"].value, Some(5.0)); // 150 / 3000 x 100
    assert_eq!(ig["ctr"].value, Some(1.0)); // 30 / 3000 x 100
    assert_eq!(ig["followers"].value, Some(1100.0));
    assert_eq!(ig["follower_growth_pct"].value, Some(10.0)); // (1100 - 1000) / 1000
    assert_eq!(ig["reach"].change_pct, None, "no reach the week before");
    let fb = &r
        .platforms
        .iter()
        .find(|p| p.platform == "facebook")
        .unwrap()
        .metrics;
    assert_eq!(fb["spend"].value, Some(40.0));
    assert_eq!(fb["cpm"].value, Some(10.0)); // 40 / 4000 x 1000
    assert_eq!(fb["cpc"].value, Some(0.8)); // 40 / 50
    assert_eq!(fb["cpa"].value, None, "no conversions");
    assert_eq!(fb["roas"].value, None);
    assert_eq!(r.totals["impressions"].value, Some(7000.0));
    assert_eq!(r.totals["clicks"].value, Some(80.0));
    assert_eq!(r.totals["ctr"].value, Some(80.0 / 7000.0 * 100.0));
    assert_eq!(r.series.len(), 12);
    assert_eq!(r.series[11].0, "2026-W47");
    assert_eq!(r.series[10].1["impressions"], Some(2000.0));
}

#[test]
fn objectives_budget_and_calendar() {
    let (s, c) = setup();
    let r = build(&s, &c, week47(), now()).unwrap();
    let o = &r.objectives[0];
    assert_eq!(
        (o.baseline, o.target, o.current),
        (900.0, 1500.0, Some(1100.0))
    );
    // 200 of 600 done in 52 of 91 days: projected 200/600 x 91/52 = 58%: behind.
    assert_eq!(o.status, ObjectiveStatus::Behind);
    assert!((o.done_pct.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(r.budget.months, ["2026-11"]);
    assert_eq!(
        (r.budget.planned, r.budget.spent, r.budget.remaining),
        (100.0, 40.0, 60.0),
        "spending after the week is not counted"
    );
    assert_eq!(r.budget.used_pct, Some(40.0));
    assert_eq!(r.calendar.planned, 0);
    assert_eq!(r.calendar.pillars[0].actual_pct, None);
}

#[test]
fn an_empty_client_has_nulls_not_zeros() {
    let s = Store::open_in_memory().unwrap();
    let id = s.insert_client(&ClientDraft::new("Empty"), now()).unwrap();
    let c = s.client(id).unwrap();
    let r = build(&s, &c, week47(), now()).unwrap();
    assert!(r.platforms.is_empty());
    assert!(
        r.totals
            .values()
            .all(|v| v.value.is_none() && v.change_pct.is_none())
    );
    assert_eq!(r.inbox.reply_rate, None);
}

/// Thursday 19 November, W47 still runs: its Monday to Thursday are compared with
/// Monday to Thursday of W46, and it says so.
#[test]
fn a_running_week_is_compared_with_the_same_days() {
    let (s, c) = setup();
    let thursday = Utc.with_ymd_and_hms(2026, 11, 19, 9, 0, 0).unwrap();
    let r = build(&s, &c, week47(), thursday).unwrap();
    assert!(r.in_progress);
    assert_eq!(
        (r.period.from, r.period.to, r.period.through),
        (d(2026, 11, 16), d(2026, 11, 22), d(2026, 11, 19))
    );
    assert_eq!(
        (r.previous.from, r.previous.through, r.previous.to),
        (d(2026, 11, 9), d(2026, 11, 12), d(2026, 11, 15))
    );
    let ig = &r.platforms[1].metrics;
    assert_eq!(ig["impressions"].value, Some(3000.0), "Monday to Thursday");
    assert_eq!(ig["impressions"].previous, Some(2000.0), "the 10th is in");
    assert_eq!(
        ig["clicks"].value, None,
        "Friday's clicks are not counted yet"
    );
    // The week after it ended is whole on both sides.
    let r = build(&s, &c, week47(), now()).unwrap();
    assert!(!r.in_progress);
    assert_eq!(r.previous.through, d(2026, 11, 15));
    // A running month: 1 to 19 November against 1 to 19 October.
    let (so_far, same) = counted(&Period::parse_month("2026-11").unwrap(), d(2026, 11, 19));
    assert_eq!((so_far.from, so_far.to), (d(2026, 11, 1), d(2026, 11, 19)));
    assert_eq!((same.from, same.to), (d(2026, 10, 1), d(2026, 10, 19)));
    // March 31 against February: the same days stop at the month's end.
    let (_, same) = counted(&Period::parse_month("2027-03").unwrap(), d(2027, 3, 31));
    assert_eq!(same.to, d(2027, 2, 28));
}

/// Rates change in points, other figures in percent.
#[test]
fn rates_change_in_points() {
    let (mut s, c) = setup();
    // W46: 10 clicks on 2,000 Instagram impressions, a CTR of 0.5%; W47: 1.0%.
    s.transaction(|tx| {
        tx.upsert_daily(
            c.id,
            &[DailyValue {
                platform: Platform::Instagram,
                day: d(2026, 11, 11),
                metric: Metric::Clicks,
                value: 10,
            }],
            |_| {},
        )
    })
    .unwrap();
    let r = build(&s, &c, week47(), now()).unwrap();
    let ctr = &r.platforms[1].metrics["ctr"];
    assert_eq!((ctr.value, ctr.previous), (Some(1.0), Some(0.5)));
    assert_eq!(ctr.change_pct, None, "not +100%");
    assert_eq!(ctr.change_pt, Some(0.5));
    assert_eq!(ctr.change(), Change::Pt(0.5));
    let imp = &r.totals["impressions"];
    assert_eq!((imp.change_pct, imp.change_pt), (Some(250.0), None));
    assert_eq!(imp.change(), Change::Pct(250.0));
}

/// A week typed by hand (stored on its Sunday) beside daily figures: on Wednesday the
/// running week is compared with Monday to Wednesday of the one before, where the typed
/// week is not. Its change is left out, on its platform and in the total.
#[test]
fn a_week_typed_by_hand_is_not_cut_to_the_same_days() {
    let mut s = Store::open_in_memory().unwrap();
    let wednesday = Utc.with_ymd_and_hms(2026, 11, 18, 9, 0, 0).unwrap();
    let id = s
        .insert_client(&ClientDraft::new("Bistro"), wednesday)
        .unwrap();
    let v = |platform, day, value| DailyValue {
        platform,
        day: d(2026, 11, day),
        metric: Metric::Impressions,
        value,
    };
    s.transaction(|tx| {
        tx.upsert_daily(
            id,
            &[
                v(Platform::Facebook, 9, 1000),
                v(Platform::Facebook, 16, 1500),
                v(Platform::Instagram, 16, 4000),
            ],
            |_| {},
        )?;
        tx.set_week(
            id,
            Platform::Instagram,
            (d(2026, 11, 9), d(2026, 11, 15)),
            &[(Metric::Impressions, Some(5000))],
        )
    })
    .unwrap();
    let c = s.client(id).unwrap();
    let r = build(&s, &c, Period::parse_week("2026-W47").unwrap(), wednesday).unwrap();
    assert_eq!(
        r.not_comparable,
        vec![NotComparable {
            platform: "instagram",
            metric: "impressions"
        }]
    );
    let total = r.totals["impressions"];
    assert_eq!((total.value, total.previous), (Some(5500.0), Some(1000.0)));
    assert_eq!(
        total.change(),
        Change::None,
        "not ▲ 450% (two platforms vs one)"
    );
    let fb = &r
        .platforms
        .iter()
        .find(|p| p.platform == "facebook")
        .unwrap();
    assert_eq!(fb.metrics["impressions"].change(), Change::Pct(50.0));
    // The whole week, once over, compares with the whole week before: nothing left out.
    let later = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let r = build(&s, &c, Period::parse_week("2026-W47").unwrap(), later).unwrap();
    assert!(r.not_comparable.is_empty());
    assert_eq!(r.totals["impressions"].previous, Some(6000.0));
}
