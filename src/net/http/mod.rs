//! The small HTTP seam every platform speaks through: a request and a response as plain
//! values, a [`Transport`] that sends one (over `ureq`, blocking: the app runs it on a
//! worker thread), and [`Api`], one account's view of a server that refuses to hammer
//! it and turns statuses into [`NetError`]s. Every base URL is a [`BaseUrl`], so tests
//! point a platform at a server they start on 127.0.0.1.

mod api;
mod base;
mod headers;
mod transport;

pub use api::Api;
pub use base::BaseUrl;
pub use headers::{link_param, rate_limit_reset, rate_limit_spent};
pub use transport::UreqTransport;

use crate::net::error::NetworkFailure;
use crate::net::secret::Secret;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request body. Form bodies may carry a code or a client secret, JSON bodies an
/// app password: neither is ever shown by `Debug`.
#[derive(Clone)]
pub enum Body {
    Json(serde_json::Value),
    Form(Vec<(String, String)>),
}

impl Body {
    /// The bytes sent and their content type.
    pub fn encode(&self) -> (Vec<u8>, &'static str) {
        match self {
            Body::Json(v) => (v.to_string().into_bytes(), "application/json"),
            Body::Form(pairs) => (
                encode_pairs(pairs).into_bytes(),
                "application/x-www-form-urlencoded",
            ),
        }
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Json(_) => f.write_str("Json(..)"),
            Body::Form(p) => write!(f, "Form({} fields)", p.len()),
        }
    }
}

/// One HTTP request. The bearer token travels apart from the other headers so that
/// nothing that prints a request can print it.
#[derive(Clone)]
pub struct Request {
    pub method: Method,
    /// The whole URL, query included.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub bearer: Option<Secret>,
    pub body: Option<Body>,
}

impl Request {
    pub fn new(method: Method, url: String) -> Request {
        Request {
            method,
            url,
            headers: Vec::new(),
            bearer: None,
            body: None,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Request {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn bearer(mut self, token: &Secret) -> Request {
        self.bearer = Some(token.clone());
        self
    }

    pub fn json(mut self, value: serde_json::Value) -> Request {
        self.body = Some(Body::Json(value));
        self
    }

    pub fn form(mut self, pairs: Vec<(String, String)>) -> Request {
        self.body = Some(Body::Form(pairs));
        self
    }
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The path only: a query may hold a cursor, never worth printing whole.
        let path = self.url.split('?').next().unwrap_or("");
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &path)
            .field("bearer", &self.bearer.as_ref().map(|_| "***"))
            .field("body", &self.body)
            .finish()
    }
}

/// A response, read whole (bounded by the transport).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first value of a header, by its lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request and reads the whole answer, whatever its status. Failures say
/// only what kind of failure it was.
pub trait Transport: Send + Sync {
    fn send(&self, request: &Request) -> Result<Response, NetworkFailure>;
}

/// `application/x-www-form-urlencoded`, also used for query strings.
pub fn encode_pairs(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&encode_component(k));
        out.push('=');
        out.push_str(&encode_component(v));
    }
    out
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
pub fn encode_component(s: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const SET: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    utf8_percent_encode(s, SET).to_string()
}

/// A query string built pair by pair (`?a=1&b=2`, or nothing when empty).
#[derive(Debug, Default, Clone)]
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn new() -> Query {
        Query::default()
    }

    pub fn add(mut self, key: &str, value: impl Into<String>) -> Query {
        self.0.push((key.to_string(), value.into()));
        self
    }

    pub fn add_opt(self, key: &str, value: Option<&str>) -> Query {
        match value {
            Some(v) => self.add(key, v),
            None => self,
        }
    }

    pub fn render(&self) -> String {
        if self.0.is_empty() {
            String::new()
        } else {
            format!("?{}", encode_pairs(&self.0))
        }
    }
}

#[cfg(test)]
mod tests;
