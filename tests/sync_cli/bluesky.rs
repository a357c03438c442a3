//! Bluesky from the command line, end to end: signing in on the entryway with an app
//! password and keeping the PDS the DID document names, syncs paging back to the last
//! known notification (and never storing twice what a file import brought), a reply's
//! and a post's exact records, and an expired session whose refresh is refused.

use chrono::{NaiveDate, TimeZone, Utc};
use mockito::Matcher;
use serde_json::json;
use twohats::domain::post::{Post, PostStatus};
use twohats::net::bluesky::record_key;
use twohats::net::{IdempotencyKey, Outgoing};
use twohats::store::Store;

use super::*;

pub const DID: &str = "did:plc:studionordexample00000";
pub const ACCESS_1: &str = "ACCESS-JWT-scrubbed";
pub const REFRESH_1: &str = "REFRESH-JWT-scrubbed";
pub const ACCESS_2: &str = "ACCESS-JWT-2-scrubbed";
pub const REFRESH_2: &str = "REFRESH-JWT-2-scrubbed";
pub const PASSWORD: &str = "abcd-efgh-ijkl-mnop";
pub const LIST: &str = "/xrpc/app.bsky.notification.listNotifications";
pub const CREATE: &str = "/xrpc/com.atproto.repo.createRecord";
/// The cursors of the recorded pages (percent-encoded as the app sends them).
pub const C1: &str =
    "1693800000000%3A%3Abafyreif5ion4zgoeksmefhyjf6fbpsjpojbcw33vxhqlh3rc7u33hdde3i";
pub const C2: &str =
    "1693647073508%3A%3Abafyreif5ion4zgoeksmefhyjf6fbpsjpojbcw33vxhqlh3rc7u33hdde3i";

/// The recorded session, its DID document naming `pds` as the account's PDS.
pub fn session_naming(pds: &str) -> String {
    let mut body: Value = serde_json::from_str(&fixture("bluesky/create_session.json")).unwrap();
    body["didDoc"]["service"][0]["serviceEndpoint"] = json!(pds);
    body.to_string()
}

pub fn list(server: &mut mockito::Server, query: &str, token: &str) -> mockito::Mock {
    server
        .mock("GET", LIST)
        .match_query(Matcher::Exact(query.to_string()))
        .match_header("authorization", format!("Bearer {token}").as_str())
        .with_header("content-type", "application/json; charset=utf-8")
}

pub fn profile(server: &mut mockito::Server, token: &str) -> mockito::Mock {
    server
        .mock("GET", "/xrpc/app.bsky.actor.getProfile")
        .match_query(Matcher::Exact(format!("actor={}", DID.replace(':', "%3A"))))
        .match_header("authorization", format!("Bearer {token}").as_str())
        .with_body(fixture("bluesky/get_profile.json"))
}

/// `connect bluesky` signing in on the entryway `entry`, whose session names `pds`.
pub fn connect_bluesky(s: &Setup, entry: &mut mockito::Server, pds: &mockito::Server) {
    let create = entry
        .mock("POST", "/xrpc/com.atproto.server.createSession")
        .match_body(Matcher::Json(json!({
            "identifier": "studio-nord.example",
            "password": PASSWORD,
        })))
        .with_body(session_naming(&pds.url()))
        .expect(1)
        .create();
    let o = s.run_with(
        &[
            "connect",
            "bluesky",
            "--client",
            "Bakery",
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
        &[("TWOHATS_BLUESKY_ENTRYWAY", &entry.url())],
    );
    assert!(o.status.success(), "{}", err(&o));
    create.assert();
    assert!(
        out(&o).contains("Connected @studio-nord.example"),
        "{}",
        out(&o)
    );
}

/// Page 1 of the recording with a newer reply on top; the like that topped it stays
/// second, so a sync that saw page 1 stops there.
fn newer_page() -> String {
    let mut page: Value =
        serde_json::from_str(&fixture("bluesky/list_notifications_page1.json")).unwrap();
    let list = page["notifications"].as_array_mut().unwrap();
    let mut reply = list[1].clone();
    reply["uri"] = json!("at://did:plc:person02example0000000/app.bsky.feed.post/3k6m2zzqkqs2a");
    reply["cid"] = json!("bafyreigz5newreplyexample000000000000000000000000000000000");
    reply["indexedAt"] = json!("2023-09-05T09:12:00.000Z");
    reply["record"]["createdAt"] = json!("2023-09-05T09:11:58.000Z");
    reply["record"]["text"] = json!("Et le dimanche, vous ouvrez ?");
    list.insert(0, reply);
    page.to_string()
}

#[test]
fn bluesky_syncs_back_to_the_known_item_replies_in_the_thread_and_publishes_with_facets() {
    let mut entry = mockito::Server::new();
    let mut pds = mockito::Server::new();
    let s = Setup::new("bluesky", "@studio-nord.example");
    // An export of the older page, imported by hand before connecting.
    let file = s.dir.path().join("notifications.json");
    std::fs::write(&file, fixture("bluesky/list_notifications_page2.json")).unwrap();
    let o = s.run(
        &[
            "import",
            "inbox",
            file.to_str().unwrap(),
            "--client",
            "Bakery",
            "--format",
            "bluesky",
        ],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(items(&s).len(), 3);

    connect_bluesky(&s, &mut entry, &pds);
    // Later calls go to the PDS of the DID document, not to the entryway.
    let conns = s.json(&["connections", "--json"]);
    assert_eq!(conns[0]["server"], pds.url());
    assert_eq!(conns[0]["account"], "@studio-nord.example");

    // The first sync pages back to the end; page 2 was imported already.
    let p1 = list(&mut pds, "limit=100", ACCESS_1)
        .with_body(fixture("bluesky/list_notifications_page1.json"))
        .expect(1)
        .create();
    let p2 = list(&mut pds, &format!("limit=100&cursor={C1}"), ACCESS_1)
        .with_body(fixture("bluesky/list_notifications_page2.json"))
        .expect(1)
        .create();
    let p3 = list(&mut pds, &format!("limit=100&cursor={C2}"), ACCESS_1)
        .with_body(r#"{"notifications":[]}"#)
        .expect(1)
        .create();
    let me = profile(&mut pds, ACCESS_1).expect(2).create();
    let o = s.run(&["sync"], None);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains(
            "Bakery · @studio-nord.example: 1 new item, 3 already there, \
             3 other notifications left out, 4945 followers"
        ),
        "{}",
        out(&o)
    );
    p1.assert();
    p2.assert();
    p3.assert();
    assert_eq!(items(&s).len(), 4);
    p1.remove();

    // The second sync stops at the newest notification the first one saw.
    let newer = list(&mut pds, "limit=100", ACCESS_1)
        .with_body(newer_page())
        .expect(1)
        .create();
    let further = pds
        .mock("GET", LIST)
        .match_query(Matcher::Regex("cursor=".into()))
        .expect(0)
        .create();
    let rows = s.json(&["sync", "--json"]);
    assert_eq!(rows[0]["new"], 1, "{rows}");
    assert_eq!(rows[0]["known"], 0, "{rows}");
    assert_eq!(rows[0]["ok"], true, "{rows}");
    newer.assert();
    further.assert();
    assert_eq!(items(&s).len(), 5);
    me.assert();

    // A reply to a synced reply goes into its thread: root from its record, itself as
    // parent, exactly.
    let all = items(&s);
    let item = all
        .iter()
        .find(|i| i["text"] == "Merci ! On passe samedi 😊")
        .unwrap();
    let id = item["id"].as_i64().unwrap();
    let text = "Avec plaisir Marc, à samedi 🥐";
    let log = Log::default();
    let create = pds
        .mock("POST", CREATE)
        .match_header("authorization", format!("Bearer {ACCESS_1}").as_str())
        .with_body_from_request(log.answer(fixture("bluesky/create_record.json")))
        .expect(1)
        .create();
    let o = s.run(&["inbox", "reply", &id.to_string(), "--text", text], None);
    assert!(o.status.success(), "{}", err(&o));
    create.assert();
    let sent = Outgoing {
        text: text.into(),
        language: None,
        key: IdempotencyKey::derive(&["reply", &id.to_string(), text]),
        sent_at: Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap(),
        resume: false,
    };
    let rkey = record_key(&sent);
    assert_eq!(rkey.len(), 13);
    assert_eq!(
        log.seen()[0].json(),
        json!({
            "repo": DID,
            "collection": "app.bsky.feed.post",
            "rkey": rkey,
            "record": {
                "$type": "app.bsky.feed.post",
                "text": text,
                "createdAt": "2026-11-22T08:30:00.000Z",
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
    let url = "https://bsky.app/profile/studio-nord.example/post/3jqhxhsrye223";
    assert!(
        out(&o).contains(&format!("reply sent on Bluesky ({url})")),
        "{}",
        out(&o)
    );
    let it = items(&s).into_iter().find(|i| i["id"] == id).unwrap();
    assert_eq!(it["status"], "replied");
    assert_eq!(it["reply"], text);
    let store = Store::open(&s.db).unwrap();
    let target = store.reply_target(id).unwrap().unwrap();
    assert_eq!(target.sent_url.as_deref(), Some(url));
    assert_eq!(
        target.sent_id.as_deref(),
        Some("at://did:plc:studionordexample00000/app.bsky.feed.post/3jqhxhsrye223")
    );
    drop(store);
    create.remove();

    // A due post: its facets in UTF-8 byte offsets of the final text, with accents and
    // an emoji before them.
    let body = "Bûche de Noël 🎄 à la boulangerie ! Merci @lea.example.social #Lyon https://exemple.fr/noel";
    let post = due_bluesky_post(&s, body);
    let resolve = pds
        .mock("GET", "/xrpc/com.atproto.identity.resolveHandle")
        .match_query(Matcher::Exact("handle=lea.example.social".into()))
        .with_body(fixture("bluesky/resolve_handle.json"))
        .expect(1)
        .create();
    let log = Log::default();
    let create = pds
        .mock("POST", CREATE)
        .match_header("authorization", format!("Bearer {ACCESS_1}").as_str())
        .with_body_from_request(log.answer(fixture("bluesky/create_record.json")))
        .expect(1)
        .create();
    let o = s.run(&["publish", "--due"], None);
    assert!(o.status.success(), "{}", err(&o));
    resolve.assert();
    let p = Store::open(&s.db).unwrap().post(post).unwrap();
    let key = twohats::sync::publish::send_key(&p, p.accounts[0]);
    let rkey = record_key(&Outgoing {
        text: body.into(),
        language: None,
        key: IdempotencyKey(key),
        sent_at: Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap(),
        resume: false,
    });
    assert_eq!(&body.as_bytes()[47..66], b"@lea.example.social");
    assert_eq!(&body.as_bytes()[67..72], b"#Lyon");
    assert_eq!(&body.as_bytes()[73..96], b"https://exemple.fr/noel");
    assert_eq!(
        log.seen()[0].json(),
        json!({
            "repo": DID,
            "collection": "app.bsky.feed.post",
            "rkey": rkey,
            "record": {
                "$type": "app.bsky.feed.post",
                "text": body,
                "createdAt": "2026-11-22T08:30:00.000Z",
                "facets": [
                    {
                        "index": { "byteStart": 47, "byteEnd": 66 },
                        "features": [{ "$type": "app.bsky.richtext.facet#mention", "did": "did:plc:person04example0000000" }],
                    },
                    {
                        "index": { "byteStart": 67, "byteEnd": 72 },
                        "features": [{ "$type": "app.bsky.richtext.facet#tag", "tag": "Lyon" }],
                    },
                    {
                        "index": { "byteStart": 73, "byteEnd": 96 },
                        "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": "https://exemple.fr/noel" }],
                    },
                ],
            },
        })
    );
    assert!(
        out(&o).contains(&format!("published on @studio-nord.example: {url}")),
        "{}",
        out(&o)
    );
    assert_eq!(p.status, PostStatus::Published);
    assert_eq!(p.permalink, url);
    // A second run finds nothing due and sends nothing.
    let o = s.run(&["publish", "--due"], None);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("No post is due."), "{}", out(&o));
    create.assert();

    // The app password was never kept, and the tokens are only in the secrets folder.
    let mut db = std::fs::read(&s.db).unwrap();
    db.extend(std::fs::read(s.db.with_extension("db-wal")).unwrap_or_default());
    for secret in [PASSWORD, ACCESS_1, REFRESH_1] {
        assert!(!db.windows(secret.len()).any(|w| w == secret.as_bytes()));
    }
    let kept = secrets_text(&s);
    assert!(kept.contains(ACCESS_1) && !kept.contains(PASSWORD));
}

/// Everything the secrets folder holds, as text.
pub fn secrets_text(s: &Setup) -> String {
    std::fs::read_dir(&s.secrets)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect()
}

/// A scheduled post of Bakery on its Bluesky account, due at 08:00 (now is 08:30).
fn due_bluesky_post(s: &Setup, body: &str) -> i64 {
    let mut store = Store::open(&s.db).unwrap();
    let account = store
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.platform == twohats::domain::Platform::Bluesky)
        .unwrap()
        .id;
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
    let post = Post {
        client_id: store.clients().unwrap()[0].id,
        accounts: vec![account],
        local: NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 0, 0),
        at: Some(at),
        status: PostStatus::Scheduled,
        body: body.into(),
        ..Post::default()
    };
    store.transaction(|tx| tx.save_post(&post, at)).unwrap()
}

/// The access token ran out and the refresh token was revoked: the connection has
/// expired, `sync` exits 1 naming the account and Today says to reconnect.
#[test]
fn a_refused_refresh_expires_the_bluesky_connection() {
    let mut entry = mockito::Server::new();
    let mut pds = mockito::Server::new();
    let s = Setup::new("bluesky", "@studio-nord.example");
    connect_bluesky(&s, &mut entry, &pds);
    let expired = list(&mut pds, "limit=100", ACCESS_1)
        .with_status(400)
        .with_body(r#"{"error":"ExpiredToken","message":"Token has expired"}"#)
        .expect(1)
        .create();
    let revoked = pds
        .mock("POST", "/xrpc/com.atproto.server.refreshSession")
        .match_header("authorization", format!("Bearer {REFRESH_1}").as_str())
        .with_status(401)
        .with_body(r#"{"error":"ExpiredToken","message":"Token has been revoked"}"#)
        .expect(1)
        .create();
    let o = s.run(&["sync"], None);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    expired.assert();
    revoked.assert();
    assert!(
        out(&o).contains("@studio-nord.example: the server refused the credentials"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o)
            .contains("twohats connect bluesky --client \"Bakery\" --account @studio-nord.example"),
        "{}",
        out(&o)
    );
    assert!(err(&o).contains("@studio-nord.example"), "{}", err(&o));
    assert_eq!(s.json(&["connections", "--json"])[0]["state"], "expired");
    let today = s.json(&["today", "--json"]);
    assert_eq!(today["reconnect"][0]["account"], "@studio-nord.example");
    let o = s.run(&["today"], None);
    assert!(
        out(&o).contains("reconnect @studio-nord.example (Bakery)"),
        "{}",
        out(&o)
    );
}

/// A plain 401 (a token the server no longer knows) expires the connection the same
/// way, without spending the refresh token.
#[test]
fn a_401_from_the_pds_expires_the_connection_without_a_refresh() {
    let mut entry = mockito::Server::new();
    let mut pds = mockito::Server::new();
    let s = Setup::new("bluesky", "@studio-nord.example");
    connect_bluesky(&s, &mut entry, &pds);
    let refused = list(&mut pds, "limit=100", ACCESS_1)
        .with_status(401)
        .with_body(
            r#"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#,
        )
        .expect(1)
        .create();
    let refresh = pds
        .mock("POST", "/xrpc/com.atproto.server.refreshSession")
        .expect(0)
        .create();
    let o = s.run(&["sync", "--json"], None);
    assert_eq!(o.status.code(), Some(1));
    let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows[0]["error_kind"], "unauthorized", "{rows}");
    refused.assert();
    refresh.assert();
    assert_eq!(s.json(&["connections", "--json"])[0]["state"], "expired");
    assert_eq!(
        s.json(&["today", "--json"])["reconnect"][0]["account"],
        "@studio-nord.example"
    );
}

/// Over 300 graphemes: `--dry-run` says it would be refused, with the count, and
/// the real run sends nothing.
#[test]
fn a_bluesky_post_over_300_graphemes_is_refused_by_the_dry_run_too() {
    let mut entry = mockito::Server::new();
    let mut pds = mockito::Server::new();
    let s = Setup::new("bluesky", "@studio-nord.example");
    connect_bluesky(&s, &mut entry, &pds);
    due_bluesky_post(&s, &"é".repeat(301));
    let create = pds
        .mock("POST", "/xrpc/com.atproto.repo.createRecord")
        .expect(0)
        .create();
    let said = "@studio-nord.example: the text is too long: 301 characters for at most 300";
    for args in [
        &["publish", "--due", "--dry-run"][..],
        &["publish", "--due"],
    ] {
        let o = s.run(args, None);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", err(&o));
        assert!(out(&o).contains(said), "{args:?}: {}", out(&o));
        assert!(!out(&o).contains("Would publish"), "{}", out(&o));
    }
    create.assert();
}

fn connect_with(s: &Setup, entry: &mockito::Server, password: &str) -> Output {
    s.run_with(
        &[
            "connect",
            "bluesky",
            "--client",
            "Bakery",
            "--password-stdin",
        ],
        Some(&format!("{password}\n")),
        &[("TWOHATS_BLUESKY_ENTRYWAY", &entry.url())],
    )
}

/// A password without the app password's shape is warned about (not refused); a
/// refused sign-in says the handle or app password is wrong, not that it expired; a
/// session of another handle is refused, naming both.
#[test]
fn bluesky_sign_in_warns_on_a_password_shape_and_names_what_went_wrong() {
    let mut entry = mockito::Server::new();
    let pds = mockito::Server::new();
    let s = Setup::new("bluesky", "@studio-nord.example");
    let warning = "does not look like an app password (xxxx-xxxx-xxxx-xxxx)";
    let refused = entry
        .mock("POST", "/xrpc/com.atproto.server.createSession")
        .with_status(401)
        .with_body(
            r#"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#,
        )
        .create();
    let o = connect_with(&s, &entry, "hunter2");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains(warning), "{}", err(&o));
    assert!(
        err(&o).contains("the handle or the app password is wrong"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("revoked or expired"), "{}", err(&o));
    refused.remove();

    let mut other: Value = serde_json::from_str(&session_naming(&pds.url())).unwrap();
    other["handle"] = json!("someone-else.example");
    let _other = entry
        .mock("POST", "/xrpc/com.atproto.server.createSession")
        .with_body(other.to_string())
        .create();
    let o = connect_with(&s, &entry, PASSWORD);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(!err(&o).contains(warning), "{}", err(&o));
    assert!(
        err(&o).contains(
            "these credentials belong to @someone-else.example, not @studio-nord.example"
        ),
        "{}",
        err(&o)
    );
    assert!(!s.secrets.exists() || secrets_text(&s).is_empty());
    assert_eq!(s.json(&["connections", "--json"]), json!([]));
}
