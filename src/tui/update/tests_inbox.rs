use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::inbox::{Filter, Status, StatusFilter};
use crate::tui::effect::Effect;
use crate::tui::inbox::current_item;
use crate::tui::model::{FormPurpose, Overlay, Tab};
use crate::tui::testing::Harness;

fn inbox() -> Harness {
    let mut h = Harness::demo();
    h.press('4');
    assert_eq!(h.model.tab, Tab::Inbox);
    h
}

fn key(h: &mut Harness, code: KeyCode) {
    h.key(code, KeyModifiers::NONE);
}

fn all_items(h: &Harness) -> Vec<crate::domain::inbox::Item> {
    h.store
        .items_matching(&Filter {
            status: StatusFilter::All,
            ..Filter::default()
        })
        .unwrap()
}

/// The list's items in list order.
fn listed(h: &Harness) -> Vec<crate::domain::inbox::Item> {
    let ids = &h.model.inbox.ids;
    let mut items = h.store.items(ids).unwrap();
    items.sort_by_key(|i| ids.iter().position(|x| *x == i.id));
    items
}

/// When an item's client's reply-time target is missed.
fn due(h: &Harness, it: &crate::domain::inbox::Item) -> chrono::DateTime<chrono::Utc> {
    it.due(crate::tui::inbox::target_hours(&h.model, it))
}

#[test]
fn opens_on_pending_items_most_urgent_first_across_clients() {
    let h = inbox();
    let ids = &h.model.inbox.ids;
    assert_eq!(ids.len(), 12);
    let items = listed(&h);
    let clients: std::collections::HashSet<_> = items.iter().map(|i| i.client_id).collect();
    assert_eq!(clients.len(), 4, "all clients by default");
    assert!(items.windows(2).all(|w| due(&h, &w[0]) <= due(&h, &w[1])));
    // The demo's clients answer within different times: the most urgent is not simply
    // the oldest.
    assert!(
        !items
            .windows(2)
            .all(|w| w[0].received_at <= w[1].received_at)
    );
    assert!(items.iter().all(|i| i.status.is_pending()));
    let c = h.model.inbox.counters.unwrap();
    assert_eq!((c.all.pending, c.all.overdue), (12, 5));
    assert!(
        current_item(&h.model).is_some(),
        "the rows on screen are loaded"
    );
}

#[test]
fn a_toggles_the_current_client_only() {
    let mut h = inbox();
    h.press('a');
    let cur = h.model.current.unwrap();
    let items = h.store.items(&h.model.inbox.ids).unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i.client_id == cur));
    h.press('a');
    assert_eq!(h.model.inbox.ids.len(), 12);
}

#[test]
fn mark_replied_records_the_time_and_u_undoes() {
    let mut h = inbox();
    let id = h.model.inbox.selected_id().unwrap();
    h.press('m');
    let it = h.store.items(&[id]).unwrap().remove(0);
    assert_eq!(it.status, Status::Replied);
    assert_eq!(it.replied_at, Some(h.clock.0));
    assert!(
        !h.model.inbox.ids.contains(&id),
        "gone from the pending list"
    );
    h.press('u');
    let it = h.store.items(&[id]).unwrap().remove(0);
    assert_eq!((it.status, it.replied_at), (Status::New, None));
    assert!(h.model.inbox.ids.contains(&id));
}

#[test]
fn bulk_ignore_and_tag_with_multi_select() {
    let mut h = inbox();
    let mut first_two: Vec<i64> = h.model.inbox.ids[..2].to_vec();
    // The selection lists its items by id.
    first_two.sort_unstable();
    h.press(' ');
    h.press(' ');
    assert_eq!(h.model.inbox.selected.len(), 2);
    h.press('t');
    assert!(
        matches!(h.model.overlays.last(), Some(Overlay::Form(f)) if f.purpose == FormPurpose::Tags(first_two.clone()))
    );
    h.type_text("urgent, vip");
    h.ctrl('s');
    for it in h.store.items(&first_two).unwrap() {
        assert!(
            it.tags.contains(&"urgent".to_string()) && it.tags.contains(&"vip".to_string()),
            "{:?}",
            it.tags
        );
    }
    assert_eq!(
        h.model.inbox.selected.len(),
        2,
        "the selection stays for the next action"
    );
    h.press('i');
    for it in h.store.items(&first_two).unwrap() {
        assert_eq!(it.status, Status::Ignored);
    }
    assert!(h.model.inbox.selected.is_empty());
    assert_eq!(h.model.inbox.ids.len(), 10);
}

#[test]
fn reply_from_a_saved_reply_fills_placeholders_and_copies() {
    let mut h = inbox();
    // The oldest pending item is Claire's review of the bakery.
    let it = current_item(&h.model).unwrap().clone();
    assert_eq!(it.author, "@claire.b");
    h.press('r');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Picker(_))));
    // (blank), Horaires, Merci, Réclamation
    h.press('j');
    h.press('j');
    let effects = h.key(KeyCode::Enter, KeyModifiers::NONE);
    assert!(effects.is_empty());
    h.ctrl('s');
    assert_eq!(
        crate::tui::testing::copied().last().map(String::as_str),
        Some(
            "Merci beaucoup Claire B. ! Toute l'équipe de Boulangerie Marcel vous souhaite une belle journée 🥖"
        )
    );
    let stored = h.store.items(&[it.id]).unwrap().remove(0);
    assert!(stored.reply.starts_with("Merci beaucoup Claire B."));
    assert_eq!(
        stored.status,
        Status::New,
        "saving a reply does not mark it replied"
    );
    h.press('y');
    h.press('m');
    assert_eq!(h.store.items(&[it.id]).unwrap()[0].status, Status::Replied);
}

#[test]
fn filter_form_narrows_the_list() {
    let mut h = inbox();
    h.press('/');
    h.type_text("croissant");
    h.ctrl('s');
    assert!(h.model.overlays.is_empty());
    assert_eq!(h.model.inbox.ids.len(), 1);
    assert!(h.screen(120, 30).contains("\"croissant\""));
    h.press('/');
    h.ctrl('u');
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Right);
    key(&mut h, KeyCode::Right);
    key(&mut h, KeyCode::Right);
    h.ctrl('s');
    assert_eq!(h.model.inbox.filter.status, StatusFilter::All);
    assert_eq!(h.model.inbox.ids.len(), all_items(&h).len());
}

#[test]
fn priority_sentiment_delete_and_undo() {
    let mut h = inbox();
    h.press('j');
    let id = h.model.inbox.selected_id().unwrap();
    let before = h.store.items(&[id]).unwrap().remove(0);
    h.press('!');
    assert_eq!(h.store.items(&[id]).unwrap()[0].priority, !before.priority);
    h.press('s');
    assert!(h.store.items(&[id]).unwrap()[0].sentiment.is_some());
    h.press('d');
    assert!(h.store.items(&[id]).unwrap()[0] != before || !h.model.inbox.ids.contains(&id));
    assert!(!h.model.inbox.ids.contains(&id));
    h.press('u');
    assert!(h.model.inbox.ids.contains(&id));
}

#[test]
fn new_item_by_hand_in_the_clients_zone() {
    let mut h = inbox();
    h.press('n');
    // platform, kind, author...
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    h.type_text("@walkin");
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    h.type_text("Asked at the counter about gift cards");
    key(&mut h, KeyCode::Tab);
    h.ctrl('u');
    // Atelier Vélo Rouge is in Brussels: 10:00 there is 09:00 UTC in November.
    h.type_text("2026-11-22 10:00");
    h.ctrl('s');
    assert!(
        h.model.overlays.is_empty(),
        "{:?}",
        h.model.overlays.last().map(|_| ())
    );
    let it = all_items(&h)
        .into_iter()
        .find(|i| i.author == "@walkin")
        .unwrap();
    assert_eq!(it.received_at.format("%H:%M").to_string(), "09:00");
    assert_eq!(it.external_id, None);
}

#[test]
fn only_web_links_are_opened() {
    let mut h = inbox();
    let effects = h.press('b');
    assert!(matches!(&effects[..], [Effect::OpenUrl(u)] if u.starts_with("https://")));
    let id = h.model.inbox.selected_id().unwrap();
    let mut it = h.store.items(&[id]).unwrap().remove(0);
    it.permalink = "file:///etc/passwd".into();
    h.store.transaction(|tx| tx.update_item(&it)).unwrap();
    h.model.inbox.rows.insert(id, it);
    assert!(h.press('b').is_empty());
}

#[test]
fn o_cycles_the_order_and_the_cursor_stays_on_its_item() {
    use crate::domain::inbox::Order;
    let mut h = inbox();
    h.press('j');
    h.press('j');
    let item = h.model.inbox.selected_id().unwrap();
    h.press('o');
    assert_eq!(h.model.inbox.filter.order, Order::Oldest);
    let items = listed(&h);
    assert!(
        items
            .windows(2)
            .all(|w| w[0].received_at <= w[1].received_at)
    );
    assert_eq!(h.model.inbox.selected_id(), Some(item));
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "Sorted oldest first."
    );
    h.press('o');
    assert_eq!(h.model.inbox.filter.order, Order::Newest);
    let items = listed(&h);
    assert!(
        items
            .windows(2)
            .all(|w| w[0].received_at >= w[1].received_at)
    );
    h.press('o');
    assert_eq!(h.model.inbox.filter.order, Order::Client);
    let names: Vec<String> = listed(&h)
        .iter()
        .map(|i| h.model.client(i.client_id).unwrap().name.to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert!(h.screen(120, 30).contains("by client"));
    h.press('o');
    assert_eq!(h.model.inbox.filter.order, Order::Urgency);
    assert!(h.screen(120, 30).contains("(12) · most urgent first"));
    assert_eq!(h.model.inbox.selected_id(), Some(item));
}

#[test]
fn esc_clears_an_active_filter() {
    let mut h = inbox();
    h.press('o');
    h.press('/');
    h.type_text("bread");
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    // The status: replied.
    h.key(KeyCode::Right, KeyModifiers::NONE);
    h.ctrl('s');
    assert_eq!(h.model.inbox.filter.status, StatusFilter::Replied);
    assert!(h.model.inbox.ids.len() < 12);
    key(&mut h, KeyCode::Esc);
    assert_eq!(h.model.inbox.filter.text, None);
    assert_eq!(h.model.inbox.filter.status, StatusFilter::Pending);
    assert_eq!(
        h.model.inbox.filter.order,
        crate::domain::inbox::Order::Oldest,
        "the order is not a filter"
    );
    assert_eq!(h.model.inbox.ids.len(), 12);
    assert!(
        h.model
            .status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Filter cleared")
    );
    // Nothing to clear: Esc does nothing.
    h.model.status = None;
    key(&mut h, KeyCode::Esc);
    assert!(h.model.status.is_none());
    assert_eq!(h.model.tab, Tab::Inbox);
}

#[test]
fn scrolling_far_loads_rows_near_the_cursor() {
    let mut h = Harness::demo();
    let client = h.model.current.unwrap();
    // 2,000 more items: the cache holds only a window of them.
    h.store
        .transaction(|tx| {
            for i in 0..2000 {
                let d = crate::domain::inbox::ItemDraft {
                    platform: crate::domain::Platform::X,
                    kind: crate::domain::inbox::Kind::Mention,
                    author: format!("@u{i}"),
                    author_name: String::new(),
                    text: format!("message {i}"),
                    received_at: h.clock.0 - Duration::minutes(5000 - i),
                    permalink: String::new(),
                    external_id: Some(format!("bulk-{i}")),
                };
                tx.insert_item(client, &d, h.clock.0)?;
            }
            Ok(())
        })
        .unwrap();
    h.press('4');
    assert_eq!(h.model.inbox.ids.len(), 2012);
    assert!(h.model.inbox.rows.len() < 1000);
    h.press('G');
    assert!(current_item(&h.model).is_some());
    let _ = h.screen(120, 30);
    for _ in 0..40 {
        h.key(KeyCode::PageUp, KeyModifiers::NONE);
        assert!(current_item(&h.model).is_some());
    }
    assert!(h.model.inbox.rows.len() <= 1300);
}

fn search(h: &mut Harness, words: &str) -> Vec<Effect> {
    h.press('/');
    h.ctrl('u');
    h.type_text(words);
    h.ctrl('s')
}

fn lists_from_the_database(effects: &[Effect]) -> bool {
    effects
        .iter()
        .any(|e| matches!(e, Effect::LoadInbox { .. }))
}

#[test]
fn a_search_in_the_list_read_ahead_reads_only_its_rows_and_follows_changes() {
    let mut h = inbox();
    // The pending list is on screen: what a search looks in was read while no key waited.
    assert!(
        matches!(&h.model.inbox.search, Some((f, Some(items))) if f.text.is_none() && items.len() == 12)
    );
    let item = current_item(&h.model).unwrap().clone();
    let word = item
        .text
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .to_uppercase();
    let effects = search(&mut h, &word);
    assert!(!lists_from_the_database(&effects), "{effects:?}");
    let words = Filter {
        text: Some(word.clone()),
        ..Filter::default()
    };
    assert_eq!(h.model.inbox.ids, h.store.item_ids(&words).unwrap());
    assert!(h.model.inbox.ids.contains(&item.id));
    assert!(current_item(&h.model).is_some(), "its rows are read");
    // Marked replied, the item leaves the pending list: what was read ahead goes too,
    // and the next search asks the database.
    while h.model.inbox.selected_id() != Some(item.id) {
        h.press('j');
    }
    h.press('m');
    assert!(h.model.inbox.search.is_none());
    assert!(!h.model.inbox.ids.contains(&item.id));
    assert!(lists_from_the_database(&search(&mut h, "a")));
    // Back on the list without words, it is read ahead again, without the item.
    search(&mut h, "");
    assert!(matches!(&h.model.inbox.search, Some((_, Some(items))) if items.len() == 11));
    let effects = search(&mut h, &word);
    assert!(!lists_from_the_database(&effects));
    assert!(!h.model.inbox.ids.contains(&item.id));
    assert_eq!(h.model.inbox.ids, h.store.item_ids(&words).unwrap());
}

#[test]
fn a_copy_says_where_the_text_went_or_why_it_did_not() {
    use crate::tui::clipboard::{NotCopied, Through, Via};
    use crate::tui::model::StatusKind;
    use crate::tui::testing::{clipboard_answers, copied};
    let mut h = inbox();
    let text = current_item(&h.model).unwrap().text.clone();
    let status = |h: &Harness| h.model.status.clone().unwrap();
    h.press('y');
    assert_eq!(copied().last(), Some(&text));
    assert_eq!(status(&h).text, "Message copied (system clipboard).");
    assert_eq!(status(&h).kind, StatusKind::Success);
    clipboard_answers(Ok(Via::Osc52(Through::Direct)));
    h.press('y');
    assert_eq!(
        status(&h).text,
        "Message sent to the terminal (OSC 52).",
        "the terminal may drop it: not \"copied\""
    );
    clipboard_answers(Ok(Via::Osc52(Through::Tmux)));
    h.press('y');
    assert_eq!(
        status(&h).text,
        "Message sent to the terminal (OSC 52 through tmux)."
    );
    clipboard_answers(Ok(Via::TmuxBuffer));
    h.press('y');
    assert_eq!(status(&h).text, "Message copied (tmux's paste buffer).");
    clipboard_answers(Err(NotCopied::TmuxDrops));
    h.press('y');
    assert_eq!(status(&h).kind, StatusKind::Error);
    assert!(
        status(&h)
            .text
            .starts_with("The message could not be copied: tmux keeps it from the terminal; add set -g set-clipboard on"),
        "{}",
        status(&h).text
    );
    // A reply is copied once saved, and the message says both.
    clipboard_answers(Ok(Via::System));
    h.press('r');
    key(&mut h, KeyCode::Enter);
    h.type_text("Merci !");
    h.ctrl('s');
    assert_eq!(copied().last().map(String::as_str), Some("Merci !"));
    assert_eq!(
        status(&h).text,
        "Reply saved and copied (system clipboard): b opens the post, paste it there, then m marks it replied."
    );
    clipboard_answers(Err(NotCopied::Failed("xclip: exit status: 1".into())));
    h.press('y');
    assert_eq!(
        status(&h).text,
        "The reply could not be copied: xclip: exit status: 1."
    );
    crate::i18n::with_lang(crate::i18n::Lang::Fr, || {
        clipboard_answers(Ok(Via::Osc52(Through::Screen)));
        h.press('y');
        assert_eq!(
            status(&h).text,
            "Réponse envoyée au terminal (OSC 52 via screen)."
        );
    });
}

#[test]
fn a_saved_reply_with_an_unknown_placeholder_is_refused() {
    let mut h = inbox();
    h.press('S');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Picker(_))));
    h.press('n');
    h.type_text("Bienvenue");
    h.model.status = None;
    key(&mut h, KeyCode::Tab);
    h.type_text("Bonjour {prenom}, merci {name} ! {Nom}");
    let effects = h.ctrl('s');
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::SaveSavedReply(_))),
        "{effects:?}"
    );
    let Some(Overlay::Form(f)) = h.model.overlays.last() else {
        panic!("the form stays open");
    };
    assert_eq!(
        f.form.field("text").unwrap().error.as_deref(),
        Some("unknown placeholders {prenom}, {Nom}: use {author}, {name}, {client}")
    );
    // Corrected, it is saved.
    h.ctrl('u');
    h.type_text("Bonjour {name} !");
    h.ctrl('s');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Picker(_))));
    // The manager is the selected item's client's.
    let client = current_item(&h.model).unwrap().client_id;
    let saved = h.store.saved_replies(client).unwrap();
    let r = saved.iter().find(|r| r.name == "Bienvenue").unwrap();
    assert_eq!(r.text, "Bonjour {name} !");
}
