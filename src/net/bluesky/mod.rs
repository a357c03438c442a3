//! Bluesky over the AT Protocol's XRPC (FORMATS.md, "Bluesky"). Access tokens last
//! about two hours: a call refused with `ExpiredToken` refreshes the session once,
//! under the vault's lock, and is tried again once.

mod counts;
pub mod facets;
mod notifications;
mod records;
mod session;

pub use crate::io::inbox::bluesky::permalink;
pub use records::{MAX_BYTES, MAX_GRAPHEMES, record_key, tid};
pub use session::{
    DEFAULT_ENTRYWAY, Refreshed, Session, delete_session, looks_like_app_password, refresh, sign_in,
};

use std::sync::Arc;

use super::error::{InputProblem, NetError, NetErrorKind};
use super::http::{Api, BaseUrl, Method, Request, Response};
use super::secret::Secret;
use super::secrets::Credentials;
use super::vault::Vault;
use super::{
    AccountInfo, Connection, ConnectionKey, Counts, Cursor, InboxPull, NetEnv, NewPost, Outgoing,
    PostRef, Published, PullLimits, ReplyTarget, Sent,
};

/// A signed-in Bluesky account, on its PDS.
pub struct Bluesky {
    api: Api,
    key: ConnectionKey,
    did: String,
    /// The handle as the server last gave it, for permalinks.
    handle: String,
    access: Secret,
    vault: Arc<dyn Vault>,
}

impl Bluesky {
    /// A stored connection: its PDS and DID (from the database) and its vault.
    pub fn open(
        env: &NetEnv,
        key: ConnectionKey,
        pds: &str,
        did: &str,
        vault: Arc<dyn Vault>,
    ) -> Result<Bluesky, NetError> {
        let base = BaseUrl::parse(pds).map_err(|reason| {
            NetError::new(
                key.label(),
                NetErrorKind::BadUrl {
                    url: pds.to_string(),
                    reason,
                },
            )
        })?;
        let access = match vault.load()? {
            Some(Credentials::Bluesky { access_jwt, .. }) => access_jwt,
            Some(_) => {
                return Err(NetError::new(
                    key.label(),
                    NetErrorKind::BadInput(InputProblem::WrongPlatform),
                ));
            }
            None => return Err(NetError::new(key.label(), NetErrorKind::NoCredentials)),
        };
        let handle = key.handle.trim_start_matches('@').to_string();
        Ok(Bluesky {
            api: Api::new(env.transport.clone(), env.clock.clone(), base, key.label()),
            key,
            did: did.to_string(),
            handle,
            access,
            vault,
        })
    }

    pub fn did(&self) -> &str {
        &self.did
    }

    pub fn api(&self) -> &Api {
        &self.api
    }

    /// Sends the request `build` makes with the current access token; when the token
    /// has run out, refreshes the session and sends it once more.
    fn call(&mut self, build: impl Fn(&BaseUrl, &Secret) -> Request) -> Result<Response, NetError> {
        match self.api.send(build(self.api.base(), &self.access)) {
            Err(e) if e.kind == NetErrorKind::TokenExpired => {
                self.refresh_session()?;
                self.api.send(build(self.api.base(), &self.access))
            }
            other => other,
        }
    }

    /// Renews the tokens at most once across every window and process: under the
    /// vault's lock, if the stored access token is no longer the one that was refused,
    /// someone else refreshed and their tokens are taken; else the stored refresh token
    /// (single-use) is spent and the new pair stored before the lock is released.
    pub fn refresh_session(&mut self) -> Result<(), NetError> {
        let stale = self.access.clone();
        let api = &self.api;
        let mut new_handle = None;
        let stored = self.vault.update(&mut |current| {
            let Some(Credentials::Bluesky {
                access_jwt,
                refresh_jwt,
            }) = current
            else {
                return Err(api.err(NetErrorKind::NoCredentials));
            };
            if *access_jwt != stale {
                return Ok(None);
            }
            let r = refresh(api, refresh_jwt)?;
            new_handle = Some(r.handle.clone());
            Ok(Some(Credentials::Bluesky {
                access_jwt: r.access_jwt,
                refresh_jwt: r.refresh_jwt,
            }))
        })?;
        match stored {
            Some(Credentials::Bluesky { access_jwt, .. }) => {
                self.access = access_jwt;
                if let Some(h) = new_handle {
                    self.handle = h;
                }
                Ok(())
            }
            _ => Err(self.api.err(NetErrorKind::NoCredentials)),
        }
    }

    fn get(&mut self, path_and_query: &str) -> Result<Response, NetError> {
        self.call(|base, token| Request::new(Method::Get, base.join(path_and_query)).bearer(token))
    }

    fn post_json(&mut self, path: &str, body: serde_json::Value) -> Result<Response, NetError> {
        self.call(|base, token| {
            Request::new(Method::Post, base.join(path))
                .bearer(token)
                .json(body.clone())
        })
    }
}

impl Connection for Bluesky {
    fn key(&self) -> &ConnectionKey {
        &self.key
    }

    fn account(&mut self) -> Result<AccountInfo, NetError> {
        counts::profile(self)
    }

    fn pull_inbox(
        &mut self,
        since: Option<&Cursor>,
        limits: PullLimits,
    ) -> Result<InboxPull, NetError> {
        notifications::pull(self, since, limits)
    }

    fn pull_counts(&mut self, posts: &[PostRef], limits: PullLimits) -> Result<Counts, NetError> {
        counts::counts(self, posts, limits)
    }

    fn reply(&mut self, to: &ReplyTarget, message: &Outgoing) -> Result<Sent, NetError> {
        let ReplyTarget::Bluesky {
            uri,
            cid,
            root_uri,
            root_cid,
        } = to
        else {
            return Err(self
                .api
                .err(NetErrorKind::BadInput(InputProblem::WrongPlatform)));
        };
        let reply = serde_json::json!({
            "root": { "uri": root_uri, "cid": root_cid },
            "parent": { "uri": uri, "cid": cid },
        });
        records::create_post(self, message, Some(reply))
    }

    /// Bluesky cannot hold a post: a post with a time is refused, never sent early.
    fn publish(&mut self, post: &NewPost) -> Result<Published, NetError> {
        if post.schedule_at.is_some() {
            return Err(self.api.err(NetErrorKind::Unsupported));
        }
        let sent = records::create_post(self, &post.message, None)?;
        Ok(Published::Posted {
            post: sent,
            scheduling_ignored: false,
        })
    }

    fn check_text(&mut self, text: &str) -> Result<(), NetError> {
        records::check_length(self, text)
    }

    fn sign_out(&mut self) -> Result<(), NetError> {
        match self.vault.load()? {
            Some(Credentials::Bluesky { refresh_jwt, .. }) => {
                match delete_session(&self.api, &refresh_jwt) {
                    Ok(()) => Ok(()),
                    Err(e) if e.is_expired() => Ok(()),
                    Err(e) => Err(e),
                }
            }
            _ => Ok(()),
        }
    }
}
