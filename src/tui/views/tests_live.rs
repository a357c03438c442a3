//! Screens of live connections (issue 21): the connect forms, the sign-in code form,
//! the switcher's connection states, Today's reconnect line, a sync's progress, the
//! reply form that can send, the publish-now question, a post held on a server. Each in
//! English and French; the states are made through the store and `update`.

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::post::PostStatus;
use crate::domain::{AccountDraft, Platform};
use crate::i18n::{Lang, with_lang};
use crate::store::{ConnState, NewConnection, SendOutcome};
use crate::tui::action::Action;
use crate::tui::live::{Authorizing, Heard};
use crate::tui::model::{Overlay, SwitcherFocus};
use crate::tui::testing::Harness;

/// The screen of `build` in English, then in French (the state made again in French,
/// so the words kept in the model are French too).
fn both(name: &str, build: fn() -> Harness, (w, h): (u16, u16)) -> (String, String) {
    let en = build().screen(w, h);
    insta::assert_snapshot!(name, en);
    let fr = with_lang(Lang::Fr, || {
        let fr = build().screen(w, h);
        insta::assert_snapshot!(format!("fr_{name}"), fr);
        fr
    });
    (en, fr)
}

fn reload(h: &mut Harness) {
    let data = crate::tui::effect::load(&h.store).unwrap();
    h.act(Action::Loaded(data));
    h.model.status = None;
}

/// Connects `account` of `client` (a row only: no network is asked).
fn connect_row(h: &mut Harness, client: i64, account: i64, platform: Platform) -> i64 {
    let handle = h
        .model
        .data
        .accounts
        .iter()
        .find(|a| a.id == account)
        .unwrap()
        .handle
        .clone();
    h.store
        .save_connection(
            &NewConnection {
                client_id: client,
                account_id: account,
                platform,
                server: "https://example.test".into(),
                handle,
                profile: "{}".into(),
            },
            h.model.now,
        )
        .unwrap()
}

/// The demo account of `platform`: (client, account).
fn demo_account(h: &Harness, platform: Platform) -> (i64, i64) {
    let a = h
        .model
        .data
        .accounts
        .iter()
        .find(|a| a.platform == platform)
        .unwrap();
    (a.client_id, a.id)
}

/// The switcher on the client of `account`, in its accounts pane, on that account.
fn switcher_on(h: &mut Harness, client: i64, account: i64) {
    h.model.current = Some(client);
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    let i = h.model.accounts_of(client).position(|a| a.id == account);
    if let Some(Overlay::Switcher(s)) = h.model.overlays.last_mut() {
        assert_eq!(s.focus, SwitcherFocus::Accounts);
        s.accounts.select(i.unwrap());
    }
}

fn mastodon_connect_form() -> Harness {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Mastodon);
    switcher_on(&mut h, client, account);
    h.press('C');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Form(_))));
    h
}

#[test]
fn the_mastodon_connect_form_asks_a_server_and_a_token() {
    let (en, fr) = both("mastodon_connect_form", mastodon_connect_form, (100, 30));
    assert!(en.contains("https://mastodon.social"), "{en}");
    assert!(fr.contains("Jeton"), "{fr}");
    // At 80x24 the fields and the hint are all there.
    let small = mastodon_connect_form().screen(80, 24);
    insta::assert_snapshot!("mastodon_connect_form_80x24", small);
    assert!(
        small.contains("Server") && small.contains("Token"),
        "{small}"
    );
}

fn code_form() -> Harness {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Mastodon);
    switcher_on(&mut h, client, account);
    h.act(Action::Live(Heard::Authorizing(Box::new(Authorizing {
        account,
        server: "https://mastodon.social".into(),
        url: "https://mastodon.social/oauth/authorize?client_id=abc&response_type=code".into(),
        app: crate::net::mastodon::App {
            client_id: "abc".into(),
            client_secret: crate::net::Secret::new("shh-app-secret"),
        },
        pkce: crate::net::oauth::Pkce {
            verifier: crate::net::Secret::new("shh-verifier"),
            challenge: "challenge".into(),
        },
    }))));
    h.type_text("code-1234");
    h
}

#[test]
fn the_sign_in_code_form_names_the_address_to_approve_at() {
    let (en, fr) = both("sign_in_code_form", code_form, (100, 30));
    for s in [&en, &fr] {
        assert!(s.contains("oauth/authorize"), "{s}");
        assert!(!s.contains("shh-"), "no secret on screen:\n{s}");
    }
}

fn bluesky_connect_form() -> Harness {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Bluesky);
    switcher_on(&mut h, client, account);
    h.press('C');
    // To the password field, and a password typed.
    while !matches!(h.model.overlays.last(),
        Some(Overlay::Form(f)) if f.form.fields[f.form.focus].key == "password")
    {
        h.key(KeyCode::Tab, KeyModifiers::NONE);
    }
    h.type_text("abcd-efgh-ijkl-mnop");
    h
}

#[test]
fn the_bluesky_connect_form_masks_the_app_password() {
    let (en, fr) = both("bluesky_connect_form", bluesky_connect_form, (100, 30));
    for s in [&en, &fr] {
        assert!(!s.contains("abcd"), "the password is never shown:\n{s}");
        assert!(s.contains("•••"), "shown as dots:\n{s}");
    }
    let small = bluesky_connect_form().screen(80, 24);
    insta::assert_snapshot!("bluesky_connect_form_80x24", small);
    assert!(!small.contains("abcd"), "{small}");
}

/// Maple & Pine with four accounts that can connect: one connected and synced, one
/// expired, one in error, one not connected.
fn switcher_states() -> Harness {
    let mut h = Harness::demo();
    let (client, bsky) = demo_account(&h, Platform::Bluesky);
    let now = h.model.now;
    let add = |h: &mut Harness, platform, handle: &str| {
        h.store
            .insert_account(
                client,
                &AccountDraft {
                    platform,
                    handle: handle.into(),
                },
                now,
            )
            .unwrap()
    };
    let masto = add(&mut h, Platform::Mastodon, "@mapleandpine@mastodon.art");
    let second = add(&mut h, Platform::Bluesky, "@studio.mapleandpine.com");
    add(&mut h, Platform::Mastodon, "@maple@hachyderm.io");
    reload(&mut h);
    let ok = connect_row(&mut h, client, bsky, Platform::Bluesky);
    h.store
        .transaction(|tx| tx.finish_sync(ok, None, now - Duration::minutes(20)))
        .unwrap();
    let expired = connect_row(&mut h, client, masto, Platform::Mastodon);
    h.store
        .set_connection_state(expired, ConnState::Expired, Some("unauthorized"), None)
        .unwrap();
    let error = connect_row(&mut h, client, second, Platform::Bluesky);
    h.store
        .set_connection_state(error, ConnState::Error, Some("network"), None)
        .unwrap();
    reload(&mut h);
    switcher_on(&mut h, client, bsky);
    h
}

#[test]
fn the_switcher_shows_each_connection_state() {
    let (en, fr) = both("switcher_connection_states", switcher_states, (110, 30));
    for want in [
        "connected · synced",
        "expired: reconnect",
        "error",
        "not connected",
    ] {
        assert!(en.contains(want), "{want}:\n{en}");
    }
    assert!(fr.contains("synchro"), "{fr}");
    let small = switcher_states().screen(80, 24);
    insta::assert_snapshot!("switcher_connection_states_80x24", small);
    for want in ["expired", "not connected"] {
        assert!(small.contains(want), "{want} at 80x24:\n{small}");
    }
}

fn today_reconnect() -> Harness {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Mastodon);
    let conn = connect_row(&mut h, client, account, Platform::Mastodon);
    h.store
        .set_connection_state(conn, ConnState::Expired, Some("unauthorized"), None)
        .unwrap();
    reload(&mut h);
    h.model.today.loaded_at = None;
    h.act(Action::Tick(h.model.now));
    h.model.status = None;
    h
}

#[test]
fn today_asks_to_reconnect_an_expired_account() {
    let (en, fr) = both("today_reconnect", today_reconnect, (100, 30));
    assert!(
        en.contains("reconnect @velorouge@mastodon.social (Mastodon)"),
        "{en}"
    );
    assert!(fr.contains("@velorouge@mastodon.social"), "{fr}");
}

fn syncing() -> Harness {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Mastodon);
    connect_row(&mut h, client, account, Platform::Mastodon);
    reload(&mut h);
    h.ctrl('r');
    h.act(Action::Live(Heard::SyncAccount {
        index: 2,
        total: 5,
        account: "@velorouge@mastodon.social".into(),
    }));
    h
}

#[test]
fn the_status_line_follows_a_sync() {
    let (en, _) = both("status_syncing", syncing, (100, 30));
    assert!(
        en.contains("Syncing @velorouge@mastodon.social (2 of 5)…"),
        "{en}"
    );
}

fn reply_can_send() -> Harness {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Mastodon);
    connect_row(&mut h, client, account, Platform::Mastodon);
    reload(&mut h);
    h.press('4');
    // A Mastodon item: one that came from the connected account.
    for _ in 0..50 {
        let id = h.model.inbox.selected_id().unwrap();
        if h.model
            .inbox
            .rows
            .get(&id)
            .is_some_and(|it| it.platform == Platform::Mastodon)
        {
            break;
        }
        h.press('j');
    }
    let id = h.model.inbox.selected_id().unwrap();
    assert_eq!(h.model.inbox.rows[&id].platform, Platform::Mastodon);
    h.press('r');
    if matches!(h.model.overlays.last(), Some(Overlay::Picker(_))) {
        h.key(KeyCode::Enter, KeyModifiers::NONE);
    }
    h.act(Action::CanSend {
        item: id,
        yes: true,
    });
    h.type_text("Thanks, see you Saturday!");
    h
}

#[test]
fn the_reply_form_of_a_connected_item_offers_to_send() {
    let (en, fr) = both("reply_can_send", reply_can_send, (100, 30));
    assert!(en.contains("Ctrl-t saves and sends on Mastodon"), "{en}");
    assert!(fr.contains("Ctrl-t"), "{fr}");
}

/// A post of the Mastodon account, ready, asked to go out now.
fn publish_now() -> Harness {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Mastodon);
    connect_row(&mut h, client, account, Platform::Mastodon);
    reload(&mut h);
    let mut post = h
        .store
        .posts_matching(&crate::store::PostFilter::default())
        .unwrap()
        .into_iter()
        .find(|p| p.accounts.contains(&account) && p.status != PostStatus::Published)
        .unwrap();
    post.status = PostStatus::Ready;
    h.store
        .transaction(|tx| tx.save_post(&post, h.clock.0))
        .unwrap();
    h.model.current = Some(client);
    to_post_in_agenda(&mut h, post.id);
    h.press('P');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Confirm(_))));
    h
}

/// The agenda of the current client, its cursor on post `id`.
fn to_post_in_agenda(h: &mut Harness, id: i64) {
    crate::tui::update::calendar_stale(&mut h.model);
    h.press('3');
    h.press('L');
    for _ in 0..200 {
        if crate::tui::calendar::selected_post(&h.model).is_some_and(|p| p.id == id) {
            break;
        }
        h.press('j');
    }
    assert_eq!(
        crate::tui::calendar::selected_post(&h.model).map(|p| p.id),
        Some(id)
    );
    h.model.status = None;
}

#[test]
fn publish_now_asks_first() {
    let (en, fr) = both("publish_now_confirm", publish_now, (100, 30));
    assert!(en.contains("@velorouge@mastodon.social"), "{en}");
    assert!(fr.contains("@velorouge@mastodon.social"), "{fr}");
}

/// A post of the Mastodon account held on the server, in the agenda.
fn held_post() -> (Harness, i64) {
    let mut h = Harness::demo();
    let (client, account) = demo_account(&h, Platform::Mastodon);
    connect_row(&mut h, client, account, Platform::Mastodon);
    let post = h
        .store
        .posts_matching(&crate::store::PostFilter::default())
        .unwrap()
        .into_iter()
        .filter(|p| p.accounts.contains(&account) && p.at.is_some_and(|t| t > h.model.now))
        .min_by_key(|p| p.at)
        .unwrap();
    // Held posts are scheduled ones.
    let mut post = post;
    post.status = PostStatus::Scheduled;
    h.store
        .transaction(|tx| tx.save_post(&post, h.clock.0))
        .unwrap();
    h.store
        .record_send(
            post.id,
            account,
            "key-1",
            &SendOutcome::Held {
                id: "s1".into(),
                at: post.at.unwrap(),
            },
            h.model.now,
        )
        .unwrap();
    reload(&mut h);
    h.model.current = Some(client);
    (h, post.id)
}

fn held_agenda() -> Harness {
    let (mut h, id) = held_post();
    to_post_in_agenda(&mut h, id);
    h
}

fn held_detail() -> Harness {
    let mut h = held_agenda();
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    h.model.status = None;
    h
}

#[test]
fn a_post_held_on_a_server_says_so() {
    let (en, fr) = both("held_agenda", held_agenda, (110, 30));
    assert!(en.contains("on server"), "{en}");
    assert!(fr.contains("sur le serveur"), "{fr}");
    let (en, fr) = both("held_detail", held_detail, (110, 30));
    assert!(en.contains("held on the server"), "{en}");
    assert!(fr.contains("retenu par le serveur"), "{fr}");
}
