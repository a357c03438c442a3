//! Every screen at every size, and no stored text ever reaching the terminal raw.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::tui::model::Model;
use crate::tui::testing::{Harness, now};

/// Key sequences that open every tab, section, view and overlay.
const SCREENS: &[&str] = &[
    "", "?", "c", "c\t", "c\t\t", "2", "2\r", "2l\r", "2ll\r", "2j\r", "2jl\r", "2jll\r", "2n",
    "2v", "3", "3w", "3L", "3n", "3\r", "4", "4r", "4/", "4S", "4t", "5", "5m", "5e", "5x", "5p",
];

fn models() -> Vec<Model> {
    let mut out = Vec::new();
    for keys in SCREENS {
        let mut h = Harness::demo();
        for k in keys.chars() {
            match k {
                '\t' => h.key(KeyCode::Tab, KeyModifiers::NONE),
                '\r' => h.key(KeyCode::Enter, KeyModifiers::NONE),
                c => h.press(c),
            };
        }
        out.push(h.model);
    }
    out.push(Harness::empty().model);
    out
}

fn harness(model: Model) -> Harness {
    Harness {
        store: crate::store::Store::open_in_memory().unwrap(),
        model,
        clock: crate::domain::FixedClock(now()),
        read_ahead: Vec::new(),
    }
}

/// Every width from 1 to 400 and every height from 1 to 120 (each against a few of the
/// other), on every screen, without a panic.
#[test]
fn every_screen_at_every_size() {
    for m in models() {
        let hs = harness(m);
        // Small sizes, where layouts run out of room, one by one.
        for w in 1..=40 {
            for h in [1, 2, 3, 5, 8, 14, 15] {
                let _ = hs.screen(w, h);
            }
        }
        // Then widths up to 400 and heights up to 120.
        for w in (41..=400).step_by(19).chain([59, 60, 61, 399, 400]) {
            for h in [1, 15, 24, 61, 120] {
                let _ = hs.screen(w, h);
            }
        }
        for h in (1..=120).step_by(7).chain([119, 120]) {
            for w in [1, 60, 200, 400] {
                let _ = hs.screen(w, h);
            }
        }
    }
}

const EVIL: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31m\u{9b}1m\u{8}\r\n\u{202e}y";

/// Puts escape sequences in every text a user or an import can store, then draws every
/// tab, section, view and overlay: the screen holds only visible characters.
#[test]
fn no_stored_text_reaches_the_terminal_raw_on_any_tab() {
    let h = Harness::demo();
    let c = h.store.path().map(|_| ()).is_none();
    assert!(c, "in memory");
    let sql = [
        "UPDATE clients SET name = name || ?1, notes = ?1",
        "UPDATE accounts SET handle = handle || ?1",
        "UPDATE targets SET name = name || ?1, description = ?1, locations = ?1, interests = ?1, pains = ?1",
        "UPDATE objectives SET note = ?1",
        "UPDATE campaigns SET name = name || ?1",
        "UPDATE expenses SET note = ?1",
        "UPDATE budget_lines SET note = ?1",
        "UPDATE pillars SET name = name || ?1, description = ?1",
        "UPDATE hashtag_sets SET name = name || ?1, tags = ?1",
        "UPDATE competitors SET name = name || ?1",
        "UPDATE competitor_notes SET text = ?1",
        "UPDATE editorial SET tone = ?1",
        "UPDATE posts SET title = title || ?1, body = ?1, notes = ?1, permalink = ?1",
        "UPDATE inbox_items SET author = author || ?1, author_name = ?1, text = ?1, reply = ?1, tags = ' ' || ?1 || ' '",
        "UPDATE saved_replies SET name = name || ?1, text = ?1",
    ];
    drop(h);
    let mut all = Vec::new();
    for keys in SCREENS {
        let mut h = Harness::demo();
        for q in sql {
            h.store.execute_for_tests(q, EVIL);
        }
        h.act(crate::tui::action::Action::Loaded(
            crate::tui::effect::load(&h.store).unwrap(),
        ));
        h.model.plan.client_id = 0;
        h.model.plan_requested = None;
        h.act(crate::tui::action::Action::Tick(now()));
        for k in keys.chars() {
            match k {
                '\t' => h.key(KeyCode::Tab, KeyModifiers::NONE),
                '\r' => h.key(KeyCode::Enter, KeyModifiers::NONE),
                c => h.press(c),
            };
        }
        all.push((keys, h.screen(160, 50)));
    }
    for (keys, s) in all {
        let bad: Vec<char> = s.chars().filter(|c| c.is_control() && *c != '\n').collect();
        assert!(bad.is_empty(), "{keys:?}: {bad:?}\n{s}");
        assert!(!s.contains('\u{202e}'), "{keys:?}: bidi override");
    }
}
