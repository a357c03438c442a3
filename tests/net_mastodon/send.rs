//! Replies, posts (now and held on the server), counts, signing in and out.

use super::*;

#[test]
fn a_reply_is_sent_exactly_as_mastodon_expects() {
    let mut server = mockito::Server::new();
    let log = Log::default();
    let m = server
        .mock("POST", "/api/v1/statuses")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .match_header("idempotency-key", "reply-key-1")
        .match_header("content-type", "application/json")
        .with_body_from_request(log.answer(fixture("mastodon/status_reply.json")))
        .expect(1)
        .create();
    let to = ReplyTarget::Mastodon {
        status_id: "117020610000000104".into(),
        acct: "lea@social.example".into(),
        visibility: Visibility::Public,
    };
    let sent = connect(&server)
        .reply(&to, &message("Merci, à samedi !", "reply-key-1"))
        .unwrap();
    m.assert();
    let seen = log.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/api/v1/statuses");
    assert_eq!(
        seen[0].json(),
        json!({
            "status": "@lea@social.example Merci, à samedi !",
            "in_reply_to_id": "117020610000000104",
            "visibility": "public",
            "language": "fr",
        })
    );
    assert_eq!(sent.id, "117020583258292382");
    assert_eq!(sent.url, "https://mastodon.example/@ana/117020583258292382");
}

#[test]
fn an_answer_to_a_dm_stays_direct() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", "/api/v1/statuses")
        .match_body(Matcher::PartialJson(json!({
            "status": "@ana yes, send them",
            "visibility": "direct",
        })))
        .with_body(fixture("mastodon/status_reply.json"))
        .expect(1)
        .create();
    let to = ReplyTarget::Mastodon {
        status_id: "117020600000000103".into(),
        acct: "ana".into(),
        visibility: Visibility::Direct,
    };
    connect(&server)
        .reply(&to, &message("yes, send them", "k"))
        .unwrap();
    m.assert();
}

#[test]
fn a_post_held_on_the_server_comes_back_as_a_scheduled_status() {
    let mut server = mockito::Server::new();
    let at = now() + Duration::hours(2);
    let m = server
        .mock("POST", "/api/v1/statuses")
        .match_header("idempotency-key", "post-7")
        .match_body(Matcher::Json(json!({
            "status": "please ensure adequate headroom",
            "language": "fr",
            "scheduled_at": "2026-11-22T10:30:00Z",
        })))
        .with_body(fixture("mastodon/scheduled_status.json"))
        .expect(1)
        .create();
    let post = NewPost {
        message: message("please ensure adequate headroom", "post-7"),
        schedule_at: Some(at),
    };
    let mut c = connect(&server);
    assert!(c.can_schedule());
    let p = c.publish(&post).unwrap();
    m.assert();
    assert_eq!(
        p,
        Published::Scheduled {
            id: "2".into(),
            at: "2026-08-01T13:59:01Z".parse().unwrap()
        }
    );
}

#[test]
fn a_server_that_ignores_the_time_is_reported() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", "/api/v1/statuses")
        .with_body(fixture("mastodon/status.json"))
        .expect(1)
        .create();
    let post = NewPost {
        message: message("Toot, finally!", "post-8"),
        schedule_at: Some(now() + Duration::hours(1)),
    };
    let p = connect(&server).publish(&post).unwrap();
    m.assert();
    match p {
        Published::Posted {
            post,
            scheduling_ignored,
        } => {
            assert!(scheduling_ignored);
            assert_eq!(post.url, "https://mastodon.example/@lea/117020583245459824");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_time_under_five_minutes_ahead_is_refused_before_sending() {
    let mut server = mockito::Server::new();
    let m = server.mock("POST", "/api/v1/statuses").expect(0).create();
    let post = NewPost {
        message: message("soon", "post-9"),
        schedule_at: Some(now() + Duration::minutes(4)),
    };
    let e = connect(&server).publish(&post).unwrap_err();
    m.assert();
    assert_eq!(
        e.kind,
        NetErrorKind::BadInput(InputProblem::ScheduleTooSoon {
            earliest: now() + Duration::minutes(5)
        })
    );
}

#[test]
fn a_retry_after_a_failure_sends_the_same_idempotency_key() {
    let mut server = mockito::Server::new();
    let log = Log::default();
    let fail = server
        .mock("POST", "/api/v1/statuses")
        .with_status(503)
        .with_body_from_request(log.answer("<html>busy</html>"))
        .expect(1)
        .create();
    let ok = server
        .mock("POST", "/api/v1/statuses")
        .with_body_from_request(log.answer(fixture("mastodon/status.json")))
        .expect(1)
        .create();
    let post = NewPost {
        message: message("Toot, finally!", &IdempotencyKey::derive(&["post", "12"]).0),
        schedule_at: None,
    };
    let mut c = connect(&server);
    let e = c.publish(&post).unwrap_err();
    assert!(matches!(e.kind, NetErrorKind::Server { status: 503, .. }));
    assert!(matches!(
        c.publish(&post).unwrap(),
        Published::Posted { .. }
    ));
    fail.assert();
    ok.assert();
    let keys: Vec<_> = log
        .seen()
        .iter()
        .map(|s| s.header("idempotency-key").unwrap().to_string())
        .collect();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1]);
    assert_eq!(log.seen()[0].body, log.seen()[1].body);
}

#[test]
fn a_held_post_is_moved_checked_and_withdrawn() {
    let mut server = mockito::Server::new();
    let put = server
        .mock("PUT", "/api/v1/scheduled_statuses/1")
        .match_body(Matcher::Json(
            json!({"scheduled_at": "2026-11-23T09:00:00Z"}),
        ))
        .with_body(fixture("mastodon/scheduled_status_moved.json"))
        .expect(1)
        .create();
    let get = server
        .mock("GET", "/api/v1/scheduled_statuses/1")
        .with_status(404)
        .with_body(r#"{"error":"Record not found"}"#)
        .expect(1)
        .create();
    let del = server
        .mock("DELETE", "/api/v1/scheduled_statuses/1")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_body("{}")
        .expect(1)
        .create();
    let mut c = connect(&server);
    let moved = c
        .reschedule("1", "2026-11-23T09:00:00Z".parse().unwrap())
        .unwrap();
    assert!(matches!(moved, Published::Scheduled { ref id, .. } if id == "1"));
    assert!(!c.is_still_scheduled("1").unwrap());
    c.unschedule("1").unwrap();
    put.assert();
    get.assert();
    del.assert();
}

#[test]
fn counts_are_read_from_the_accounts_posts_by_address() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let id = "117020565966271181";
    let _v = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .with_body(fixture("mastodon/verify_credentials.json"))
        .create();
    let path = format!("/api/v1/accounts/{id}/statuses");
    let page1 = server
        .mock("GET", path.as_str())
        .match_query(Matcher::Exact("exclude_reblogs=true&limit=40".into()))
        .with_header(
            "link",
            &format!("<{url}{path}?limit=40&max_id=117020580503743669>; rel=\"next\""),
        )
        .with_body(fixture("mastodon/account_statuses.json"))
        .expect(1)
        .create();
    let page2 = server
        .mock("GET", path.as_str())
        .match_query(Matcher::Exact(
            "exclude_reblogs=true&limit=40&max_id=117020580503743669".into(),
        ))
        .with_body(fixture("mastodon/account_statuses_older.json"))
        .expect(1)
        .create();
    let page3 = server
        .mock("GET", path.as_str())
        .match_query(Matcher::Exact(
            "exclude_reblogs=true&limit=40&max_id=117020580474454464".into(),
        ))
        .with_body("[]")
        .expect(1)
        .create();
    let at = "2026-08-01T12:00:00Z".parse().unwrap();
    let posts = [
        PostRef {
            address: "https://mastodon.example/@studio/117020580518794573".into(),
            published_at: at,
        },
        PostRef {
            // Its address on a server reached under another name: matched by id.
            address: format!("{url}/@studio/117020580481736214"),
            published_at: at,
        },
        PostRef {
            address: "https://mastodon.example/@studio/1".into(),
            published_at: at,
        },
    ];
    let counts = connect(&server)
        .pull_counts(&posts, PullLimits::default())
        .unwrap();
    page1.assert();
    page2.assert();
    page3.assert();
    assert_eq!(counts.followers, 1234);
    let got: Vec<_> = counts
        .posts
        .iter()
        .map(|c| (c.likes, c.reposts, c.replies, c.quotes))
        .collect();
    assert_eq!(got, vec![(12, 3, 2, Some(1)), (7, 1, 0, Some(0))]);
    assert_eq!(counts.not_found, vec!["https://mastodon.example/@studio/1"]);
}

#[test]
fn signing_in_registers_the_app_and_exchanges_the_code_with_pkce() {
    let mut server = mockito::Server::new();
    let base = BaseUrl::parse(&server.url()).unwrap();
    let apps = server
        .mock("POST", "/api/v1/apps")
        .match_header("content-type", "application/x-www-form-urlencoded")
        .match_body(Matcher::AllOf(vec![
            Matcher::UrlEncoded("client_name".into(), "twohats".into()),
            Matcher::UrlEncoded("redirect_uris".into(), "urn:ietf:wg:oauth:2.0:oob".into()),
            Matcher::UrlEncoded(
                "scopes".into(),
                "read:notifications read:statuses read:accounts write:statuses".into(),
            ),
        ]))
        .with_body(fixture("mastodon/app.json"))
        .expect(1)
        .create();
    let app = mastodon::register_app(&env(), &base, "@studio@mastodon.example", "twohats").unwrap();
    apps.assert();
    assert_eq!(app.client_id, "CLIENT-ID-scrubbed");
    assert!(!format!("{app:?}").contains("CLIENT-SECRET"));

    let pkce = Pkce::from_verifier(Secret::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    let url = mastodon::authorize_url(&base, &app, &pkce);
    assert_eq!(
        url,
        format!(
            "{base}/oauth/authorize?response_type=code&client_id=CLIENT-ID-scrubbed\
             &redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob\
             &scope=read%3Anotifications%20read%3Astatuses%20read%3Aaccounts%20write%3Astatuses\
             &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        )
    );

    let token = server
        .mock("POST", "/oauth/token")
        .match_body(Matcher::AllOf(vec![
            Matcher::UrlEncoded("grant_type".into(), "authorization_code".into()),
            Matcher::UrlEncoded("code".into(), "the-code".into()),
            Matcher::UrlEncoded("client_id".into(), "CLIENT-ID-scrubbed".into()),
            Matcher::UrlEncoded("client_secret".into(), "CLIENT-SECRET-scrubbed".into()),
            Matcher::UrlEncoded(
                "code_verifier".into(),
                "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into(),
            ),
        ]))
        .with_body(fixture("mastodon/token.json"))
        .expect(1)
        .create();
    let t = mastodon::exchange_code(
        &env(),
        &base,
        "@studio@mastodon.example",
        &App {
            client_id: app.client_id.clone(),
            client_secret: app.client_secret.clone(),
        },
        &Secret::new(" the-code\n"),
        &pkce,
    )
    .unwrap();
    token.assert();
    assert_eq!(t.expose(), TOKEN);
}

#[test]
fn signing_out_revokes_the_token() {
    let mut server = mockito::Server::new();
    let revoke = server
        .mock("POST", "/oauth/revoke")
        .match_body(Matcher::AllOf(vec![
            Matcher::UrlEncoded("client_id".into(), "CLIENT-ID-scrubbed".into()),
            Matcher::UrlEncoded("client_secret".into(), "CLIENT-SECRET-scrubbed".into()),
            Matcher::UrlEncoded("token".into(), TOKEN.into()),
        ]))
        .with_body("{}")
        .expect(1)
        .create();
    connect(&server).sign_out().unwrap();
    revoke.assert();
}

#[test]
fn a_stored_connection_opens_from_its_profile_and_vault() {
    let mut server = mockito::Server::new();
    let dir = tempfile::tempdir().unwrap();
    let verify = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_body(fixture("mastodon/verify_credentials.json"))
        .expect(1)
        .create();
    let key = ConnectionKey::new(
        Platform::Mastodon,
        &server.url(),
        "@studio@mastodon.example",
    );
    let store = SecretsStore::files_in(dir.path().to_path_buf());
    let vault = std::sync::Arc::new(SecretsVault::new(store.clone(), key.clone()));
    let profile = Profile::Mastodon {
        server: server.url(),
    };
    // Nothing stored yet: connect again.
    let e = twohats::net::open(&env(), &key, &profile, vault.clone())
        .err()
        .unwrap();
    assert_eq!(e.kind, NetErrorKind::NoCredentials);
    assert!(e.is_expired());
    store
        .put(
            &key,
            &Credentials::Mastodon {
                access_token: Secret::new(TOKEN),
                client_id: None,
                client_secret: None,
            },
        )
        .unwrap();
    let mut c = twohats::net::open(&env(), &key, &profile, vault).unwrap();
    let me = c.account().unwrap();
    verify.assert();
    assert_eq!(me.handle, "@studio@127.0.0.1");
    assert_eq!(me.id, "117020565966271181");
    assert_eq!(me.display_name, "Studio Nord");
    assert_eq!(me.followers, 1234);
    // A token made by hand has no app to revoke it with: signing out asks nothing.
    c.sign_out().unwrap();
}
