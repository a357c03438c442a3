//! Mastodon ids: strings since 2.0, integers before (and on some other servers).

use std::cmp::Ordering;

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum RawId {
    Text(String),
    Number(u64),
}

impl RawId {
    fn into_string(self) -> String {
        match self {
            RawId::Text(s) => s,
            RawId::Number(n) => n.to_string(),
        }
    }
}

pub fn de_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    RawId::deserialize(d).map(RawId::into_string)
}

/// Orders ids as the server does: longer is newer (snowflake numbers, and the
/// fixed-width flake ids of other servers), then by their text.
pub fn cmp_ids(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// The newer of two ids.
pub fn newest(a: Option<String>, b: &str) -> Option<String> {
    match a {
        Some(a) if cmp_ids(&a, b) != Ordering::Less => Some(a),
        _ => Some(b.to_string()),
    }
}
