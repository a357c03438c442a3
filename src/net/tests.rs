use std::os::unix::fs::PermissionsExt;
use std::sync::{Arc, Barrier};

use chrono::{TimeZone, Utc};

use super::bluesky::facets::{SpanKind, detect};
use super::bluesky::{looks_like_app_password, permalink, tid};
use super::mastodon::{parse_handle, server_for, with_mention};
use super::*;
use crate::domain::Platform;

fn key() -> ConnectionKey {
    ConnectionKey::new(
        Platform::Bluesky,
        "https://pds.example",
        "@Studio-Nord.example",
    )
}

fn creds(n: u32) -> Credentials {
    Credentials::Bluesky {
        access_jwt: Secret::new(format!("access-{n}")),
        refresh_jwt: Secret::new(format!("refresh-{n}")),
    }
}

#[test]
fn connection_keys_are_normalised() {
    let k = ConnectionKey::new(
        Platform::Mastodon,
        "https://Mastodon.Social/",
        "Alice@Mastodon.Social",
    );
    assert_eq!(k.handle, "@alice@mastodon.social");
    assert_eq!(k.server, "https://mastodon.social");
    assert_eq!(
        k.name(),
        "mastodon https://mastodon.social @alice@mastodon.social"
    );
    assert_eq!(key().label(), "@studio-nord.example");
}

#[test]
fn secrets_never_show_in_debug_output() {
    let c = Credentials::Mastodon {
        access_token: Secret::new("tok-visible?"),
        client_id: Some("client".into()),
        client_secret: Some(Secret::new("cs-visible?")),
    };
    let shown = format!("{c:?} {:?}", creds(7));
    assert!(!shown.contains("visible?"), "{shown}");
    assert!(!shown.contains("access-7"), "{shown}");
    assert!(shown.contains("client"), "{shown}");
}

#[test]
fn idempotency_keys_depend_on_what_is_sent_only() {
    let a = IdempotencyKey::derive(&["post", "42", "Bonjour"]);
    assert_eq!(a, IdempotencyKey::derive(&["post", "42", "Bonjour"]));
    assert_ne!(a, IdempotencyKey::derive(&["post", "42", "Bonsoir"]));
    // The parts are separated: ("ab","c") is not ("a","bc").
    assert_ne!(
        IdempotencyKey::derive(&["ab", "c"]),
        IdempotencyKey::derive(&["a", "bc"])
    );
    assert_eq!(a.as_str().len(), 32);
}

#[test]
fn the_file_store_is_private_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let secrets_dir = dir.path().join("config").join("secrets");
    let store = SecretsStore::files_in(secrets_dir.clone());
    assert_eq!(store.get(&key()).unwrap(), None);
    let at = store.put(&key(), &creds(1)).unwrap();
    let path = store.file_path(&key());
    assert_eq!(at, secrets::Location::File(path.clone()));
    assert_eq!(store.get(&key()).unwrap(), Some(creds(1)));
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&secrets_dir), 0o700);
    // The file's name says nothing about the account.
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    assert!(!name.contains("studio"), "{name}");
    // Replaced whole, no temporary left behind.
    store.put(&key(), &creds(2)).unwrap();
    assert_eq!(store.get(&key()).unwrap(), Some(creds(2)));
    let files: Vec<_> = std::fs::read_dir(&secrets_dir).unwrap().collect();
    assert_eq!(files.len(), 1);
    assert!(store.delete(&key()).unwrap());
    assert!(!store.delete(&key()).unwrap());
    assert_eq!(store.get(&key()).unwrap(), None);
}

#[test]
fn a_folder_made_too_open_is_narrowed() {
    let dir = tempfile::tempdir().unwrap();
    let secrets_dir = dir.path().join("s");
    std::fs::create_dir(&secrets_dir).unwrap();
    std::fs::set_permissions(&secrets_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    SecretsStore::files_in(secrets_dir.clone())
        .put(&key(), &creds(1))
        .unwrap();
    let mode = std::fs::metadata(&secrets_dir)
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn a_file_of_another_connection_or_garbage_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = SecretsStore::files_in(dir.path().to_path_buf());
    store.put(&key(), &creds(1)).unwrap();
    std::fs::write(store.file_path(&key()), "not json").unwrap();
    assert!(matches!(
        store.get(&key()),
        Err(SecretsError::Corrupt { .. })
    ));
}

#[test]
fn the_vault_runs_one_update_at_a_time_on_the_latest_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let store = SecretsStore::files_in(dir.path().to_path_buf());
    store.put(&key(), &creds(1)).unwrap();
    let barrier = Arc::new(Barrier::new(2));
    let refreshes = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let vault = SecretsVault::new(store.clone(), key());
            let barrier = barrier.clone();
            let refreshes = refreshes.clone();
            std::thread::spawn(move || {
                // Both windows saw access-1 refused.
                let stale = Secret::new("access-1");
                barrier.wait();
                vault
                    .update(&mut |current| match current {
                        Some(Credentials::Bluesky { access_jwt, .. }) if *access_jwt == stale => {
                            refreshes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            std::thread::sleep(std::time::Duration::from_millis(50));
                            Ok(Some(creds(2)))
                        }
                        _ => Ok(None),
                    })
                    .unwrap()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), Some(creds(2)));
    }
    assert_eq!(refreshes.load(std::sync::atomic::Ordering::SeqCst), 1);
}

#[test]
fn mastodon_handles_and_servers() {
    assert_eq!(
        parse_handle("@lea@Social.Example"),
        Some(("lea".into(), "social.example".into()))
    );
    assert_eq!(parse_handle("lea"), None);
    assert_eq!(parse_handle("@lea@"), None);
    assert_eq!(
        server_for("@lea@social.example", None).unwrap().as_str(),
        "https://social.example"
    );
    assert_eq!(
        server_for("@lea@social.example", Some("http://127.0.0.1:9"))
            .unwrap()
            .as_str(),
        "http://127.0.0.1:9"
    );
    let e = server_for("lea", None).unwrap_err();
    assert_eq!(
        e.kind,
        NetErrorKind::BadInput(error::InputProblem::NoServer)
    );
    assert!(server_for("@lea@social.example", Some("http://social.example")).is_err());
}

#[test]
fn a_mastodon_reply_starts_with_the_authors_acct() {
    assert_eq!(
        with_mention("Merci !", "lea@social.example"),
        "@lea@social.example Merci !"
    );
    assert_eq!(
        with_mention("@Lea@social.example merci", "lea@social.example"),
        "@Lea@social.example merci"
    );
    // `@leanne` is not `@lea`.
    assert_eq!(with_mention("@leanne hi", "lea"), "@lea @leanne hi");
    assert_eq!(with_mention("@lea", "@lea"), "@lea");
}

#[test]
fn bluesky_permalinks_match_the_importer() {
    assert_eq!(
        permalink(
            "at://did:plc:abc/app.bsky.feed.post/3k6k4as23yu2g",
            "marc.example.social"
        ),
        "https://bsky.app/profile/marc.example.social/post/3k6k4as23yu2g"
    );
    assert_eq!(permalink("at://did:plc:abc/app.bsky.feed.like/3k", "m"), "");
}

#[test]
fn tids_sort_with_time_and_have_the_format() {
    let t = Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap();
    let a = tid(t, 0);
    let b = tid(t + chrono::Duration::microseconds(1), 0);
    assert_eq!(a.len(), 13);
    assert!(a < b);
    assert!(a.starts_with(|c: char| "234567abcdefghij".contains(c)));
    assert!(
        a.chars()
            .all(|c| "234567abcdefghijklmnopqrstuvwxyz".contains(c))
    );
    assert_ne!(tid(t, 1), a);
    // The reference value of the AT Protocol's TID examples: 0 is all '2'.
    assert_eq!(tid(Utc.timestamp_opt(0, 0).unwrap(), 0), "2222222222222");
}

#[test]
fn facets_are_utf8_byte_ranges_of_the_final_text() {
    let text = "Café ☕ chez @lea.example.social, voir https://exemple.fr/menu?x=1. #Pâtisserie! #2026 (#Lyon)";
    let spans = detect(text);
    let got: Vec<(&str, &SpanKind)> = spans
        .iter()
        .map(|s| (&text[s.start..s.end], &s.kind))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "@lea.example.social",
                &SpanKind::Mention("lea.example.social".into())
            ),
            (
                "https://exemple.fr/menu?x=1",
                &SpanKind::Link("https://exemple.fr/menu?x=1".into())
            ),
            ("#Pâtisserie", &SpanKind::Tag("Pâtisserie".into())),
            ("#Lyon", &SpanKind::Tag("Lyon".into())),
        ]
    );
    // "Café ☕ chez " is 5 + 1 + 3 + 1 + 5 bytes: the mention starts at byte 15.
    assert_eq!(spans[0].start, 15);
    assert_eq!(spans[0].end, 15 + "@lea.example.social".len());
}

#[test]
fn facets_leave_alone_what_is_not_a_link_mention_or_tag() {
    assert!(detect("mail me: lea@example.com, C# or #, @lea, x#y").is_empty());
    assert!(detect("https:// and http://nohost").is_empty());
    let link = detect("(https://en.wikipedia.org/wiki/Lyon_(city))");
    assert_eq!(
        link[0].kind,
        SpanKind::Link("https://en.wikipedia.org/wiki/Lyon_(city)".into())
    );
}

#[test]
fn app_passwords_have_their_shape() {
    assert!(looks_like_app_password(&Secret::new("abcd-efgh-ijkl-mnop")));
    assert!(!looks_like_app_password(&Secret::new("hunter2")));
    assert!(!looks_like_app_password(&Secret::new("abcd-efgh-ijkl")));
}

#[test]
fn mastodon_notification_pages_are_read_like_the_importer() {
    let page = mastodon::parse_notification_page(include_bytes!(
        "../../tests/fixtures/api/mastodon/notifications_page1.json"
    ))
    .unwrap();
    assert_eq!(page.seen, 4);
    assert_eq!(page.skipped_deleted, 1);
    assert_eq!(page.left_out.get("other"), Some(&1));
    assert_eq!(page.newest_id.as_deref(), Some("104"));
    assert_eq!(page.oldest_id.as_deref(), Some("101"));
    let kinds: Vec<_> = page.items.iter().map(|i| i.draft.kind).collect();
    use crate::domain::inbox::Kind;
    assert_eq!(kinds, vec![Kind::Reply, Kind::Dm]);
    let reply = &page.items[0];
    assert_eq!(reply.draft.author, "@lea@social.example");
    assert_eq!(reply.draft.author_name, "Léa Martin");
    assert_eq!(
        reply.draft.text,
        "@studio Merci\u{a0}! Vous ouvrez à quelle heure\u{a0}?\nOn passe samedi."
    );
    assert_eq!(
        reply.draft.external_id.as_deref(),
        Some("117020610000000104")
    );
    assert_eq!(
        reply.reply_to,
        ReplyTarget::Mastodon {
            status_id: "117020610000000104".into(),
            acct: "lea@social.example".into(),
            visibility: Visibility::Public,
        }
    );
    assert!(matches!(
        page.items[1].reply_to,
        ReplyTarget::Mastodon {
            visibility: Visibility::Direct,
            ..
        }
    ));
}

#[test]
fn reply_targets_round_trip_as_json() {
    let t = ReplyTarget::Bluesky {
        uri: "at://a/app.bsky.feed.post/1".into(),
        cid: "c1".into(),
        root_uri: "at://a/app.bsky.feed.post/0".into(),
        root_cid: "c0".into(),
    };
    let s = serde_json::to_string(&t).unwrap();
    assert_eq!(serde_json::from_str::<ReplyTarget>(&s).unwrap(), t);
    let v: ReplyTarget = serde_json::from_str(
        r#"{"platform":"mastodon","status_id":"1","acct":"a","visibility":"limited"}"#,
    )
    .unwrap();
    assert!(matches!(
        v,
        ReplyTarget::Mastodon {
            visibility: Visibility::Unknown,
            ..
        }
    ));
    assert_eq!(Visibility::Unknown.as_reply(), "direct");
}

/// A sync and a file import of the same page make the same items (one mapping), so the
/// duplicate rule keeps an item from being stored twice.
#[test]
fn synced_pages_make_the_importers_items() {
    use crate::io::inbox::{Context, Format, read};
    let ctx = Context {
        file: "page.json",
        platform: None,
        tz: chrono_tz::UTC,
    };
    let masto = include_bytes!("../../tests/fixtures/api/mastodon/notifications_page1.json");
    let synced: Vec<_> = mastodon::parse_notification_page(masto)
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.draft)
        .collect();
    assert!(!synced.is_empty());
    assert_eq!(synced, read(masto, Format::Auto, &ctx).unwrap());
}
