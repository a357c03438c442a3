//! Pulling the inbox, back to the last known notification.

use super::*;

#[test]
fn the_first_sync_pages_back_with_the_cursor() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let c1 = "1693800000000%3A%3Abafyreif5ion4zgoeksmefhyjf6fbpsjpojbcw33vxhqlh3rc7u33hdde3i";
    let c2 = "1693647073508%3A%3Abafyreif5ion4zgoeksmefhyjf6fbpsjpojbcw33vxhqlh3rc7u33hdde3i";
    let p1 = list(&mut server, "limit=100", ACCESS_1)
        .with_body(fixture("bluesky/list_notifications_page1.json"))
        .expect(1)
        .create();
    let p2 = list(&mut server, &format!("limit=100&cursor={c1}"), ACCESS_1)
        .with_body(fixture("bluesky/list_notifications_page2.json"))
        .expect(1)
        .create();
    let p3 = list(&mut server, &format!("limit=100&cursor={c2}"), ACCESS_1)
        .with_body(r#"{"notifications":[]}"#)
        .expect(1)
        .create();
    let mut b = connect(&server, vault(&server, &dir));
    let pull = b.pull_inbox(None, PullLimits::default()).unwrap();
    p1.assert();
    p2.assert();
    p3.assert();
    let got: Vec<(Kind, &str)> = pull
        .items
        .iter()
        .map(|i| (i.draft.kind, i.draft.author.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Kind::Reply, "@marc.example.social"),
            (Kind::Reply, "@ana.example.social"),
            (Kind::Mention, "@zoe.example.social"),
            (Kind::Mention, "@tom.example.social"),
        ]
    );
    assert_eq!(pull.summary.left_out.get("like"), Some(&1));
    assert_eq!(pull.summary.left_out.get("follow"), Some(&1));
    assert_eq!(pull.summary.left_out.get("other"), Some(&1));
    assert_eq!(pull.summary.pages, 3);
    assert_eq!(
        pull.cursor,
        Some(Cursor(
            "2023-09-04T04:25:05.748Z at://did:plc:person01example0000000/app.bsky.feed.like/3k6k5mmghct24"
                .into()
        ))
    );
    // A reply answers in its thread: the root from the record, the parent itself.
    assert_eq!(
        pull.items[0].reply_to,
        ReplyTarget::Bluesky {
            uri: "at://did:plc:person02example0000000/app.bsky.feed.post/3k6k4as23yu2g".into(),
            cid: "bafyreidkrb4ci4v6o2laiicznvak2wxwklkmdpccna6r6qlvvz6sewghkq".into(),
            root_uri: "at://did:plc:person02example0000000/app.bsky.feed.post/3k6k3k3gwjt2q".into(),
            root_cid: "bafyreihvdsfczasqo7fadxtwsdq56e6mrodlfn6f4qaleglzr2nwmwkrxm".into(),
        }
    );
    // A quote outside any thread starts its own.
    let ReplyTarget::Bluesky { uri, root_uri, .. } = &pull.items[2].reply_to else {
        panic!()
    };
    assert_eq!(uri, root_uri);
}

#[test]
fn a_later_sync_stops_at_the_last_known_notification() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let c1 = "1693800000000%3A%3Abafyreif5ion4zgoeksmefhyjf6fbpsjpojbcw33vxhqlh3rc7u33hdde3i";
    let p1 = list(&mut server, "limit=100", ACCESS_1)
        .with_body(fixture("bluesky/list_notifications_page1.json"))
        .expect(1)
        .create();
    let p2 = list(&mut server, &format!("limit=100&cursor={c1}"), ACCESS_1)
        .with_body(fixture("bluesky/list_notifications_page2.json"))
        .expect(1)
        .create();
    let p3 = server
        .mock("GET", LIST)
        .match_query(Matcher::Regex("cursor=1693647073508".into()))
        .expect(0)
        .create();
    let mut b = connect(&server, vault(&server, &dir));
    // The newest of the last sync is the first of page 2.
    let since = Cursor(
        "2023-09-04T01:57:51.072Z at://did:plc:person06example0000000/app.bsky.feed.post/3k6jyqlnhvt2o"
            .into(),
    );
    let pull = b.pull_inbox(Some(&since), PullLimits::default()).unwrap();
    p1.assert();
    p2.assert();
    p3.assert();
    assert_eq!(pull.items.len(), 1);
    assert_eq!(pull.items[0].draft.text, "Merci ! On passe samedi 😊");
    assert!(pull.cursor.is_some());
}

#[test]
fn a_sync_and_a_file_import_read_the_same_items() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let body = fixture("bluesky/list_notifications_page2.json");
    let mut page: serde_json::Value = serde_json::from_str(&body).unwrap();
    page.as_object_mut().unwrap().remove("cursor");
    let _p = list(&mut server, "limit=100", ACCESS_1)
        .with_body(page.to_string())
        .create();
    let pulled = connect(&server, vault(&server, &dir))
        .pull_inbox(None, PullLimits::default())
        .unwrap();
    let ctx = Context {
        file: "list_notifications_page2.json",
        platform: None,
        tz: chrono_tz::Europe::Paris,
    };
    let imported = read(body.as_bytes(), Format::Bluesky, &ctx).unwrap();
    let drafts: Vec<_> = pulled.items.into_iter().map(|i| i.draft).collect();
    assert_eq!(drafts.len(), 3);
    assert_eq!(drafts, imported);
}
