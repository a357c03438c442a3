//! Bluesky's refresh tokens work once: two `sync` processes that both find the access
//! token expired must spend the refresh token once between them.

use std::time::{Duration, Instant};

use twohats::net::SecretsStore;

use super::bluesky::*;
use super::*;

/// The recorded page 2, alone (no cursor to page on).
fn last_page() -> String {
    let mut page: Value =
        serde_json::from_str(&fixture("bluesky/list_notifications_page2.json")).unwrap();
    page.as_object_mut().unwrap().remove("cursor");
    page.to_string()
}

#[test]
fn two_syncs_refreshing_at_once_spend_the_refresh_token_once() {
    let mut entry = mockito::Server::new();
    let mut pds = mockito::Server::new();
    let s = Setup::new("bluesky", "@studio-nord.example");
    connect_bluesky(&s, &mut entry, &pds);

    let expired_log = Log::default();
    let expired = list(&mut pds, "limit=100", ACCESS_1)
        .with_status(400)
        .with_body_from_request(
            expired_log.answer(r#"{"error":"ExpiredToken","message":"Token has expired"}"#),
        )
        .expect(2)
        .create();
    // The server takes each refresh token once: the first use renews, a second is
    // refused as revoked (which would expire the connection).
    let refresh = pds
        .mock("POST", "/xrpc/com.atproto.server.refreshSession")
        .match_header("authorization", format!("Bearer {REFRESH_1}").as_str())
        .with_body(fixture("bluesky/refresh_session.json"))
        .expect(1)
        .create();
    let spent = pds
        .mock("POST", "/xrpc/com.atproto.server.refreshSession")
        .match_header("authorization", format!("Bearer {REFRESH_1}").as_str())
        .with_status(400)
        .with_body(r#"{"error":"ExpiredToken","message":"Token has been revoked"}"#)
        .expect(0)
        .create();
    let fresh = list(&mut pds, "limit=100", ACCESS_2)
        .with_body(last_page())
        .expect(2)
        .create();
    let me = profile(&mut pds, ACCESS_2).expect(2).create();

    // Hold the connection's refresh lock, as a third window in the middle of a
    // refresh would, until both processes have been refused with the old token: then
    // both are about to refresh, and only the lock stands between them.
    let store = twohats::store::Store::open(&s.db).unwrap();
    let row = store.connections(None).unwrap().remove(0);
    let key = twohats::sync::key_of(&store, &row).unwrap();
    drop(store);
    let lock_path = SecretsStore::files_in(s.secrets.clone())
        .lock_path(&key)
        .unwrap();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .unwrap();
    lock.lock().unwrap();
    let mut children: Vec<_> = (0..2)
        .map(|_| {
            let mut c = s.command(&["sync", "--json"]);
            c.stdin(Stdio::null());
            c.spawn().unwrap()
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(30);
    while expired_log.seen().len() < 2 {
        // Neither can end before the lock is released: one that did went on
        // without waiting for it.
        for c in &mut children {
            assert!(
                c.try_wait().unwrap().is_none(),
                "a sync ended while another held the refresh lock"
            );
        }
        assert!(
            Instant::now() < deadline,
            "both syncs should have asked with the expired token"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(lock);

    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let mut new = 0;
    for o in &outputs {
        assert!(o.status.success(), "{}\n{}", out(o), err(o));
        let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(rows[0]["ok"], true, "{rows}");
        new += rows[0]["new"].as_u64().unwrap();
    }
    expired.assert();
    refresh.assert();
    spent.assert();
    fresh.assert();
    me.assert();
    // The items once, the connection still active, the new pair stored.
    assert_eq!(new, 3);
    assert_eq!(items(&s).len(), 3);
    assert_eq!(s.json(&["connections", "--json"])[0]["state"], "active");
    let kept = secrets_text(&s);
    assert!(
        kept.contains(ACCESS_2) && kept.contains(REFRESH_2),
        "{kept}"
    );
    assert!(!kept.contains(&format!("\"{REFRESH_1}\"")), "{kept}");
}
