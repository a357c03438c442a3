use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::tui::testing::Harness;

#[test]
fn snapshot_welcome_on_an_empty_database() {
    let h = Harness::empty();
    insta::assert_snapshot!(h.screen(80, 24));
}

#[test]
fn snapshot_today_with_demo_clients() {
    let h = Harness::demo();
    insta::assert_snapshot!(h.screen(100, 20));
}

#[test]
fn snapshot_client_switcher_filtered() {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("e");
    insta::assert_snapshot!(h.screen(100, 30));
}

#[test]
fn snapshot_client_switcher_accounts_pane() {
    let mut h = Harness::demo();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    insta::assert_snapshot!(h.screen(100, 30));
}

/// The question before the demo goes names every demo client, and its answers stay on
/// screen however the question wraps.
#[test]
fn snapshot_remove_demo_confirmation() {
    let mut h = Harness::demo();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.press('D');
    insta::assert_snapshot!(h.screen(80, 24));
}

#[test]
fn snapshot_new_client_form_with_errors() {
    let mut h = Harness::demo();
    h.press('c');
    h.ctrl('n');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.key(KeyCode::Backspace, KeyModifiers::NONE);
    h.ctrl('s');
    insta::assert_snapshot!(h.screen(90, 30));
}

#[test]
fn snapshot_help() {
    let mut h = Harness::demo();
    h.press('?');
    insta::assert_snapshot!(h.screen(90, 50));
}

#[test]
fn snapshot_strategy_overview() {
    let mut h = Harness::demo();
    h.press('2');
    insta::assert_snapshot!(h.screen(80, 16));
}

#[test]
fn snapshot_too_small() {
    let h = Harness::demo();
    insta::assert_snapshot!(h.screen(40, 8));
}

/// A client form whose client another window saved meanwhile (reply target 9), saved:
/// the question names what changed there and shows its three answers.
fn stale_question() -> Harness {
    let mut h = Harness::demo();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.press('e');
    h.type_text(" & Co");
    let id = h.model.switcher_client().map(|c| c.id).unwrap();
    let c = h.store.client(id).unwrap();
    let mut d = crate::domain::ClientDraft::new(&c.name);
    d.currency = c.currency.clone();
    d.timezone = c.timezone.clone();
    d.notes = c.notes.clone();
    d.reply_target_hours = 9;
    h.store.update_client(id, c.version, &d).unwrap();
    h.ctrl('s');
    h
}

#[test]
fn snapshot_stale_question() {
    insta::assert_snapshot!(stale_question().screen(90, 30));
}

/// Every screen at every size from 80x24 down to 1x1 draws without a panic.
#[test]
fn size_sweep_never_panics() {
    let mut screens = Vec::new();
    let h = Harness::empty();
    screens.push(h.model.clone());
    let mut h = Harness::demo();
    screens.push(h.model.clone());
    h.press('?');
    screens.push(h.model.clone());
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    h.press('c');
    screens.push(h.model.clone());
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.press('e');
    screens.push(h.model.clone());
    h.type_text("x");
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    screens.push(h.model.clone());
    screens.push(stale_question().model);
    for model in screens {
        let h = Harness {
            store: crate::store::Store::open_in_memory().unwrap(),
            model,
            clock: crate::domain::FixedClock(crate::tui::testing::now()),
            read_ahead: Vec::new(),
        };
        for w in 1..=80 {
            for ht in [1, 2, 3, 5, 8, 12, 15, 16, 20, 24] {
                let _ = h.screen(w, ht);
            }
        }
        for ht in 1..=24 {
            let _ = h.screen(80, ht);
            let _ = h.screen(60, ht);
        }
    }
}

/// Names from outside (a pasted client name, a handle) never reach the terminal with
/// their control characters.
#[test]
fn control_characters_in_names_are_shown_harmlessly() {
    let mut h = Harness::demo();
    let id = h.model.data.clients[0].id;
    h.model.data.clients[0].name = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J".into();
    h.model.current = Some(id);
    let screen = h.screen(100, 20);
    assert!(!screen.contains('\u{1b}'));
    assert!(screen.contains("Evil^[]0;pwned^G^[[2J"), "{screen}");
}

fn bakery_strategy() -> Harness {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("boul");
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    h.press('2');
    h.model.status = None;
    h
}

#[test]
fn snapshot_strategy_overview_wide() {
    let h = bakery_strategy();
    insta::assert_snapshot!(h.screen(130, 34));
}

/// Each section opened from the overview, with the demo bakery's data.
#[test]
fn snapshot_strategy_sections() {
    let moves: [(&str, &[char]); 6] = [
        ("targets", &[]),
        ("objectives", &['l']),
        ("budget", &['l', 'l']),
        ("editorial", &['j']),
        ("campaigns", &['j', 'l']),
        ("competitors", &['j', 'l', 'l']),
    ];
    for (name, keys) in moves {
        let mut h = bakery_strategy();
        for k in keys {
            h.press(*k);
        }
        h.key(KeyCode::Enter, KeyModifiers::NONE);
        insta::assert_snapshot!(format!("strategy_{name}"), h.screen(120, 30));
    }
}

#[test]
fn snapshot_objective_form() {
    let mut h = bakery_strategy();
    h.press('l');
    h.press('n');
    insta::assert_snapshot!(h.screen(100, 30));
}

fn demo_inbox() -> Harness {
    let mut h = Harness::demo();
    h.press('4');
    h.model.status = None;
    h
}

#[test]
fn snapshot_inbox_wide() {
    let h = demo_inbox();
    insta::assert_snapshot!(h.screen(140, 26));
}

#[test]
fn snapshot_inbox_narrow() {
    let h = demo_inbox();
    insta::assert_snapshot!(h.screen(90, 30));
}

#[test]
fn snapshot_inbox_saved_reply_picker() {
    let mut h = demo_inbox();
    h.press('r');
    insta::assert_snapshot!(h.screen(120, 26));
}

/// A comment with an OSC title sequence, a screen clear, C1 controls and a bidi override
/// reaches the screen only as visible, harmless text; emoji, CJK and right-to-left
/// text keep the columns after them in place.
#[test]
fn outside_text_never_reaches_the_terminal_raw() {
    let mut h = Harness::demo();
    let client = h.model.current.unwrap();
    let evil = "Hi\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31mred\u{9b}2J\u{202e}evil\r\nnext";
    let rows = [
        ("@evil", evil),
        ("@emoji", "👨‍👩‍👧‍👦 family 🎄🎄 party"),
        ("@cjk", "日本語のコメントです、ありがとう"),
        ("@rtl", "שלום, תודה רבה! مرحبا بكم"),
    ];
    h.store
        .transaction(|tx| {
            for (i, (author, text)) in rows.iter().enumerate() {
                let d = crate::domain::inbox::ItemDraft {
                    platform: crate::domain::Platform::Instagram,
                    kind: crate::domain::inbox::Kind::Comment,
                    author: (*author).into(),
                    author_name: "Name\u{1b}[2J".into(),
                    text: (*text).into(),
                    received_at: h.clock.0 - chrono::Duration::days(3 - i as i64),
                    permalink: String::new(),
                    external_id: Some(format!("evil-{i}")),
                };
                tx.insert_item(client, &d, h.clock.0)?;
            }
            Ok(())
        })
        .unwrap();
    h.press('4');
    let screen = h.screen(140, 26);
    let controls: Vec<char> = screen
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(controls.is_empty(), "{controls:?}");
    assert!(
        screen.contains("Hi^[]0;pwned^G^[[2J^[[31mred<U+009B>"),
        "{screen}"
    );
    // Every row of the list keeps the columns after the excerpt in place: the list's
    // right border is at one screen column on every line.
    let lefts: Vec<usize> = screen
        .lines()
        .filter(|l| {
            l.contains(" IG @")
                && ["@emoji", "@cjk", "@rtl", "@evil"]
                    .iter()
                    .any(|a| l.contains(a))
        })
        .map(|l| {
            // The list's right border, just after the "Left" column.
            let upto = l.find("││").unwrap_or(l.len());
            crate::domain::text::width(&l[..upto])
        })
        .collect();
    assert_eq!(lefts.len(), 4, "{screen}");
    assert!(
        lefts.windows(2).all(|w| w[0] == w[1]),
        "{lefts:?}\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

fn bakery_calendar() -> Harness {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("boul");
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    h.press('3');
    h.press('a');
    h.model.status = None;
    h
}

#[test]
fn snapshot_calendar_views() {
    for (name, keys) in [("month", ""), ("week", "w"), ("agenda", "L")] {
        let mut h = bakery_calendar();
        for k in keys.chars() {
            h.press(k);
        }
        insta::assert_snapshot!(format!("calendar_{name}"), h.screen(130, 34));
    }
}

#[test]
fn snapshot_post_form_with_counters() {
    let mut h = bakery_calendar();
    h.press('l');
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    insta::assert_snapshot!(h.screen(110, 40));
}

#[test]
fn snapshot_report_tab() {
    let mut h = bakery_calendar();
    h.press('a');
    h.press('5');
    h.model.status = None;
    insta::assert_snapshot!(h.screen(140, 40));
}

/// Every tab, the help, the welcome screen and a form with its errors, in French: a
/// string left out of the catalogue shows up here in English.
#[test]
fn snapshot_french_screens() {
    use crate::i18n::{Lang, with_lang};
    with_lang(Lang::Fr, || {
        insta::assert_snapshot!("fr_welcome", Harness::empty().screen(80, 24));
        insta::assert_snapshot!("fr_today", Harness::demo().screen(110, 24));
        insta::assert_snapshot!("fr_strategy", bakery_strategy().screen(130, 34));
        let mut h = bakery_strategy();
        h.press('l');
        h.key(KeyCode::Enter, KeyModifiers::NONE);
        insta::assert_snapshot!("fr_strategy_objectives", h.screen(120, 30));
        for (name, keys) in [("month", ""), ("week", "w"), ("agenda", "L")] {
            let mut h = bakery_calendar();
            for k in keys.chars() {
                h.press(k);
            }
            insta::assert_snapshot!(format!("fr_calendar_{name}"), h.screen(130, 34));
        }
        let mut h = bakery_calendar();
        h.press('l');
        h.key(KeyCode::Enter, KeyModifiers::NONE);
        insta::assert_snapshot!("fr_post_form", h.screen(110, 40));
        insta::assert_snapshot!("fr_inbox", demo_inbox().screen(140, 26));
        let mut h = bakery_calendar();
        h.press('a');
        h.press('5');
        h.model.status = None;
        insta::assert_snapshot!("fr_report", h.screen(140, 40));
        let mut h = Harness::demo();
        h.press('?');
        insta::assert_snapshot!("fr_help", h.screen(90, 50));
        let mut h = Harness::demo();
        h.press('c');
        h.ctrl('n');
        h.key(KeyCode::Tab, KeyModifiers::NONE);
        h.key(KeyCode::Backspace, KeyModifiers::NONE);
        h.ctrl('s');
        insta::assert_snapshot!("fr_new_client_form", h.screen(90, 30));
    });
}
