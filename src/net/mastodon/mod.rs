//! Mastodon (and servers speaking its API: GoToSocial, Akkoma...) over its REST API
//! (FORMATS.md, "Mastodon REST API"). Tokens do not expire; a 401 means the token was
//! revoked.

mod auth;
mod ids;
mod limit;
mod notifications;
mod statuses;

pub use auth::{App, authorize_url, exchange_code, register_app};
pub use notifications::{NotificationPage, parse_notification_page};
pub use statuses::with_mention;

use chrono::{DateTime, Utc};

use super::error::{InputProblem, NetError, NetErrorKind};
use super::http::{Api, BaseUrl, Method, Request};
use super::secret::Secret;
use super::secrets::Credentials;
use super::vault::Vault;
use super::{
    AccountInfo, Connection, ConnectionKey, Counts, Cursor, InboxPull, NetEnv, NewPost, Outgoing,
    PostRef, Published, PullLimits, ReplyTarget, Sent,
};

/// The scopes asked for: read notifications, statuses and the account; write statuses.
pub const SCOPES: &str = "read:notifications read:statuses read:accounts write:statuses";

/// The out-of-band redirect: the server shows the code for the user to paste.
pub const REDIRECT_OOB: &str = "urn:ietf:wg:oauth:2.0:oob";

/// `@user@server.example` (or without the first `@`) as `(user, server.example)`.
pub fn parse_handle(handle: &str) -> Option<(String, String)> {
    let h = handle.trim().trim_start_matches('@');
    let (user, domain) = h.split_once('@')?;
    (!user.is_empty() && !domain.is_empty() && !domain.contains('@'))
        .then(|| (user.to_string(), domain.to_ascii_lowercase()))
}

/// The server to use: the one given (`--server`), else the handle's domain.
pub fn server_for(handle: &str, given: Option<&str>) -> Result<BaseUrl, NetError> {
    let label = format!("@{}", handle.trim().trim_start_matches('@'));
    let raw = match given {
        Some(s) => s.to_string(),
        None => match parse_handle(handle) {
            Some((_, domain)) => domain,
            None => {
                return Err(NetError::new(
                    label,
                    NetErrorKind::BadInput(InputProblem::NoServer),
                ));
            }
        },
    };
    BaseUrl::parse(&raw).map_err(|reason| {
        NetError::new(
            label,
            NetErrorKind::BadUrl {
                url: raw.clone(),
                reason,
            },
        )
    })
}

/// A signed-in Mastodon account.
pub struct Mastodon {
    api: Api,
    key: ConnectionKey,
    token: Secret,
    app: Option<App>,
    /// Learnt from `verify_credentials`, for the account's statuses.
    account_id: Option<String>,
    /// The server's text limit, once asked.
    max_characters: Option<usize>,
}

impl Mastodon {
    /// A connection from its credentials (a token given by hand has no app).
    pub fn new(
        env: &NetEnv,
        key: ConnectionKey,
        server: &BaseUrl,
        credentials: Credentials,
    ) -> Result<Mastodon, NetError> {
        let Credentials::Mastodon {
            access_token,
            client_id,
            client_secret,
        } = credentials
        else {
            return Err(NetError::new(
                key.label(),
                NetErrorKind::BadInput(InputProblem::WrongPlatform),
            ));
        };
        let app = match (client_id, client_secret) {
            (Some(client_id), Some(client_secret)) => Some(App {
                client_id,
                client_secret,
            }),
            _ => None,
        };
        Ok(Mastodon {
            api: Api::new(
                env.transport.clone(),
                env.clock.clone(),
                server.clone(),
                key.label(),
            ),
            key,
            token: access_token,
            app,
            account_id: None,
            max_characters: None,
        })
    }

    /// A stored connection: its server (from the database) and its vault.
    pub fn open(
        env: &NetEnv,
        key: ConnectionKey,
        server: &str,
        vault: &dyn Vault,
    ) -> Result<Mastodon, NetError> {
        let base = BaseUrl::parse(server).map_err(|reason| {
            NetError::new(
                key.label(),
                NetErrorKind::BadUrl {
                    url: server.to_string(),
                    reason,
                },
            )
        })?;
        let creds = vault
            .load()?
            .ok_or_else(|| NetError::new(key.label(), NetErrorKind::NoCredentials))?;
        Mastodon::new(env, key, &base, creds)
    }

    pub fn api(&self) -> &Api {
        &self.api
    }

    /// The server's text limit, asked once per connection.
    fn max_characters(&mut self) -> usize {
        if let Some(n) = self.max_characters {
            return n;
        }
        let n = limit::max_characters(self);
        self.max_characters = Some(n);
        n
    }

    fn request(&self, method: Method, path_and_query: &str) -> Request {
        Request::new(method, self.api.base().join(path_and_query)).bearer(&self.token)
    }

    fn verify(&mut self) -> Result<AccountInfo, NetError> {
        #[derive(serde::Deserialize)]
        struct Me {
            #[serde(deserialize_with = "ids::de_id")]
            id: String,
            acct: String,
            #[serde(default)]
            display_name: Option<String>,
            #[serde(default)]
            followers_count: u64,
            #[serde(default)]
            statuses_count: Option<u64>,
        }
        const EP: &str = "/api/v1/accounts/verify_credentials";
        let resp = self.api.send(self.request(Method::Get, EP))?;
        let me: Me = self.api.decode(&resp, EP)?;
        self.account_id = Some(me.id.clone());
        let handle = if me.acct.contains('@') {
            format!("@{}", me.acct)
        } else {
            format!("@{}@{}", me.acct, self.api.base().host())
        };
        Ok(AccountInfo {
            id: me.id,
            handle,
            display_name: me.display_name.unwrap_or_default(),
            followers: me.followers_count,
            posts: me.statuses_count,
        })
    }

    /// Whether a post held on the server is still waiting (false once it went out or
    /// was withdrawn).
    pub fn is_still_scheduled(&mut self, id: &str) -> Result<bool, NetError> {
        let path = format!(
            "/api/v1/scheduled_statuses/{}",
            super::http::encode_component(id)
        );
        match self.api.send(self.request(Method::Get, &path)) {
            Ok(_) => Ok(true),
            Err(e) if e.kind == NetErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }
}

impl Connection for Mastodon {
    fn key(&self) -> &ConnectionKey {
        &self.key
    }

    fn account(&mut self) -> Result<AccountInfo, NetError> {
        self.verify()
    }

    fn pull_inbox(
        &mut self,
        since: Option<&Cursor>,
        limits: PullLimits,
    ) -> Result<InboxPull, NetError> {
        notifications::pull(self, since, limits)
    }

    fn pull_counts(&mut self, posts: &[PostRef], limits: PullLimits) -> Result<Counts, NetError> {
        statuses::counts(self, posts, limits)
    }

    fn reply(&mut self, to: &ReplyTarget, message: &Outgoing) -> Result<Sent, NetError> {
        statuses::reply(self, to, message)
    }

    fn publish(&mut self, post: &NewPost) -> Result<Published, NetError> {
        self.check_text(&post.message.text)?;
        statuses::publish(self, post)
    }

    fn check_text(&mut self, text: &str) -> Result<(), NetError> {
        let limit = self.max_characters();
        limit::check(self, text, limit)
    }

    fn can_schedule(&self) -> bool {
        true
    }

    fn reschedule(&mut self, id: &str, at: DateTime<Utc>) -> Result<Published, NetError> {
        statuses::reschedule(self, id, at)
    }

    fn unschedule(&mut self, id: &str) -> Result<(), NetError> {
        statuses::unschedule(self, id)
    }

    fn sign_out(&mut self) -> Result<(), NetError> {
        auth::revoke(self)
    }
}
