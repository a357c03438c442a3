//! Replies and posts: exact records, facets, limits, resuming after a crash.

use super::*;

#[test]
fn a_reply_is_a_record_with_its_root_and_parent() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let log = Log::default();
    let create = server
        .mock("POST", "/xrpc/com.atproto.repo.createRecord")
        .match_header("authorization", format!("Bearer {ACCESS_1}").as_str())
        .match_header("content-type", "application/json")
        .with_body_from_request(log.answer(fixture("bluesky/create_record.json")))
        .expect(1)
        .create();
    let to = ReplyTarget::Bluesky {
        uri: "at://did:plc:person02example0000000/app.bsky.feed.post/3k6k4as23yu2g".into(),
        cid: "bafyreidkrb4ci4v6o2laiicznvak2wxwklkmdpccna6r6qlvvz6sewghkq".into(),
        root_uri: "at://did:plc:person02example0000000/app.bsky.feed.post/3k6k3k3gwjt2q".into(),
        root_cid: "bafyreihvdsfczasqo7fadxtwsdq56e6mrodlfn6f4qaleglzr2nwmwkrxm".into(),
    };
    let msg = message("Avec plaisir, à samedi 🥐", "reply-9");
    let sent = connect(&server, vault(&server, &dir))
        .reply(&to, &msg)
        .unwrap();
    create.assert();
    let seen = log.seen();
    assert_eq!(seen[0].path, "/xrpc/com.atproto.repo.createRecord");
    assert_eq!(
        seen[0].json(),
        json!({
            "repo": DID,
            "collection": "app.bsky.feed.post",
            "rkey": record_key(&msg),
            "record": {
                "$type": "app.bsky.feed.post",
                "text": "Avec plaisir, à samedi 🥐",
                "createdAt": "2026-11-22T08:30:00.000Z",
                "langs": ["fr"],
                "reply": {
                    "root": {
                        "uri": "at://did:plc:person02example0000000/app.bsky.feed.post/3k6k3k3gwjt2q",
                        "cid": "bafyreihvdsfczasqo7fadxtwsdq56e6mrodlfn6f4qaleglzr2nwmwkrxm",
                    },
                    "parent": {
                        "uri": "at://did:plc:person02example0000000/app.bsky.feed.post/3k6k4as23yu2g",
                        "cid": "bafyreidkrb4ci4v6o2laiicznvak2wxwklkmdpccna6r6qlvvz6sewghkq",
                    },
                },
            },
        })
    );
    assert_eq!(
        sent.id,
        "at://did:plc:studionordexample00000/app.bsky.feed.post/3jqhxhsrye223"
    );
    assert_eq!(
        sent.url,
        "https://bsky.app/profile/studio-nord.example/post/3jqhxhsrye223"
    );
}

#[test]
fn a_post_carries_facets_in_utf8_byte_offsets() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let log = Log::default();
    let resolve = server
        .mock("GET", "/xrpc/com.atproto.identity.resolveHandle")
        .match_query(Matcher::Exact("handle=lea.example.social".into()))
        .with_body(fixture("bluesky/resolve_handle.json"))
        .expect(1)
        .create();
    let create = server
        .mock("POST", "/xrpc/com.atproto.repo.createRecord")
        .with_body_from_request(log.answer(fixture("bluesky/create_record.json")))
        .expect(1)
        .create();
    let text = "Fournée à 7h ☕ avec @lea.example.social #Boulangerie https://exemple.fr/menu";
    // Fournée(8) sp à(2) sp 7h sp ☕(3) sp avec sp = 24 bytes before the mention.
    assert_eq!(text.len(), 80);
    let post = NewPost {
        message: message(text, "post-3"),
        schedule_at: None,
    };
    let mut b = connect(&server, vault(&server, &dir));
    assert!(!b.can_schedule());
    let p = b.publish(&post).unwrap();
    resolve.assert();
    create.assert();
    assert!(matches!(
        p,
        Published::Posted {
            scheduling_ignored: false,
            ..
        }
    ));
    let body = log.seen()[0].json();
    assert_eq!(
        body["record"]["facets"],
        json!([
            {
                "index": { "byteStart": 24, "byteEnd": 43 },
                "features": [{ "$type": "app.bsky.richtext.facet#mention", "did": "did:plc:person04example0000000" }],
            },
            {
                "index": { "byteStart": 44, "byteEnd": 56 },
                "features": [{ "$type": "app.bsky.richtext.facet#tag", "tag": "Boulangerie" }],
            },
            {
                "index": { "byteStart": 57, "byteEnd": 80 },
                "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": "https://exemple.fr/menu" }],
            },
        ])
    );
    assert_eq!(&text[24..43], "@lea.example.social");
    assert_eq!(&text[44..56], "#Boulangerie");
    assert_eq!(body["record"]["text"], json!(text));
    assert!(body["record"].get("reply").is_none());
}

#[test]
fn a_mention_nobody_answers_to_stays_plain_text() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let log = Log::default();
    let _resolve = server
        .mock("GET", "/xrpc/com.atproto.identity.resolveHandle")
        .match_query(Matcher::Any)
        .with_status(400)
        .with_body(r#"{"error":"InvalidRequest","message":"Unable to resolve handle"}"#)
        .create();
    let _create = server
        .mock("POST", "/xrpc/com.atproto.repo.createRecord")
        .with_body_from_request(log.answer(fixture("bluesky/create_record.json")))
        .create();
    let post = NewPost {
        message: message("Merci @nobody.example.social", "post-4"),
        schedule_at: None,
    };
    connect(&server, vault(&server, &dir))
        .publish(&post)
        .unwrap();
    assert!(log.seen()[0].json()["record"].get("facets").is_none());
}

#[test]
fn too_long_a_post_is_refused_before_sending() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let create = server
        .mock("POST", "/xrpc/com.atproto.repo.createRecord")
        .expect(0)
        .create();
    let mut b = connect(&server, vault(&server, &dir));
    let graphemes = "e\u{301}".repeat(301);
    let e = b
        .publish(&NewPost {
            message: message(&graphemes, "a"),
            schedule_at: None,
        })
        .unwrap_err();
    assert_eq!(
        e.kind,
        NetErrorKind::BadInput(InputProblem::TooLong {
            count: 301,
            limit: 300,
            unit: LengthUnit::Graphemes
        })
    );
    // 300 graphemes of 11 bytes each.
    let bytes = "👩\u{200d}🍳".repeat(300);
    let e = b
        .publish(&NewPost {
            message: message(&bytes, "b"),
            schedule_at: None,
        })
        .unwrap_err();
    assert_eq!(
        e.kind,
        NetErrorKind::BadInput(InputProblem::TooLong {
            count: 3300,
            limit: 3000,
            unit: LengthUnit::Bytes
        })
    );
    // Bluesky holds no post: one with a time is refused, never sent early.
    let e = b
        .publish(&NewPost {
            message: message("plus tard", "c"),
            schedule_at: Some(now() + chrono::Duration::hours(1)),
        })
        .unwrap_err();
    assert_eq!(e.kind, NetErrorKind::Unsupported);
    create.assert();
}

#[test]
fn a_resumed_send_finds_the_post_already_made() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let mut msg = message("Nouvelle adresse !", "post-5");
    msg.resume = true;
    let found = server
        .mock("GET", "/xrpc/com.atproto.repo.getRecord")
        .match_query(Matcher::Exact(format!(
            "repo=did%3Aplc%3Astudionordexample00000&collection=app.bsky.feed.post&rkey={}",
            record_key(&msg)
        )))
        .with_body(fixture("bluesky/get_record.json"))
        .expect(1)
        .create();
    let create = server
        .mock("POST", "/xrpc/com.atproto.repo.createRecord")
        .expect(0)
        .create();
    let p = connect(&server, vault(&server, &dir))
        .publish(&NewPost {
            message: msg,
            schedule_at: None,
        })
        .unwrap();
    found.assert();
    create.assert();
    let Published::Posted { post, .. } = p else {
        panic!()
    };
    assert_eq!(
        post.id,
        "at://did:plc:studionordexample00000/app.bsky.feed.post/3juqjtr23dk2h"
    );

    // Not there: the post is made, under the same record key.
    let mut server = mockito::Server::new();
    let mut msg = message("Nouvelle adresse !", "post-6");
    msg.resume = true;
    let _missing = server
        .mock("GET", "/xrpc/com.atproto.repo.getRecord")
        .match_query(Matcher::Any)
        .with_status(400)
        .with_body(r#"{"error":"RecordNotFound","message":"Could not locate record"}"#)
        .create();
    let create = server
        .mock("POST", "/xrpc/com.atproto.repo.createRecord")
        .match_body(Matcher::PartialJson(json!({ "rkey": record_key(&msg) })))
        .with_body(fixture("bluesky/create_record.json"))
        .expect(1)
        .create();
    connect(&server, vault(&server, &dir))
        .publish(&NewPost {
            message: msg,
            schedule_at: None,
        })
        .unwrap();
    create.assert();
}
