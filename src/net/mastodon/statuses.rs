//! Statuses: replies and posts (`POST /api/v1/statuses`, with an `Idempotency-Key` so
//! a retry never posts twice), posts held on the server (`scheduled_at`), and the
//! counts of the account's own posts.

use std::collections::HashMap;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

use super::Mastodon;
use super::ids::de_id;
use crate::net::error::{InputProblem, NetError, NetErrorKind};
use crate::net::http::{BaseUrl, Method, Query, Response, encode_component, link_param};
use crate::net::{
    Counts, NewPost, Outgoing, PostCounts, PostRef, Published, PullLimits, ReplyTarget, Sent,
};

/// How far ahead a post must be held: the server refuses less.
pub const MIN_SCHEDULE_AHEAD: Duration = Duration::minutes(5);

/// Statuses per page of an account's posts (the API's largest).
const PAGE: usize = 40;

/// A status, or a scheduled status: both come back from `POST /api/v1/statuses`.
#[derive(Deserialize)]
struct Posted {
    #[serde(deserialize_with = "de_id")]
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    uri: Option<String>,
    /// Only a ScheduledStatus has these two.
    #[serde(default)]
    scheduled_at: Option<DateTime<Utc>>,
    #[serde(default)]
    params: Option<Value>,
}

/// The text with the author's `@acct` first, as Mastodon expects of a reply (added
/// when the text does not already start with it).
pub fn with_mention(text: &str, acct: &str) -> String {
    let mention = format!("@{}", acct.trim_start_matches('@'));
    let t = text.trim_start();
    let starts = t
        .get(..mention.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(&mention))
        && t[mention.len()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    if starts {
        t.to_string()
    } else {
        format!("{mention} {t}")
    }
}

fn empty(m: &Mastodon) -> NetError {
    m.api.err(NetErrorKind::BadInput(InputProblem::EmptyText))
}

fn post_status(m: &Mastodon, body: Value, key: &str) -> Result<Posted, NetError> {
    const EP: &str = "/api/v1/statuses";
    let req = m
        .request(Method::Post, EP)
        .header("idempotency-key", key)
        .json(body);
    let resp = m.api.send(req)?;
    m.api.decode(&resp, EP)
}

fn sent(p: Posted) -> Sent {
    let url = p.url.or(p.uri).unwrap_or_default();
    Sent { id: p.id, url }
}

pub(super) fn reply(m: &Mastodon, to: &ReplyTarget, msg: &Outgoing) -> Result<Sent, NetError> {
    let ReplyTarget::Mastodon {
        status_id,
        acct,
        visibility,
    } = to
    else {
        return Err(m
            .api
            .err(NetErrorKind::BadInput(InputProblem::WrongPlatform)));
    };
    if msg.text.trim().is_empty() {
        return Err(empty(m));
    }
    let mut body = json!({
        "status": with_mention(&msg.text, acct),
        "in_reply_to_id": status_id,
        "visibility": visibility.as_reply(),
    });
    if let Some(lang) = &msg.language {
        body["language"] = json!(lang);
    }
    post_status(m, body, msg.key.as_str()).map(sent)
}

pub(super) fn publish(m: &Mastodon, post: &NewPost) -> Result<Published, NetError> {
    let msg = &post.message;
    if msg.text.trim().is_empty() {
        return Err(empty(m));
    }
    let mut body = json!({ "status": msg.text });
    if let Some(lang) = &msg.language {
        body["language"] = json!(lang);
    }
    if let Some(at) = post.schedule_at {
        let earliest = m.api.now() + MIN_SCHEDULE_AHEAD;
        if at < earliest {
            return Err(m
                .api
                .err(NetErrorKind::BadInput(InputProblem::ScheduleTooSoon {
                    earliest,
                })));
        }
        body["scheduled_at"] = json!(at.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    let p = post_status(m, body, msg.key.as_str())?;
    Ok(match (p.scheduled_at, &p.params) {
        (Some(at), Some(_)) => Published::Scheduled { id: p.id, at },
        _ => Published::Posted {
            scheduling_ignored: post.schedule_at.is_some(),
            post: sent(p),
        },
    })
}

fn scheduled_path(id: &str) -> String {
    format!("/api/v1/scheduled_statuses/{}", encode_component(id))
}

/// `PUT /api/v1/scheduled_statuses/:id`: only the time of a held post can change (a
/// new text means withdrawing it and holding a new one).
pub(super) fn reschedule(m: &Mastodon, id: &str, at: DateTime<Utc>) -> Result<Published, NetError> {
    let earliest = m.api.now() + MIN_SCHEDULE_AHEAD;
    if at < earliest {
        return Err(m
            .api
            .err(NetErrorKind::BadInput(InputProblem::ScheduleTooSoon {
                earliest,
            })));
    }
    let path = scheduled_path(id);
    let req = m
        .request(Method::Put, &path)
        .json(json!({ "scheduled_at": at.to_rfc3339_opts(SecondsFormat::Secs, true) }));
    let resp = m.api.send(req)?;
    let p: Posted = m.api.decode(&resp, "/api/v1/scheduled_statuses/:id")?;
    match p.scheduled_at {
        Some(at) => Ok(Published::Scheduled { id: p.id, at }),
        None => Err(m.api.err(NetErrorKind::Decode {
            endpoint: "/api/v1/scheduled_statuses/:id".into(),
            detail: "no scheduled_at".into(),
        })),
    }
}

/// `DELETE /api/v1/scheduled_statuses/:id`. `NotFound` when it already went out.
pub(super) fn unschedule(m: &Mastodon, id: &str) -> Result<(), NetError> {
    m.api
        .send(m.request(Method::Delete, &scheduled_path(id)))
        .map(|_| ())
}

#[derive(Deserialize)]
struct OwnStatus {
    #[serde(deserialize_with = "de_id")]
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    uri: Option<String>,
    created_at: DateTime<Utc>,
    #[serde(default)]
    favourites_count: u64,
    #[serde(default)]
    reblogs_count: u64,
    #[serde(default)]
    replies_count: u64,
    #[serde(default)]
    quotes_count: Option<u64>,
}

/// Whether a stored address names this status: its URL, its URI, or an address on
/// this server ending with its id (`https://server/@user/ID`).
fn names(address: &str, s: &OwnStatus, base: &BaseUrl) -> bool {
    let a = address.trim().trim_end_matches('/');
    if s.url.as_deref() == Some(a) || s.uri.as_deref() == Some(a) {
        return true;
    }
    base.owns(a) && a.rsplit('/').next() == Some(s.id.as_str())
}

/// Followers (`verify_credentials`) and, for each wanted post, its favourites, boosts,
/// replies and quotes, read from the account's statuses page by page until every
/// post is found or the pages are older than the oldest wanted.
pub(super) fn counts(
    m: &mut Mastodon,
    posts: &[PostRef],
    limits: PullLimits,
) -> Result<Counts, NetError> {
    let me = m.verify()?;
    let mut wanted: HashMap<usize, &PostRef> = posts.iter().enumerate().collect();
    let mut found = Vec::new();
    let oldest = posts.iter().map(|p| p.published_at).min();
    let base = m.api.base().clone();
    let ep = format!("/api/v1/accounts/{}/statuses", encode_component(&me.id));
    let mut max_id: Option<String> = None;
    let mut pages = 0;
    while !wanted.is_empty() && pages < limits.max_pages {
        let q = Query::new()
            .add("exclude_reblogs", "true")
            .add("limit", PAGE.to_string())
            .add_opt("max_id", max_id.as_deref());
        let resp: Response = m
            .api
            .send(m.request(Method::Get, &format!("{ep}{}", q.render())))?;
        pages += 1;
        let list: Vec<OwnStatus> = m.api.decode(&resp, "/api/v1/accounts/:id/statuses")?;
        let Some(last) = list.last() else { break };
        let page_oldest = list.iter().map(|s| s.created_at).min();
        for s in &list {
            let hits: Vec<usize> = wanted
                .iter()
                .filter(|(_, p)| names(&p.address, s, &base))
                .map(|(i, _)| *i)
                .collect();
            for i in hits {
                if let Some(p) = wanted.remove(&i) {
                    found.push((
                        i,
                        PostCounts {
                            address: p.address.clone(),
                            likes: s.favourites_count,
                            reposts: s.reblogs_count,
                            replies: s.replies_count,
                            quotes: s.quotes_count,
                        },
                    ));
                }
            }
        }
        // A day's slack: a post's recorded time and the server's may differ.
        if let (Some(po), Some(o)) = (page_oldest, oldest)
            && po < o - Duration::days(1)
        {
            break;
        }
        let next = resp
            .header("link")
            .and_then(|l| link_param(l, "next", "max_id"))
            .unwrap_or_else(|| last.id.clone());
        if max_id.as_deref() == Some(&next) {
            break;
        }
        max_id = Some(next);
    }
    found.sort_by_key(|(i, _)| *i);
    let mut not_found: Vec<(usize, String)> = wanted
        .into_iter()
        .map(|(i, p)| (i, p.address.clone()))
        .collect();
    not_found.sort();
    Ok(Counts {
        followers: me.followers,
        posts: found.into_iter().map(|(_, c)| c).collect(),
        not_found: not_found.into_iter().map(|(_, a)| a).collect(),
    })
}
