//! A figure is never cut: every tab's tables (and the report's side panel) at 60, 80,
//! 120 and 200 columns, in English and French, show each number whole or not at all.

use std::collections::BTreeSet;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::i18n::{Lang, with_lang};
use crate::tui::testing::Harness;

/// The figures on a screen: runs of digits with what belongs to them (separators,
/// decimal marks, the French narrow no-break space, `%`), trailing punctuation left off.
fn figures(screen: &str) -> BTreeSet<String> {
    let part = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{202f}' | '%' | ':');
    let mut out = BTreeSet::new();
    for line in screen.lines() {
        // The test backend quotes each line and may note wide symbols after it.
        let line = line.split('"').nth(1).unwrap_or(line);
        let mut cur = String::new();
        for c in line.chars().chain(std::iter::once(' ')) {
            if part(c) && (c.is_ascii_digit() || !cur.is_empty()) {
                cur.push(c);
            } else if !cur.is_empty() {
                let f = cur
                    .trim_end_matches([',', '.', ':', '\u{202f}'])
                    .to_string();
                out.insert(f);
                cur.clear();
            }
        }
    }
    out
}

/// The screens of the demo bakery to look at: (name, keys).
pub(super) const SCREENS: [(&str, &str); 23] = [
    ("today", ""),
    ("strategy", "2"),
    ("targets", "2\r"),
    ("objectives", "2l\r"),
    ("budget", "2ll\r"),
    ("expenses", "2ll\rl"),
    ("editorial", "2j\r"),
    ("hashtags", "2j\rl"),
    ("campaigns", "2jl\r"),
    ("competitors", "2jll\r"),
    ("notes", "2jll\rl"),
    ("agenda", "3L"),
    ("agenda_all", "3aL"),
    ("inbox", "4"),
    ("inbox_all", "4a"),
    ("report", "5"),
    ("report_month", "5m"),
    ("report_running", "5]"),
    ("week_form", "5e"),
    ("post_form", "3n"),
    ("campaign_form", "2jl\rn"),
    ("switcher", "c\t"),
    ("accounts", "c\t\t"),
];

pub(super) fn open(keys: &str) -> Harness {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("boul");
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    for k in keys.chars() {
        match k {
            '\r' => h.key(KeyCode::Enter, KeyModifiers::NONE),
            '\t' => h.key(KeyCode::Tab, KeyModifiers::NONE),
            c => h.press(c),
        };
    }
    h.model.status = None;
    h
}

fn drawn(model: &crate::tui::model::Model, w: u16, h: u16) -> String {
    let mut model = model.clone();
    model.size = (w, h);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    term.draw(|f| super::render(&model, f)).unwrap();
    term.backend().to_string()
}

#[test]
fn no_figure_is_ever_cut() {
    let mut failures = Vec::new();
    for lang in [Lang::En, Lang::Fr] {
        with_lang(lang, || {
            for (name, keys) in SCREENS {
                let h = open(keys);
                for (w, ht) in [(60, 24), (80, 24), (120, 40), (200, 50)] {
                    let screen = h.screen(w, ht);
                    // The same screen with room for everything: its figures are whole (and
                    // those a form covers there, without it).
                    let mut whole = figures(&h.screen(400, ht));
                    let mut bare = h.model.clone();
                    bare.overlays.clear();
                    whole.extend(figures(&drawn(&bare, 400, ht)));
                    let cut: Vec<String> = figures(&screen)
                        .into_iter()
                        .filter(|f| !whole.contains(f))
                        .collect();
                    if !cut.is_empty() {
                        failures.push(format!(
                            "{lang:?} {name} at {w}x{ht}: {cut:?} cut\n{screen}"
                        ));
                    }
                }
            }
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn at_80_columns_the_tabs_fit_and_the_client_shows() {
    for lang in [Lang::En, Lang::Fr] {
        with_lang(lang, || {
            let h = open("");
            let screen = h.screen(80, 24);
            let top = screen.lines().next().unwrap_or_default();
            let name = h.model.current_client().unwrap().name.clone();
            assert!(top.contains(&name), "{lang:?}: {top}");
            assert!(top.contains("5 R"), "{lang:?}: {top}");
            assert!(!top.contains("Rapp\""), "{lang:?}: {top}");
        });
    }
}

#[test]
fn today_at_80_columns_shortens_words_not_figures() {
    for lang in [Lang::En, Lang::Fr] {
        with_lang(lang, || {
            let h = open("");
            let narrow = figures(&h.screen(80, 24));
            let wide = figures(&h.screen(400, 24));
            let lost: Vec<_> = wide.difference(&narrow).collect();
            assert!(
                lost.is_empty(),
                "{lang:?}: {lost:?} lost\n{}",
                h.screen(80, 24)
            );
        });
    }
}
