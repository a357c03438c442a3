//! One account's calls to one server: the rate-limit gate (never hammer: after a 429,
//! or when the server says the window is spent, nothing is sent before the reset) and
//! the mapping of statuses to [`NetError`]s naming the account.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use serde::de::DeserializeOwned;

use super::headers::{rate_limit_reset, rate_limit_spent};
use super::{BaseUrl, Request, Response, Transport};
use crate::domain::Clock;
use crate::net::error::{NetError, NetErrorKind, NetworkFailure};

/// How long to hold back after a 429 that gave no reset time: Mastodon's window.
const DEFAULT_BACKOFF_SECS: i64 = 300;

/// The longest a server's own message is kept.
const MAX_MESSAGE: usize = 500;

pub struct Api {
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
    base: BaseUrl,
    account: String,
    blocked_until: Mutex<Option<DateTime<Utc>>>,
}

impl Api {
    pub fn new(
        transport: Arc<dyn Transport>,
        clock: Arc<dyn Clock>,
        base: BaseUrl,
        account: impl Into<String>,
    ) -> Api {
        Api {
            transport,
            clock,
            base,
            account: account.into(),
            blocked_until: Mutex::new(None),
        }
    }

    pub fn base(&self) -> &BaseUrl {
        &self.base
    }

    pub fn account(&self) -> &str {
        &self.account
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    pub fn transport(&self) -> Arc<dyn Transport> {
        self.transport.clone()
    }

    /// The same account on another server (Bluesky: the entryway, then the PDS),
    /// sharing nothing but the transport and the clock.
    pub fn on(&self, base: BaseUrl) -> Api {
        Api::new(
            self.transport.clone(),
            self.clock.clone(),
            base,
            self.account.clone(),
        )
    }

    /// An error about this account.
    pub fn err(&self, kind: NetErrorKind) -> NetError {
        NetError::new(self.account.clone(), kind)
    }

    /// Until when the server asked to be left alone, if it did.
    pub fn blocked_until(&self) -> Option<DateTime<Utc>> {
        let now = self.clock.now();
        self.gate().filter(|t| *t > now)
    }

    fn gate(&self) -> Option<DateTime<Utc>> {
        *self.blocked_until.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn hold_until(&self, until: DateTime<Utc>) {
        let mut gate = self.blocked_until.lock().unwrap_or_else(|p| p.into_inner());
        if gate.is_none_or(|t| t < until) {
            *gate = Some(until);
        }
    }

    /// Sends `req` (whose URL is on this server) and returns a 2xx answer, or the error
    /// its status means. Refuses to send while the rate-limit gate is closed.
    pub fn send(&self, req: Request) -> Result<Response, NetError> {
        if let Some(until) = self.blocked_until() {
            return Err(self.err(NetErrorKind::RateLimited { until: Some(until) }));
        }
        let resp = self
            .transport
            .send(&req)
            .map_err(|detail| self.err(NetErrorKind::Network { detail }))?;
        let now = self.clock.now();
        if resp.status == 429 {
            let until = rate_limit_reset(&resp, now);
            self.hold_until(until.unwrap_or(now + Duration::seconds(DEFAULT_BACKOFF_SECS)));
            return Err(self.err(NetErrorKind::RateLimited { until }));
        }
        if rate_limit_spent(&resp)
            && let Some(until) = rate_limit_reset(&resp, now)
        {
            self.hold_until(until);
        }
        if (200..300).contains(&resp.status) {
            return Ok(resp);
        }
        Err(self.err(status_error(&resp)))
    }

    /// Decodes a JSON answer; an error names the endpoint and where the answer broke,
    /// never its content (it may hold a token).
    pub fn decode<T: DeserializeOwned>(
        &self,
        resp: &Response,
        endpoint: &str,
    ) -> Result<T, NetError> {
        serde_json::from_slice(&resp.body).map_err(|e| {
            self.err(NetErrorKind::Decode {
                endpoint: endpoint.to_string(),
                detail: format!(
                    "{:?} at line {} column {}",
                    e.classify(),
                    e.line(),
                    e.column()
                ),
            })
        })
    }
}

/// The error a non-2xx status means, with the server's own code and message.
fn status_error(resp: &Response) -> NetErrorKind {
    let (code, message) = server_message(&resp.body);
    if code.as_deref() == Some("ExpiredToken") {
        return NetErrorKind::TokenExpired;
    }
    match resp.status {
        300..=399 => NetErrorKind::Network {
            detail: NetworkFailure::Redirect,
        },
        401 => NetErrorKind::Unauthorized,
        403 => NetErrorKind::Forbidden { message },
        404 | 410 => NetErrorKind::NotFound,
        400 | 409 | 413 | 422 => NetErrorKind::Validation { code, message },
        status => NetErrorKind::Server { status, message },
    }
}

/// `{"error": "...", "error_description"?}` (Mastodon, OAuth) or `{"error": "Code",
/// "message": "..."}` (AT Protocol). Anything else (an HTML page) gives no message.
fn server_message(body: &[u8]) -> (Option<String>, String) {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        error: Option<String>,
        error_description: Option<String>,
        message: Option<String>,
    }
    let Ok(b) = serde_json::from_slice::<ErrorBody>(body) else {
        return (None, String::new());
    };
    let (code, message) = match (b.error, b.message.or(b.error_description)) {
        (code, Some(m)) => (code, m),
        (Some(e), None) => (None, e),
        (None, None) => (None, String::new()),
    };
    let message: String = message.chars().take(MAX_MESSAGE).collect();
    (code, message)
}
