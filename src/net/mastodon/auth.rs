//! Signing in: register the app on the server, send the user to the authorize page
//! (with PKCE, which servers before 4.3 ignore), exchange the code they paste.

use serde::Deserialize;

use super::{Mastodon, REDIRECT_OOB, SCOPES};
use crate::net::NetEnv;
use crate::net::error::NetError;
use crate::net::http::{Api, BaseUrl, Method, Query, Request};
use crate::net::oauth::Pkce;
use crate::net::secret::Secret;

/// The app as registered on one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct App {
    pub client_id: String,
    pub client_secret: Secret,
}

fn api(env: &NetEnv, server: &BaseUrl, account: &str) -> Api {
    Api::new(
        env.transport.clone(),
        env.clock.clone(),
        server.clone(),
        account,
    )
}

/// `POST /api/v1/apps`: registers `client_name` with the out-of-band redirect and
/// only the scopes needed. `account` names the account in errors.
pub fn register_app(
    env: &NetEnv,
    server: &BaseUrl,
    account: &str,
    client_name: &str,
) -> Result<App, NetError> {
    #[derive(Deserialize)]
    struct Registered {
        client_id: String,
        client_secret: Secret,
    }
    const EP: &str = "/api/v1/apps";
    let api = api(env, server, account);
    let req = Request::new(Method::Post, server.join(EP)).form(vec![
        ("client_name".into(), client_name.into()),
        ("redirect_uris".into(), REDIRECT_OOB.into()),
        ("scopes".into(), SCOPES.into()),
    ]);
    let resp = api.send(req)?;
    let r: Registered = api.decode(&resp, EP)?;
    Ok(App {
        client_id: r.client_id,
        client_secret: r.client_secret,
    })
}

/// The page where the user approves the app and is shown a code to paste back.
pub fn authorize_url(server: &BaseUrl, app: &App, pkce: &Pkce) -> String {
    let q = Query::new()
        .add("response_type", "code")
        .add("client_id", app.client_id.as_str())
        .add("redirect_uri", REDIRECT_OOB)
        .add("scope", SCOPES)
        .add("code_challenge", pkce.challenge.as_str())
        .add("code_challenge_method", "S256");
    server.join(&format!("/oauth/authorize{}", q.render()))
}

/// `POST /oauth/token`: the pasted code (and the PKCE verifier) for an access token.
pub fn exchange_code(
    env: &NetEnv,
    server: &BaseUrl,
    account: &str,
    app: &App,
    code: &Secret,
    pkce: &Pkce,
) -> Result<Secret, NetError> {
    #[derive(Deserialize)]
    struct Token {
        access_token: Secret,
    }
    const EP: &str = "/oauth/token";
    let api = api(env, server, account);
    let req = Request::new(Method::Post, server.join(EP)).form(vec![
        ("grant_type".into(), "authorization_code".into()),
        ("code".into(), code.expose().trim().to_string()),
        ("client_id".into(), app.client_id.clone()),
        (
            "client_secret".into(),
            app.client_secret.expose().to_string(),
        ),
        ("redirect_uri".into(), REDIRECT_OOB.into()),
        ("code_verifier".into(), pkce.verifier.expose().to_string()),
        ("scope".into(), SCOPES.into()),
    ]);
    let resp = api.send(req)?;
    let t: Token = api.decode(&resp, EP)?;
    Ok(t.access_token)
}

/// `POST /oauth/revoke`, when the app that made the token is known (a token made by
/// hand is revoked in the server's preferences). A token already refused is fine.
pub(super) fn revoke(m: &mut Mastodon) -> Result<(), NetError> {
    let Some(app) = &m.app else {
        return Ok(());
    };
    let req = Request::new(Method::Post, m.api.base().join("/oauth/revoke")).form(vec![
        ("client_id".into(), app.client_id.clone()),
        (
            "client_secret".into(),
            app.client_secret.expose().to_string(),
        ),
        ("token".into(), m.token.expose().to_string()),
    ]);
    match m.api.send(req) {
        Ok(_) => Ok(()),
        Err(e) if e.is_expired() => Ok(()),
        Err(e) => Err(e),
    }
}
