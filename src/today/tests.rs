use chrono::{NaiveDate, NaiveDateTime, TimeZone};

use super::*;
use crate::domain::inbox::{ItemDraft, Kind};
use crate::domain::kpi::DailyValue;
use crate::domain::metric::Metric;
use crate::domain::objective::ObjectiveDraft;
use crate::domain::post::Post;
use crate::domain::strategy::{BudgetKind, BudgetLine as Plan, Campaign, CampaignStatus, Expense};
use crate::domain::{AccountDraft, ClientDraft, Platform};

/// Sunday Nov 22, 2026, 10:00 in Paris.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// When the clients were made: a month before `now`.
fn made() -> DateTime<Utc> {
    now() - Duration::days(30)
}

fn setup() -> (Store, i64, i64) {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = ClientDraft::new("Atelier");
    a.timezone = "Europe/Paris".into();
    let a = s.insert_client(&a, made()).unwrap();
    let mut b = ClientDraft::new("Bistro");
    b.timezone = "America/Montreal".into();
    let b = s.insert_client(&b, made()).unwrap();
    let ig = s
        .insert_account(
            a,
            &AccountDraft {
                platform: Platform::Instagram,
                handle: "@a".into(),
            },
            now(),
        )
        .unwrap();
    let paris: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
    s.transaction(|tx| {
        let post = |when: &str, title: &str, status| -> crate::store::Result<()> {
            let mut p = Post {
                client_id: a,
                accounts: vec![ig],
                title: title.into(),
                status,
                ..Post::default()
            };
            p.schedule(Some(local(when)), paris);
            tx.save_post(&p, now())?;
            Ok(())
        };
        post("2026-11-22 08:00", "Late one", PostStatus::Scheduled)?;
        post("2026-11-22 18:00", "Tonight", PostStatus::Draft)?;
        post("2026-11-21 12:00", "Done", PostStatus::Published)?;
        post("2026-11-20 12:00", "Forgotten", PostStatus::Ready)?;
        let item = |ext: &str, hours_ago: i64| ItemDraft {
            platform: Platform::Instagram,
            kind: Kind::Comment,
            author: "@x".into(),
            author_name: String::new(),
            text: "hi".into(),
            received_at: now() - Duration::hours(hours_ago),
            permalink: String::new(),
            external_id: Some(ext.into()),
        };
        tx.insert_item(a, &item("1", 6), now())?;
        tx.insert_item(a, &item("2", 1), now())?;
        tx.save_objective(
            a,
            (0, 0),
            &ObjectiveDraft {
                platform: Some(Platform::Instagram),
                metric: Metric::Followers,
                baseline: 1000,
                target: 2000,
                start: d(10, 1),
                deadline: d(12, 31),
                note: String::new(),
            },
            now(),
        )?;
        tx.upsert_daily(
            a,
            &[DailyValue {
                platform: Platform::Instagram,
                day: d(11, 2),
                metric: Metric::Followers,
                value: 1050,
            }],
            |_| {},
        )?;
        tx.save_budget_line(
            a,
            &Plan {
                version: 0,
                id: 0,
                month: d(11, 1),
                platform: None,
                kind: BudgetKind::PaidAds,
                amount: 10_000,
                note: String::new(),
            },
            now(),
        )?;
        tx.save_expense(
            a,
            &Expense {
                version: 0,
                id: 0,
                date: d(11, 5),
                amount: 9_500,
                kind: BudgetKind::PaidAds,
                platform: None,
                campaign_id: None,
                note: String::new(),
            },
            now(),
        )?;
        tx.save_campaign(
            a,
            &Campaign {
                version: 0,
                id: 0,
                name: "Advent".into(),
                platforms: vec![],
                start: d(11, 20),
                end: d(12, 24),
                budget: None,
                objective_id: None,
                status: CampaignStatus::Active,
            },
            now(),
        )?;
        // The Bistro imported figures for last week.
        tx.upsert_daily(
            b,
            &[DailyValue {
                platform: Platform::Facebook,
                day: d(11, 12),
                metric: Metric::Reach,
                value: 50,
            }],
            |_| {},
        )?;
        Ok(())
    })
    .unwrap();
    (s, a, b)
}

#[test]
fn the_check_in_by_section() {
    let (s, a, b) = setup();
    let t = build(&s, now()).unwrap();
    let titles = |v: &[PostLine]| v.iter().map(|p| p.title.clone()).collect::<Vec<_>>();
    assert_eq!(
        titles(&t.posts_late),
        ["Forgotten", "Late one"],
        "ready or scheduled, time passed, oldest first"
    );
    assert_eq!(titles(&t.posts_due), ["Tonight"]);
    assert_eq!(t.posts_due[0].platforms, ["instagram"]);
    assert_eq!(t.inbox.len(), 1);
    let i = &t.inbox[0];
    assert_eq!((i.client_id, i.pending, i.overdue), (a, 2, 1));
    assert_eq!(i.oldest_received_at, Some(now() - Duration::hours(6)));
    assert_eq!(
        i.oldest_minutes_left,
        Some(-120),
        "6 h old with a 4 h target: 2 h late"
    );
    assert_eq!(t.objectives_at_risk.len(), 1);
    assert_eq!(t.objectives_at_risk[0].status, Status::Behind);
    assert_eq!(t.budget_alerts.len(), 1);
    assert_eq!(t.budget_alerts[0].used_pct, Some(95.0));
    assert!(!t.budget_alerts[0].over);
    assert_eq!(t.campaigns.len(), 1);
    assert!(t.campaigns[0].starting);
    let reviews: Vec<i64> = t.reviews_due.iter().map(|r| r.client_id).collect();
    assert_eq!(reviews, [a], "the Bistro has figures for 2026-W46");
    assert_eq!(t.reviews_due[0].week, "2026-W46");
    let _ = b;
    assert!(!t.is_calm());
}

#[test]
fn a_client_made_after_last_week_is_not_asked_for_its_figures() {
    let (s, a, _) = setup();
    let new = s.insert_client(&ClientDraft::new("Café"), now()).unwrap();
    let t = build(&s, now()).unwrap();
    let reviews: Vec<i64> = t.reviews_due.iter().map(|r| r.client_id).collect();
    assert_eq!(reviews, [a], "made today, nothing to review for 2026-W46");
    assert_ne!(new, a);
}

#[test]
fn archived_clients_are_left_out() {
    let (s, a, _) = setup();
    s.set_client_archived(a, Some(now())).unwrap();
    let t = build(&s, now()).unwrap();
    assert!(
        t.posts_late.is_empty()
            && t.inbox.is_empty()
            && t.reviews_due.iter().all(|r| r.client_id != a)
    );
}

/// An objective that starts on 1 December is "not started" on 22 November: not behind,
/// so not on the check-in, whatever its figures.
#[test]
fn an_objective_not_started_is_not_behind() {
    let (mut s, a, _) = setup();
    s.transaction(|tx| {
        tx.save_objective(
            a,
            (0, 0),
            &ObjectiveDraft {
                platform: Some(Platform::Instagram),
                metric: Metric::Followers,
                baseline: 5000,
                target: 8000,
                start: d(12, 1),
                deadline: d(12, 31),
                note: String::new(),
            },
            now(),
        )
    })
    .unwrap();
    let t = build(&s, now()).unwrap();
    let plan = s.plan(a).unwrap();
    let later = plan
        .objectives
        .iter()
        .find(|o| o.start == d(12, 1))
        .unwrap();
    assert!(
        t.objectives_at_risk
            .iter()
            .all(|o| o.objective_id != later.id),
        "{:?}",
        t.objectives_at_risk
    );
    assert_eq!(
        t.objectives_at_risk.len(),
        1,
        "the one that started is behind"
    );
    // Its figures (1,050 followers, below its baseline) would say "behind".
    let current =
        crate::report::measure::measure(&s, &s.client(a).unwrap(), later, d(11, 22)).unwrap();
    assert_eq!(current.map(|(_, v)| v), Some(1050));
    assert_eq!(
        progress(later, current, d(11, 22)).status,
        Status::NotStarted
    );
    assert_eq!(progress(later, current, d(12, 2)).status, Status::Behind);
}
