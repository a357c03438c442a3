use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::metric::Metric;
use crate::domain::report::PeriodKind;
use crate::domain::{ClientDraft, Platform};
use crate::tui::model::{FormPurpose, Overlay, Tab};
use crate::tui::report::period;
use crate::tui::testing::Harness;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn one_client() -> Harness {
    let mut h = Harness::empty();
    let mut c = ClientDraft::new("Studio Nord");
    c.timezone = "Europe/Paris".into();
    h.store.insert_client(&c, h.clock.0).unwrap();
    h.act(crate::tui::action::Action::Loaded(
        crate::tui::effect::load(&h.store).unwrap(),
    ));
    h.press('5');
    assert_eq!(h.model.tab, Tab::Report);
    h
}

#[test]
fn periods_move_and_change_kind() {
    let mut h = one_client();
    let p = period(&h.model);
    assert_eq!(
        (p.kind, p.from, p.to),
        (PeriodKind::Week, d(2026, 11, 16), d(2026, 11, 22))
    );
    assert!(
        h.model.report.report.is_some(),
        "the report of the period is built"
    );
    h.press('[');
    assert_eq!(period(&h.model).label(), "2026-W46");
    h.press('m');
    assert_eq!(period(&h.model).label(), "2026-11");
    h.press(']');
    assert_eq!(period(&h.model).label(), "2026-12");
    h.press('t');
    assert_eq!(period(&h.model).label(), "2026-11");
    h.press('p');
    h.ctrl('u');
    h.type_text("2026-10-01");
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.ctrl('u');
    h.type_text("2026-10-15");
    h.ctrl('s');
    let p = period(&h.model);
    assert_eq!(
        (p.kind, p.from, p.to),
        (PeriodKind::Custom, d(2026, 10, 1), d(2026, 10, 15))
    );
    assert_eq!(
        h.model.report.report.as_ref().unwrap().previous.from,
        d(2026, 9, 16)
    );
    h.press('[');
    assert_eq!(period(&h.model).to, d(2026, 9, 30));
}

#[test]
fn a_week_typed_by_hand_lands_on_its_sunday() {
    let mut h = one_client();
    h.press('e');
    assert!(
        matches!(h.model.overlays.last(), Some(Overlay::Form(f)) if matches!(f.purpose, FormPurpose::KpiWeek(_)))
    );
    // Platform: Instagram is the default without accounts; followers, new follows,
    // impressions.
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.type_text("1200");
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.type_text("35");
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.type_text("9000");
    for _ in 0..10 {
        h.key(KeyCode::Tab, KeyModifiers::NONE);
    }
    h.type_text("49.90"); // spend
    h.ctrl('s');
    assert!(h.model.overlays.is_empty());
    let c = h.model.current.unwrap();
    let sums = h
        .store
        .kpi_sums(c, d(2026, 11, 22), d(2026, 11, 22))
        .unwrap();
    let get = |m: Metric| {
        sums.iter()
            .find(|s| s.metric == m && s.platform == Platform::Instagram)
            .map(|s| s.value)
    };
    assert_eq!(get(Metric::Impressions), Some(9000));
    assert_eq!(get(Metric::Spend), Some(4990), "money in minor units");
    let r = h.model.report.report.as_ref().unwrap();
    assert_eq!(
        r.totals["impressions"].value,
        Some(9000.0),
        "the report is rebuilt"
    );
    assert_eq!(r.totals["followers"].value, Some(1200.0));
}

#[test]
fn an_empty_week_form_says_so() {
    let mut h = one_client();
    h.press('e');
    h.ctrl('s');
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => assert!(f.form.error.is_some()),
        _ => panic!("the form stays"),
    }
}

fn builds(effects: &[crate::tui::effect::Effect]) -> bool {
    effects
        .iter()
        .any(|e| matches!(e, crate::tui::effect::Effect::LoadReport { .. }))
}

/// The report on screen, as a fresh build of the same client and period would be.
fn as_built_now(h: &Harness) -> (String, String) {
    let client = h.model.current_client().unwrap().clone();
    let fresh = crate::report::build(&h.store, &client, period(&h.model), h.clock.0).unwrap();
    (
        format!("{:?}", h.model.report.report.as_deref().unwrap()),
        format!("{fresh:?}"),
    )
}

#[test]
fn periods_either_side_are_built_ahead_and_dropped_with_any_change() {
    let mut h = Harness::demo();
    h.press('5');
    let p = period(&h.model);
    let kept: Vec<_> = h
        .model
        .report
        .kept
        .keys()
        .map(|((_, q), ready)| (*q, ready))
        .collect();
    assert!(kept.contains(&(p.shift(1), true)), "{kept:?}");
    assert!(kept.contains(&(p.shift(-1), true)), "{kept:?}");
    assert!(!builds(&h.press('[')), "the week before was built ahead");
    let (shown, fresh) = as_built_now(&h);
    assert_eq!(shown, fresh);
    assert!(!builds(&h.press(']')), "the week left is kept");
    assert!(!builds(&h.press('m')), "the week's month was built ahead");
    assert_eq!(period(&h.model).kind, PeriodKind::Month);
    let (shown, fresh) = as_built_now(&h);
    assert_eq!(shown, fresh);
    // Marking a reply on the Inbox tab counts in the report: every report kept goes.
    h.press('4');
    h.press('m');
    assert!(h.model.report.kept.is_empty() && h.model.report.loaded.is_none());
    assert!(builds(&h.press('5')));
    let (shown, fresh) = as_built_now(&h);
    assert_eq!(shown, fresh);
}
