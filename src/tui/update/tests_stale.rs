//! Another window (written here straight to the store) saves a row while this window's
//! form on it is open: the save asks instead of writing over it, and each answer does
//! what it says (issue 18, point 1).

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::inbox::Op;
use crate::domain::post::Post;
use crate::domain::{AccountDraft, Client, ClientDraft, Platform};
use crate::tui::action::Action;
use crate::tui::model::{FormPurpose, Overlay, StatusKind, Tab};
use crate::tui::testing::Harness;
use crate::tui::widgets::confirm::ConfirmKind;

fn key(h: &mut Harness, code: KeyCode) {
    h.key(code, KeyModifiers::NONE);
}

fn reload(h: &mut Harness) {
    h.act(Action::Loaded(crate::tui::effect::load(&h.store).unwrap()));
}

/// Acme: reply target 6, notes "Likes emoji".
fn acme() -> (Harness, i64) {
    let mut h = Harness::empty();
    let mut d = ClientDraft::new("Acme");
    d.timezone = "Europe/Paris".into();
    d.reply_target_hours = 6;
    d.notes = "Likes emoji".into();
    let id = h.store.insert_client(&d, h.clock.0).unwrap();
    reload(&mut h);
    (h, id)
}

fn draft_of(c: &Client) -> ClientDraft {
    ClientDraft {
        name: c.name.clone(),
        currency: c.currency.clone(),
        timezone: c.timezone.clone(),
        reply_target_hours: c.reply_target_hours,
        notes: c.notes.clone(),
    }
}

/// Window A sets the reply target to 9 and saves.
fn other_window_sets_reply_target(h: &mut Harness, id: i64, hours: u32) {
    let c = h.store.client(id).unwrap();
    let mut d = draft_of(&c);
    d.reply_target_hours = hours;
    h.store.update_client(id, c.version, &d).unwrap();
}

/// Opens the client form from the switcher, adds to the notes and saves.
fn edit_notes_and_save(h: &mut Harness) {
    h.press('c');
    key(h, KeyCode::Tab);
    h.press('e');
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Form(f)) if matches!(f.purpose, FormPurpose::EditClient(_))
    ));
    for _ in 0..4 {
        key(h, KeyCode::Tab);
    }
    h.type_text(" and croissants");
}

fn question(h: &Harness) -> String {
    match h.model.overlays.last() {
        Some(Overlay::Confirm(c)) if c.kind == ConfirmKind::Stale => c.question.clone(),
        other => panic!("expected the question, got {other:?}"),
    }
}

fn field(h: &Harness, key: &str) -> String {
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => f.form.text_value(key),
        other => panic!("expected a form on top, got {other:?}"),
    }
}

#[test]
fn a_client_saved_meanwhile_is_asked_about_and_reload_keeps_both_changes() {
    let (mut h, id) = acme();
    edit_notes_and_save(&mut h);
    other_window_sets_reply_target(&mut h, id, 9);
    h.ctrl('s');
    let q = question(&h);
    assert!(q.contains("Reply target (h)"), "{q}");
    assert!(
        !q.contains("Notes"),
        "only what the other window changed: {q}"
    );
    assert_eq!(
        h.store.client(id).unwrap().notes,
        "Likes emoji",
        "nothing written"
    );
    let screen = h.screen(100, 30);
    for shown in [
        "Saved in another window",
        "r reload theirs",
        "o overwrite with mine",
        "Esc cancel: close the form",
    ] {
        assert!(screen.contains(shown), "{shown:?} not on screen:\n{screen}");
    }
    // Keys that are not answers leave the question asked.
    h.press('q');
    assert!(!h.model.quit);
    question(&h);
    h.press('r');
    assert_eq!(
        field(&h, "reply_target_hours"),
        "9",
        "the other window's value"
    );
    assert_eq!(
        field(&h, "notes"),
        "Likes emoji and croissants",
        "mine kept"
    );
    let status = h.model.status.clone().unwrap();
    assert!(status.text.contains("Reply target (h)"), "{}", status.text);
    h.ctrl('s');
    assert!(h.model.overlays.len() <= 1, "the form closed");
    let c = h.store.client(id).unwrap();
    assert_eq!(
        (c.reply_target_hours, c.notes.as_str()),
        (9, "Likes emoji and croissants"),
        "both changes kept"
    );
}

#[test]
fn overwrite_saves_the_form_over_the_other_windows_values() {
    let (mut h, id) = acme();
    edit_notes_and_save(&mut h);
    other_window_sets_reply_target(&mut h, id, 9);
    h.ctrl('s');
    question(&h);
    h.press('o');
    let c = h.store.client(id).unwrap();
    assert_eq!(
        (c.reply_target_hours, c.notes.as_str()),
        (6, "Likes emoji and croissants"),
        "the user chose their own values"
    );
    assert!(!matches!(h.model.overlays.last(), Some(Overlay::Form(_))));
}

#[test]
fn cancel_closes_the_form_and_saves_nothing() {
    let (mut h, id) = acme();
    edit_notes_and_save(&mut h);
    other_window_sets_reply_target(&mut h, id, 9);
    h.ctrl('s');
    question(&h);
    key(&mut h, KeyCode::Esc);
    assert!(!matches!(
        h.model.overlays.last(),
        Some(Overlay::Form(_) | Overlay::Confirm(_))
    ));
    let c = h.store.client(id).unwrap();
    assert_eq!((c.reply_target_hours, c.notes.as_str()), (9, "Likes emoji"));
    assert!(
        h.model
            .status
            .clone()
            .unwrap()
            .text
            .starts_with("Not saved")
    );
}

#[test]
fn a_second_window_saving_again_asks_again() {
    let (mut h, id) = acme();
    edit_notes_and_save(&mut h);
    other_window_sets_reply_target(&mut h, id, 9);
    h.ctrl('s');
    h.press('r');
    // A third save elsewhere while the reloaded form is still open.
    other_window_sets_reply_target(&mut h, id, 12);
    h.ctrl('s');
    question(&h);
    h.press('r');
    assert_eq!(field(&h, "reply_target_hours"), "12");
    h.ctrl('s');
    assert_eq!(h.store.client(id).unwrap().reply_target_hours, 12);
}

#[test]
fn an_account_deleted_meanwhile_is_not_saved_and_the_form_says_so() {
    let (mut h, id) = acme();
    let a = h
        .store
        .insert_account(
            id,
            &AccountDraft {
                platform: Platform::Instagram,
                handle: "@acme".into(),
            },
            h.clock.0,
        )
        .unwrap();
    reload(&mut h);
    h.press('c');
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    h.press('e');
    key(&mut h, KeyCode::Tab);
    h.type_text("_shop");
    h.store.set_account_deleted(a, Some(h.clock.0)).unwrap();
    h.ctrl('s');
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => {
            assert!(!f.saving);
            assert!(f.form.error.as_deref().unwrap().contains("deleted"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(h.store.live_account(a).unwrap(), None);
}

/// A client with an Instagram account and a post "Autumn menu" on Oct 24, 2026, shown
/// on the Calendar tab.
fn calendar() -> (Harness, i64) {
    let (mut h, c) = acme();
    let ig = h
        .store
        .insert_account(
            c,
            &AccountDraft {
                platform: Platform::Instagram,
                handle: "@acme".into(),
            },
            h.clock.0,
        )
        .unwrap();
    let mut p = Post {
        client_id: c,
        accounts: vec![ig],
        title: "Autumn menu".into(),
        body: "New menu".into(),
        ..Post::default()
    };
    p.schedule(
        chrono::NaiveDateTime::parse_from_str("2026-10-24 09:00", "%Y-%m-%d %H:%M").ok(),
        "Europe/Paris".parse().unwrap(),
    );
    let id = h
        .store
        .transaction(|tx| tx.save_post(&p, h.clock.0))
        .unwrap();
    reload(&mut h);
    h.press('3');
    assert_eq!(h.model.tab, Tab::Calendar);
    h.model.calendar.day = NaiveDate::from_ymd_opt(2026, 10, 24);
    h.act(Action::Tick(h.clock.0));
    (h, id)
}

fn other_window_retitles(h: &mut Harness, id: i64, title: &str) {
    let mut p = h.store.post(id).unwrap();
    p.title = title.into();
    h.store
        .transaction(|tx| tx.save_post(&p, h.clock.0))
        .unwrap();
}

#[test]
fn a_post_saved_meanwhile_is_asked_about_and_undo_puts_back_what_was_saved_over() {
    let (mut h, id) = calendar();
    h.press('e');
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Form(f)) if matches!(f.purpose, FormPurpose::Post { .. })
    ));
    // Accounts, when, status, title, then the text.
    for _ in 0..4 {
        key(&mut h, KeyCode::Tab);
    }
    h.type_text(" for winter");
    other_window_retitles(&mut h, id, "Winter menu");
    h.ctrl('s');
    assert!(question(&h).contains("Title"), "{}", question(&h));
    assert_eq!(
        h.store.post(id).unwrap().body,
        "New menu",
        "nothing written"
    );
    h.press('r');
    assert_eq!(field(&h, "title"), "Winter menu");
    assert_eq!(field(&h, "body"), "New menu for winter");
    h.ctrl('s');
    let p = h.store.post(id).unwrap();
    assert_eq!(
        (p.title.as_str(), p.body.as_str()),
        ("Winter menu", "New menu for winter")
    );
    // Undo takes back this window's save, and only it: the other window's title stays.
    h.press('u');
    let p = h.store.post(id).unwrap();
    assert_eq!(
        (p.title.as_str(), p.body.as_str()),
        ("Winter menu", "New menu")
    );
}

#[test]
fn an_undo_over_another_windows_change_is_not_made() {
    let (mut h, id) = calendar();
    h.press('>');
    let moved = h.store.post(id).unwrap();
    assert_eq!(moved.day(), NaiveDate::from_ymd_opt(2026, 10, 25));
    other_window_retitles(&mut h, id, "Winter menu");
    h.press('u');
    let p = h.store.post(id).unwrap();
    assert_eq!(
        (p.title.as_str(), p.day()),
        ("Winter menu", NaiveDate::from_ymd_opt(2026, 10, 25)),
        "neither the title nor the move was put back"
    );
    let status = h.model.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert!(
        status.text.starts_with("Nothing changed"),
        "{}",
        status.text
    );
}

#[test]
fn a_move_from_an_older_screen_is_not_made() {
    let (mut h, id) = calendar();
    // The other window retitles; this one has not read it yet and moves the post.
    other_window_retitles(&mut h, id, "Winter menu");
    h.press('>');
    let p = h.store.post(id).unwrap();
    assert_eq!(
        (p.title.as_str(), p.day()),
        ("Winter menu", NaiveDate::from_ymd_opt(2026, 10, 24))
    );
    assert!(
        h.model
            .status
            .clone()
            .unwrap()
            .text
            .starts_with("Nothing changed")
    );
}

#[test]
fn marking_published_keeps_what_another_window_saved_or_asks() {
    let (mut h, id) = calendar();
    h.press('p');
    h.type_text("https://instagram.com/p/1");
    other_window_retitles(&mut h, id, "Winter menu");
    h.ctrl('s');
    question(&h);
    h.press('o');
    let p = h.store.post(id).unwrap();
    assert_eq!(
        (p.title.as_str(), p.permalink.as_str()),
        ("Winter menu", "https://instagram.com/p/1"),
        "overwriting the link keeps the other window's title: the form shows only the link"
    );
}

#[test]
fn a_strategy_row_saved_meanwhile_is_asked_about() {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("boul");
    key(&mut h, KeyCode::Enter);
    h.press('2');
    h.press('j');
    key(&mut h, KeyCode::Enter);
    h.press('e');
    let (part, id) = match h.model.overlays.last() {
        Some(Overlay::Form(f)) => match f.purpose {
            FormPurpose::Strategy(part, id) => (part, id),
            ref other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    assert_eq!(part, crate::domain::strategy::Part::Pillar);
    h.type_text(" (B)");
    // The other window renames the pillar.
    let client = h.model.current.unwrap();
    let mut p = h
        .store
        .plan(client)
        .unwrap()
        .pillars
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    p.name = "Renamed in A".into();
    h.store.tx().save_pillar(client, &p, h.clock.0).unwrap();
    h.ctrl('s');
    assert!(question(&h).contains("Name"));
    h.press('r');
    assert_eq!(field(&h, "name"), "Renamed in A");
    h.ctrl('s');
    let names: Vec<String> = h
        .store
        .plan(client)
        .unwrap()
        .pillars
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(names.contains(&"Renamed in A".to_string()), "{names:?}");
}

#[test]
fn the_tone_saved_meanwhile_is_asked_about() {
    let mut h = Harness::demo();
    h.press('c');
    h.type_text("boul");
    key(&mut h, KeyCode::Enter);
    h.press('2');
    h.press('v');
    h.type_text(" Always kind.");
    let client = h.model.current.unwrap();
    let v = h.store.plan(client).unwrap().tone_version;
    h.store.tx().save_tone(client, v, "Set in A.").unwrap();
    h.ctrl('s');
    question(&h);
    key(&mut h, KeyCode::Esc);
    assert_eq!(h.store.plan(client).unwrap().tone, "Set in A.");
}

#[test]
fn a_reply_saved_meanwhile_is_asked_about() {
    let mut h = Harness::demo();
    h.press('4');
    let id = h.model.inbox.selected_id().unwrap();
    // No saved replies for this item's client? Then the form opens at once; else the
    // picker's first entry is a blank reply.
    h.press('r');
    if matches!(h.model.overlays.last(), Some(Overlay::Picker(_))) {
        key(&mut h, KeyCode::Enter);
    }
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Form(f)) if matches!(f.purpose, FormPurpose::Reply(_))
    ));
    h.type_text("Thanks from B");
    h.store
        .change_live_item(id, &[Op::SetReply("Thanks from A".into())], h.clock.0)
        .unwrap();
    h.ctrl('s');
    assert!(question(&h).contains("Reply"));
    h.press('r');
    assert_eq!(field(&h, "reply"), "Thanks from A");
    key(&mut h, KeyCode::Esc);
    h.press('y');
    assert_eq!(
        h.store.live_item(id).unwrap().unwrap().reply,
        "Thanks from A"
    );
}

#[test]
fn another_windows_write_leaves_the_strategy_section_open() {
    let mut h = Harness::demo();
    h.press('2');
    h.press('j');
    key(&mut h, KeyCode::Enter);
    h.press('j');
    let (open, pane) = (h.model.strategy.open, h.model.strategy.pane);
    assert!(open.is_some());
    let row = h
        .model
        .strategy
        .cursor_mut(h.model.strategy.focused_part())
        .selected;
    h.act(Action::DataVersion(1));
    h.act(Action::DataVersion(2));
    assert_eq!(
        (h.model.strategy.open, h.model.strategy.pane),
        (open, pane),
        "the section stays open (a form on it too)"
    );
    let again = h
        .model
        .strategy
        .cursor_mut(h.model.strategy.focused_part())
        .selected;
    assert_eq!(again, row, "and on the same row");
}
