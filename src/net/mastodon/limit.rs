//! The instance's text limit (`configuration.statuses.max_characters` of
//! `GET /api/v2/instance`, else `/api/v1/instance`, else 500), checked before a post
//! goes out, counted as Mastodon does: characters, every URL 23.

use serde::Deserialize;

use super::Mastodon;
use crate::domain::Platform;
use crate::net::error::{InputProblem, LengthUnit, NetError, NetErrorKind};
use crate::net::http::Method;

/// The limit of a server that does not say.
pub const DEFAULT_MAX_CHARACTERS: usize = 500;

#[derive(Deserialize)]
struct Instance {
    #[serde(default)]
    configuration: Option<Configuration>,
}

#[derive(Deserialize)]
struct Configuration {
    #[serde(default)]
    statuses: Option<Statuses>,
}

#[derive(Deserialize)]
struct Statuses {
    #[serde(default)]
    max_characters: Option<usize>,
}

/// The server's limit. A server that does not answer, or answers without one, has
/// the default: the post itself then tells whether it was right.
pub(super) fn max_characters(m: &Mastodon) -> usize {
    for ep in ["/api/v2/instance", "/api/v1/instance"] {
        let Ok(resp) = m.api.send(m.request(Method::Get, ep)) else {
            continue;
        };
        let limit = m
            .api
            .decode::<Instance>(&resp, ep)
            .ok()
            .and_then(|i| i.configuration?.statuses?.max_characters)
            .filter(|n| *n > 0);
        if let Some(n) = limit {
            return n;
        }
    }
    DEFAULT_MAX_CHARACTERS
}

/// Refuses a text over `limit` as Mastodon counts it, before anything is sent.
pub(super) fn check(m: &Mastodon, text: &str, limit: usize) -> Result<(), NetError> {
    if text.trim().is_empty() {
        return Err(m.api.err(NetErrorKind::BadInput(InputProblem::EmptyText)));
    }
    let used = crate::domain::count::count(text, Platform::Mastodon).used;
    if used > limit {
        return Err(m.api.err(NetErrorKind::BadInput(InputProblem::TooLong {
            count: used,
            limit,
            unit: LengthUnit::Graphemes,
        })));
    }
    Ok(())
}
