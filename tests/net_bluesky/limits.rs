//! Rate limits and counts.

use super::*;

#[test]
fn a_429_is_honoured_until_its_reset() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let reset = now() + chrono::Duration::minutes(3);
    let m = list(&mut server, "limit=100", ACCESS_1)
        .with_status(429)
        .with_header("ratelimit-limit", "3000")
        .with_header("ratelimit-remaining", "0")
        .with_header("ratelimit-reset", &reset.timestamp().to_string())
        .with_body(r#"{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}"#)
        .expect(1)
        .create();
    let mut b = connect(&server, vault(&server, &dir));
    for _ in 0..3 {
        let e = b.pull_inbox(None, PullLimits::default()).unwrap_err();
        assert_eq!(e.kind, NetErrorKind::RateLimited { until: Some(reset) });
    }
    m.assert();
}

#[test]
fn counts_come_from_the_profile_and_the_authors_feed() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let profile = server
        .mock("GET", "/xrpc/app.bsky.actor.getProfile")
        .match_query(Matcher::Exact(
            "actor=did%3Aplc%3Astudionordexample00000".into(),
        ))
        .with_body(fixture("bluesky/get_profile.json"))
        .expect(1)
        .create();
    let feed = server
        .mock("GET", "/xrpc/app.bsky.feed.getAuthorFeed")
        .match_query(Matcher::Exact(
            "actor=did%3Aplc%3Astudionordexample00000&limit=100&filter=posts_no_replies".into(),
        ))
        .with_body(fixture("bluesky/get_author_feed.json"))
        .expect(1)
        .create();
    let at = "2023-04-30T04:00:00Z".parse().unwrap();
    let posts = [
        PostRef {
            address: "https://bsky.app/profile/studio-nord.example/post/3jukterj4bp2j".into(),
            published_at: at,
        },
        PostRef {
            address: "at://did:plc:studionordexample00000/app.bsky.feed.post/3juktdt335p2l".into(),
            published_at: at,
        },
    ];
    let mut b = connect(&server, vault(&server, &dir));
    let counts = b.pull_counts(&posts, PullLimits::default()).unwrap();
    profile.assert();
    feed.assert();
    assert_eq!(counts.followers, 4945);
    let got: Vec<_> = counts
        .posts
        .iter()
        .map(|c| (c.address.as_str(), c.likes, c.reposts, c.replies, c.quotes))
        .collect();
    assert_eq!(
        got,
        vec![
            (posts[0].address.as_str(), 14, 2, 3, Some(1)),
            (posts[1].address.as_str(), 0, 0, 0, Some(0)),
        ]
    );
    assert!(counts.not_found.is_empty());
}
