use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::metric::Metric;
use crate::domain::objective::ObjectiveDraft;
use crate::domain::strategy::*;
use crate::domain::{ClientDraft, Platform};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn setup() -> (Store, i64) {
    let s = Store::open_in_memory().unwrap();
    let mut c = ClientDraft::new("A");
    c.timezone = "Europe/Paris".into();
    let id = s.insert_client(&c, now()).unwrap();
    (s, id)
}

#[test]
fn every_strategy_entity_round_trips() {
    let (s, c) = setup();
    let tx = s.tx();
    let mut t = Target {
        version: 0,
        id: 0,
        name: "Young parents".into(),
        description: "Busy, buy on the way home".into(),
        age_min: Some(28),
        age_max: Some(40),
        locations: "Lyon".into(),
        interests: "family, food".into(),
        pains: "no time".into(),
        platforms: vec![Platform::Instagram, Platform::Facebook],
        priority: Priority::High,
    };
    t.id = tx.save_target(c, &t, now()).unwrap();
    t.version = 1; // a new row starts at version 1
    let od = ObjectiveDraft {
        platform: Some(Platform::Instagram),
        metric: Metric::Followers,
        baseline: 1200,
        target: 2000,
        start: d(2026, 9, 1),
        deadline: d(2026, 12, 31),
        note: "before Christmas".into(),
    };
    let oid = tx.save_objective(c, (0, 0), &od, now()).unwrap();
    let mut camp = Campaign {
        version: 0,
        id: 0,
        name: "Bûches de Noël".into(),
        platforms: vec![Platform::Instagram],
        start: d(2026, 12, 1),
        end: d(2026, 12, 24),
        budget: Some(50_000),
        objective_id: Some(oid),
        status: CampaignStatus::Planned,
    };
    camp.id = tx.save_campaign(c, &camp, now()).unwrap();
    camp.version = 1; // a new row starts at version 1
    let mut line = BudgetLine {
        version: 0,
        id: 0,
        month: d(2026, 12, 1),
        platform: Some(Platform::Instagram),
        kind: BudgetKind::PaidAds,
        amount: 40_000,
        note: String::new(),
    };
    line.id = tx.save_budget_line(c, &line, now()).unwrap();
    line.version = 1; // a new row starts at version 1
    let mut exp = Expense {
        version: 0,
        id: 0,
        date: d(2026, 12, 3),
        amount: 12_345,
        kind: BudgetKind::PaidAds,
        platform: Some(Platform::Instagram),
        campaign_id: Some(camp.id),
        note: "Meta ads".into(),
    };
    exp.id = tx.save_expense(c, &exp, now()).unwrap();
    exp.version = 1; // a new row starts at version 1
    let mut p = Pillar {
        version: 0,
        id: 0,
        name: "Behind the scenes".into(),
        share: 40,
        description: String::new(),
    };
    p.id = tx.save_pillar(c, &p, now()).unwrap();
    p.version = 1; // a new row starts at version 1
    let mut h = HashtagSet {
        version: 0,
        id: 0,
        name: "Lyon".into(),
        tags: vec!["#lyon".into(), "#boulangerie".into()],
    };
    h.id = tx.save_hashtag_set(c, &h, now()).unwrap();
    h.version = 1; // a new row starts at version 1
    let mut comp = Competitor {
        version: 0,
        id: 0,
        name: "Paul".into(),
        handles: vec![(Platform::Instagram, "@paul".into())],
    };
    comp.id = tx.save_competitor(c, &comp, now()).unwrap();
    comp.version = 1; // a new row starts at version 1
    let mut n = CompetitorNote {
        version: 0,
        id: 0,
        competitor_id: comp.id,
        date: d(2026, 11, 20),
        text: "Launched a loyalty card".into(),
    };
    n.id = tx.save_note(&n, now()).unwrap();
    n.version = 1; // a new row starts at version 1
    tx.set_tone(c, "Warm, short, a pinch of humour").unwrap();

    let plan = s.plan(c).unwrap();
    assert_eq!(plan.targets, vec![t.clone()]);
    assert_eq!(plan.objectives.len(), 1);
    assert_eq!(plan.objectives[0].metric, Metric::Followers);
    assert_eq!(plan.objectives[0].deadline, d(2026, 12, 31));
    assert_eq!(plan.campaigns, vec![camp.clone()]);
    assert_eq!(plan.budget_lines, vec![line.clone()]);
    assert_eq!(plan.expenses, vec![exp.clone()]);
    assert_eq!(plan.pillars, vec![p.clone()]);
    assert_eq!(plan.hashtag_sets, vec![h.clone()]);
    assert_eq!(plan.competitors, vec![comp.clone()]);
    assert_eq!(plan.notes, vec![n.clone()]);
    assert_eq!(plan.tone, "Warm, short, a pinch of humour");

    // Updates keep the id.
    let tx = s.tx();
    t.priority = Priority::Low;
    assert_eq!(tx.save_target(c, &t, now()).unwrap(), t.id);
    let mut od2 = od.clone();
    od2.target = 2500;
    assert_eq!(tx.save_objective(c, (oid, 1), &od2, now()).unwrap(), oid);
    p.share = 50;
    tx.save_pillar(c, &p, now()).unwrap();
    tx.set_tone(c, "Plain").unwrap();
    let plan = s.plan(c).unwrap();
    assert_eq!(plan.targets[0].priority, Priority::Low);
    assert_eq!(plan.objectives[0].target, 2500);
    assert_eq!(plan.pillars[0].share, 50);
    assert_eq!(plan.tone, "Plain");
}

#[test]
fn trash_and_restore_every_kind() {
    let (s, c) = setup();
    let tx = s.tx();
    let id = tx
        .save_pillar(
            c,
            &Pillar {
                version: 0,
                id: 0,
                name: "x".into(),
                share: 10,
                description: String::new(),
            },
            now(),
        )
        .unwrap();
    s.set_deleted(Part::Pillar, id, Some(now())).unwrap();
    assert!(s.plan(c).unwrap().pillars.is_empty());
    s.set_deleted(Part::Pillar, id, None).unwrap();
    assert_eq!(s.plan(c).unwrap().pillars.len(), 1);
    assert!(matches!(
        s.set_deleted(Part::Campaign, 999, Some(now())),
        Err(StoreError::NotFound {
            entity: Entity::Strategy(Part::Campaign),
            id: 999
        })
    ));
}

#[test]
fn the_database_refuses_impossible_rows() {
    let (s, c) = setup();
    let tx = s.tx();
    let bad = ObjectiveDraft {
        platform: None,
        metric: Metric::Reach,
        baseline: 1,
        target: 2,
        start: d(2026, 5, 1),
        deadline: d(2026, 4, 1),
        note: String::new(),
    };
    assert!(tx.save_objective(c, (0, 0), &bad, now()).is_err());
    let neg = BudgetLine {
        version: 0,
        id: 0,
        month: d(2026, 5, 1),
        platform: None,
        kind: BudgetKind::Tools,
        amount: -5,
        note: String::new(),
    };
    assert!(tx.save_budget_line(c, &neg, now()).is_err());
    // An update for another client's row does nothing and says so.
    let other = s
        .insert_client(
            &ClientDraft {
                name: "B".into(),
                ..ClientDraft::new("B")
            },
            now(),
        )
        .unwrap();
    let pid = tx
        .save_pillar(
            c,
            &Pillar {
                version: 0,
                id: 0,
                name: "mine".into(),
                share: 5,
                description: String::new(),
            },
            now(),
        )
        .unwrap();
    let steal = Pillar {
        version: 0,
        id: pid,
        name: "stolen".into(),
        share: 5,
        description: String::new(),
    };
    assert!(matches!(
        tx.save_pillar(other, &steal, now()),
        Err(StoreError::NotFound {
            entity: Entity::Strategy(Part::Pillar),
            id
        }) if id == pid
    ));
}
