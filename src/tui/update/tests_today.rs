use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::strategy::Part;
use crate::tui::effect::Effect;
use crate::tui::model::{Section, Tab};
use crate::tui::testing::Harness;
use crate::tui::today::{Line, selectable, selected};

/// Moves the cursor to the first line of a kind.
fn select_first(h: &mut Harness, pred: fn(&Line) -> bool) {
    let lines = selectable(h.model.today.summary.as_deref().unwrap());
    let i = lines.iter().position(pred).expect("such a line");
    h.model.today.cursor.select(i);
}

fn enter(h: &mut Harness) -> Vec<Effect> {
    h.key(KeyCode::Enter, KeyModifiers::NONE)
}

#[test]
fn opens_on_the_check_in() {
    let h = Harness::demo();
    assert_eq!(h.model.tab, Tab::Today);
    let td = h
        .model
        .today
        .summary
        .as_deref()
        .expect("built before the first frame");
    assert_eq!(td.inbox.len(), 4, "every demo client has messages waiting");
    assert!(!td.objectives_at_risk.is_empty());
    assert!(!td.budget_alerts.is_empty());
    assert!(
        matches!(selected(&h.model.today), Some(Line::Inbox(0))),
        "the most urgent first"
    );
}

#[test]
fn enter_on_an_inbox_line_opens_its_oldest_item_with_the_client_switched() {
    let mut h = Harness::demo();
    let line = h.model.today.summary.as_deref().unwrap().inbox[1].clone();
    select_first(&mut h, |l| matches!(l, Line::Inbox(1)));
    enter(&mut h);
    assert_eq!(h.model.tab, Tab::Inbox);
    assert_eq!(h.model.current, Some(line.client_id));
    assert!(!h.model.all_clients, "the client's own inbox");
    assert_eq!(h.model.inbox.selected_id(), line.oldest_item_id);
    // Reply to it from there.
    h.press('m');
    let it = h
        .store
        .items(&[line.oldest_item_id.unwrap()])
        .unwrap()
        .remove(0);
    assert_eq!(it.status, crate::domain::inbox::Status::Replied);
}

#[test]
fn enter_on_objectives_budgets_and_campaigns_opens_the_strategy() {
    let mut h = Harness::demo();
    let td = h.model.today.summary.as_deref().unwrap().clone();
    select_first(&mut h, |l| matches!(l, Line::Objective(_)));
    enter(&mut h);
    assert_eq!(
        (h.model.tab, h.model.strategy.open),
        (Tab::Strategy, Some(Section::Objectives))
    );
    assert_eq!(h.model.current, Some(td.objectives_at_risk[0].client_id));
    assert_eq!(
        crate::tui::strategy::selected_id(&h.model, Part::Objective),
        Some(td.objectives_at_risk[0].objective_id)
    );

    h.press('1');
    select_first(&mut h, |l| matches!(l, Line::Budget(_)));
    enter(&mut h);
    assert_eq!(h.model.strategy.open, Some(Section::Budget));
    assert_eq!(h.model.current, Some(td.budget_alerts[0].client_id));
    assert_eq!(
        crate::tui::strategy::budget_month(&h.model),
        td.budget_alerts[0].month
    );

    h.press('1');
    select_first(&mut h, |l| matches!(l, Line::Campaign(_)));
    enter(&mut h);
    assert_eq!(h.model.strategy.open, Some(Section::Campaigns));
    assert_eq!(
        crate::tui::strategy::selected_id(&h.model, Part::Campaign),
        Some(td.campaigns[0].campaign_id)
    );
}

#[test]
fn a_review_due_opens_the_report_on_that_week() {
    let mut h = Harness::empty();
    // Made a month ago, with no figures since.
    let made = h.clock.0 - chrono::Duration::days(30);
    h.store
        .insert_client(&crate::domain::ClientDraft::new("Quiet client"), made)
        .unwrap();
    h.act(crate::tui::action::Action::Loaded(
        crate::tui::effect::load(&h.store).unwrap(),
    ));
    h.act(crate::tui::action::Action::Tick(h.clock.0));
    let td = h.model.today.summary.as_deref().unwrap();
    assert_eq!(td.reviews_due[0].week, "2026-W46");
    select_first(&mut h, |l| matches!(l, Line::Review(_)));
    enter(&mut h);
    assert_eq!(h.model.tab, Tab::Report);
    assert_eq!(crate::tui::report::period(&h.model).label(), "2026-W46");
    // y and p only work on posts.
    h.press('1');
    assert!(h.press('y').is_empty());
}

/// The demo (made on Sunday 22 November) seen on Thursday 26: Monday's and Wednesday's
/// posts never went out. Nothing but Today has been on screen.
fn four_days_later() -> Harness {
    let mut h = Harness::demo();
    h.clock.0 = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 26, 9, 0, 0).unwrap();
    h.act(crate::tui::action::Action::Tick(h.clock.0));
    assert!(h.model.calendar.day_posts.is_empty() && h.model.calendar.list.is_empty());
    h
}

fn first_late(h: &mut Harness) -> crate::today::PostLine {
    let late = h.model.today.summary.as_deref().unwrap().posts_late[0].clone();
    select_first(h, |l| matches!(l, Line::PostLate(0)));
    late
}

#[test]
fn p_marks_a_late_post_published_though_no_other_tab_loaded_it() {
    let mut h = four_days_later();
    let late = first_late(&mut h);
    h.press('p');
    h.type_text("https://example.com/p/1");
    let effects = h.ctrl('s');
    assert!(
        matches!(effects.first(), Some(Effect::SavePost { .. })),
        "{effects:?}"
    );
    assert!(h.model.overlays.is_empty(), "the form closed");
    let saved = h.store.post(late.id).unwrap();
    assert_eq!(saved.status, crate::domain::post::PostStatus::Published);
    assert_eq!(saved.permalink, "https://example.com/p/1");
    assert_eq!(saved.title, late.post.title, "the rest of the post is kept");
    // The check-in no longer lists it, and `u` takes it back.
    let td = h.model.today.summary.as_deref().unwrap();
    assert!(td.posts_late.iter().all(|p| p.id != late.id));
    h.press('u');
    assert_eq!(h.store.post(late.id).unwrap().status, late.status);
}

#[test]
fn y_and_enter_work_on_a_late_post_no_other_tab_loaded() {
    let mut h = four_days_later();
    let late = first_late(&mut h);
    let effects = h.press('y');
    assert!(
        matches!(effects.as_slice(), [Effect::Copy { text, .. }, ..] if text.starts_with(late.post.body.trim_end())),
        "{effects:?}"
    );
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(h.model.tab, Tab::Calendar);
    assert_eq!(h.model.current, Some(late.client_id));
    assert_eq!(
        crate::tui::calendar::selected_post(&h.model).map(|p| p.id),
        Some(late.id)
    );
    // `p` from the calendar too.
    h.press('p');
    h.ctrl('s');
    assert_eq!(
        h.store.post(late.id).unwrap().status,
        crate::domain::post::PostStatus::Published
    );
}
