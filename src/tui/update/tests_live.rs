//! Live work in the app: the sync key, the sync every few minutes, the worker's answers,
//! connecting, sending a reply, publishing now, reconnect lines on Today.

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::Platform;
use crate::store::{ConnState, NewConnection};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::live::{AccountLine, Heard, Job, SignIn};
use crate::tui::model::{FormPurpose, Overlay, StatusKind, SwitcherFocus};
use crate::tui::testing::Harness;
use crate::tui::widgets::confirm::ConfirmKind;

/// Connects the demo account of `platform` (a row only: no network is asked).
fn connect(h: &mut Harness, platform: Platform) -> (i64, i64) {
    let acc = h
        .model
        .data
        .accounts
        .iter()
        .find(|a| a.platform == platform)
        .cloned()
        .expect("a demo account");
    let id = h
        .store
        .save_connection(
            &NewConnection {
                client_id: acc.client_id,
                account_id: acc.id,
                platform,
                server: "https://example.test".into(),
                handle: acc.handle.clone(),
                profile: "{}".into(),
            },
            h.model.now,
        )
        .unwrap();
    reload(h);
    (acc.id, id)
}

fn reload(h: &mut Harness) {
    let data = crate::tui::effect::load(&h.store).unwrap();
    h.act(Action::Loaded(data));
}

fn live_jobs(effects: &[Effect]) -> Vec<Job> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Live(j) => Some(j.clone()),
            _ => None,
        })
        .collect()
}

fn status(h: &Harness) -> String {
    h.model
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_sync_key_says_when_nothing_is_connected() {
    let mut h = Harness::demo();
    let effects = h.ctrl('r');
    assert!(live_jobs(&effects).is_empty());
    assert!(!h.model.live.syncing);
    assert!(
        status(&h).contains("No connected account"),
        "{}",
        status(&h)
    );
}

#[test]
fn the_sync_key_starts_one_sync_and_not_a_second() {
    let mut h = Harness::demo();
    connect(&mut h, Platform::Mastodon);
    let effects = h.ctrl('r');
    assert_eq!(live_jobs(&effects), vec![Job::Sync { client: None }]);
    assert!(h.model.live.syncing);
    // Keys answer during the sync; the same key does not start another.
    h.press('4');
    let again = h.ctrl('r');
    assert!(live_jobs(&again).is_empty());
    assert!(status(&h).contains("already running"), "{}", status(&h));
}

#[test]
fn progress_then_a_summary_in_the_status_line() {
    let mut h = Harness::demo();
    connect(&mut h, Platform::Mastodon);
    h.ctrl('r');
    h.act(Action::Live(Heard::SyncAccount {
        index: 2,
        total: 5,
        account: "@a@x.test".into(),
    }));
    assert_eq!(status(&h), "Syncing @a@x.test (2 of 5)…");
    let effects = h.act(Action::Live(Heard::SyncDone(vec![
        AccountLine {
            account: "@a@x.test".into(),
            new: 3,
            error: None,
        },
        AccountLine {
            account: "@b.test".into(),
            new: 0,
            error: Some("@b.test: sign in again".into()),
        },
    ])));
    assert!(!h.model.live.syncing);
    assert!(effects.contains(&Effect::CheckDataVersion), "reads again");
    let st = h.model.status.clone().unwrap();
    assert_eq!(st.kind, StatusKind::Error);
    assert_eq!(
        st.text,
        "Synced: @a@x.test 3 new items · @b.test: sign in again"
    );
    // A sync may start again.
    assert_eq!(live_jobs(&h.ctrl('r')).len(), 1);
}

#[test]
fn new_items_stored_by_the_worker_appear_without_a_key() {
    let mut h = Harness::demo();
    connect(&mut h, Platform::Mastodon);
    h.press('4');
    let before = h.model.inbox.ids.len();
    h.ctrl('r');
    // The worker stores an item on its own connection (here: the same file).
    let client = h.model.data.accounts[0].client_id;
    h.store
        .transaction(|tx| {
            tx.insert_item(
                client,
                &crate::domain::inbox::ItemDraft {
                    platform: Platform::Mastodon,
                    kind: crate::domain::inbox::Kind::Comment,
                    author: "@someone".into(),
                    author_name: String::new(),
                    text: "Hello from the server".into(),
                    received_at: crate::tui::testing::now(),
                    permalink: String::new(),
                    external_id: Some("live-1".into()),
                },
                crate::tui::testing::now(),
            )
        })
        .unwrap();
    h.act(Action::Live(Heard::SyncDone(vec![AccountLine {
        account: "@velorouge@mastodon.social".into(),
        new: 1,
        error: None,
    }])));
    assert_eq!(h.model.inbox.ids.len(), before + 1);
}

#[test]
fn the_sync_every_few_minutes_starts_when_due_and_not_when_off() {
    let mut h = Harness::demo();
    connect(&mut h, Platform::Bluesky);
    h.model.live.minutes = 15;
    h.model.live.next_sync = Some(h.model.now);
    let effects = h.act(Action::SyncDue);
    assert_eq!(live_jobs(&effects), vec![Job::Sync { client: None }]);
    assert_eq!(
        h.model.live.next_sync,
        Some(h.model.now + Duration::minutes(15))
    );
    h.act(Action::Live(Heard::SyncDone(vec![])));
    let now = h.model.now;
    assert!(live_jobs(&h.act(Action::Tick(now + Duration::minutes(5)))).is_empty());
    assert_eq!(
        live_jobs(&h.act(Action::Tick(now + Duration::minutes(16)))).len(),
        1
    );
    h.act(Action::Live(Heard::SyncDone(vec![])));
    h.model.live.minutes = 0;
    assert!(live_jobs(&h.act(Action::Tick(now + Duration::hours(2)))).is_empty());
}

#[test]
fn the_sync_interval_is_set_from_the_switcher() {
    let mut h = Harness::demo();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.press('i');
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Form(f)) if f.purpose == FormPurpose::SyncInterval
    ));
    for _ in 0..3 {
        h.key(KeyCode::Backspace, KeyModifiers::NONE);
    }
    h.type_text("30");
    h.ctrl('s');
    assert_eq!(h.model.live.minutes, 30);
    assert_eq!(
        h.store
            .setting(crate::tui::live::SYNC_MINUTES)
            .unwrap()
            .as_deref(),
        Some("30")
    );
}

/// Opens the switcher on the client of the demo account of `platform`, in its accounts
/// pane, with the cursor on it.
fn switcher_on(h: &mut Harness, platform: Platform) {
    let acc = h
        .model
        .data
        .accounts
        .iter()
        .find(|a| a.platform == platform)
        .cloned()
        .unwrap();
    h.model.current = Some(acc.client_id);
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    let i = h
        .model
        .accounts_of(acc.client_id)
        .position(|a| a.id == acc.id)
        .unwrap();
    if let Some(Overlay::Switcher(s)) = h.model.overlays.last_mut() {
        assert_eq!(s.focus, SwitcherFocus::Accounts);
        s.accounts.select(i);
    }
}

#[test]
fn a_bluesky_connect_form_asks_an_app_password_and_runs_on_the_worker() {
    let mut h = Harness::demo();
    switcher_on(&mut h, Platform::Bluesky);
    h.press('C');
    let Some(Overlay::Form(f)) = h.model.overlays.last() else {
        panic!("a form");
    };
    assert!(
        f.form
            .fields
            .last()
            .unwrap()
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("app password")
    );
    // Empty: refused, the form stays.
    let effects = h.ctrl('s');
    assert!(live_jobs(&effects).is_empty());
    assert!(
        matches!(h.model.overlays.last(), Some(Overlay::Form(f)) if f.form.fields[f.form.focus].key == "password"),
        "the focus went to the field to fill"
    );
    h.type_text("abcd-efgh-ijkl-mnop");
    let screen = h.screen(100, 30);
    assert!(
        !screen.contains("abcd-efgh"),
        "the password is never shown:\n{screen}"
    );
    let effects = h.ctrl('s');
    let jobs = live_jobs(&effects);
    assert_eq!(jobs.len(), 1);
    let Job::Connect(c) = &jobs[0] else {
        panic!("a connect job");
    };
    let SignIn::Bluesky { password, .. } = &c.how else {
        panic!("bluesky");
    };
    assert_eq!(password.expose(), "abcd-efgh-ijkl-mnop");
    assert!(
        !format!("{jobs:?}").contains("abcd"),
        "never in a debug print"
    );
    assert!(h.model.live.connecting);
    assert!(
        !matches!(h.model.overlays.last(), Some(Overlay::Form(_))),
        "the form (and its secret) went"
    );
    h.act(Action::Live(Heard::ConnectFailed("@x: refused".into())));
    assert!(!h.model.live.connecting);
    assert_eq!(status(&h), "@x: refused");
}

#[test]
fn a_mastodon_connect_without_a_token_goes_through_the_browser() {
    let mut h = Harness::demo();
    switcher_on(&mut h, Platform::Mastodon);
    h.press('C');
    let effects = h.ctrl('s');
    assert_eq!(
        live_jobs(&effects),
        vec![Job::Authorize {
            account: h
                .model
                .data
                .accounts
                .iter()
                .find(|a| a.platform == Platform::Mastodon)
                .unwrap()
                .id,
            server: "https://mastodon.social".into(),
        }]
    );
}

#[test]
fn disconnect_asks_first() {
    let mut h = Harness::demo();
    let (_, conn) = connect(&mut h, Platform::Bluesky);
    switcher_on(&mut h, Platform::Bluesky);
    assert!(h.screen(110, 30).contains("connected"));
    h.press('X');
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Confirm(c)) if c.kind == ConfirmKind::Disconnect
    ));
    let effects = h.press('y');
    assert_eq!(
        live_jobs(&effects),
        vec![Job::Disconnect { connection: conn }]
    );
}

/// `r`, then the blank reply when the client has saved replies to pick from.
fn open_reply(h: &mut Harness) {
    h.press('r');
    if matches!(h.model.overlays.last(), Some(Overlay::Picker(_))) {
        h.key(KeyCode::Enter, KeyModifiers::NONE);
    }
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Form(_))));
}

#[test]
fn a_reply_to_a_connected_item_can_be_sent_and_a_failure_leaves_it_saved() {
    let mut h = Harness::demo();
    connect(&mut h, Platform::Mastodon);
    h.press('4');
    let id = h.model.inbox.selected_id().unwrap();
    open_reply(&mut h);
    // The form asked whether the item can be answered live; here it can.
    h.act(Action::CanSend {
        item: id,
        yes: true,
    });
    let Some(Overlay::Form(f)) = h.model.overlays.last() else {
        panic!("the reply form");
    };
    assert!(
        f.form
            .fields
            .last()
            .unwrap()
            .hint
            .as_deref()
            .unwrap()
            .contains("Ctrl-t")
    );
    h.type_text("Thanks!");
    let effects = h.ctrl('t');
    let jobs = live_jobs(&effects);
    assert!(
        matches!(&jobs[..], [Job::SendReply { item, text }] if item.id == id && text.ends_with("Thanks!")),
        "{jobs:?}"
    );
    h.act(Action::Live(Heard::ReplyFailed {
        item: id,
        error: "@v: network".into(),
    }));
    let it = h.store.items(&[id]).unwrap().remove(0);
    assert!(it.reply.ends_with("Thanks!"), "the reply stays saved");
    assert_ne!(it.status, crate::domain::inbox::Status::Replied);
    assert!(status(&h).contains("not sent"));
}

#[test]
fn a_reply_to_an_item_from_a_file_is_not_sent() {
    let mut h = Harness::demo();
    h.press('4');
    open_reply(&mut h);
    let effects = h.ctrl('t');
    assert!(live_jobs(&effects).is_empty());
    assert!(status(&h).contains("did not come from a connected account"));
}

#[test]
fn reconnect_lines_come_first_on_today_and_open_the_account() {
    let mut h = Harness::demo();
    let (account, conn) = connect(&mut h, Platform::Mastodon);
    h.store
        .set_connection_state(conn, ConnState::Expired, Some("unauthorized"), None)
        .unwrap();
    reload(&mut h);
    h.model.today.loaded_at = None;
    h.act(Action::Tick(h.model.now));
    let td = h.model.today.summary.clone().unwrap();
    assert_eq!(td.reconnect.len(), 1);
    assert!(matches!(
        crate::tui::today::selectable(&td)[0],
        crate::tui::today::Line::Reconnect(0)
    ));
    h.model.today.cursor.select(0);
    assert!(h.screen(100, 30).contains("reconnect"));
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    let sw = h.model.switcher().expect("the switcher");
    assert_eq!(sw.focus, SwitcherFocus::Accounts);
    let client = h.model.current.unwrap();
    let under = h
        .model
        .accounts_of(client)
        .nth(sw.accounts.selected)
        .unwrap();
    assert_eq!(under.id, account);
}

#[test]
fn publish_now_asks_first_naming_the_connected_accounts() {
    use crate::domain::post::PostStatus;
    let mut h = Harness::demo();
    let (account, _) = connect(&mut h, Platform::Mastodon);
    let mut post = h
        .store
        .posts_matching(&crate::store::PostFilter::default())
        .unwrap()
        .into_iter()
        .find(|p| p.accounts.contains(&account) && p.status != PostStatus::Published)
        .expect("a demo post on the account");
    post.status = PostStatus::Ready;
    super::live::ask_publish(&mut h.model, &post);
    let Some(Overlay::Confirm(c)) = h.model.overlays.last() else {
        panic!("a question");
    };
    assert_eq!(c.kind, ConfirmKind::PublishNow);
    assert!(
        c.question.contains("@velorouge@mastodon.social"),
        "{}",
        c.question
    );
    let effects = h.press('y');
    assert_eq!(live_jobs(&effects), vec![Job::PublishNow { post: post.id }]);
    // A post already out is not sent again.
    post.status = PostStatus::Published;
    super::live::ask_publish(&mut h.model, &post);
    assert!(!matches!(
        h.model.overlays.last(),
        Some(Overlay::Confirm(_))
    ));
    // Held on the server only when scheduled more than 5 minutes ahead.
    post.status = PostStatus::Scheduled;
    post.at = Some(h.model.now + Duration::minutes(3));
    assert!(live_jobs(&super::live::hold(&mut h.model, &post)).is_empty());
    post.at = Some(h.model.now + Duration::hours(3));
    assert_eq!(
        live_jobs(&super::live::hold(&mut h.model, &post)),
        vec![Job::Hold { post: post.id }]
    );
}

#[test]
fn publishing_is_not_offered_in_the_post_form() {
    let mut h = Harness::demo();
    h.press('3');
    h.press('n');
    let Some(Overlay::Form(f)) = h.model.overlays.last() else {
        panic!("the post form");
    };
    let status = f.form.field("status").expect("a status field");
    let crate::tui::widgets::form::FieldKind::Choice { options, .. } = &status.kind else {
        panic!("a choice");
    };
    assert!(options.iter().all(|o| o.value != "publishing"));
    assert!(options.iter().any(|o| o.value == "scheduled"));
}

/// What the worker stored is read once: the data version its write moved is not taken
/// for another window's write on the next check.
#[test]
fn a_sync_that_stored_reads_the_screens_once() {
    let mut m = Harness::demo().model;
    m.data_version = Some(3);
    let effects = crate::tui::update::update(
        &mut m,
        Action::Live(Heard::SyncDone(vec![AccountLine {
            account: "@a@example.test".into(),
            new: 2,
            error: None,
        }])),
    );
    let reloads = |e: &[Effect]| e.iter().filter(|e| **e == Effect::Reload).count();
    assert_eq!(reloads(&effects), 1);
    assert!(effects.contains(&Effect::CheckDataVersion));
    // The worker's write moved the version: taken as it is, nothing read again.
    assert_eq!(
        reloads(&crate::tui::update::update(&mut m, Action::DataVersion(4))),
        0
    );
    assert_eq!(m.data_version, Some(4));
    // Another window's write afterwards is still read.
    assert_eq!(
        reloads(&crate::tui::update::update(&mut m, Action::DataVersion(5))),
        1
    );
}
