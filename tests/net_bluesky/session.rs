//! Signing in with an app password.

use super::*;

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

/// At sign-in a 401 is a wrong handle or password (bad input), not an expiry.
#[test]
fn a_wrong_password_is_a_bad_sign_in() {
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
    assert_eq!(
        e.kind,
        NetErrorKind::BadInput(twohats::net::error::InputProblem::BadSignIn)
    );
    assert!(e.is_bad_input() && !e.is_expired());
}
