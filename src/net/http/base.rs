//! A server's address, checked once: `https://host[:port]`, or plain `http://` for a
//! loopback address only (a local test server or proxy), so a token never crosses a
//! network in clear.

use std::net::IpAddr;

use ureq::http::Uri;

use crate::net::error::UrlProblem;

/// `scheme://host[:port]`, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Takes `https://mastodon.social`, `mastodon.social` (https is assumed),
    /// `https://pds.example:8443/` or `http://127.0.0.1:4000`. Refuses `http://` to
    /// anything but a loopback address, other schemes, and addresses with a user, a
    /// path, a query or a fragment.
    pub fn parse(input: &str) -> Result<BaseUrl, UrlProblem> {
        let s = input.trim();
        let with_scheme = if s.contains("://") {
            s.to_string()
        } else {
            format!("https://{s}")
        };
        let (scheme, rest) = with_scheme.split_once("://").ok_or(UrlProblem::Malformed)?;
        let rest = rest.trim_end_matches('/');
        if rest.is_empty() || rest.contains(['#', '?', '@', ' ']) {
            return Err(UrlProblem::Malformed);
        }
        let uri: Uri = format!("{scheme}://{rest}")
            .parse()
            .map_err(|_| UrlProblem::Malformed)?;
        let host = uri
            .host()
            .filter(|h| !h.is_empty())
            .ok_or(UrlProblem::Malformed)?;
        let path = uri.path();
        if !(path.is_empty() || path == "/") {
            return Err(UrlProblem::Malformed);
        }
        let scheme = uri.scheme_str().unwrap_or("").to_ascii_lowercase();
        match scheme.as_str() {
            "https" => {}
            "http" if is_loopback(host) => {}
            "http" => return Err(UrlProblem::NotHttps),
            _ => return Err(UrlProblem::NotHttps),
        }
        let host = host.to_ascii_lowercase();
        let port = uri.port_u16().map(|p| format!(":{p}")).unwrap_or_default();
        Ok(BaseUrl(format!("{scheme}://{host}{port}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host, for keys and messages (`mastodon.social`, `127.0.0.1`).
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map_or("", |(_, r)| r);
        match rest.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or(""),
            None => rest.split(':').next().unwrap_or(""),
        }
    }

    /// `base` + `path` (which starts with `/`).
    pub fn join(&self, path_and_query: &str) -> String {
        format!("{}{}", self.0, path_and_query)
    }

    /// Whether a URL the server handed back (a `Link` header, say) points at this same
    /// server, so following it sends credentials nowhere else.
    pub fn owns(&self, url: &str) -> bool {
        url.strip_prefix(&self.0)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }
}

impl std::fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `localhost`, 127.0.0.0/8 and ::1.
pub fn is_loopback(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    if h.eq_ignore_ascii_case("localhost") {
        return true;
    }
    h.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}
