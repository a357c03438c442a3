//! The inbox from `GET /api/v1/notifications`: mentions and quotes, paged back by the
//! `Link` header the first time, then forward with `min_id` until a page is empty
//! (`since_id` would return the newest page and could leave a gap).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Mastodon;
use super::ids::newest;
use crate::io::inbox::mastodon::{Id, Notification, notification_item};
use crate::net::error::{NetError, NetErrorKind};
use crate::net::http::{Method, Query, Response, link_param};
use crate::net::{
    Cursor, Filtered, InboxPull, PullLimits, PullSummary, PulledItem, ReplyTarget, Visibility,
};

/// Mastodon's largest page since 4.1.
const PAGE: usize = 80;

/// One page of notifications, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotificationPage {
    pub items: Vec<PulledItem>,
    /// Notifications on the page, of any type.
    pub seen: usize,
    pub skipped_deleted: usize,
    pub left_out: BTreeMap<String, usize>,
    pub newest_id: Option<String>,
    pub oldest_id: Option<String>,
}

/// Reads one page of `GET /api/v1/notifications` into inbox items with the file
/// importer's own mapping (`io::inbox::mastodon`), so that a file import and a sync
/// never store an item twice, and what a reply to each needs. Mentions and quotes are
/// kept; other types are counted and left out, and so are notifications whose status
/// was deleted. The error says where the page broke.
pub fn parse_notification_page(body: &[u8]) -> Result<NotificationPage, String> {
    let list: Vec<Notification> = serde_json::from_slice(body).map_err(|e| {
        format!(
            "{:?} at line {} column {}",
            e.classify(),
            e.line(),
            e.column()
        )
    })?;
    let mut page = NotificationPage {
        seen: list.len(),
        ..NotificationPage::default()
    };
    for (i, n) in list.into_iter().enumerate() {
        let Some(id) = n.id.as_ref().map(Id::text) else {
            return Err(format!("notification {}: id", i + 1));
        };
        let oldest = page.oldest_id.take();
        page.oldest_id = match oldest {
            Some(o) if super::ids::cmp_ids(&o, &id).is_le() => Some(o),
            _ => Some(id.clone()),
        };
        page.newest_id = newest(page.newest_id.take(), &id);
        if !n.kind.wanted() {
            let name = n.kind.name();
            let name = if KNOWN_TYPES.contains(&name) {
                name
            } else {
                "other"
            };
            *page.left_out.entry(name.to_string()).or_default() += 1;
            continue;
        }
        let Some(status) = &n.status else {
            page.skipped_deleted += 1;
            continue;
        };
        let draft = notification_item(&n, chrono_tz::UTC)
            .map_err(|(field, _)| format!("notification {id}: {field}"))?;
        let visibility = status
            .visibility
            .as_deref()
            .map_or(Visibility::Unknown, Visibility::from_key);
        page.items.push(PulledItem {
            reply_to: ReplyTarget::Mastodon {
                status_id: status.id.text(),
                acct: draft.author.trim_start_matches('@').to_string(),
                visibility,
            },
            draft,
        });
    }
    Ok(page)
}

/// Types the API documents; anything else is counted as `other`.
const KNOWN_TYPES: [&str; 14] = [
    "mention",
    "quote",
    "status",
    "reblog",
    "follow",
    "follow_request",
    "favourite",
    "poll",
    "update",
    "quoted_update",
    "admin.sign_up",
    "admin.report",
    "severed_relationships",
    "moderation_warning",
];

fn fetch(
    m: &Mastodon,
    bound: Option<(&str, &str)>,
) -> Result<(Response, NotificationPage), NetError> {
    const EP: &str = "/api/v1/notifications";
    let mut q = Query::new()
        .add("types[]", "mention")
        .add("types[]", "quote")
        .add("limit", PAGE.to_string());
    if let Some((k, v)) = bound {
        q = q.add(k, v);
    }
    let resp = m
        .api
        .send(m.request(Method::Get, &format!("{EP}{}", q.render())))?;
    let page = parse_notification_page(&resp.body).map_err(|detail| {
        m.api.err(NetErrorKind::Decode {
            endpoint: EP.to_string(),
            detail,
        })
    })?;
    Ok((resp, page))
}

pub(super) fn pull(
    m: &Mastodon,
    since: Option<&Cursor>,
    limits: PullLimits,
) -> Result<InboxPull, NetError> {
    let mut items = Vec::new();
    let mut summary = PullSummary::default();
    let mut newest_id: Option<String> = None;
    let mut add = |page: NotificationPage, summary: &mut PullSummary| {
        summary.pages += 1;
        summary.skipped_deleted += page.skipped_deleted;
        for (k, n) in page.left_out {
            *summary.left_out.entry(k).or_default() += n;
        }
        if let Some(id) = &page.newest_id {
            newest_id = newest(newest_id.take(), id);
        }
        items.extend(page.items);
    };
    match since {
        // Forward from the newest seen: each page is the one just after `min_id`.
        Some(cursor) => {
            let mut min_id = cursor.as_str().to_string();
            loop {
                if summary.pages >= limits.max_pages {
                    summary.more = true;
                    break;
                }
                let (resp, page) = fetch(m, Some(("min_id", &min_id)))?;
                if page.seen == 0 {
                    summary.pages += 1;
                    break;
                }
                let next = resp
                    .header("link")
                    .and_then(|l| link_param(l, "prev", "min_id"))
                    .or_else(|| page.newest_id.clone());
                add(page, &mut summary);
                match next {
                    Some(n) if n != min_id => min_id = n,
                    _ => break,
                }
            }
        }
        // The first time: the newest page, then back through `rel="next"`.
        None => {
            let mut max_id: Option<String> = None;
            loop {
                if summary.pages >= limits.max_pages {
                    summary.more = true;
                    break;
                }
                let (resp, page) = fetch(m, max_id.as_deref().map(|v| ("max_id", v)))?;
                if page.seen == 0 {
                    summary.pages += 1;
                    break;
                }
                let next = resp
                    .header("link")
                    .and_then(|l| link_param(l, "next", "max_id"))
                    .or_else(|| {
                        (page.seen >= PAGE)
                            .then(|| page.oldest_id.clone())
                            .flatten()
                    });
                add(page, &mut summary);
                match next {
                    Some(n) if max_id.as_deref() != Some(&n) => max_id = Some(n),
                    _ => break,
                }
            }
        }
    }
    summary.filtered = filtered(m);
    // Newest first whichever way the pages came.
    items.sort_by_key(|i| std::cmp::Reverse(i.draft.received_at));
    Ok(InboxPull {
        items,
        cursor: newest_id.map(Cursor),
        summary,
    })
}

/// How many notifications the account's notification policy holds back (4.3 on:
/// `/api/v2/notifications/policy`, with `/api/v1/...` for 4.3.0). Best effort: the
/// items already pulled matter more than this note, so any failure gives `None`.
fn filtered(m: &Mastodon) -> Option<Filtered> {
    #[derive(Deserialize)]
    struct Policy {
        summary: Summary,
    }
    #[derive(Deserialize)]
    struct Summary {
        #[serde(default)]
        pending_requests_count: u64,
        #[serde(default)]
        pending_notifications_count: u64,
    }
    for ep in [
        "/api/v2/notifications/policy",
        "/api/v1/notifications/policy",
    ] {
        match m.api.send(m.request(Method::Get, ep)) {
            Ok(resp) => {
                let p: Policy = m.api.decode(&resp, ep).ok()?;
                return Some(Filtered {
                    requests: p.summary.pending_requests_count,
                    notifications: p.summary.pending_notifications_count,
                });
            }
            Err(NetError {
                kind: NetErrorKind::NotFound,
                ..
            }) => continue,
            Err(_) => return None,
        }
    }
    None
}
