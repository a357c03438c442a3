//! Refresh tokens are single-use: one refresh, even with two windows open.

use super::*;

#[test]
fn an_expired_token_is_refreshed_once_and_the_old_refresh_token_is_spent() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let v = vault(&server, &dir);
    let expired = list(&mut server, "limit=100", ACCESS_1)
        .with_status(400)
        .with_body(r#"{"error":"ExpiredToken","message":"Token has expired"}"#)
        .expect(1)
        .create();
    let refresh = server
        .mock("POST", "/xrpc/com.atproto.server.refreshSession")
        .match_header("authorization", format!("Bearer {REFRESH_1}").as_str())
        .with_body(fixture("bluesky/refresh_session.json"))
        .expect(1)
        .create();
    // The server refuses a refresh token once used.
    let spent = server
        .mock("POST", "/xrpc/com.atproto.server.refreshSession")
        .match_header("authorization", format!("Bearer {REFRESH_1}").as_str())
        .with_status(400)
        .with_body(r#"{"error":"ExpiredToken","message":"Token has been revoked"}"#)
        .expect(1)
        .create();
    let fresh = list(&mut server, "limit=100", ACCESS_2)
        .with_body(r#"{"notifications":[]}"#)
        .expect(1)
        .create();
    let mut b = connect(&server, v.clone());
    let pull = b.pull_inbox(None, PullLimits::default()).unwrap();
    assert!(pull.items.is_empty());
    expired.assert();
    refresh.assert();
    fresh.assert();
    // The new pair is stored, for every window and the next run.
    assert_eq!(v.load().unwrap(), Some(tokens(ACCESS_2, REFRESH_2)));
    // Spending the old refresh token again is refused: the connection would expire.
    let api = b.api();
    let e = bluesky::refresh(api, &Secret::new(REFRESH_1))
        .err()
        .unwrap();
    spent.assert();
    assert_eq!(e.kind, NetErrorKind::Unauthorized);
    assert!(e.is_expired());
}

#[test]
fn two_windows_refreshing_at_once_spend_the_refresh_token_once() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let v = vault(&server, &dir);
    let _expired = list(&mut server, "limit=100", ACCESS_1)
        .with_status(400)
        .with_body(r#"{"error":"ExpiredToken","message":"Token has expired"}"#)
        .create();
    let refresh = server
        .mock("POST", "/xrpc/com.atproto.server.refreshSession")
        .match_header("authorization", format!("Bearer {REFRESH_1}").as_str())
        .with_body(fixture("bluesky/refresh_session.json"))
        .expect(1)
        .create();
    let fresh = list(&mut server, "limit=100", ACCESS_2)
        .with_body(r#"{"notifications":[]}"#)
        .expect(2)
        .create();
    // Two windows, each with its own connection on the same stored tokens.
    let mut windows: Vec<Bluesky> = (0..2).map(|_| connect(&server, v.clone())).collect();
    let barrier = Arc::new(Barrier::new(2));
    let threads: Vec<_> = windows
        .drain(..)
        .map(|mut b| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                b.pull_inbox(None, PullLimits::default())
                    .map(|p| p.items.len())
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap().unwrap(), 0);
    }
    refresh.assert();
    fresh.assert();
    assert_eq!(v.load().unwrap(), Some(tokens(ACCESS_2, REFRESH_2)));
}
