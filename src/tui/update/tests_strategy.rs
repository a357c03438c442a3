use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::strategy::{Part, PillarsCheck, check_pillars};
use crate::tui::effect::{Effect, StrategyItem};
use crate::tui::model::{Overlay, Section, Tab};
use crate::tui::testing::Harness;

fn strategy() -> Harness {
    let mut h = Harness::demo();
    // Boulangerie Marcel has the fullest demo strategy.
    h.press('c');
    h.type_text("boul");
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    h.press('2');
    assert_eq!(h.model.tab, Tab::Strategy);
    assert_eq!(h.model.plan.client_id, h.model.current.unwrap());
    h
}

fn key(h: &mut Harness, code: KeyCode) {
    h.key(code, KeyModifiers::NONE);
}

fn form_error(h: &Harness, field: &str) -> Option<String> {
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => f.form.field(field).and_then(|x| x.error.clone()),
        _ => None,
    }
}

/// Clears the focused one-line field and types `text`.
fn retype(h: &mut Harness, text: &str) {
    h.ctrl('u');
    h.type_text(text);
}

#[test]
fn overview_panels_and_sections() {
    let mut h = strategy();
    assert_eq!(h.model.strategy.panel, Section::Targets);
    h.press('l');
    h.press('l');
    assert_eq!(h.model.strategy.panel, Section::Budget);
    h.press('l');
    assert_eq!(
        h.model.strategy.panel,
        Section::Targets,
        "wraps within the row"
    );
    h.press('j');
    assert_eq!(h.model.strategy.panel, Section::Editorial);
    key(&mut h, KeyCode::Enter);
    assert_eq!(h.model.strategy.open, Some(Section::Editorial));
    assert_eq!(h.model.strategy.focused_part(), Part::Pillar);
    h.press('l');
    assert_eq!(h.model.strategy.focused_part(), Part::HashtagSet);
    key(&mut h, KeyCode::Esc);
    assert_eq!(h.model.strategy.open, None);
}

#[test]
fn add_an_objective_with_validation() {
    let mut h = strategy();
    h.press('l');
    key(&mut h, KeyCode::Enter);
    let before = h.model.plan.objectives.len();
    h.press('n');
    // Platform: Instagram; metric: CTR.
    h.press('i');
    key(&mut h, KeyCode::Tab);
    h.press('c');
    let metric = match h.model.overlays.last() {
        Some(Overlay::Form(f)) => f.form.choice_value("metric"),
        _ => None,
    };
    assert_eq!(
        metric.as_deref(),
        Some("ctr"),
        "a letter jumps to the next metric starting with it"
    );
    key(&mut h, KeyCode::Tab);
    h.type_text("1.5");
    key(&mut h, KeyCode::Tab);
    h.type_text("1.5");
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "2026-12-01");
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "2026-11-01");
    let effects = h.ctrl('s');
    assert!(effects.is_empty());
    assert!(
        form_error(&h, "deadline")
            .unwrap()
            .contains("after the start")
    );
    assert!(form_error(&h, "target").unwrap().contains("differ"));
    // Focus went to the first bad field, the target: fix it, then the deadline.
    retype(&mut h, "2.5");
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "2027-03-31");
    let effects = h.ctrl('s');
    match &effects[0] {
        Effect::SaveStrategy {
            item: StrategyItem::Objective(0, _, d),
            ..
        } => {
            assert_eq!((d.baseline, d.target), (150, 250), "percent in hundredths");
        }
        other => panic!("{other:?}"),
    }
    assert!(h.model.overlays.is_empty());
    assert_eq!(h.model.plan.objectives.len(), before + 1);
    let stored = h.store.plan(h.model.current.unwrap()).unwrap();
    assert_eq!(stored.objectives.len(), before + 1);
}

#[test]
fn objective_value_must_fit_the_metric() {
    let mut h = strategy();
    h.press('l');
    h.press('n');
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    h.type_text("12.5");
    h.ctrl('s');
    assert!(
        form_error(&h, "baseline").unwrap().contains("whole number"),
        "followers are counted"
    );
}

#[test]
fn pillars_cannot_add_up_past_100() {
    let mut h = strategy();
    assert_eq!(check_pillars(&h.model.plan.pillars), PillarsCheck::Complete);
    h.press('j');
    key(&mut h, KeyCode::Enter);
    h.press('n');
    h.type_text("Recipes");
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "10");
    let effects = h.ctrl('s');
    assert!(effects.is_empty());
    // Asked whether to make room; no keeps the form, which says why it cannot save.
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Confirm(_))));
    h.press('n');
    let err = form_error(&h, "share").unwrap();
    assert!(err.contains("110%") && err.contains("at most 0%"), "{err}");
    key(&mut h, KeyCode::Esc);
    h.press('y');
    // Lower an existing pillar: the total is short, and the screen says so.
    h.press('e');
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "25");
    h.ctrl('s');
    assert_eq!(
        check_pillars(&h.model.plan.pillars),
        PillarsCheck::Short(10)
    );
    assert!(h.screen(120, 30).contains("10% left to assign"));
}

#[test]
fn budget_line_refuses_a_negative_amount_and_months_move() {
    let mut h = strategy();
    h.press('l');
    h.press('l');
    key(&mut h, KeyCode::Enter);
    let month = crate::tui::strategy::budget_month(&h.model);
    let shown = crate::tui::strategy::budget_lines(&h.model).len();
    assert_eq!(shown, 4);
    h.press('[');
    assert_eq!(
        crate::tui::strategy::budget_month(&h.model),
        crate::domain::strategy::add_months(month, -1)
    );
    h.press(']');
    h.press('n');
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    h.type_text("-50");
    h.ctrl('s');
    assert_eq!(
        form_error(&h, "amount").as_deref(),
        Some("cannot be negative")
    );
    retype(&mut h, "1 250,50");
    h.ctrl('s');
    assert!(h.model.overlays.is_empty());
    let lines = crate::tui::strategy::budget_lines(&h.model);
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().any(|l| l.amount == 125_050));
}

#[test]
fn campaign_end_before_start_is_refused() {
    let mut h = strategy();
    h.press('j');
    h.press('l');
    key(&mut h, KeyCode::Enter);
    h.press('n');
    h.type_text("Easter");
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "2027-04-10");
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "2027-04-01");
    assert!(h.ctrl('s').is_empty());
    assert!(form_error(&h, "end").unwrap().contains("before the start"));
}

#[test]
fn delete_goes_to_the_trash_and_u_brings_it_back() {
    let mut h = strategy();
    key(&mut h, KeyCode::Enter);
    let n = h.model.plan.targets.len();
    let first = h.model.plan.targets[0].name.clone();
    h.press('d');
    assert_eq!(h.model.plan.targets.len(), n - 1);
    assert!(h.model.plan.targets.iter().all(|t| t.name != first));
    h.press('u');
    assert_eq!(h.model.plan.targets.len(), n);
    assert_eq!(h.model.plan.targets[0].name, first);
}

#[test]
fn notes_belong_to_the_selected_competitor() {
    let mut h = strategy();
    h.press('j');
    h.press('l');
    h.press('l');
    key(&mut h, KeyCode::Enter);
    h.press('j');
    let comp = crate::tui::strategy::selected_competitor(&h.model)
        .unwrap()
        .clone();
    h.press('l');
    h.press('n');
    key(&mut h, KeyCode::Tab);
    h.type_text("Opened a second shop");
    h.ctrl('s');
    let notes = crate::tui::strategy::notes(&h.model);
    assert!(
        notes
            .iter()
            .any(|n| n.text == "Opened a second shop" && n.competitor_id == comp.id)
    );
}

#[test]
fn tone_of_voice_edits() {
    let mut h = strategy();
    h.press('v');
    h.ctrl('u');
    h.type_text("Short and kind.");
    h.ctrl('s');
    assert!(h.model.plan.tone.ends_with("Short and kind."));
}

#[test]
fn switching_client_reloads_the_plan() {
    let mut h = strategy();
    let bakery = h.model.plan.client_id;
    h.press('c');
    h.type_text("hotel");
    key(&mut h, KeyCode::Enter);
    assert_ne!(h.model.plan.client_id, bakery);
    assert_eq!(Some(h.model.plan.client_id), h.model.current);
    assert_eq!(h.model.plan.targets[0].name, "Ski couples");
}

#[test]
fn a_new_pillar_beside_a_full_100_offers_to_make_room() {
    let mut h = strategy();
    let before = h.model.plan.pillars.clone();
    assert_eq!(check_pillars(&before), PillarsCheck::Complete);
    h.press('j');
    key(&mut h, KeyCode::Enter);
    h.press('n');
    h.type_text("Recipes");
    key(&mut h, KeyCode::Tab);
    retype(&mut h, "20");
    h.ctrl('s');
    let Some(Overlay::Confirm(c)) = h.model.overlays.last() else {
        panic!("asked first");
    };
    assert_eq!(
        c.question,
        "The pillars would add up to 120%. Scale the others down to 80% in all, keeping their proportions?"
    );
    let effects = h.press('y');
    assert!(
        effects.iter().any(|e| matches!(
            e,
            Effect::SaveStrategy {
                item: StrategyItem::Pillars(p),
                ..
            } if p.len() == before.len() + 1
        )),
        "{effects:?}"
    );
    assert!(h.model.overlays.is_empty(), "saved and closed");
    let after = &h.model.plan.pillars;
    assert_eq!(check_pillars(after), PillarsCheck::Complete);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(
        after.iter().find(|p| p.name == "Recipes").unwrap().share,
        20
    );
    // The others keep their order of size.
    for (a, b) in before.iter().zip(&before[1..]) {
        let share = |name: &str| after.iter().find(|p| p.name == name).unwrap().share;
        assert_eq!(a.share >= b.share, share(&a.name) >= share(&b.name));
    }
}

#[test]
fn ctrl_d_copies_last_months_plan_and_u_takes_it_back() {
    let mut h = strategy();
    h.press('l');
    h.press('l');
    key(&mut h, KeyCode::Enter);
    let november: Vec<_> = crate::tui::strategy::budget_lines(&h.model)
        .into_iter()
        .map(|l| (l.kind, l.platform, l.amount))
        .collect();
    assert_eq!(november.len(), 4);
    // December has no plan yet.
    h.press(']');
    assert!(crate::tui::strategy::budget_lines(&h.model).is_empty());
    h.ctrl('d');
    let december: Vec<_> = crate::tui::strategy::budget_lines(&h.model)
        .into_iter()
        .map(|l| (l.kind, l.platform, l.amount))
        .collect();
    assert_eq!(december, november);
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "4 budget lines copied from November 2026. u takes them back."
    );
    // Again: everything is there already.
    h.ctrl('d');
    assert_eq!(crate::tui::strategy::budget_lines(&h.model).len(), 4);
    assert!(
        h.model
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("already planned")
    );
    h.press('u');
    assert!(crate::tui::strategy::budget_lines(&h.model).is_empty());
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "4 copied budget lines removed."
    );
    // Two months ahead: the month before has no plan either.
    h.press(']');
    h.ctrl('d');
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "December 2026 has no budget plan to copy."
    );
    // The help of the budget section lists the key.
    h.press('?');
    assert!(h.screen(100, 50).contains("copy last month's plan"));
}
