//! `sync` with several accounts when one server asks to wait (429) or cannot be
//! reached: the others are synced, the failing one is named with what to do, nothing
//! is sent to a waiting server before its time, and nothing is lost.

use chrono::{TimeZone, Utc};
use serde_json::json;

use super::bluesky::*;
use super::relay::Relay;
use super::*;

/// Bakery with a Mastodon account connected on `url` (served by `server`) and a
/// Bluesky account connected on `pds`.
fn two_accounts(
    url: &str,
    server: &mut mockito::Server,
    entry: &mut mockito::Server,
    pds: &mockito::Server,
) -> Setup {
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    let o = s.run(
        &[
            "account",
            "add",
            "--client",
            "Bakery",
            "bluesky",
            "@studio-nord.example",
        ],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    s.connect_token_at(server, url);
    connect_bluesky(&s, entry, pds);
    s
}

/// A Bluesky account whose pulls find the recorded page 2 (3 items, then nothing new).
fn bluesky_fine(pds: &mut mockito::Server, times: usize) -> (mockito::Mock, mockito::Mock) {
    let mut page: Value =
        serde_json::from_str(&fixture("bluesky/list_notifications_page2.json")).unwrap();
    page.as_object_mut().unwrap().remove("cursor");
    (
        list(pds, "limit=100", ACCESS_1)
            .with_body(page.to_string())
            .expect(times)
            .create(),
        profile(pds, ACCESS_1).expect(times).create(),
    )
}

/// A Mastodon account whose pull finds one newer mention.
fn mastodon_fine(server: &mut mockito::Server, query: &str) -> Vec<mockito::Mock> {
    vec![
        notifications(server, query)
            .with_body(fixture("mastodon/notifications_newer.json"))
            .expect(1)
            .create(),
        policy(server),
        verify(server),
    ]
}

/// The row of `sync --json` about `account`.
fn account_row<'a>(rows: &'a Value, account: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["account"] == account)
        .unwrap_or_else(|| panic!("no row for {account} in {rows}"))
}

fn line_of<'a>(text: &'a str, account: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(&format!("Bakery · {account}:")))
        .unwrap_or_else(|| panic!("no line for {account} in {text}"))
}

#[test]
fn a_429_on_one_account_leaves_the_others_synced_and_its_server_alone_until_the_reset() {
    let mut server = mockito::Server::new();
    let mut entry = mockito::Server::new();
    let mut pds = mockito::Server::new();
    let url = server.url();
    let s = two_accounts(&url, &mut server, &mut entry, &pds);
    let limited = notifications(&mut server, QUERY)
        .with_status(429)
        .with_header("x-ratelimit-limit", "300")
        .with_header("x-ratelimit-remaining", "0")
        .with_header("x-ratelimit-reset", "2026-11-22T09:00:00.000Z")
        .with_body(r#"{"error":"Too many requests"}"#)
        .expect(1)
        .create();
    let (bsky_list, bsky_profile) = bluesky_fine(&mut pds, 2);

    let o = s.run(&["sync"], None);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let text = out(&o);
    assert!(
        line_of(&text, "@studio-nord.example").contains("3 new items"),
        "{text}"
    );
    assert!(
        line_of(&text, "@studio@127.0.0.1")
            .contains("nothing more is sent to it before 2026-11-22 09:00 UTC; try again then"),
        "{text}"
    );
    // The exit names the waiting account only.
    assert!(err(&o).contains("@studio@127.0.0.1"), "{}", err(&o));
    assert!(!err(&o).contains("@studio-nord.example"), "{}", err(&o));
    assert_eq!(items(&s).len(), 3);

    // A quarter of an hour later, before the reset: the Bluesky account is synced
    // again, the Mastodon server is not asked.
    let o = s.run_with(
        &["sync", "--json"],
        None,
        &[("TWOHATS_NOW", "2026-11-22T08:45:00Z")],
    );
    assert_eq!(o.status.code(), Some(1));
    let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
    let m = account_row(&rows, "@studio@127.0.0.1");
    assert_eq!(m["ok"], false);
    assert_eq!(m["error_kind"], "rate_limited");
    assert_eq!(m["retry_at"], "2026-11-22T09:00:00+00:00");
    let b = account_row(&rows, "@studio-nord.example");
    assert_eq!(b["ok"], true);
    assert_eq!(b["known"], 0, "stopped at the known notification: {b}");
    limited.assert();
    bsky_list.assert();
    bsky_profile.assert();

    // After the reset the Mastodon account catches up.
    limited.remove();
    let _fine = mastodon_fine(&mut server, QUERY);
    let _more = bluesky_fine(&mut pds, 1);
    let o = s.run_with(
        &["sync", "--client", "Bakery"],
        None,
        &[("TWOHATS_NOW", "2026-11-22T09:01:00Z")],
    );
    assert!(o.status.success(), "{}\n{}", out(&o), err(&o));
    assert!(
        line_of(&out(&o), "@studio@127.0.0.1").contains("1 new item"),
        "{}",
        out(&o)
    );
    let conns = s.json(&["connections", "--json"]);
    assert!(
        conns
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["state"] == "active" && c["retry_at"].is_null()),
        "{conns}"
    );
    assert_eq!(items(&s).len(), 4);
}

/// Bluesky gives the reset as epoch seconds in `ratelimit-reset`.
#[test]
fn a_bluesky_429_is_held_until_its_ratelimit_reset() {
    let mut server = mockito::Server::new();
    let mut entry = mockito::Server::new();
    let mut pds = mockito::Server::new();
    let url = server.url();
    let s = two_accounts(&url, &mut server, &mut entry, &pds);
    let reset = Utc
        .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .unwrap()
        .timestamp();
    let limited = list(&mut pds, "limit=100", ACCESS_1)
        .with_status(429)
        .with_header("ratelimit-limit", "3000")
        .with_header("ratelimit-remaining", "0")
        .with_header("ratelimit-reset", &reset.to_string())
        .with_header("ratelimit-policy", "3000;w=300")
        .with_body(r#"{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}"#)
        .expect(1)
        .create();
    let _fine = mastodon_fine(&mut server, QUERY);
    let o = s.run(&["sync", "--json"], None);
    assert_eq!(o.status.code(), Some(1));
    let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
    let m = account_row(&rows, "@studio@127.0.0.1");
    assert_eq!(m["ok"], true, "{rows}");
    assert_eq!(m["new"], 1, "{rows}");
    let b = account_row(&rows, "@studio-nord.example");
    assert_eq!(b["error_kind"], "rate_limited", "{rows}");
    assert_eq!(b["retry_at"], "2026-11-22T09:00:00+00:00", "{rows}");
    assert!(err(&o).contains("@studio-nord.example"), "{}", err(&o));
    // The next run, before the reset, sends nothing to the PDS.
    let o = s.run(&["sync", "--client", "Bakery", "--json"], None);
    assert_eq!(o.status.code(), Some(1));
    limited.assert();
}

#[test]
fn a_server_that_cannot_be_reached_loses_nothing_and_the_next_sync_catches_up() {
    let mut server = mockito::Server::new();
    let mut relay = Relay::start(server.socket_address());
    let url = relay.url();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token_at(&mut server, &url);
    let first = mastodon_fine(&mut server, QUERY);
    let o = s.run(&["sync"], None);
    assert!(o.status.success(), "{}", err(&o));
    for m in &first {
        m.remove();
    }
    let store = || twohats::store::Store::open(&s.db).unwrap();
    let before = store().connections(None).unwrap().remove(0);
    assert!(before.cursor.is_some());

    // The server goes away.
    relay.stop();
    let o = s.run_with(&["sync"], None, &[("TWOHATS_NOW", "2026-11-22T08:40:00Z")]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(
        out(&o).contains("@studio@127.0.0.1: the server could not be reached"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o).contains("nothing was lost, the next sync catches up"),
        "{}",
        out(&o)
    );
    assert!(err(&o).contains("@studio@127.0.0.1"), "{}", err(&o));
    let after = store().connections(None).unwrap().remove(0);
    assert_eq!(after.cursor, before.cursor);
    assert_eq!(after.last_sync_at, before.last_sync_at);
    assert_eq!(
        after.retry_at, None,
        "a network failure is no reason to wait"
    );
    let conns = s.json(&["connections", "--json"]);
    assert_eq!(conns[0]["state"], "error");
    assert_eq!(conns[0]["last_error"], "network");

    // It is back: the next sync asks from where the last good one stopped.
    relay.restart();
    let mut newer: Value =
        serde_json::from_str(&fixture("mastodon/notifications_newer.json")).unwrap();
    newer[0]["id"] = json!("106");
    newer[0]["status"]["id"] = json!("117020620000000106");
    newer[0]["status"]["url"] = json!("https://mastodon.example/@ana/117020620000000106");
    let caught_up = notifications(&mut server, &format!("{QUERY}&min_id=105"))
        .with_body(newer.to_string())
        .expect(1)
        .create();
    let _empty = notifications(&mut server, &format!("{QUERY}&min_id=106"))
        .with_body("[]")
        .create();
    let _policy = policy(&mut server);
    let _me = verify(&mut server);
    let o = s.run_with(&["sync"], None, &[("TWOHATS_NOW", "2026-11-22T08:50:00Z")]);
    assert!(o.status.success(), "{}\n{}", out(&o), err(&o));
    assert!(out(&o).contains("1 new item"), "{}", out(&o));
    caught_up.assert();
    assert_eq!(items(&s).len(), 2);
    let conns = s.json(&["connections", "--json"]);
    assert_eq!(conns[0]["state"], "active");
    assert_eq!(conns[0]["last_sync"], "2026-11-22T08:50:00+00:00");
}
