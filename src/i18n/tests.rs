//! The catalogues against each other, and the language of a thread.

use super::*;

/// The `{name}` blanks of a template, sorted.
fn blanks(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_english_key_is_in_the_french_catalogue_with_the_same_blanks() {
    let fr: std::collections::HashMap<_, _> = FR.entries().into_iter().collect();
    let en = EN.entries();
    assert!(
        en.len() > 500,
        "the walk sees the whole catalogue: {}",
        en.len()
    );
    let mut problems = Vec::new();
    for (key, en_texts) in &en {
        let Some(fr_texts) = fr.get(key) else {
            problems.push(format!("{key}: missing in French"));
            continue;
        };
        if fr_texts.len() != en_texts.len() {
            problems.push(format!(
                "{key}: {} texts, not {}",
                fr_texts.len(),
                en_texts.len()
            ));
            continue;
        }
        for (e, f) in en_texts.iter().zip(fr_texts) {
            if f.trim().is_empty() && !e.trim().is_empty() {
                problems.push(format!("{key}: empty in French"));
            }
            if blanks(e) != blanks(f) {
                problems.push(format!("{key}: blanks {:?} vs {:?}", blanks(e), blanks(f)));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_french_catalogue_is_translated() {
    // Words that are the same in both languages, or names that stay as they are.
    let same = [
        "Client",
        "Clients",
        "Notes",
        "Date",
        "Dates",
        "Budget",
        "Description",
        "Note",
        "Message",
        "Hashtags",
        "Agenda",
        "agenda",
        "Format",
        "Impressions",
        "Conversions",
        "CTR",
        "CPM",
        "CPC",
        "CPA",
        "ROAS",
        "utm_campaign",
        "utm_medium",
        "—",
        "vs",
        "{n} h",
        "Clients ({n})",
        "mention",
        "active",
        "note",
        "{scope} {metric}",
        "Reste",
        "clients",
        "Budgets",
        "client {id}",
        "client \"{id}\"",
        "{planned} · {published}",
        "OSC 52",
        "client",
        "PDS",
        "Code",
        "Type",
    ];
    let fr: std::collections::HashMap<_, _> = FR.entries().into_iter().collect();
    let untranslated: Vec<String> = EN
        .entries()
        .into_iter()
        .flat_map(|(key, texts)| {
            let fr = fr.get(key).cloned().unwrap_or_default();
            texts
                .into_iter()
                .zip(fr)
                .filter(|(e, f)| e == f && !same.contains(e))
                .map(move |(e, _)| format!("{key}: {e}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(untranslated.is_empty(), "{untranslated:#?}");
}

#[test]
fn the_thread_language_does_not_leak() {
    assert_eq!(t().shell.tab_today, "Today");
    with_lang(Lang::Fr, || {
        assert_eq!(t().shell.tab_inbox, "Boîte de réception")
    });
    assert_eq!(t().shell.tab_inbox, "Inbox");
}

#[test]
fn fill_replaces_named_blanks() {
    assert_eq!(
        fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
        "x and y, x"
    );
    assert_eq!(fill("no blanks", &[("a", "x")]), "no blanks");
}

#[test]
fn plurals_follow_each_language_rule() {
    let en = Plural::new(PluralRule::OneIsSingular, "{n} item", "{n} items");
    assert_eq!(
        [en.n(0), en.n(1), en.n(2)],
        ["0 items", "1 item", "2 items"]
    );
    let fr = Plural::new(
        PluralRule::ZeroAndOneAreSingular,
        "{n} message",
        "{n} messages",
    );
    assert_eq!(
        [fr.n(0), fr.n(1), fr.n(2)],
        ["0 message", "1 message", "2 messages"]
    );
    assert_eq!(
        EN.cli.cli_demo_loaded.with(1, &[("path", "x.db")]),
        "Loaded 1 demo client into x.db (`twohats demo --remove` removes it)."
    );
    assert_eq!(EN.inbox.marked_replied.n(1), "1 item marked replied.");
    assert_eq!(EN.inbox.marked_replied.n(3), "3 items marked replied.");
    assert_eq!(
        FR.inbox.marked_replied.n(0),
        "0 message marqué comme répondu."
    );
    assert_eq!(
        FR.inbox.marked_replied.n(2),
        "2 messages marqués comme répondus."
    );
    assert_eq!(EN.inbox.form_tags.n(1), "Tags (1 item)");
    assert_eq!(FR.calendar.n_more.n(1), "+1 autre");
    // Each catalogue's plurals use its own language's rule.
    for (cat, rule) in [
        (&EN, PluralRule::OneIsSingular),
        (&FR, PluralRule::ZeroAndOneAreSingular),
    ] {
        let rules = cat.plural_rules();
        assert!(rules.len() >= 20, "{rules:?}");
        for (key, r) in rules {
            assert_eq!(r, rule, "{key}");
        }
    }
}

#[test]
fn no_message_hedges_its_plural() {
    // "item(s)", "chiffre(s) enregistré(s)": a count says which form it takes.
    let mut hedged = Vec::new();
    for (name, cat) in [("en", &EN), ("fr", &FR)] {
        for (key, texts) in cat.entries() {
            for text in texts {
                if text.contains("(s)") || text.contains("(e)") || text.contains("(es)") {
                    hedged.push(format!("{name} {key}: {text}"));
                }
            }
        }
    }
    assert!(hedged.is_empty(), "{hedged:#?}");
}

/// What is wrong with the French typography of a text: a plain or no-break space (or
/// none) where a narrow no-break space (U+202F) goes, before `:` `;` `!` `?` `%`.
fn french_typography_problems(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let ends_a_word = next.is_none_or(|n| n.is_whitespace() || n == '"' || n == ')');
        let wants_space = match c {
            // `HH:MM`, `https://`, `?utm_source`: not punctuation of a sentence.
            ':' | ';' | '!' | '?' => ends_a_word && prev.is_some(),
            '%' => prev.is_some_and(|p| p.is_alphanumeric() || p.is_whitespace() || p == '}'),
            _ => false,
        };
        if wants_space && prev != Some('\u{202f}') {
            let from = i.saturating_sub(12);
            let around: String = chars[from..(i + 2).min(chars.len())].iter().collect();
            out.push(format!("before {c:?} in \"…{around}…\""));
        }
    }
    out
}

#[test]
fn french_puts_a_narrow_no_break_space_before_high_punctuation() {
    assert!(
        french_typography_problems("Statut\u{202f}: neuf\u{202f}; 12\u{202f}% ok\u{202f}?")
            .is_empty()
    );
    assert_eq!(french_typography_problems("Statut : neuf").len(), 1);
    assert_eq!(french_typography_problems("Statut: neuf").len(), 1);
    assert_eq!(french_typography_problems("12 %").len(), 1);
    assert!(french_typography_problems("https://x.fr?a=b à 09:30").is_empty());
    let mut problems = Vec::new();
    for (key, texts) in FR.entries() {
        for text in texts {
            for p in french_typography_problems(text) {
                problems.push(format!("{key}: {p}"));
            }
        }
    }
    for (_, fr) in cli::FR {
        for p in french_typography_problems(fr) {
            problems.push(format!("command line help: {p}"));
        }
    }
    for line in cli::french_clap_message(
        "error: unexpected argument '--x' found\n\nUsage: twohats [OPTIONS]\n\nCommands:\nOptions:\n",
    )
    .lines()
    {
        for p in french_typography_problems(line) {
            problems.push(format!("clap: {p}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
