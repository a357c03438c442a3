//! `connect mastodon` without `--token-stdin`: the app registered with the out-of-band
//! redirect and only the scopes needed, the authorize address printed with its PKCE
//! challenge, the pasted code exchanged with the verifier, and the token and the app's
//! secret kept only in the secrets folder.

use std::collections::BTreeMap;

use twohats::net::Secret;
use twohats::net::oauth::Pkce;

use super::*;

const SCOPES: &str = "read:notifications read:statuses read:accounts write:statuses";
const OOB: &str = "urn:ietf:wg:oauth:2.0:oob";
const CODE: &str = "AUTH-CODE-scrubbed";

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(&s.replace('+', " "))
        .decode_utf8()
        .unwrap()
        .into_owned()
}

/// A form body or a query, decoded, by name.
fn form(body: &str) -> BTreeMap<String, String> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn connecting_mastodon_in_a_browser_registers_the_app_and_exchanges_the_code_with_pkce() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    let apps_log = Log::default();
    let apps = server
        .mock("POST", "/api/v1/apps")
        .match_header("content-type", "application/x-www-form-urlencoded")
        .with_body_from_request(apps_log.answer(fixture("mastodon/app.json")))
        .expect(1)
        .create();
    let token_log = Log::default();
    let token = server
        .mock("POST", "/oauth/token")
        .match_header("content-type", "application/x-www-form-urlencoded")
        .with_body_from_request(token_log.answer(fixture("mastodon/token.json")))
        .expect(1)
        .create();
    let me = verify(&mut server).expect(1);
    // The code as the user pastes it, with the line break.
    let o = s.run(
        &[
            "connect", "mastodon", "--client", "Bakery", "--server", &url,
        ],
        Some(&format!("{CODE}\n")),
    );
    assert!(o.status.success(), "{}\n{}", out(&o), err(&o));
    apps.assert();
    token.assert();
    me.assert();

    // Registered with the out-of-band redirect and only the scopes needed.
    assert_eq!(
        form(&apps_log.seen()[0].body),
        map(&[
            ("client_name", "twohats"),
            ("redirect_uris", OOB),
            ("scopes", SCOPES),
        ])
    );

    // The authorize address is printed, with a PKCE challenge.
    let text = out(&o);
    let printed = text
        .lines()
        .find(|l| l.starts_with(&format!("{url}/oauth/authorize?")))
        .unwrap_or_else(|| panic!("no authorize address in {text}"));
    let query = form(printed.split_once('?').unwrap().1);
    let challenge = query["code_challenge"].clone();
    assert_eq!(challenge.len(), 43, "{printed}");
    assert_eq!(
        query,
        map(&[
            ("response_type", "code"),
            ("client_id", "CLIENT-ID-scrubbed"),
            ("redirect_uri", OOB),
            ("scope", SCOPES),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ])
    );

    // The code is exchanged with the verifier of that challenge.
    let sent = form(&token_log.seen()[0].body);
    let verifier = sent["code_verifier"].clone();
    assert_eq!(
        Pkce::from_verifier(Secret::new(verifier.clone())).challenge,
        challenge
    );
    assert_eq!(
        sent,
        map(&[
            ("grant_type", "authorization_code"),
            ("code", CODE),
            ("client_id", "CLIENT-ID-scrubbed"),
            ("client_secret", "CLIENT-SECRET-scrubbed"),
            ("redirect_uri", OOB),
            ("code_verifier", &verifier),
            ("scope", SCOPES),
        ])
    );
    assert!(text.contains("Connected @studio@127.0.0.1"), "{text}");
    let conns = s.json(&["connections", "--json"]);
    assert_eq!(conns[0]["server"], url);
    assert_eq!(conns[0]["state"], "active");

    // Nothing secret in what was printed, nor in the database or its log.
    let mut db = std::fs::read(&s.db).unwrap();
    db.extend(std::fs::read(s.db.with_extension("db-wal")).unwrap_or_default());
    for secret in [TOKEN, "CLIENT-SECRET-scrubbed", CODE, verifier.as_str()] {
        assert!(
            !text.contains(secret) && !err(&o).contains(secret),
            "{secret}"
        );
        assert!(
            !db.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} in the database"
        );
    }
    // The token and the app's secret (to revoke it on disconnect) are in the folder.
    let kept: String = std::fs::read_dir(&s.secrets)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(kept.contains(TOKEN), "{kept}");
    assert!(kept.contains("CLIENT-SECRET-scrubbed"), "{kept}");
    assert!(!kept.contains(CODE) && !kept.contains(&verifier));

    // Disconnecting revokes the token with the app's credentials.
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
    let o = s.run(
        &[
            "disconnect",
            "--client",
            "Bakery",
            "--account",
            "@studio@127.0.0.1",
        ],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    revoke.assert();
}

/// A code the server refuses: nothing is kept, the exit says why.
#[test]
fn a_refused_code_keeps_nothing() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    let _apps = server
        .mock("POST", "/api/v1/apps")
        .with_body(fixture("mastodon/app.json"))
        .create();
    let token = server
        .mock("POST", "/oauth/token")
        .with_status(400)
        .with_body(r#"{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."}"#)
        .expect(1)
        .create();
    let o = s.run(
        &[
            "connect", "mastodon", "--client", "Bakery", "--server", &url,
        ],
        Some("wrong-code\n"),
    );
    assert_ne!(o.status.code(), Some(0));
    token.assert();
    assert!(
        err(&o).contains("authorization grant is invalid"),
        "{}",
        err(&o)
    );
    assert_eq!(s.json(&["connections", "--json"]), serde_json::json!([]));
    let kept = std::fs::read_dir(&s.secrets)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(kept, 0);
}
