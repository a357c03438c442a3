//! The sync session: 2,000 Mastodon mentions from a local server on 127.0.0.1, in
//! `Link`-paged pages of 40, pulled by the app's worker thread (the job Ctrl-r starts)
//! while the main thread presses keys in the inbox and times each as the other sessions
//! do. It runs on a copy of the bench database, so the large file is left as it was,
//! with its secrets in a temporary folder.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mockito::Matcher;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use twohats::domain::inbox::{Filter, StatusFilter};
use twohats::domain::{Clock, Platform};
use twohats::net::{NetEnv, SecretsStore};
use twohats::store::Store;
use twohats::sync::SyncEnv;
use twohats::tui::action::Action;
use twohats::tui::live::{ConnectJob, Heard, Job, SignIn};
use twohats::tui::worker::{self, Worker};

use super::{Session, clock, each_key, ms, percentile, report};

const NOTIFICATIONS: usize = 2_000;
const PAGE: usize = 40;
const TOKEN: &str = "bench-token";
/// What the app asks (it asks for 80; the server answers 40 a page, as by default).
const QUERY: &str = "types%5B%5D=mention&types%5B%5D=quote&limit=80";
/// The pause between two keys (a held key repeats every 30 ms or so; closer keys give
/// the figures more samples and the sync more competition for the cores).
const KEY_PAUSE: Duration = Duration::from_millis(10);

/// The keys pressed in the inbox: down and up, to Today and back, to the end and back.
const SCRIPT: &str = "jjjjjjjjjjkkkkkkkkkk1444jjjjjGgkkkkk";

/// Notification `n` (1 the oldest): a public mention, one minute after the one before.
fn notification(n: usize) -> serde_json::Value {
    let at = clock().now() - chrono::Duration::minutes((NOTIFICATIONS - n) as i64 + 5);
    let at = at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    let who = n % 97;
    let account = serde_json::json!({
        "id": format!("{}", 1_000 + who),
        "username": format!("fan{who}"),
        "acct": format!("fan{who}@social.example"),
        "display_name": format!("Fan {who}"),
        "url": format!("https://social.example/@fan{who}"),
    });
    let status = format!("118000000000{n:06}");
    serde_json::json!({
        "id": format!("{}", 500_000 + n),
        "type": "mention",
        "created_at": at,
        "account": account,
        "status": {
            "id": status,
            "created_at": at,
            "in_reply_to_id": null,
            "visibility": "public",
            "uri": format!("https://social.example/users/fan{who}/statuses/{status}"),
            "url": format!("https://social.example/@fan{who}/{status}"),
            "content": format!("<p><span class=\"h-card\"><a href=\"https://mastodon.example/@studio\" class=\"u-url mention\">@<span>studio</span></a></span> Question {n}: do you deliver on Sundays &amp; holidays?</p>"),
            "account": account,
            "mentions": [],
        },
    })
}

/// The server: `verify_credentials`, the notification policy, an empty list of the
/// account's statuses (the counts step), and the notifications newest first, each page
/// naming the next in its `Link` header. The mocks live as long as the server.
fn serve(server: &mut mockito::Server) -> Vec<mockito::Mock> {
    let url = server.url();
    let auth = format!("Bearer {TOKEN}");
    let me = serde_json::json!({
        "id": "117020565966271181", "username": "studio", "acct": "studio",
        "display_name": "Studio Nord", "url": "https://mastodon.example/@studio",
        "followers_count": 1234, "following_count": 0, "statuses_count": 1,
        "created_at": "2026-08-01T00:00:00.000Z", "note": "", "locked": false, "bot": false,
    });
    let mut mocks = vec![
        server
            .mock("GET", "/api/v1/accounts/verify_credentials")
            .match_header("authorization", auth.as_str())
            .with_body(me.to_string())
            .create(),
        server
            .mock("GET", "/api/v2/notifications/policy")
            .with_body(
                r#"{"summary":{"pending_requests_count":0,"pending_notifications_count":0}}"#,
            )
            .create(),
        server
            .mock(
                "GET",
                Matcher::Regex("^/api/v1/accounts/[0-9]+/statuses".into()),
            )
            .with_body("[]")
            .create(),
    ];
    let mut max_id: Option<String> = None;
    for page in 0..NOTIFICATIONS / PAGE {
        let newest = NOTIFICATIONS - page * PAGE;
        let body: Vec<_> = (newest + 1 - PAGE..=newest)
            .rev()
            .map(notification)
            .collect();
        let query = match &max_id {
            Some(id) => format!("{QUERY}&max_id={id}"),
            None => QUERY.to_string(),
        };
        let oldest = format!("{}", 500_000 + newest + 1 - PAGE);
        let mut mock = server
            .mock("GET", "/api/v1/notifications")
            .match_query(Matcher::Exact(query))
            .match_header("authorization", auth.as_str())
            .with_body(serde_json::Value::Array(body).to_string());
        if newest > PAGE {
            mock = mock.with_header(
                "link",
                &format!(
                    "<{url}/api/v1/notifications?max_id={oldest}&{QUERY}>; rel=\"next\", \
                     <{url}/api/v1/notifications?min_id={}&{QUERY}>; rel=\"prev\"",
                    500_000 + newest
                ),
            );
        }
        mocks.push(mock.expect(1).create());
        max_id = Some(oldest);
    }
    mocks
}

pub fn sync_session(large: &Path) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("sync.db");
    let t = Instant::now();
    Store::open(large)
        .expect("bench database")
        .backup_to(&db, false)
        .expect("copy of the bench database");
    println!(
        "  (copied the bench database for the sync in {:.1} s)",
        t.elapsed().as_secs_f64()
    );
    let mut server = mockito::Server::new();
    let mocks = serve(&mut server);
    let env = SyncEnv {
        net: NetEnv::new(Arc::new(clock())),
        secrets: SecretsStore::files_in(dir.path().join("secrets")),
    };

    // One Mastodon account of a client connects with a token, as the switcher's form does.
    let mut store = Store::open(&db).expect("copy");
    let account = store
        .accounts()
        .expect("accounts")
        .into_iter()
        .find(|a| a.platform == Platform::Mastodon)
        .expect("a Mastodon account in the bench database");
    let connect = Job::Connect(Box::new(ConnectJob {
        client: account.client_id,
        account: account.id,
        how: SignIn::MastodonToken {
            server: server.url(),
            token: TOKEN.into(),
        },
    }));
    let mut connected = None;
    worker::run(&mut store, &env, connect, &mut |a| connected = Some(a));
    assert!(
        matches!(connected, Some(Action::Live(Heard::Connected { .. }))),
        "{connected:?}"
    );
    drop(store);

    let mut s = Session::open(&db);
    s.worker = Some(Worker::with_env(Some(db.clone()), env));
    s.char('4');
    let of_client = Filter {
        client: Some(account.client_id),
        status: StatusFilter::All,
        ..Filter::default()
    };
    let items_before = s.store.item_ids(&of_client).expect("items").len();
    // The same keys at the same pace without a sync, for comparison on a shared machine.
    let mut alone = Vec::new();
    for c in SCRIPT.chars().cycle().take(150) {
        std::thread::sleep(KEY_PAUSE);
        alone.push(s.char(c));
    }
    s.char('g');
    let mut keys = Vec::new();
    let mut answers = Vec::new();
    let start = Instant::now();
    keys.push(s.key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)));
    assert!(s.model.live.syncing, "Ctrl-r started no sync");
    let mut done = None;
    let mut took = Duration::ZERO;
    for c in SCRIPT.chars().cycle() {
        std::thread::sleep(KEY_PAUSE);
        // What the worker said, as the event loop hears it between keys.
        while let Some(a) = s.worker.as_ref().and_then(|w| w.try_recv()) {
            let last = match &a {
                Action::Live(Heard::SyncDone(lines)) => Some(lines.clone()),
                Action::Live(Heard::SyncFailed(e)) => panic!("the sync failed: {e}"),
                _ => None,
            };
            if last.is_some() {
                took = start.elapsed();
            }
            let t = Instant::now();
            s.run(vec![a]);
            s.term
                .draw(|f| twohats::tui::views::render(&s.model, f))
                .expect("draw");
            answers.push(t.elapsed());
            done = done.or(last);
        }
        if done.is_some() {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(600), "the sync hung");
        keys.push(s.char(c));
    }
    let lines = done.unwrap_or_default();
    let new: usize = lines.iter().map(|l| l.new).sum();
    assert!(
        lines.iter().all(|l| l.error.is_none()) && new == NOTIFICATIONS,
        "{lines:?}"
    );
    for m in &mocks[3..] {
        m.assert();
    }
    assert_eq!(
        s.store.item_ids(&of_client).expect("items").len(),
        items_before + NOTIFICATIONS
    );
    println!(
        "sync {NOTIFICATIONS} notifications ({} pages)  total {:>10}   {:.0} notifications/s",
        NOTIFICATIONS / PAGE,
        ms(took),
        NOTIFICATIONS as f64 / took.as_secs_f64()
    );
    each_key("sync", &keys);
    report("keys during the sync", keys);
    report("the same keys without a sync", alone);
    let n = answers.len();
    let p50 = percentile(&mut answers, 0.5);
    let max = *answers.last().unwrap_or(&Duration::ZERO);
    println!(
        "  (the worker's {n} answers handled: p50 {}, max {}, the last reads the screens again)",
        ms(p50),
        ms(max)
    );
}
