use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::inbox::{ItemDraft, Kind};
use crate::domain::post::{Post, PostStatus};
use crate::domain::{AccountDraft, ClientDraft, Platform};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}

fn setup() -> (Store, i64, i64) {
    let s = Store::open_in_memory().unwrap();
    let client = s.insert_client(&ClientDraft::new("Bakery"), now()).unwrap();
    let account = s
        .insert_account(
            client,
            &AccountDraft {
                platform: Platform::Mastodon,
                handle: "@studio@example.social".into(),
            },
            now(),
        )
        .unwrap();
    (s, client, account)
}

fn new(client: i64, account: i64, handle: &str) -> NewConnection {
    NewConnection {
        client_id: client,
        account_id: account,
        platform: Platform::Mastodon,
        server: "https://example.social".into(),
        handle: handle.into(),
        profile: r#"{"platform":"mastodon","server":"https://example.social"}"#.into(),
    }
}

#[test]
fn a_connection_keeps_its_cursor_across_a_reconnect_and_records_failures() {
    let (mut s, client, account) = setup();
    let id = s
        .save_connection(&new(client, account, "@studio@example.social"), now())
        .unwrap();
    s.transaction(|tx| tx.finish_sync(id, Some("\"104\""), now()))
        .unwrap();
    let until = now() + chrono::Duration::minutes(5);
    s.set_connection_state(id, ConnState::Error, Some("rate_limited"), Some(until))
        .unwrap();
    let c = s.connection(id).unwrap().unwrap();
    assert_eq!(
        (c.state, c.retry_at, c.last_error.as_deref()),
        (ConnState::Error, Some(until), Some("rate_limited"))
    );
    // Signing in again: active, same row, same cursor.
    assert_eq!(
        s.save_connection(&new(client, account, "@studio@example.social"), now())
            .unwrap(),
        id
    );
    let c = s.connection(id).unwrap().unwrap();
    assert_eq!(
        (c.state, c.retry_at, c.cursor.as_deref()),
        (ConnState::Active, None, Some("\"104\""))
    );
    assert_eq!(c.last_sync_at, Some(now()));
    // Another account's cursor is not this one's.
    assert_eq!(
        s.save_connection(&new(client, account, "@other@example.social"), now())
            .unwrap(),
        id
    );
    assert_eq!(s.connection(id).unwrap().unwrap().cursor, None);
    // The same account on the same server for another client is refused.
    let other = s
        .insert_client(&ClientDraft::new("Florist"), now())
        .unwrap();
    let acc2 = s
        .insert_account(
            other,
            &AccountDraft {
                platform: Platform::Mastodon,
                handle: "@x".into(),
            },
            now(),
        )
        .unwrap();
    let e = s
        .save_connection(&new(other, acc2, "@other@example.social"), now())
        .unwrap_err();
    assert!(
        matches!(e, StoreError::Conflict(Conflict::Connection { .. })),
        "{e:?}"
    );
    assert_eq!(s.connections(Some(client)).unwrap().len(), 1);
    assert!(s.connections(Some(other)).unwrap().is_empty());
    assert!(s.delete_connection(id).unwrap());
    assert!(s.connections(None).unwrap().is_empty());
}

#[test]
fn a_synced_item_already_imported_gets_its_reply_target_and_a_reply_is_one_send() {
    let (mut s, client, account) = setup();
    let draft = ItemDraft {
        platform: Platform::Mastodon,
        kind: Kind::Mention,
        author: "@ana".into(),
        author_name: String::new(),
        text: "Bonjour".into(),
        received_at: now(),
        permalink: "https://example.social/@ana/1".into(),
        external_id: Some("1".into()),
    };
    s.transaction(|tx| {
        assert!(tx.insert_item(client, &draft, now())?);
        // The sync meets it again: not stored twice, but now answerable.
        assert!(!tx.insert_item(client, &draft, now())?);
        assert!(tx.set_reply_target(client, account, Platform::Mastodon, "1", "{}")?);
        Ok(())
    })
    .unwrap();
    let id = s.items_matching(&Default::default()).unwrap()[0].id;
    let t = s.reply_target(id).unwrap().unwrap();
    assert_eq!((t.account_id, t.target.as_str()), (account, "{}"));
    let first = s.begin_reply(id, "k1", now()).unwrap();
    assert_eq!(first, (now(), false));
    let later = now() + chrono::Duration::minutes(1);
    assert_eq!(s.begin_reply(id, "k1", later).unwrap(), (now(), true));
    assert_eq!(s.begin_reply(id, "k2", later).unwrap(), (later, false));
    s.finish_reply(id, "9", "https://example.social/@studio/9")
        .unwrap();
    assert_eq!(
        s.reply_target(id).unwrap().unwrap().sent_url.as_deref(),
        Some("https://example.social/@studio/9")
    );
}

#[test]
fn publishing_marks_the_post_before_sending_and_ends_it_from_its_sends() {
    let (mut s, client, account) = setup();
    let post = Post {
        client_id: client,
        accounts: vec![account],
        local: Some(now().naive_utc()),
        at: Some(now()),
        status: PostStatus::Scheduled,
        body: "Hello".into(),
        ..Post::default()
    };
    let id = s.transaction(|tx| tx.save_post(&post, now())).unwrap();
    let p = s.post(id).unwrap();
    assert_eq!(
        s.posts_in_status(PostStatus::Scheduled, None, Some(now()))
            .unwrap()
            .len(),
        1
    );
    let keys = [(account, "key".to_string())];
    let v = s
        .begin_publishing(id, p.version, PostStatus::Scheduled, &keys, now())
        .unwrap();
    assert_eq!(s.post(id).unwrap().status, PostStatus::Publishing);
    // A second runner reading the old version is refused.
    let e = s
        .begin_publishing(id, p.version, PostStatus::Scheduled, &keys, now())
        .unwrap_err();
    assert!(matches!(e, StoreError::Stale { .. }), "{e:?}");
    assert_eq!(s.post_sends(id).unwrap()[0].state, SendState::Sending);
    s.record_send(
        id,
        account,
        "key",
        &SendOutcome::Sent {
            id: "5".into(),
            url: "https://x/5".into(),
        },
        now(),
    )
    .unwrap();
    let v2 = s
        .finish_publishing(id, PostStatus::Published, Some("https://x/5"))
        .unwrap();
    assert!(v2 > v);
    let p = s.post(id).unwrap();
    assert_eq!(
        (p.status, p.permalink.as_str()),
        (PostStatus::Published, "https://x/5")
    );
    let send = &s.post_sends(id).unwrap()[0];
    assert_eq!(
        (send.state, send.remote_url.as_deref()),
        (SendState::Sent, Some("https://x/5"))
    );
}

#[test]
fn a_version_12_database_takes_publishing_posts_after_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v12.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrations::migrations().to_version(&mut conn, 12).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, currency, timezone, created_at)
                 VALUES (1, 'Old', 'old', 'EUR', 'Europe/Paris', 0);
             INSERT INTO posts (id, client_id, status, title, created_at) VALUES (10, 1, 'draft', 'A', 0);",
        )
        .unwrap();
        let refused = conn.execute("UPDATE posts SET status = 'publishing' WHERE id = 10", []);
        assert!(refused.is_err());
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    s.execute_for_tests("UPDATE posts SET status = ?1 WHERE id = 10", "publishing");
    assert_eq!(s.post(10).unwrap().status, PostStatus::Publishing);
    let bad = s
        .conn
        .execute("UPDATE posts SET status = 'nonsense' WHERE id = 10", []);
    assert!(bad.is_err(), "the check still holds for other values");
    let ok: String = s
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(s);
    // A new connection reads the widened check from the file.
    let s = Store::open(&path).unwrap();
    s.execute_for_tests("UPDATE posts SET status = ?1 WHERE id = 10", "scheduled");
}
