//! The app's live work end to end, without a terminal: the model driven through `update`
//! with the real worker thread (not a mock) against a local server on 127.0.0.1 that
//! replays recorded payloads. Ctrl-r brings new items into the Inbox and says so in the
//! status line; Ctrl-t sends a reply exactly; a 401 turns into a reconnect line on Today.

mod netkit;

use std::path::Path;
use std::time::{Duration, Instant};

use mockito::Matcher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use twohats::domain::client::AccountDraft;
use twohats::domain::inbox::Status;
use twohats::domain::{ClientDraft, FixedClock, Platform};
use twohats::net::SecretsStore;
use twohats::store::Store;
use twohats::sync::SyncEnv;
use twohats::tui::action::Action;
use twohats::tui::effect::{self, Effect};
use twohats::tui::live::{ConnectJob, Heard, Job, SignIn};
use twohats::tui::model::{Model, Overlay};
use twohats::tui::theme::Theme;
use twohats::tui::update::{idle, update};
use twohats::tui::worker::Worker;
use twohats::tui::{app, keymap, views};

use netkit::{Log, fixture, now};

const TOKEN: &str = "ACCESS-TOKEN-scrubbed";
const HANDLE: &str = "@studio@127.0.0.1";
const QUERY: &str = "types%5B%5D=mention&types%5B%5D=quote&limit=80";

/// The app as the event loop runs it: a store on a file, the model, the worker thread.
struct App {
    _dir: tempfile::TempDir,
    store: Store,
    model: Model,
    clock: FixedClock,
    worker: Worker,
    /// How many times the inbox list was read from the store.
    inbox_loads: usize,
}

impl App {
    /// A database with the client "Bakery" and its Mastodon account, connected through
    /// the worker with a token against `server` (as the switcher's connect form does).
    fn connected(server: &mut mockito::Server) -> App {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let store = Store::open(&db).unwrap();
        let client = store
            .insert_client(&ClientDraft::new("Bakery"), now())
            .unwrap();
        let account = store
            .insert_account(
                client,
                &AccountDraft {
                    platform: Platform::Mastodon,
                    handle: HANDLE.into(),
                },
                now(),
            )
            .unwrap();
        let env = SyncEnv {
            net: netkit::env(),
            secrets: SecretsStore::files_in(dir.path().join("secrets")),
        };
        let clock = FixedClock(now());
        let model = app::initial_model(&store, &clock, (100, 30), Theme { color: false }).unwrap();
        let mut app = App {
            worker: Worker::with_env(Some(db), env),
            _dir: dir,
            store,
            model,
            clock,
            inbox_loads: 0,
        };
        let me = verify(server);
        app.worker.start(Job::Connect(Box::new(ConnectJob {
            client,
            account,
            how: SignIn::MastodonToken {
                server: server.url(),
                token: TOKEN.into(),
            },
        })));
        let heard = app.wait(|h| matches!(h, Heard::Connected { .. } | Heard::ConnectFailed(_)));
        assert!(matches!(heard, Heard::Connected { .. }), "{heard:?}");
        me.assert();
        assert_eq!(app.model.data.connections.len(), 1);
        app
    }

    /// Runs an action and every effect it causes; network jobs go to the worker.
    fn act(&mut self, action: Action) {
        let mut queue = vec![action];
        while let Some(a) = queue.pop() {
            for eff in update(&mut self.model, a) {
                match eff {
                    Effect::Live(job) => self.worker.start(job),
                    other => {
                        if matches!(other, Effect::LoadInbox { .. }) {
                            self.inbox_loads += 1;
                        }
                        let mut answers = effect::execute(&mut self.store, &self.clock, other);
                        answers.reverse();
                        queue.extend(answers);
                    }
                }
            }
        }
    }

    fn key(&mut self, code: KeyCode, mods: KeyModifiers) {
        if let Some(a) = keymap::resolve(&self.model, KeyEvent::new(code, mods)) {
            self.act(a);
        }
        for eff in idle(&mut self.model) {
            for answer in effect::execute(&mut self.store, &self.clock, eff) {
                self.act(answer);
            }
        }
    }

    fn press(&mut self, c: char) {
        self.key(KeyCode::Char(c), KeyModifiers::NONE);
    }

    fn ctrl(&mut self, c: char) {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    /// Polls the worker's channel as the event loop does, handing every answer to
    /// `update`, until one is `last` (a bounded wait: a hung job fails the test).
    fn wait(&mut self, last: impl Fn(&Heard) -> bool) -> Heard {
        let give_up = Instant::now() + Duration::from_secs(60);
        loop {
            while let Some(a) = self.worker.try_recv() {
                let end = match &a {
                    Action::Live(h) if last(h) => Some(h.clone()),
                    _ => None,
                };
                self.act(a);
                if let Some(h) = end {
                    return h;
                }
            }
            assert!(Instant::now() < give_up, "the worker never answered");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn status(&self) -> String {
        self.model
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    fn screen(&self) -> String {
        let (w, h) = self.model.size;
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| views::render(&self.model, f)).unwrap();
        term.backend().to_string()
    }

    /// The texts of the items the Inbox shows.
    fn inbox_texts(&self) -> Vec<String> {
        self.model
            .inbox
            .ids
            .iter()
            .map(|id| self.model.inbox.rows[id].text.clone())
            .collect()
    }

    fn db(&self) -> &Path {
        self.store.path().unwrap()
    }
}

fn verify(server: &mut mockito::Server) -> mockito::Mock {
    server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_body(fixture("mastodon/verify_credentials.json"))
        .create()
}

fn notifications(server: &mut mockito::Server, query: &str) -> mockito::Mock {
    server
        .mock("GET", "/api/v1/notifications")
        .match_query(Matcher::Exact(query.to_string()))
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
}

/// The server's two pages of notifications (and what a sync asks besides).
fn two_pages(server: &mut mockito::Server) -> Vec<mockito::Mock> {
    let url = server.url();
    vec![
        verify(server),
        server
            .mock("GET", "/api/v2/notifications/policy")
            .with_body(fixture("mastodon/notification_policy.json"))
            .create(),
        notifications(server, QUERY)
            .with_header(
                "link",
                &format!("<{url}/api/v1/notifications?max_id=101&{QUERY}>; rel=\"next\""),
            )
            .with_body(fixture("mastodon/notifications_page1.json"))
            .expect(1)
            .create(),
        notifications(server, &format!("{QUERY}&max_id=101"))
            .with_body(fixture("mastodon/notifications_page2.json"))
            .expect(1)
            .create(),
    ]
}

#[test]
fn ctrl_r_syncs_on_the_worker_and_the_new_items_appear_in_the_inbox() {
    let mut server = mockito::Server::new();
    let mut app = App::connected(&mut server);
    let pages = two_pages(&mut server);
    app.press('4');
    assert!(app.model.inbox.ids.is_empty(), "{:?}", app.inbox_texts());
    app.ctrl('r');
    assert!(app.model.live.syncing);
    // Keys answer while the worker runs.
    app.press('j');
    app.inbox_loads = 0;
    let heard = app.wait(|h| matches!(h, Heard::SyncDone(_) | Heard::SyncFailed(_)));
    assert!(matches!(heard, Heard::SyncDone(_)), "{heard:?}");
    for m in &pages[2..] {
        m.assert();
    }
    assert!(!app.model.live.syncing);
    // What the worker stored is read once (a large inbox takes a while to list).
    assert_eq!(app.inbox_loads, 1);
    assert_eq!(app.status(), format!("Synced: {HANDLE} 4 new items"));
    let texts = app.inbox_texts();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Vous ouvrez à quelle heure")),
        "{texts:?}"
    );
    let screen = app.screen();
    assert!(screen.contains("Pending 4"), "{screen}");
    assert!(screen.contains("Vous ouvrez à quelle heure"), "{screen}");
    // The sync time is kept with the connection.
    let conn = &Store::open(app.db()).unwrap().connections(None).unwrap()[0];
    assert_eq!(conn.last_sync_at, Some(now()));
}

#[test]
fn ctrl_t_sends_the_reply_on_the_worker_exactly_and_marks_the_item_replied() {
    let mut server = mockito::Server::new();
    let mut app = App::connected(&mut server);
    let _pages = two_pages(&mut server);
    app.press('4');
    app.ctrl('r');
    app.wait(|h| matches!(h, Heard::SyncDone(_) | Heard::SyncFailed(_)));
    // Down to Léa's mention, then the reply form.
    let at = app
        .model
        .inbox
        .ids
        .iter()
        .position(|id| {
            app.model.inbox.rows[id].external_id.as_deref() == Some("117020610000000104")
        })
        .expect("Léa's mention");
    for _ in 0..at {
        app.press('j');
    }
    let id = app.model.inbox.selected_id().unwrap();
    app.press('r');
    if matches!(app.model.overlays.last(), Some(Overlay::Picker(_))) {
        app.key(KeyCode::Enter, KeyModifiers::NONE);
    }
    assert!(matches!(app.model.overlays.last(), Some(Overlay::Form(_))));
    assert!(
        app.model.live.can_send.contains(&id),
        "the form knows it can send"
    );

    let log = Log::default();
    let reply = server
        .mock("POST", "/api/v1/statuses")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .match_header("idempotency-key", Matcher::Regex("^[0-9a-f]{32}$".into()))
        .match_body(Matcher::Json(serde_json::json!({
            "status": "@lea@social.example Merci, à samedi !",
            "in_reply_to_id": "117020610000000104",
            "visibility": "public",
        })))
        .with_body_from_request(log.answer(fixture("mastodon/status_reply.json")))
        .expect(1)
        .create();
    for c in "Merci, à samedi !".chars() {
        app.press(c);
    }
    app.ctrl('t');
    assert!(app.model.live.sending.contains(&id));
    let heard = app.wait(|h| matches!(h, Heard::ReplySent { .. } | Heard::ReplyFailed { .. }));
    assert!(matches!(heard, Heard::ReplySent { .. }), "{heard:?}");
    reply.assert();
    assert_eq!(log.seen().len(), 1);
    assert!(app.model.live.sending.is_empty());
    assert_eq!(
        app.status(),
        "Reply sent on Mastodon (https://mastodon.example/@ana/117020583258292382) and marked replied."
    );
    let item = app.store.items(&[id]).unwrap().remove(0);
    assert_eq!(item.status, Status::Replied);
    // The model read the worker's write again: the answered item left the pending list.
    assert!(!app.model.inbox.ids.contains(&id));
    assert_eq!(app.model.inbox.ids.len(), 3);
}

#[test]
fn a_401_during_ctrl_r_turns_into_a_reconnect_line_on_today() {
    let mut server = mockito::Server::new();
    let mut app = App::connected(&mut server);
    let refused = notifications(&mut server, QUERY)
        .with_status(401)
        .with_body(fixture("mastodon/error_401.json"))
        .expect(1)
        .create();
    app.ctrl('r');
    let heard = app.wait(|h| matches!(h, Heard::SyncDone(_) | Heard::SyncFailed(_)));
    refused.assert();
    let Heard::SyncDone(lines) = heard else {
        panic!("{heard:?}")
    };
    assert!(lines[0].error.is_some(), "{lines:?}");
    let status = app.status();
    assert!(
        status.contains(&format!("{HANDLE}: the server refused the credentials")),
        "{status}"
    );
    app.press('1');
    let today = app.model.today.summary.clone().expect("Today");
    assert_eq!(today.reconnect.len(), 1);
    let screen = app.screen();
    assert!(screen.contains(&format!("reconnect {HANDLE}")), "{screen}");
}
