//! Mastodon's notifications, one page of JSON at a time: the array
//! `GET /api/v1/notifications` returns (a file saved from it, or a page a live sync
//! fetched), or the grouped object of `GET /api/v2/notifications`.
//!
//! Mentions and quotes are kept (a mention of a direct post is a DM, one answering a
//! post a reply); a mention whose post was deleted comes with `"status": null` and is
//! skipped and counted; every other type (follows, favourites, boosts, `admin.sign_up`,
//! types newer than this code) is left out and counted by type. Ids are strings, or
//! integers from servers before 2.0.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::Deserialize;

use super::{ImportError, Summary, element_lines, json_error, parse_time};
use crate::domain::Platform;
use crate::domain::inbox::{ItemDraft, Kind};

/// An id as a string, or as an integer (servers before 2.0).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Id {
    Text(String),
    Number(u64),
}

impl Id {
    pub fn text(&self) -> String {
        match self {
            Id::Text(s) => s.clone(),
            Id::Number(n) => n.to_string(),
        }
    }
}

/// A notification's type; any type this code does not know is kept by name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub enum NotificationType {
    Mention,
    /// Someone quoted one of the account's posts (Mastodon 4.5).
    Quote,
    Other(String),
}

impl From<String> for NotificationType {
    fn from(s: String) -> Self {
        match s.as_str() {
            "mention" => NotificationType::Mention,
            "quote" => NotificationType::Quote,
            _ => NotificationType::Other(s),
        }
    }
}

impl NotificationType {
    pub fn name(&self) -> &str {
        match self {
            NotificationType::Mention => "mention",
            NotificationType::Quote => "quote",
            NotificationType::Other(s) => s,
        }
    }

    /// Asks for an answer: kept in the inbox.
    pub fn wanted(&self) -> bool {
        matches!(self, NotificationType::Mention | NotificationType::Quote)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Account {
    #[serde(default)]
    pub id: Option<Id>,
    #[serde(default)]
    pub acct: String,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Status {
    pub id: Id,
    #[serde(default)]
    pub in_reply_to_id: Option<Id>,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub uri: Option<String>,
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    /// The author (the v2 grouped form names accounts apart, and its statuses carry them).
    #[serde(default)]
    pub account: Option<Account>,
}

/// One element of `GET /api/v1/notifications`.
#[derive(Debug, Clone, Deserialize)]
pub struct Notification {
    #[serde(default)]
    pub id: Option<Id>,
    #[serde(rename = "type")]
    pub kind: NotificationType,
    pub created_at: String,
    #[serde(default)]
    pub account: Option<Account>,
    #[serde(default)]
    pub status: Option<Status>,
}

/// One group of `GET /api/v2/notifications`.
#[derive(Debug, Clone, Deserialize)]
struct Group {
    #[serde(rename = "type")]
    kind: NotificationType,
    #[serde(default)]
    notifications_count: Option<u64>,
    #[serde(default)]
    status_id: Option<Id>,
    #[serde(default)]
    sample_account_ids: Vec<Id>,
    #[serde(default)]
    latest_page_notification_at: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Grouped {
    notification_groups: Vec<Group>,
    #[serde(default)]
    accounts: Vec<Account>,
    #[serde(default)]
    statuses: Vec<Status>,
}

/// What one page held.
#[derive(Debug, Default, Clone)]
pub struct Page {
    pub items: Vec<ItemDraft>,
    pub summary: Summary,
    /// The first and last notification ids of a v1 page (newest first): where the next
    /// poll starts (`min_id`) and where an older page would (`max_id`).
    pub first_id: Option<String>,
    pub last_id: Option<String>,
}

/// Mastodon's HTML to plain text: paragraphs and `<br>` become line breaks, other tags
/// go, entities are decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            // A lone '<' is text.
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_ascii_lowercase();
        if tag.starts_with("br") {
            out.push('\n');
        } else if tag == "/p" {
            out.push_str("\n\n");
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    html_escape::decode_html_entities(out.trim()).into_owned()
}

/// The inbox item of a v1 notification that is kept (a mention or quote whose status
/// is there): the one mapping a file import and a live sync share, so that they never
/// store an item twice. The error names the field.
pub fn notification_item(n: &Notification, tz: Tz) -> Result<ItemDraft, (&'static str, String)> {
    let Some(status) = &n.status else {
        return Err(("status", crate::i18n::t().import.imp_empty.into()));
    };
    let account = n
        .account
        .as_ref()
        .or(status.account.as_ref())
        .ok_or_else(|| ("account", crate::i18n::t().import.imp_empty.to_string()))?;
    item(&n.kind, account, status, &n.created_at, tz)
}

/// The inbox item of a mention or quote.
fn item(
    kind: &NotificationType,
    account: &Account,
    status: &Status,
    when: &str,
    tz: Tz,
) -> Result<ItemDraft, (&'static str, String)> {
    let kind = match kind {
        NotificationType::Quote => Kind::Mention,
        _ if status.visibility.as_deref() == Some("direct") => Kind::Dm,
        _ if status.in_reply_to_id.is_some() => Kind::Reply,
        _ => Kind::Mention,
    };
    let handle = if account.acct.is_empty() {
        &account.username
    } else {
        &account.acct
    };
    if handle.is_empty() {
        return Err(("account", crate::i18n::t().import.imp_empty.into()));
    }
    Ok(ItemDraft {
        platform: Platform::Mastodon,
        kind,
        author: format!("@{}", handle.trim_start_matches('@')),
        author_name: account.display_name.clone(),
        text: html_to_text(&status.content),
        received_at: parse_time(when, tz).map_err(|m| ("created_at", m))?,
        permalink: status
            .url
            .clone()
            .or_else(|| status.uri.clone())
            .unwrap_or_default(),
        external_id: Some(status.id.text()),
    })
}

/// The first id in `v` that is no id (a number below zero, with a fraction, or beyond
/// what 64 bits hold: its digits are already lost), with its path (`status.id`). Ids are
/// the fields named `id` or ending in `_id` or `_ids`; a string is always an id.
fn bad_id(v: &serde_json::Value, path: &str) -> Option<(String, String)> {
    use serde_json::Value;
    let is_id = |k: &str| k == "id" || k.ends_with("_id") || k.ends_with("_ids");
    let bad_number = |x: &Value| matches!(x, Value::Number(n) if !n.is_u64());
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Object(o) => o.iter().find_map(|(k, x)| {
            let here = join(k);
            let direct = is_id(k).then_some(x).into_iter().chain(match x {
                Value::Array(a) if k.ends_with("_ids") => a.iter().collect(),
                _ => Vec::new(),
            });
            for x in direct {
                if bad_number(x) {
                    return Some((here, x.to_string()));
                }
            }
            bad_id(x, &here)
        }),
        Value::Array(a) => a.iter().find_map(|x| bad_id(x, path)),
        _ => None,
    }
}

fn not_an_id(value: &str) -> String {
    crate::i18n::fill(
        crate::i18n::t().import.imp_not_an_id,
        &[("value", &super::quoted(value))],
    )
}

/// Reads one page: the v1 array or the v2 grouped object. `file` names it in errors.
pub fn read_page(json: &str, file: &str, tz: Tz) -> Result<Page, ImportError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| json_error(file, e))?;
    match value {
        serde_json::Value::Object(o) if o.contains_key("notification_groups") => {
            if let Some((field, v)) = o.iter().find_map(|(k, x)| bad_id(x, k)) {
                return Err(ImportError::new(file, 0, Some(&field), not_an_id(&v)));
            }
            let grouped: Grouped = serde_json::from_value(serde_json::Value::Object(o))
                .map_err(|e| ImportError::new(file, 0, None, e.to_string()))?;
            read_grouped(grouped, file, tz)
        }
        serde_json::Value::Array(list) => read_list(list, json, file, tz),
        _ => Err(ImportError::new(
            file,
            1,
            None,
            crate::i18n::t().import.imp_mastodon_shape,
        )),
    }
}

fn read_list(
    list: Vec<serde_json::Value>,
    json: &str,
    file: &str,
    tz: Tz,
) -> Result<Page, ImportError> {
    let lines = element_lines(json);
    let mut page = Page::default();
    let id_of = |v: &serde_json::Value| match v.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    page.first_id = list.first().and_then(id_of);
    page.last_id = list.last().and_then(id_of);
    for (i, v) in list.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        let err = |field: Option<&str>, msg: String| ImportError::new(file, line, field, msg);
        let kind = match v.get("type") {
            Some(serde_json::Value::String(s)) => NotificationType::from(s.clone()),
            _ => {
                return Err(err(
                    Some("type"),
                    crate::i18n::t().import.imp_mastodon_no_type.into(),
                ));
            }
        };
        if !kind.wanted() {
            *page
                .summary
                .left_out
                .entry(kind.name().to_string())
                .or_default() += 1;
            continue;
        }
        if let Some((field, id)) = bad_id(&v, "") {
            return Err(err(Some(&field), not_an_id(&id)));
        }
        let n: Notification = serde_json::from_value(v).map_err(|e| err(None, e.to_string()))?;
        if n.status.is_none() {
            page.summary.deleted += 1;
            continue;
        }
        page.items
            .push(notification_item(&n, tz).map_err(|(f, m)| err(Some(f), m))?);
    }
    Ok(page)
}

fn read_grouped(g: Grouped, file: &str, tz: Tz) -> Result<Page, ImportError> {
    let mut page = Page::default();
    let accounts: BTreeMap<String, &Account> = g
        .accounts
        .iter()
        .filter_map(|a| a.id.as_ref().map(|id| (id.text(), a)))
        .collect();
    let statuses: BTreeMap<String, &Status> = g.statuses.iter().map(|s| (s.id.text(), s)).collect();
    for group in &g.notification_groups {
        let count = group.notifications_count.unwrap_or(1) as usize;
        if !group.kind.wanted() {
            *page
                .summary
                .left_out
                .entry(group.kind.name().to_string())
                .or_default() += count;
            continue;
        }
        let status = group
            .status_id
            .as_ref()
            .and_then(|id| statuses.get(&id.text()));
        let Some(status) = status else {
            page.summary.deleted += count;
            continue;
        };
        let account = group
            .sample_account_ids
            .first()
            .and_then(|id| accounts.get(&id.text()).copied())
            .or(status.account.as_ref());
        let err = |field: &str, msg: String| ImportError::new(file, 0, Some(field), msg);
        let account =
            account.ok_or_else(|| err("account", crate::i18n::t().import.imp_empty.into()))?;
        let when = group
            .latest_page_notification_at
            .as_deref()
            .or(status.created_at.as_deref())
            .unwrap_or("");
        page.items
            .push(item(&group.kind, account, status, when, tz).map_err(|(f, m)| err(f, m))?);
    }
    Ok(page)
}
