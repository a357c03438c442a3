//! Reading the headers the platforms page and limit with: `Link` (Mastodon) and the
//! rate-limit family (`X-RateLimit-*` on Mastodon, `ratelimit-*` on Bluesky).

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::Response;

/// The value of `param` in the query of the `Link` entry with `rel="<rel>"`, e.g. the
/// `max_id` of `rel="next"`. Only the value is taken: the caller builds the next URL
/// itself, so a hostile header cannot send the token elsewhere.
pub fn link_param(link: &str, rel: &str, param: &str) -> Option<String> {
    for entry in link.split(',') {
        let entry = entry.trim();
        let (url, attrs) = entry.strip_prefix('<')?.split_once('>')?;
        let has_rel = attrs.split(';').any(|a| {
            let a = a.trim();
            a.strip_prefix("rel=")
                .map(|v| v.trim_matches('"'))
                .is_some_and(|v| v.split_whitespace().any(|r| r == rel))
        });
        if !has_rel {
            continue;
        }
        let query = url.split_once('?').map_or("", |(_, q)| q);
        for pair in query.split('&') {
            if let Some((k, v)) = pair.split_once('=')
                && k == param
            {
                let v = percent_encoding::percent_decode_str(v)
                    .decode_utf8()
                    .ok()?
                    .into_owned();
                return (!v.is_empty()).then_some(v);
            }
        }
    }
    None
}

/// When the current rate-limit window ends: `X-RateLimit-Reset` (an ISO 8601
/// timestamp, Mastodon), `ratelimit-reset` (epoch seconds, Bluesky), else `Retry-After`
/// (seconds or an HTTP date).
pub fn rate_limit_reset(resp: &Response, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if let Some(v) = resp.header("x-ratelimit-reset")
        && let Some(t) = parse_reset(v.trim(), now)
    {
        return Some(t);
    }
    if let Some(v) = resp.header("ratelimit-reset")
        && let Some(t) = parse_reset(v.trim(), now)
    {
        return Some(t);
    }
    let v = resp.header("retry-after")?.trim();
    if let Ok(secs) = v.parse::<i64>() {
        return Some(now + Duration::seconds(secs.clamp(0, 86_400)));
    }
    DateTime::parse_from_rfc2822(v)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A timestamp, or a number: epoch seconds when large, else seconds from now (some
/// servers send a delta under the same name).
fn parse_reset(v: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&Utc));
    }
    let n: i64 = v.split('.').next()?.parse().ok()?;
    if n > 1_000_000_000 {
        Utc.timestamp_opt(n, 0).single()
    } else {
        Some(now + Duration::seconds(n.clamp(0, 86_400)))
    }
}

/// The server says no call is left in this window (`X-RateLimit-Remaining: 0` or
/// `ratelimit-remaining: 0`).
pub fn rate_limit_spent(resp: &Response) -> bool {
    ["x-ratelimit-remaining", "ratelimit-remaining"]
        .iter()
        .filter_map(|h| resp.header(h))
        .any(|v| v.trim().parse::<i64>().is_ok_and(|n| n <= 0))
}
