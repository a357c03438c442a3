//! `publish --due`: the exact request, never twice (a second run, a crash between
//! sending and recording), and dry runs that send nothing.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use twohats::domain::post::{Post, PostStatus};
use twohats::store::Store;

use super::*;

const BODY: &str = "Nouveau pain au levain ce samedi.";

/// A scheduled post of Bakery on its Mastodon account, due at 08:00 (now is 08:30).
pub fn due_post(s: &Setup) -> i64 {
    due_post_with(s, BODY)
}

/// [`due_post`] with this text.
fn due_post_with(s: &Setup, body: &str) -> i64 {
    let store = Store::open(&s.db).unwrap();
    let account = store.accounts().unwrap()[0].id;
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
    let local = NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let post = Post {
        client_id: store.clients().unwrap()[0].id,
        accounts: vec![account],
        local: Some(local),
        at: Some(at),
        status: PostStatus::Scheduled,
        body: body.into(),
        ..Post::default()
    };
    let mut store = store;
    store.transaction(|tx| tx.save_post(&post, at)).unwrap()
}

fn statuses(server: &mut mockito::Server, log: &Log, times: usize) -> mockito::Mock {
    server
        .mock("POST", "/api/v1/statuses")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_body_from_request(log.answer(fixture("mastodon/status.json")))
        .expect(times)
        .create()
}

fn post_json(s: &Setup) -> Value {
    s.json(&["posts", "list", "--json"])[0].clone()
}

#[test]
fn a_due_post_goes_out_once_with_its_exact_request() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let id = due_post(&s);
    let log = Log::default();
    let sent = statuses(&mut server, &log, 1);
    let o = s.run(&["publish", "--due", "--dry-run"], None);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("Would publish post"), "{}", out(&o));
    assert!(log.seen().is_empty(), "a dry run sends nothing");
    let o = s.run(&["publish", "--due"], None);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains(
            "published on @studio@127.0.0.1: https://mastodon.example/@lea/117020583245459824"
        ),
        "{}",
        out(&o)
    );
    let seen = &log.seen()[0];
    assert_eq!(seen.json(), serde_json::json!({ "status": BODY }));
    assert_eq!(seen.header("idempotency-key").map(str::len), Some(32));
    let p = post_json(&s);
    assert_eq!(p["status"], "published");
    let stored = Store::open(&s.db).unwrap().post(id).unwrap();
    assert_eq!(
        stored.permalink,
        "https://mastodon.example/@lea/117020583245459824"
    );
    // A second run finds nothing due.
    let o = s.run(&["publish", "--due"], None);
    assert!(out(&o).contains("No post is due."), "{}", out(&o));
    sent.assert();
}

/// The app stopped after marking the post `publishing` (and maybe after sending):
/// the next run sends it as the same send, with the same key, once.
#[test]
fn a_post_left_publishing_is_sent_again_only_as_the_same_send() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let id = due_post(&s);
    let mut store = Store::open(&s.db).unwrap();
    let p = store.post(id).unwrap();
    let key = twohats::sync::publish::send_key(&p, p.accounts[0]);
    let earlier = Utc.with_ymd_and_hms(2026, 11, 22, 8, 20, 0).unwrap();
    store
        .begin_publishing(
            id,
            p.version,
            PostStatus::Scheduled,
            &[(p.accounts[0], key.clone())],
            earlier,
        )
        .unwrap();
    drop(store);
    let log = Log::default();
    let sent = statuses(&mut server, &log, 1);
    let o = s.run(&["publish", "--due"], None);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("sent again as the same send"),
        "{}",
        out(&o)
    );
    assert_eq!(log.seen()[0].header("idempotency-key"), Some(key.as_str()));
    assert_eq!(post_json(&s)["status"], "published");
    let o = s.run(&["publish", "--due"], None);
    assert!(out(&o).contains("No post is due."), "{}", out(&o));
    sent.assert();
}

/// Past the hour Mastodon keeps a key, a repeat could post twice: not sent again.
#[test]
fn a_post_left_publishing_too_long_ago_is_not_sent_again() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let id = due_post(&s);
    let mut store = Store::open(&s.db).unwrap();
    let p = store.post(id).unwrap();
    let key = twohats::sync::publish::send_key(&p, p.accounts[0]);
    let long_ago = Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap() - Duration::hours(2);
    store
        .begin_publishing(
            id,
            p.version,
            PostStatus::Scheduled,
            &[(p.accounts[0], key)],
            long_ago,
        )
        .unwrap();
    drop(store);
    let log = Log::default();
    let sent = statuses(&mut server, &log, 0);
    let o = s.run(&["publish", "--due"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("over an hour ago"), "{}", out(&o));
    assert_eq!(post_json(&s)["status"], "failed");
    sent.assert();
}

/// A first send is not a resumed one, whatever the clock's fraction of a second (the
/// database keeps whole seconds): no word of a stop that did not happen.
#[test]
fn a_first_send_is_not_reported_as_sent_again_after_a_stop() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    due_post(&s);
    let log = Log::default();
    let sent = statuses(&mut server, &log, 1);
    let o = s.run_with(
        &["publish", "--due"],
        None,
        &[("TWOHATS_NOW", "2026-11-22T08:30:00.750Z")],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("published on @studio@127.0.0.1"),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains("stopped while sending"), "{}", out(&o));
    assert!(!out(&o).contains("sent again"), "{}", out(&o));
    sent.assert();
}

fn instance(server: &mut mockito::Server, path: &str, limit: usize) -> mockito::Mock {
    server
        .mock("GET", path)
        .with_body(
            serde_json::json!({ "configuration": { "statuses": { "max_characters": limit } } })
                .to_string(),
        )
        .create()
}

/// The instance's limit is checked before sending, by `--dry-run` too: over it nothing
/// goes out and the count is said; a URL counts 23 whatever its length.
#[test]
fn a_post_over_the_instance_limit_is_refused_before_sending() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let _limit = instance(&mut server, "/api/v2/instance", 500);
    due_post_with(&s, &"a".repeat(501));
    let log = Log::default();
    let sent = statuses(&mut server, &log, 0);
    let said = "@studio@127.0.0.1: the text is too long: 501 characters for at most 500";
    let o = s.run(&["publish", "--due", "--dry-run"], None);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(out(&o).contains("Would not publish post"), "{}", out(&o));
    assert!(out(&o).contains(said), "{}", out(&o));
    assert!(!out(&o).contains("Would publish"), "{}", out(&o));
    let o = s.run(&["publish", "--due"], None);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(out(&o).contains(said), "{}", out(&o));
    assert_eq!(post_json(&s)["status"], "failed");
    // The connection itself is fine.
    assert_eq!(s.json(&["connections", "--json"])[0]["state"], "active");
    sent.assert();
}

#[test]
fn the_limit_comes_from_the_v1_instance_and_urls_count_23() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let _v2 = server
        .mock("GET", "/api/v2/instance")
        .with_status(404)
        .create();
    let _v1 = instance(&mut server, "/api/v1/instance", 520);
    // 490 characters and a 60-character address: 514 as Mastodon counts, under 520.
    let url = format!("https://example.com/{}", "p".repeat(40));
    let body = format!("{} {url}", "a".repeat(489));
    assert_eq!(body.chars().count(), 550);
    due_post_with(&s, &body);
    let log = Log::default();
    let sent = statuses(&mut server, &log, 1);
    let o = s.run(&["publish", "--due", "--dry-run"], None);
    assert!(out(&o).contains("Would publish post"), "{}", out(&o));
    let o = s.run(&["publish", "--due"], None);
    assert!(o.status.success(), "{}\n{}", out(&o), err(&o));
    assert_eq!(post_json(&s)["status"], "published");
    sent.assert();
}
