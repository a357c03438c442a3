//! Sessions: `createSession` with a handle and an app password, later calls on the PDS
//! named in the DID document, and `refreshSession`, whose refresh token works once.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use serde_json::json;

use crate::net::NetEnv;
use crate::net::error::{InputProblem, NetError, NetErrorKind};
use crate::net::http::{Api, BaseUrl, Method, Request};
use crate::net::secret::Secret;
use crate::net::secrets::Credentials;

/// Where accounts hosted by Bluesky sign in.
pub const DEFAULT_ENTRYWAY: &str = "https://bsky.social";

/// A signed-in account: where its repository lives and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub did: String,
    pub handle: String,
    pub pds: BaseUrl,
    pub credentials: Credentials,
}

#[derive(Deserialize)]
struct SessionBody {
    did: String,
    handle: String,
    #[serde(rename = "accessJwt")]
    access_jwt: Secret,
    #[serde(rename = "refreshJwt")]
    refresh_jwt: Secret,
    #[serde(default, rename = "didDoc")]
    did_doc: Option<DidDoc>,
}

#[derive(Deserialize)]
struct DidDoc {
    #[serde(default)]
    service: Vec<Service>,
}

#[derive(Deserialize)]
struct Service {
    id: String,
    #[serde(rename = "serviceEndpoint")]
    endpoint: serde_json::Value,
}

/// The `#atproto_pds` service of a DID document.
fn pds_of(doc: &DidDoc) -> Option<&str> {
    doc.service
        .iter()
        .find(|s| s.id == "#atproto_pds" || s.id.ends_with("#atproto_pds"))
        .and_then(|s| s.endpoint.as_str())
}

/// The `scope` claim of an access token, if it reads as a JWT. An app password's
/// session says `com.atproto.appPass` (or `...Privileged`); the account password's
/// says `com.atproto.access`.
fn token_scope(jwt: &Secret) -> Option<String> {
    #[derive(Deserialize)]
    struct Claims {
        scope: Option<String>,
    }
    let payload = jwt.expose().split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice::<Claims>(&bytes).ok()?.scope
}

/// `POST /xrpc/com.atproto.server.createSession` with the handle (or DID, or email)
/// and an **app password**, on `pds` when given, else on `entryway`. Later calls go to
/// the PDS in the session's DID document (or `pds`). A session made with the account
/// password is closed at once and refused.
pub fn sign_in(
    env: &NetEnv,
    entryway: &BaseUrl,
    identifier: &str,
    app_password: &Secret,
    pds: Option<&BaseUrl>,
) -> Result<Session, NetError> {
    const EP: &str = "/xrpc/com.atproto.server.createSession";
    let label = format!("@{}", identifier.trim().trim_start_matches('@'));
    let first = pds.unwrap_or(entryway).clone();
    let api = Api::new(env.transport.clone(), env.clock.clone(), first, label);
    let req = Request::new(Method::Post, api.base().join(EP)).json(json!({
        "identifier": identifier.trim().trim_start_matches('@'),
        "password": app_password.expose(),
    }));
    // At sign-in a refusal is the handle or the password, never an expiry.
    let resp = api.send(req).map_err(|e| match e.kind {
        NetErrorKind::Unauthorized => api.err(NetErrorKind::BadInput(InputProblem::BadSignIn)),
        _ => e,
    })?;
    let body: SessionBody = api.decode(&resp, EP)?;
    let api = Api::new(
        env.transport.clone(),
        env.clock.clone(),
        api.base().clone(),
        format!("@{}", body.handle),
    );
    if token_scope(&body.access_jwt).as_deref() == Some("com.atproto.access") {
        // Best effort: the session should not outlive the refusal.
        let _ = delete_session(&api, &body.refresh_jwt);
        return Err(api.err(NetErrorKind::BadInput(InputProblem::NotAppPassword)));
    }
    let pds = match (pds, body.did_doc.as_ref().and_then(pds_of)) {
        (Some(given), _) => given.clone(),
        (None, Some(endpoint)) => BaseUrl::parse(endpoint).map_err(|reason| {
            api.err(NetErrorKind::BadUrl {
                url: endpoint.to_string(),
                reason,
            })
        })?,
        (None, None) => api.base().clone(),
    };
    Ok(Session {
        did: body.did,
        handle: body.handle,
        pds,
        credentials: Credentials::Bluesky {
            access_jwt: body.access_jwt,
            refresh_jwt: body.refresh_jwt,
        },
    })
}

/// New tokens, and the handle as the server knows it now.
pub struct Refreshed {
    pub handle: String,
    pub access_jwt: Secret,
    pub refresh_jwt: Secret,
}

/// `POST /xrpc/com.atproto.server.refreshSession` with the refresh token as bearer. The
/// token is spent either way; a refusal (already used, revoked, expired) means the
/// connection must be made again.
pub fn refresh(api: &Api, refresh_jwt: &Secret) -> Result<Refreshed, NetError> {
    const EP: &str = "/xrpc/com.atproto.server.refreshSession";
    let req = Request::new(Method::Post, api.base().join(EP)).bearer(refresh_jwt);
    let resp = api.send(req).map_err(|e| match e.kind {
        NetErrorKind::TokenExpired
        | NetErrorKind::Validation { .. }
        | NetErrorKind::Forbidden { .. } => api.err(NetErrorKind::Unauthorized),
        _ => e,
    })?;
    let body: SessionBody = api.decode(&resp, EP)?;
    Ok(Refreshed {
        handle: body.handle,
        access_jwt: body.access_jwt,
        refresh_jwt: body.refresh_jwt,
    })
}

/// `POST /xrpc/com.atproto.server.deleteSession` with the refresh token.
pub fn delete_session(api: &Api, refresh_jwt: &Secret) -> Result<(), NetError> {
    const EP: &str = "/xrpc/com.atproto.server.deleteSession";
    let req = Request::new(Method::Post, api.base().join(EP)).bearer(refresh_jwt);
    api.send(req).map(|_| ())
}

/// Whether a password has the shape of a Bluesky app password (`xxxx-xxxx-xxxx-xxxx`),
/// so the command line can warn before sending anything else.
pub fn looks_like_app_password(p: &Secret) -> bool {
    let groups: Vec<&str> = p.expose().trim().split('-').collect();
    groups.len() == 4
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_alphanumeric()))
}
