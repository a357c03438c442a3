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
        "client",
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
    assert_eq!(t().tab_today, "Today");
    with_lang(Lang::Fr, || assert_eq!(t().tab_inbox, "Boîte de réception"));
    assert_eq!(t().tab_inbox, "Inbox");
}

#[test]
fn fill_replaces_named_blanks() {
    assert_eq!(
        fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
        "x and y, x"
    );
    assert_eq!(fill("no blanks", &[("a", "x")]), "no blanks");
}
