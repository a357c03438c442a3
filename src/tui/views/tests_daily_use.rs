//! Screens of the daily-use fixes: the week view's count of posts at one hour, the help
//! scrolled, the switcher's hint from its filter, the budget's flags.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::i18n::{Lang, with_lang};
use crate::tui::testing::Harness;

/// The bakery's calendar in the week view, with a second post at the hour of one.
fn bakery_week_with_two_posts_at_one_hour() -> Harness {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("boul");
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    let client = h.model.current.unwrap();
    let day = h.clock.0.date_naive();
    let posts = h
        .store
        .posts_between(
            Some(client),
            day - chrono::Duration::days(7),
            day + chrono::Duration::days(7),
        )
        .unwrap();
    let mut twin = posts
        .iter()
        .find(|p| p.local.is_some())
        .expect("a dated post near today")
        .clone();
    let target = twin.local.unwrap().date();
    twin.id = 0;
    twin.title = "A second post at the same hour".into();
    h.store
        .transaction(|tx| tx.save_post(&twin, h.clock.0))
        .unwrap();
    crate::tui::update::calendar_stale(&mut h.model);
    h.press('3');
    // The bakery only.
    h.press('a');
    h.press('w');
    // On the twins' day.
    while crate::tui::calendar::selected_day(&h.model) < target {
        h.press('l');
    }
    while crate::tui::calendar::selected_day(&h.model) > target {
        h.press('h');
    }
    h.model.status = None;
    h
}

#[test]
fn the_week_view_shows_the_count_first_and_never_cuts_it() {
    let h = bakery_week_with_two_posts_at_one_hour();
    for w in [80, 100, 130] {
        let screen = h.screen(w, 30);
        assert!(
            screen.lines().any(|l| l.contains("+1 ")),
            "at {w} columns:\n{screen}"
        );
    }
    insta::assert_snapshot!("week_two_posts_at_one_hour_80", h.screen(80, 24));
}

#[test]
fn the_help_shows_where_it_is_when_it_scrolls() {
    let mut h = Harness::demo();
    h.press('4');
    h.model.status = None;
    h.press('?');
    insta::assert_snapshot!("help_inbox_80x24_top", h.screen(80, 24));
    h.model.size = (80, 24);
    h.press('G');
    insta::assert_snapshot!("help_inbox_80x24_end", h.screen(80, 24));
    with_lang(Lang::Fr, || {
        insta::assert_snapshot!("fr_help_inbox_80x24_end", h.screen(80, 24));
    });
}

#[test]
fn the_switcher_hint_from_its_filter() {
    let mut h = Harness::demo();
    h.store
        .insert_client(&crate::domain::ClientDraft::new("Zéro Compte"), h.clock.0)
        .unwrap();
    h.act(crate::tui::action::Action::Loaded(
        crate::tui::effect::load(&h.store).unwrap(),
    ));
    h.press('c');
    h.type_text("zero");
    insta::assert_snapshot!("switcher_no_account_from_the_filter", h.screen(100, 30));
}

#[test]
fn a_saved_reply_form_names_the_placeholders_it_knows() {
    let mut h = Harness::demo();
    h.press('4');
    h.press('S');
    h.press('n');
    h.type_text("Bienvenue");
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.type_text("Bonjour {prenom} !");
    h.ctrl('s');
    h.model.status = None;
    insta::assert_snapshot!("saved_reply_unknown_placeholder", h.screen(100, 26));
    with_lang(Lang::Fr, || {
        h.ctrl('s');
        insta::assert_snapshot!("fr_saved_reply_unknown_placeholder", h.screen(100, 26));
    });
}

#[test]
fn a_kind_over_its_plan_is_flagged_while_the_month_is_under() {
    use crate::domain::strategy::{BudgetAlert, Expense, add_months, summarize};
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("boul");
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    let client = h.model.current.unwrap();
    h.press('2');
    let month = crate::tui::strategy::budget_month(&h.model);
    // The smallest line of the month's plan, overspent by €40.
    let line = crate::tui::strategy::budget_lines(&h.model)
        .into_iter()
        .min_by_key(|l| l.amount)
        .unwrap()
        .clone();
    let spent_on_it: i64 = h
        .model
        .plan
        .expenses
        .iter()
        .filter(|e| e.kind == line.kind && e.date >= month && e.date < add_months(month, 1))
        .map(|e| e.amount)
        .sum();
    let expense = Expense {
        id: 0,
        date: month + chrono::Duration::days(9),
        amount: line.amount - spent_on_it + 4_000,
        kind: line.kind,
        platform: line.platform,
        campaign_id: None,
        note: "Extra".into(),
        version: 0,
    };
    h.store
        .transaction(|tx| tx.save_expense(client, &expense, h.clock.0))
        .unwrap();
    h.model.plan_requested = None;
    h.model.plan.client_id = 0;
    h.act(crate::tui::action::Action::Tick(h.clock.0));
    let sum = summarize(&h.model.plan.budget_lines, &h.model.plan.expenses, month);
    assert_eq!(
        sum.alert(),
        BudgetAlert::Fine,
        "the month as a whole is under"
    );
    let over = format!(
        "{} over its plan by €40.00",
        crate::i18n::budget_kind(line.kind)
    );
    assert!(h.screen(130, 34).contains(&over), "{}", h.screen(130, 34));
    insta::assert_snapshot!("strategy_overview_kind_over", h.screen(130, 34));
    h.press('l');
    h.press('l');
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    h.model.status = None;
    assert!(h.screen(120, 30).contains(&over));
    insta::assert_snapshot!("budget_kind_over", h.screen(120, 30));
    with_lang(Lang::Fr, || {
        insta::assert_snapshot!("fr_budget_kind_over", h.screen(120, 30));
    });
}
