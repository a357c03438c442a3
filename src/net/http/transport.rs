//! The real transport: `ureq` 3 over rustls, blocking, no async runtime.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::Agent;

use super::base::is_loopback;
use super::{Request, Response, Transport};
use crate::net::error::NetworkFailure;

/// The most of an answer read: a page of 80 notifications is well under 1 MB.
const MAX_BODY: u64 = 16 * 1024 * 1024;

/// Sends requests with `ureq`. Redirects are not followed (a token must not go where
/// the user did not point it); a proxy from the environment is used, except for
/// loopback addresses.
pub struct UreqTransport {
    via_proxy: Agent,
    direct: Agent,
}

impl UreqTransport {
    pub fn new() -> UreqTransport {
        UreqTransport::with_timeout(Duration::from_secs(30))
    }

    /// `timeout` bounds a whole call, connection included.
    pub fn with_timeout(timeout: Duration) -> UreqTransport {
        let build = |proxy: bool| -> Agent {
            let mut cfg = Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .timeout_global(Some(timeout))
                .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
                .user_agent(concat!("twohats/", env!("CARGO_PKG_VERSION")));
            if !proxy {
                cfg = cfg.proxy(None);
            }
            cfg.build().into()
        };
        UreqTransport {
            via_proxy: build(true),
            direct: build(false),
        }
    }
}

impl Default for UreqTransport {
    fn default() -> Self {
        UreqTransport::new()
    }
}

pub(super) fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    }
}

impl Transport for UreqTransport {
    fn send(&self, req: &Request) -> Result<Response, NetworkFailure> {
        let loopback = is_loopback(host_of(&req.url));
        // Checked again here, whatever built the URL: credentials never go in clear.
        if !loopback && !req.url.starts_with("https://") {
            return Err(NetworkFailure::Insecure);
        }
        let agent = if loopback {
            &self.direct
        } else {
            &self.via_proxy
        };
        let mut builder = ureq::http::Request::builder()
            .method(req.method.as_str())
            .uri(req.url.as_str())
            .header("accept", "application/json");
        for (k, v) in &req.headers {
            builder = builder.header(k.as_str(), v.as_str());
        }
        if let Some(token) = &req.bearer {
            builder = builder.header("authorization", format!("Bearer {}", token.expose()));
        }
        let (bytes, content_type) = match &req.body {
            Some(b) => {
                let (bytes, ct) = b.encode();
                (bytes, Some(ct))
            }
            None => (Vec::new(), None),
        };
        if let Some(ct) = content_type {
            builder = builder.header("content-type", ct);
        }
        // A malformed URL or header never reaches here from the platforms (they build
        // them from checked parts); say "connect" rather than echo it.
        let request = builder.body(bytes).map_err(|_| NetworkFailure::Connect)?;
        let mut resp = agent.run(request).map_err(failure)?;
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .filter_map(|(k, v)| {
                v.to_str()
                    .ok()
                    .map(|v| (k.as_str().to_ascii_lowercase(), v.to_string()))
            })
            .collect();
        let body = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(failure)?;
        Ok(Response {
            status,
            headers,
            body,
        })
    }
}

/// The kind of a `ureq` failure, dropping its text (which may quote the URL).
fn failure(e: ureq::Error) -> NetworkFailure {
    match e {
        ureq::Error::HostNotFound => NetworkFailure::Dns,
        ureq::Error::Timeout(_) => NetworkFailure::Timeout,
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => NetworkFailure::Tls,
        ureq::Error::BodyExceedsLimit(_) => NetworkFailure::TooLarge,
        ureq::Error::RedirectFailed | ureq::Error::TooManyRedirects => NetworkFailure::Redirect,
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => NetworkFailure::Timeout,
            ErrorKind::ConnectionRefused
            | ErrorKind::AddrNotAvailable
            | ErrorKind::NetworkUnreachable
            | ErrorKind::HostUnreachable => NetworkFailure::Connect,
            _ => NetworkFailure::Io,
        },
        ureq::Error::ConnectionFailed => NetworkFailure::Connect,
        _ => NetworkFailure::Io,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::http::Method;

    #[test]
    fn plain_http_leaves_only_for_loopback() {
        let t = UreqTransport::new();
        let req = Request::new(Method::Get, "http://mastodon.example/api/v1/x".into());
        assert_eq!(t.send(&req).unwrap_err(), NetworkFailure::Insecure);
        let req = Request::new(Method::Get, "ftp://mastodon.example/x".into());
        assert_eq!(t.send(&req).unwrap_err(), NetworkFailure::Insecure);
        assert_eq!(host_of("http://[::1]:8080/x"), "::1");
        assert_eq!(host_of("http://127.0.0.1:8080/x?y"), "127.0.0.1");
        assert_eq!(host_of("https://a.example"), "a.example");
    }
}
