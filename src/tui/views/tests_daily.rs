//! Screens of the first week's daily use: forms that show every choice and use the
//! width they have, objectives not started, the review on its last complete week (or a
//! running one, marked), a week's figures typed over the stored ones.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::metric::Metric;
use crate::domain::objective::ObjectiveDraft;
use crate::i18n::{Lang, with_lang};
use crate::tui::testing::Harness;

/// The demo with `name` as the current client.
fn client(name: &str) -> Harness {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text(name);
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    h.model.status = None;
    h
}

fn keys(h: &mut Harness, keys: &str) {
    for k in keys.chars() {
        match k {
            '\r' => h.key(KeyCode::Enter, KeyModifiers::NONE),
            c => h.press(c),
        };
    }
    h.model.status = None;
}

#[test]
fn a_post_form_shows_every_account() {
    // Four accounts: LinkedIn, X, Bluesky and Pinterest, on two lines at 80 columns.
    let mut h = client("maple");
    keys(&mut h, "3n");
    let screen = h.screen(80, 24);
    for handle in [
        "maple-pine-studio",
        "X @mapleandpine",
        "@mapleandpine.bsky.social",
        "mapleandpinestudio",
    ] {
        assert!(screen.contains(handle), "{handle}:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn a_target_form_uses_the_width_it_has() {
    with_lang(Lang::Fr, || {
        let mut h = client("boul");
        keys(&mut h, "2\rn");
        insta::assert_snapshot!(h.screen(200, 30));
    });
}

#[test]
fn an_objective_not_started_shows_so_with_its_figures() {
    let mut h = client("boul");
    let id = h.model.current.unwrap();
    h.store
        .transaction(|tx| {
            tx.save_objective(
                id,
                (0, 0),
                &ObjectiveDraft {
                    platform: Some(crate::domain::Platform::Instagram),
                    metric: Metric::Followers,
                    baseline: 5000,
                    target: 6000,
                    start: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                    deadline: chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
                    note: String::new(),
                },
                h.clock.0,
            )
        })
        .unwrap();
    // As another window's write is seen: everything is read again.
    h.act(crate::tui::action::Action::DataVersion(-1));
    keys(&mut h, "2l\r");
    let screen = h.screen(120, 15);
    assert!(screen.contains("not started"), "{screen}");
    assert!(!screen.contains("behind"), "{screen}");
    insta::assert_snapshot!(screen);
    with_lang(Lang::Fr, || {
        insta::assert_snapshot!("objective_not_started_fr", h.screen(120, 15));
    });
}

#[test]
fn the_review_opens_on_the_last_complete_week_without_cutting_a_figure() {
    let mut h = client("boul");
    keys(&mut h, "5");
    insta::assert_snapshot!("report_80", h.screen(80, 24));
    with_lang(Lang::Fr, || {
        insta::assert_snapshot!("report_80_fr", h.screen(80, 24));
    });
    // The running week: marked, its days so far against the same days.
    keys(&mut h, "]");
    let screen = h.screen(80, 24);
    assert!(screen.contains("in progress, through Nov 22"), "{screen}");
    insta::assert_snapshot!("report_running_80", screen);
    with_lang(Lang::Fr, || {
        insta::assert_snapshot!("report_running_80_fr", h.screen(80, 24));
    });
    insta::assert_snapshot!("report_running_200", h.screen(200, 50));
}

#[test]
fn the_week_form_shows_what_is_stored() {
    let mut h = client("boul");
    keys(&mut h, "5e");
    insta::assert_snapshot!(h.screen(80, 24));
}
