//! The live connections from the command line, end to end: the real binary against a
//! local server on 127.0.0.1 replaying recorded payloads, with a temporary database and
//! secrets folder. Connect, sync twice, reply, publish (and after a crash), 401, 429,
//! dry runs, disconnect, and the secrets never in the database.

mod bluesky;
mod commands;
mod dropped;
mod limits;
#[path = "../netkit/mod.rs"]
mod netkit;
mod oauth;
mod publish;
mod refresh;
mod relay;
mod secrets;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use mockito::Matcher;
use netkit::{Log, fixture};
use serde_json::Value;

pub const TOKEN: &str = "ACCESS-TOKEN-scrubbed";
pub const QUERY: &str = "types%5B%5D=mention&types%5B%5D=quote&limit=80";

/// A database, a secrets folder, and the client "Bakery" with a Mastodon account.
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub secrets: PathBuf,
}

impl Setup {
    pub fn new(platform: &str, handle: &str) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let secrets = dir.path().join("secrets");
        let s = Setup { dir, db, secrets };
        assert!(s.run(&["client", "add", "Bakery"], None).status.success());
        let o = s.run(
            &["account", "add", "--client", "Bakery", platform, handle],
            None,
        );
        assert!(o.status.success(), "{}", err(&o));
        s
    }

    /// The binary on this setup's database and secrets folder, at 08:30 UTC.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_twohats"));
        c.arg("--db")
            .arg(&self.db)
            .args(args)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("TWOHATS_DB")
            .env_remove("TWOHATS_BLUESKY_ENTRYWAY")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("TWOHATS_NOW", "2026-11-22T08:30:00Z")
            .env("TWOHATS_SECRETS_DIR", &self.secrets)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    pub fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        self.run_with(args, stdin, &[])
    }

    /// [`Setup::run`] with more environment variables (`TWOHATS_NOW` to move the clock).
    pub fn run_with(&self, args: &[&str], stdin: Option<&str>, envs: &[(&str, &str)]) -> Output {
        let mut c = self.command(args);
        c.envs(envs.iter().copied());
        let mut child = c.spawn().unwrap();
        if let Some(text) = stdin {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
        } else {
            drop(child.stdin.take());
        }
        child.wait_with_output().unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let o = self.run(args, None);
        assert!(o.status.success(), "{}", err(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    }

    /// `connect mastodon` with a token on standard input, against `server`.
    pub fn connect_token(&self, server: &mut mockito::Server) {
        let url = server.url();
        self.connect_token_at(server, &url);
    }

    /// [`Setup::connect_token`] with the server named by `url` (a relay to `server`).
    pub fn connect_token_at(&self, server: &mut mockito::Server, url: &str) {
        let _me = verify(server);
        let o = self.run(
            &[
                "connect",
                "mastodon",
                "--client",
                "Bakery",
                "--server",
                url,
                "--token-stdin",
            ],
            Some(&format!("{TOKEN}\n")),
        );
        assert!(o.status.success(), "{}", err(&o));
        assert!(
            out(&o).contains("Connected @studio@127.0.0.1"),
            "{}",
            out(&o)
        );
    }
}

pub fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn verify(server: &mut mockito::Server) -> mockito::Mock {
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

fn policy(server: &mut mockito::Server) -> mockito::Mock {
    server
        .mock("GET", "/api/v2/notifications/policy")
        .with_body(fixture("mastodon/notification_policy.json"))
        .create()
}

fn items(s: &Setup) -> Vec<Value> {
    s.json(&["inbox", "list", "--status", "all", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn sync_stores_new_items_once_then_asks_only_for_newer_and_replies_go_out_live() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    // An export of the older page, imported by hand before connecting.
    let file = s.dir.path().join("older.json");
    std::fs::write(&file, fixture("mastodon/notifications_page2.json")).unwrap();
    let o = s.run(
        &[
            "import",
            "inbox",
            file.to_str().unwrap(),
            "--client",
            "Bakery",
            "--format",
            "mastodon",
        ],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(items(&s).len(), 2);

    s.connect_token(&mut server);
    let _me = verify(&mut server);
    let _policy = policy(&mut server);
    let first = notifications(&mut server, QUERY)
        .with_header(
            "link",
            &format!("<{url}/api/v1/notifications?max_id=101&{QUERY}>; rel=\"next\""),
        )
        .with_body(fixture("mastodon/notifications_page1.json"))
        .expect(1)
        .create();
    let older = notifications(&mut server, &format!("{QUERY}&max_id=101"))
        .with_body(fixture("mastodon/notifications_page2.json"))
        .expect(1)
        .create();
    let o = s.run(&["sync"], None);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    assert!(text.contains("Bakery · @studio@127.0.0.1: 2 new items, 2 already there, 1 deleted post skipped, 1 other notification left out, 1234 followers"), "{text}");
    // The file's two items and the sync's two: none twice.
    assert_eq!(items(&s).len(), 4);

    // The second sync starts from the newest seen, and stops at an empty page.
    let newer = notifications(&mut server, &format!("{QUERY}&min_id=104"))
        .with_body(fixture("mastodon/notifications_newer.json"))
        .expect(1)
        .create();
    let empty = notifications(&mut server, &format!("{QUERY}&min_id=105"))
        .with_body("[]")
        .expect(1)
        .create();
    let rows = s.json(&["sync", "--json"]);
    assert_eq!(rows[0]["new"], 1, "{rows}");
    assert_eq!(rows[0]["known"], 0, "{rows}");
    assert_eq!(rows[0]["ok"], true);
    first.assert();
    older.assert();
    newer.assert();
    empty.assert();
    assert_eq!(items(&s).len(), 5);
    let conns = s.json(&["connections", "--json"]);
    assert_eq!(conns[0]["state"], "active");
    assert_eq!(conns[0]["last_sync"], "2026-11-22T08:30:00+00:00");

    // A reply to a synced item goes out as a reply, exactly.
    let all = items(&s);
    let item = all
        .iter()
        .find(|i| i["external_id"] == "117020610000000104")
        .unwrap();
    let id = item["id"].as_i64().unwrap().to_string();
    let log = Log::default();
    let reply = server
        .mock("POST", "/api/v1/statuses")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_body_from_request(log.answer(fixture("mastodon/status_reply.json")))
        .expect(1)
        .create();
    let o = s.run(
        &["inbox", "reply", &id, "--text", "Merci, à samedi !"],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    reply.assert();
    let seen = &log.seen()[0];
    assert_eq!(
        seen.json(),
        serde_json::json!({
            "status": "@lea@social.example Merci, à samedi !",
            "in_reply_to_id": "117020610000000104",
            "visibility": "public",
        })
    );
    assert_eq!(seen.header("idempotency-key").map(str::len), Some(32));
    assert!(
        out(&o)
            .contains("reply sent on Mastodon (https://mastodon.example/@ana/117020583258292382)"),
        "{}",
        out(&o)
    );
    let after = items(&s);
    let it = after
        .iter()
        .find(|i| i["id"].as_i64() == item["id"].as_i64())
        .unwrap();
    assert_eq!(it["status"], "replied");

    // The token is in the secrets folder, never in the database.
    let mut db = std::fs::read(&s.db).unwrap();
    db.extend(std::fs::read(s.db.with_extension("db-wal")).unwrap_or_default());
    assert!(!db.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes()));
    let files: Vec<_> = std::fs::read_dir(&s.secrets)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1);
    assert!(
        std::fs::read_to_string(files[0].path())
            .unwrap()
            .contains(TOKEN)
    );

    // Disconnecting deletes the secret; the items stay.
    let o = s.run(
        &[
            "disconnect",
            "--client",
            "Bakery",
            "--account",
            "@studio@127.0.0.1",
        ],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(!files[0].path().exists());
    assert_eq!(items(&s).len(), 5);
    assert_eq!(s.json(&["connections", "--json"]), serde_json::json!([]));
}

#[test]
fn a_refused_token_expires_the_connection_and_today_says_reconnect() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let refused = notifications(&mut server, QUERY)
        .with_status(401)
        .with_body(fixture("mastodon/error_401.json"))
        .expect(1)
        .create();
    let o = s.run(&["sync"], None);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    refused.assert();
    assert!(
        out(&o).contains("@studio@127.0.0.1: the server refused the credentials"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o)
            .contains("twohats connect mastodon --client \"Bakery\" --account @studio@127.0.0.1"),
        "{}",
        out(&o)
    );
    assert!(err(&o).contains("@studio@127.0.0.1"), "{}", err(&o));
    assert_eq!(s.json(&["connections", "--json"])[0]["state"], "expired");
    let today = s.json(&["today", "--json"]);
    assert_eq!(today["reconnect"][0]["account"], "@studio@127.0.0.1");
    let o = s.run(&["today"], None);
    assert!(
        out(&o).contains("reconnect @studio@127.0.0.1 (Bakery)"),
        "{}",
        out(&o)
    );
}

#[test]
fn a_429_is_honoured_until_its_reset_even_by_the_next_run() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let limited = notifications(&mut server, QUERY)
        .with_status(429)
        .with_header("x-ratelimit-reset", "2026-11-22T09:00:00.000Z")
        .with_body(r#"{"error":"Too many requests"}"#)
        .expect(1)
        .create();
    for _ in 0..3 {
        let o = s.run(&["sync", "--json"], None);
        assert_eq!(o.status.code(), Some(1));
        let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(rows[0]["error_kind"], "rate_limited");
        assert_eq!(rows[0]["retry_at"], "2026-11-22T09:00:00+00:00");
        assert!(
            rows[0]["error"]
                .as_str()
                .unwrap()
                .contains("2026-11-22 09:00 UTC")
        );
    }
    // One request in all: the later runs waited without asking.
    limited.assert();
}

#[test]
fn bluesky_connects_with_an_app_password_and_keeps_it_out_of_the_database() {
    let mut server = mockito::Server::new();
    let s = Setup::new("bluesky", "@studio-nord.example");
    let create = server
        .mock("POST", "/xrpc/com.atproto.server.createSession")
        .match_body(Matcher::Json(serde_json::json!({
            "identifier": "studio-nord.example",
            "password": "abcd-efgh-ijkl-mnop",
        })))
        .with_body(fixture("bluesky/create_session.json"))
        .expect(1)
        .create();
    let o = s.run(
        &[
            "connect",
            "bluesky",
            "--client",
            "Bakery",
            "--pds",
            &server.url(),
            "--password-stdin",
        ],
        Some("abcd-efgh-ijkl-mnop\n"),
    );
    assert!(o.status.success(), "{}", err(&o));
    create.assert();
    let conns = s.json(&["connections", "--json"]);
    assert_eq!(conns[0]["platform"], "bluesky");
    assert_eq!(conns[0]["server"], server.url());
    let db = std::fs::read(&s.db).unwrap();
    assert!(!db.windows(19).any(|w| w == b"abcd-efgh-ijkl-mnop"));
}

#[test]
fn connect_refuses_a_client_without_an_account_on_the_platform() {
    let s = Setup::new("instagram", "@bakery");
    let o = s.run(
        &["connect", "mastodon", "--client", "Bakery", "--token-stdin"],
        Some("x\n"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("twohats account add"), "{}", err(&o));
}
