//! Pulling the inbox, and the errors any call may meet.

use super::*;

#[test]
fn the_first_sync_follows_link_pages_back_and_notes_what_it_left_out() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let p1 = notifications(&mut server, QUERY)
        .with_header(
            "link",
            &format!(
                "<{url}/api/v1/notifications?max_id=101&{QUERY}>; rel=\"next\", \
                 <{url}/api/v1/notifications?min_id=104&{QUERY}>; rel=\"prev\""
            ),
        )
        .with_body(fixture("mastodon/notifications_page1.json"))
        .expect(1)
        .create();
    let p2 = notifications(&mut server, &format!("{QUERY}&max_id=101"))
        .with_header(
            "link",
            &format!("<{url}/api/v1/notifications?max_id=21&{QUERY}>; rel=\"next\""),
        )
        .with_body(fixture("mastodon/notifications_page2.json"))
        .expect(1)
        .create();
    let p3 = notifications(&mut server, &format!("{QUERY}&max_id=21"))
        .with_body("[]")
        .expect(1)
        .create();
    let policy = server
        .mock("GET", "/api/v2/notifications/policy")
        .with_body(fixture("mastodon/notification_policy_pending.json"))
        .expect(1)
        .create();
    let mut m = connect(&server);
    let pull = m.pull_inbox(None, PullLimits::default()).unwrap();
    p1.assert();
    p2.assert();
    p3.assert();
    policy.assert();
    let got: Vec<(Kind, &str)> = pull
        .items
        .iter()
        .map(|i| (i.draft.kind, i.draft.author.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Kind::Reply, "@lea@social.example"),
            (Kind::Dm, "@ana"),
            (Kind::Mention, "@ana"),
            (Kind::Mention, "@ana"),
        ]
    );
    assert_eq!(pull.cursor, Some(Cursor("104".into())));
    assert_eq!(pull.summary.pages, 3);
    assert_eq!(pull.summary.skipped_deleted, 1);
    assert_eq!(pull.summary.left_out.get("other"), Some(&1));
    assert_eq!(
        pull.summary.filtered,
        Some(Filtered {
            requests: 2,
            notifications: 5
        })
    );
    assert!(!pull.summary.more);
}

#[test]
fn the_page_bound_stops_a_first_sync_and_says_so() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let p1 = notifications(&mut server, QUERY)
        .with_header(
            "link",
            &format!("<{url}/api/v1/notifications?max_id=101&{QUERY}>; rel=\"next\""),
        )
        .with_body(fixture("mastodon/notifications_page1.json"))
        .expect(1)
        .create();
    let (_a, _b) = no_policy(&mut server);
    let mut m = connect(&server);
    let pull = m.pull_inbox(None, PullLimits { max_pages: 1 }).unwrap();
    p1.assert();
    assert!(pull.summary.more);
    assert_eq!(pull.summary.filtered, None);
    assert_eq!(pull.items.len(), 2);
}

#[test]
fn a_later_sync_asks_only_for_what_is_new_until_a_page_is_empty() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let newer = notifications(&mut server, &format!("{QUERY}&min_id=104"))
        .with_header(
            "link",
            &format!(
                "<{url}/api/v1/notifications?max_id=105&{QUERY}>; rel=\"next\", \
                 <{url}/api/v1/notifications?min_id=105&{QUERY}>; rel=\"prev\""
            ),
        )
        .with_body(fixture("mastodon/notifications_newer.json"))
        .expect(1)
        .create();
    let empty = notifications(&mut server, &format!("{QUERY}&min_id=105"))
        .with_body("[]")
        .expect(1)
        .create();
    let (_a, _b) = no_policy(&mut server);
    let mut m = connect(&server);
    let pull = m
        .pull_inbox(Some(&Cursor("104".into())), PullLimits::default())
        .unwrap();
    newer.assert();
    empty.assert();
    assert_eq!(pull.items.len(), 1);
    assert_eq!(pull.items[0].draft.text, "@studio see you soon");
    assert_eq!(pull.cursor, Some(Cursor("105".into())));

    // Nothing new: the cursor stays where it was.
    let mut server2 = mockito::Server::new();
    let none = notifications(&mut server2, &format!("{QUERY}&min_id=105"))
        .with_body("[]")
        .expect(1)
        .create();
    let (_c, _d) = no_policy(&mut server2);
    let pull = connect(&server2)
        .pull_inbox(Some(&Cursor("105".into())), PullLimits::default())
        .unwrap();
    none.assert();
    assert!(pull.items.is_empty());
    assert_eq!(pull.cursor, None);
}

#[test]
fn a_sync_and_a_file_import_read_the_same_items() {
    let mut server = mockito::Server::new();
    let body = fixture("mastodon/notifications_newer.json");
    let _p = notifications(&mut server, QUERY).with_body(&body).create();
    let (_a, _b) = no_policy(&mut server);
    let pulled = connect(&server)
        .pull_inbox(None, PullLimits::default())
        .unwrap();
    let ctx = Context {
        file: "notifications_newer.json",
        platform: None,
        tz: chrono_tz::Europe::Paris,
    };
    let imported = read(body.as_bytes(), Format::Mastodon, &ctx).unwrap();
    let drafts: Vec<_> = pulled.items.into_iter().map(|i| i.draft).collect();
    assert_eq!(drafts, imported);
}

#[test]
fn a_401_means_the_connection_expired_and_names_the_account() {
    let mut server = mockito::Server::new();
    let m401 = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .with_status(401)
        .with_body(fixture("mastodon/error_401.json"))
        .expect(1)
        .create();
    let e = connect(&server).account().unwrap_err();
    m401.assert();
    assert_eq!(e.kind, NetErrorKind::Unauthorized);
    assert!(e.is_expired());
    assert_eq!(e.account, "@studio@mastodon.example");
}

#[test]
fn a_422_carries_the_servers_message() {
    let mut server = mockito::Server::new();
    let m422 = server
        .mock("POST", "/api/v1/statuses")
        .with_status(422)
        .with_body(fixture("mastodon/error_422.json"))
        .expect(1)
        .create();
    let post = NewPost {
        message: message("look at me", "k1"),
        schedule_at: None,
    };
    let e = connect(&server).publish(&post).unwrap_err();
    m422.assert();
    assert_eq!(
        e.kind,
        NetErrorKind::Validation {
            code: None,
            message: "Gültigkeitsprüfung ist fehlgeschlagen: Text Begrenzung von 500 Zeichen überschritten"
                .into()
        }
    );
    assert!(!e.is_transient());
}

#[test]
fn a_429_is_honoured_until_its_reset_without_calling_again() {
    let mut server = mockito::Server::new();
    let reset = now() + Duration::minutes(4);
    let m429 = notifications(&mut server, QUERY)
        .with_status(429)
        .with_header("x-ratelimit-limit", "300")
        .with_header("x-ratelimit-remaining", "0")
        .with_header("x-ratelimit-reset", &reset.to_rfc3339())
        .with_body(r#"{"error":"Too many requests"}"#)
        .expect(1)
        .create();
    let verify = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .expect(0)
        .create();
    let mut m = connect(&server);
    for _ in 0..3 {
        let e = m.pull_inbox(None, PullLimits::default()).unwrap_err();
        assert_eq!(e.kind, NetErrorKind::RateLimited { until: Some(reset) });
        assert!(e.is_transient());
    }
    let e = m.account().unwrap_err();
    assert_eq!(e.kind, NetErrorKind::RateLimited { until: Some(reset) });
    m429.assert();
    verify.assert();
}

#[test]
fn a_spent_window_holds_the_next_call_back() {
    let mut server = mockito::Server::new();
    let reset = now() + Duration::minutes(2);
    let verify = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .with_header("x-ratelimit-remaining", "0")
        .with_header("x-ratelimit-reset", &reset.to_rfc3339())
        .with_body(fixture("mastodon/verify_credentials.json"))
        .expect(1)
        .create();
    let mut m = connect(&server);
    assert_eq!(m.account().unwrap().followers, 1234);
    let e = m.account().unwrap_err();
    assert_eq!(e.kind, NetErrorKind::RateLimited { until: Some(reset) });
    verify.assert();
}

#[test]
fn a_server_out_of_reach_is_a_network_error() {
    // A port nobody listens on: bind, note it, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = BaseUrl::parse(&format!("http://127.0.0.1:{port}")).unwrap();
    let key = ConnectionKey::new(
        Platform::Mastodon,
        base.as_str(),
        "@studio@mastodon.example",
    );
    let creds = Credentials::Mastodon {
        access_token: Secret::new(TOKEN),
        client_id: None,
        client_secret: None,
    };
    let e = Mastodon::new(&env(), key, &base, creds)
        .unwrap()
        .account()
        .unwrap_err();
    assert_eq!(
        e.kind,
        NetErrorKind::Network {
            detail: NetworkFailure::Connect
        }
    );
    assert!(e.is_transient());
}

#[test]
fn a_redirect_is_not_followed_with_the_token() {
    let mut server = mockito::Server::new();
    let r = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .with_status(302)
        .with_header("location", "https://elsewhere.example/steal")
        .expect(1)
        .create();
    let e = connect(&server).account().unwrap_err();
    r.assert();
    assert_eq!(
        e.kind,
        NetErrorKind::Network {
            detail: NetworkFailure::Redirect
        }
    );
}
