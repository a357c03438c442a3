//! The strategy's rules: targets, pillars, hashtags, campaigns, budget, handles.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn pillar(share: u32) -> Pillar {
    Pillar {
        version: 0,
        id: 0,
        name: "p".into(),
        share,
        description: String::new(),
    }
}

#[test]
fn pillars_must_add_up_to_100() {
    assert_eq!(check_pillars(&[]), PillarsCheck::Empty);
    assert_eq!(
        check_pillars(&[pillar(60), pillar(40)]),
        PillarsCheck::Complete
    );
    assert_eq!(
        check_pillars(&[pillar(60), pillar(30)]),
        PillarsCheck::Short(10)
    );
    assert_eq!(
        check_pillars(&[pillar(60), pillar(50)]),
        PillarsCheck::Over(10)
    );
}

#[test]
fn hashtags() {
    assert_eq!(
        parse_hashtags("#lyon #boulangerie, pain #Lyon").unwrap(),
        ["#lyon", "#boulangerie", "#pain"]
    );
    assert_eq!(parse_hashtags("#ok #not-ok").unwrap_err(), "#not-ok");
    assert_eq!(parse_hashtags("#café").unwrap(), ["#café"]);
}

#[test]
fn campaign_dates() {
    let c = Campaign {
        version: 0,
        id: 0,
        name: "Noël".into(),
        platforms: vec![],
        start: d(2026, 12, 1),
        end: d(2026, 11, 30),
        budget: Some(-1),
        objective_id: None,
        status: CampaignStatus::Planned,
    };
    assert_eq!(
        c.validate().unwrap_err(),
        vec![CampaignError::EndBeforeStart, CampaignError::NegativeBudget]
    );
}

#[test]
fn budget_burn_and_alerts() {
    let m = d(2026, 11, 1);
    let line = |amount, kind| BudgetLine {
        version: 0,
        id: 0,
        month: m,
        platform: None,
        kind,
        amount,
        note: String::new(),
    };
    let exp = |date, amount, kind| Expense {
        version: 0,
        id: 0,
        date,
        amount,
        kind,
        platform: None,
        campaign_id: None,
        note: String::new(),
    };
    let lines = [
        line(50_000, BudgetKind::PaidAds),
        line(20_000, BudgetKind::ContentProduction),
    ];
    let expenses = [
        exp(d(2026, 11, 3), 30_000, BudgetKind::PaidAds),
        exp(d(2026, 11, 30), 25_000, BudgetKind::PaidAds),
        exp(d(2026, 12, 1), 99_999, BudgetKind::PaidAds),
        exp(d(2026, 11, 5), 5_000, BudgetKind::Tools),
    ];
    let s = summarize(&lines, &expenses, m);
    assert_eq!(
        (s.planned, s.spent, s.remaining()),
        (70_000, 60_000, 10_000)
    );
    assert_eq!(s.alert(), BudgetAlert::Fine);
    let by_kind = summarize_by_kind(&lines, &expenses, m);
    assert_eq!(by_kind[0].0, BudgetKind::PaidAds);
    assert_eq!(by_kind[0].1.alert(), BudgetAlert::Over);
    assert_eq!(by_kind[1].1.alert(), BudgetAlert::Fine);
    assert_eq!(by_kind[2].1.alert(), BudgetAlert::Unplanned);
    let near = BudgetSummary {
        planned: 1000,
        spent: 900,
    };
    assert_eq!(near.alert(), BudgetAlert::Near);
}

#[test]
fn months() {
    assert_eq!(add_months(d(2026, 11, 1), 2), d(2027, 1, 1));
    assert_eq!(add_months(d(2026, 1, 1), -1), d(2025, 12, 1));
    assert_eq!(month_of(d(2026, 11, 22)), d(2026, 11, 1));
}

#[test]
fn handles_per_line() {
    let h = parse_handles("instagram @rival\n\nx @rival_x").unwrap();
    assert_eq!(
        h,
        vec![
            (Platform::Instagram, "@rival".into()),
            (Platform::X, "@rival_x".into())
        ]
    );
    assert_eq!(parse_handles("insta @a").unwrap_err().0, 1);
    assert_eq!(format_handles(&h), "instagram @rival\nx @rival_x");
}

#[test]
fn rebalancing_keeps_proportions_and_adds_up() {
    let shares = |ps: Vec<Pillar>| ps.into_iter().map(|p| p.share).collect::<Vec<_>>();
    // 50/30/20 making room for a new 20%: 80 in all, same proportions.
    assert_eq!(
        shares(rebalance(&[pillar(50), pillar(30), pillar(20)], 80)),
        [40, 24, 16]
    );
    // Rounding goes to the largest remainders, and the total is exact.
    let r = shares(rebalance(&[pillar(34), pillar(33), pillar(33)], 90));
    assert_eq!(r.iter().sum::<u32>(), 90, "{r:?}");
    // 30.6, 29.7, 29.7: the two .7 get the two points left.
    assert_eq!(r, [30, 30, 30]);
    for room in 0..=100 {
        let r = shares(rebalance(
            &[pillar(40), pillar(35), pillar(25), pillar(0)],
            room,
        ));
        assert_eq!(r.iter().sum::<u32>(), room, "{room}: {r:?}");
        assert_eq!(r[3], 0);
    }
    assert_eq!(shares(rebalance(&[pillar(0), pillar(0)], 50)), [0, 0]);
    assert!(rebalance(&[], 50).is_empty());
}

fn line(month: NaiveDate, kind: BudgetKind, platform: Option<Platform>, amount: i64) -> BudgetLine {
    BudgetLine {
        id: amount,
        month,
        platform,
        kind,
        amount,
        note: "n".into(),
        version: 0,
    }
}

#[test]
fn last_months_plan_fills_what_this_month_lacks() {
    let (oct, nov) = (d(2026, 10, 1), d(2026, 11, 1));
    let lines = [
        line(oct, BudgetKind::PaidAds, Some(Platform::Instagram), 500),
        line(oct, BudgetKind::Tools, None, 30),
        line(oct, BudgetKind::ContentProduction, None, 200),
        line(nov, BudgetKind::Tools, None, 40),
        line(d(2026, 9, 1), BudgetKind::PaidAds, None, 900),
    ];
    let copied = plan_to_copy(&lines, oct, nov);
    assert_eq!(copied.len(), 2, "tools is planned in November already");
    assert!(copied.iter().all(|l| l.id == 0 && l.month == nov));
    assert_eq!(
        copied
            .iter()
            .map(|l| (l.kind, l.amount))
            .collect::<Vec<_>>(),
        [
            (BudgetKind::PaidAds, 500),
            (BudgetKind::ContentProduction, 200)
        ]
    );
    assert_eq!(copied[0].platform, Some(Platform::Instagram));
    assert!(plan_to_copy(&lines, nov, d(2026, 12, 1)).len() == 1);
    assert!(plan_to_copy(&lines, d(2026, 8, 1), nov).is_empty());
}

#[test]
fn a_kind_over_its_plan_is_flagged_while_the_month_is_under() {
    let nov = d(2026, 11, 1);
    let lines = [
        line(nov, BudgetKind::PaidAds, None, 10_000),
        line(nov, BudgetKind::ContentProduction, None, 100_000),
    ];
    let spend = |kind, amount| Expense {
        version: 0,
        id: 0,
        date: d(2026, 11, 12),
        amount,
        kind,
        platform: None,
        campaign_id: None,
        note: String::new(),
    };
    let expenses = [
        spend(BudgetKind::PaidAds, 15_000),
        spend(BudgetKind::ContentProduction, 10_000),
        spend(BudgetKind::Tools, 2_000),
    ];
    assert_eq!(summarize(&lines, &expenses, nov).alert(), BudgetAlert::Fine);
    let over = kinds_over(&lines, &expenses, nov);
    assert_eq!(
        over.iter()
            .map(|(k, s)| (*k, s.alert()))
            .collect::<Vec<_>>(),
        [
            (BudgetKind::PaidAds, BudgetAlert::Over),
            (BudgetKind::Tools, BudgetAlert::Unplanned)
        ]
    );
}
