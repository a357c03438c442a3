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
