//! Bluesky against a local server replaying recorded answers: sign-in, paging back to
//! a known notification, refresh rotation (one refresh across two windows), and the
//! exact records of a reply and a post with facets.

mod netkit;

use std::sync::{Arc, Barrier};

use mockito::Matcher;
use netkit::{Log, env, fixture, now};
use serde_json::json;
use twohats::domain::Platform;
use twohats::domain::inbox::Kind;
use twohats::io::inbox::{Context, Format, read};
use twohats::net::bluesky::{self, Bluesky, record_key};
use twohats::net::error::{InputProblem, LengthUnit};
use twohats::net::http::BaseUrl;
use twohats::net::{
    Connection, ConnectionKey, Credentials, Cursor, IdempotencyKey, NetErrorKind, NewPost,
    Outgoing, PostRef, Published, PullLimits, ReplyTarget, Secret, SecretsStore, SecretsVault,
    Vault,
};

const DID: &str = "did:plc:studionordexample00000";
const ACCESS_1: &str = "ACCESS-JWT-scrubbed";
const REFRESH_1: &str = "REFRESH-JWT-scrubbed";
const ACCESS_2: &str = "ACCESS-JWT-2-scrubbed";
const REFRESH_2: &str = "REFRESH-JWT-2-scrubbed";
const LIST: &str = "/xrpc/app.bsky.notification.listNotifications";

fn key(server: &mockito::Server) -> ConnectionKey {
    ConnectionKey::new(Platform::Bluesky, &server.url(), "@studio-nord.example")
}

fn tokens(access: &str, refresh: &str) -> Credentials {
    Credentials::Bluesky {
        access_jwt: Secret::new(access),
        refresh_jwt: Secret::new(refresh),
    }
}

/// A vault in a temporary folder holding the first pair of tokens.
fn vault(server: &mockito::Server, dir: &tempfile::TempDir) -> Arc<SecretsVault> {
    let store = SecretsStore::files_in(dir.path().to_path_buf());
    store
        .put(&key(server), &tokens(ACCESS_1, REFRESH_1))
        .unwrap();
    Arc::new(SecretsVault::new(store, key(server)))
}

fn connect(server: &mockito::Server, vault: Arc<SecretsVault>) -> Bluesky {
    Bluesky::open(&env(), key(server), &server.url(), DID, vault).unwrap()
}

fn list(server: &mut mockito::Server, query: &str, token: &str) -> mockito::Mock {
    server
        .mock("GET", LIST)
        .match_query(Matcher::Exact(query.to_string()))
        .match_header("authorization", format!("Bearer {token}").as_str())
        .with_header("content-type", "application/json; charset=utf-8")
}

fn message(text: &str, key: &str) -> Outgoing {
    Outgoing {
        text: text.to_string(),
        language: Some("fr".into()),
        key: IdempotencyKey(key.to_string()),
        sent_at: now(),
        resume: false,
    }
}

#[test]
fn signing_in_takes_an_app_password_and_finds_the_pds() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", "/xrpc/com.atproto.server.createSession")
        .match_header("content-type", "application/json")
        .match_body(Matcher::Json(json!({
            "identifier": "studio-nord.example",
            "password": "abcd-efgh-ijkl-mnop",
        })))
        .with_body(fixture("bluesky/create_session.json"))
        .expect(1)
        .create();
    let entry = BaseUrl::parse(&server.url()).unwrap();
    let s = bluesky::sign_in(
        &env(),
        &entry,
        "@studio-nord.example",
        &Secret::new("abcd-efgh-ijkl-mnop"),
        None,
    )
    .unwrap();
    m.assert();
    assert_eq!(s.did, DID);
    assert_eq!(s.handle, "studio-nord.example");
    // Later calls go to the PDS the DID document names.
    assert_eq!(s.pds.as_str(), "https://pds.example");
    assert_eq!(s.credentials, tokens(ACCESS_1, REFRESH_1));
    assert!(!format!("{s:?}").contains("JWT-scrubbed"));

    // A PDS given by the user is where the session is made and kept.
    let again = bluesky::sign_in(
        &env(),
        &BaseUrl::parse("https://bsky.invalid").unwrap(),
        "studio-nord.example",
        &Secret::new("abcd-efgh-ijkl-mnop"),
        Some(&entry),
    );
    assert_eq!(again.unwrap().pds, entry);
}

#[test]
fn a_session_made_with_the_account_password_is_refused_and_closed() {
    let mut server = mockito::Server::new();
    // {"alg":"none"} . {"scope":"com.atproto.access","sub":"did:plc:x"} . sig
    let jwt =
        "eyJhbGciOiJub25lIn0.eyJzY29wZSI6ImNvbS5hdHByb3RvLmFjY2VzcyIsInN1YiI6ImRpZDpwbGM6eCJ9.c2ln";
    let mut body: serde_json::Value =
        serde_json::from_str(&fixture("bluesky/create_session.json")).unwrap();
    body["accessJwt"] = json!(jwt);
    let _create = server
        .mock("POST", "/xrpc/com.atproto.server.createSession")
        .with_body(body.to_string())
        .create();
    let delete = server
        .mock("POST", "/xrpc/com.atproto.server.deleteSession")
        .match_header("authorization", format!("Bearer {REFRESH_1}").as_str())
        .expect(1)
        .create();
    let e = bluesky::sign_in(
        &env(),
        &BaseUrl::parse(&server.url()).unwrap(),
        "studio-nord.example",
        &Secret::new("my real password"),
        None,
    )
    .unwrap_err();
    delete.assert();
    assert_eq!(e.kind, NetErrorKind::BadInput(InputProblem::NotAppPassword));
    assert_eq!(e.account, "@studio-nord.example");
}

#[test]
fn a_wrong_password_is_unauthorized() {
    let mut server = mockito::Server::new();
    let _m = server
        .mock("POST", "/xrpc/com.atproto.server.createSession")
        .with_status(401)
        .with_body(
            r#"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#,
        )
        .create();
    let e = bluesky::sign_in(
        &env(),
        &BaseUrl::parse(&server.url()).unwrap(),
        "studio-nord.example",
        &Secret::new("abcd-efgh-ijkl-mnop"),
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind, NetErrorKind::Unauthorized);
}

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
