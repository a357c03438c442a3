//! Inbox importers: a CSV (or JSON) of items, Mastodon's notifications and Bluesky's
//! `listNotifications` (FORMATS.md, "Inbox sources").

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use super::ImportError;
use crate::domain::Platform;
use crate::domain::inbox::{ItemDraft, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Auto,
    Csv,
    Json,
    Mastodon,
    Bluesky,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "auto" => Some(Format::Auto),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "mastodon" => Some(Format::Mastodon),
            "bluesky" => Some(Format::Bluesky),
            _ => None,
        }
    }
}

/// What the caller knows beside the file: its name for messages, the platform to use
/// where the file does not say, and the client's zone for local times.
pub struct Context<'a> {
    pub file: &'a str,
    pub platform: Option<Platform>,
    pub tz: Tz,
}

/// Reads every item of a file, or says what is wrong and where. Nothing is partial: an
/// error anywhere means no item.
pub fn read(
    bytes: &[u8],
    format: Format,
    ctx: &Context<'_>,
) -> Result<Vec<ItemDraft>, ImportError> {
    let mut out = Vec::new();
    read_each(bytes, format, ctx, |chunk| {
        out.extend(chunk);
        true
    })?;
    Ok(out)
}

/// Items handed over per chunk by [`read_each`].
pub const CHUNK: usize = 4096;

/// Reads a file and hands its items to `each` as they are read: a CSV in chunks of
/// [`CHUNK`] (so an import stores one chunk while the next is parsed, and never holds a
/// million items), the JSON formats in one. `each` returns false to stop. Returns the
/// items read. An error may come after chunks were handed over: the caller undoes them.
pub fn read_each(
    bytes: &[u8],
    format: Format,
    ctx: &Context<'_>,
    mut each: impl FnMut(Vec<ItemDraft>) -> bool,
) -> Result<usize, ImportError> {
    let text = super::text::decode(bytes).map_err(|e| ImportError::new(ctx.file, 0, None, e))?;
    let format = match format {
        Format::Auto => detect(&text),
        f => f,
    };
    let whole = match format {
        Format::Csv => return read_csv(&text, ctx, each),
        Format::Json => read_json(&text, ctx)?,
        Format::Mastodon => read_mastodon(&text, ctx)?,
        Format::Bluesky => read_bluesky(&text, ctx)?,
        Format::Auto => {
            return Err(ImportError::new(
                ctx.file,
                0,
                None,
                crate::i18n::t().imp_cannot_tell,
            ));
        }
    };
    let n = whole.len();
    each(whole);
    Ok(n)
}

/// Tells the format from the first characters and keys.
fn detect(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('{') {
        return if t.contains("\"notifications\"") {
            Format::Bluesky
        } else {
            Format::Auto
        };
    }
    if t.starts_with('[') {
        // Mastodon notifications carry an account and a status per element.
        return if t.contains("\"account\"") && t.contains("\"status\"") {
            Format::Mastodon
        } else {
            Format::Json
        };
    }
    if t.lines().next().is_some_and(|l| l.contains(',')) {
        Format::Csv
    } else {
        Format::Auto
    }
}

/// RFC 3339, or `YYYY-MM-DD HH:MM` (seconds optional) in the client's zone.
pub fn parse_time(s: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S"))
        .map_err(|_| crate::i18n::fill(crate::i18n::t().imp_not_time, &[("value", s)]))?;
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        // The hour repeated when clocks go back: take the first.
        LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(crate::i18n::fill(
            crate::i18n::t().imp_gap_time,
            &[("time", s), ("zone", tz.name())],
        )),
    }
}

const CSV_REQUIRED: [&str; 7] = [
    "platform",
    "kind",
    "author",
    "text",
    "received_at",
    "permalink",
    "external_id",
];

fn read_csv(
    text: &str,
    ctx: &Context<'_>,
    mut each: impl FnMut(Vec<ItemDraft>) -> bool,
) -> Result<usize, ImportError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| ImportError::new(ctx.file, 1, None, e.to_string()))?
        .clone();
    let idx = super::header_columns(ctx.file, &headers, &CSV_REQUIRED)?;
    let (ip, ik, ia, it, ir, il, ie) = (idx[0], idx[1], idx[2], idx[3], idx[4], idx[5], idx[6]);
    let iname = headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("author_name"));
    let mut out = Vec::with_capacity(CHUNK);
    let mut read = 0;
    // One record read into again and again: a million rows, not a million allocations.
    let mut rec = csv::StringRecord::new();
    while rdr.read_record(&mut rec).map_err(|e| {
        let line = e.position().map_or(0, |p| p.line() as usize);
        ImportError::new(ctx.file, line, None, e.to_string())
    })? {
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let err = |field: &str, msg: String| ImportError::new(ctx.file, line, Some(field), msg);
        let platform =
            super::row_platform(get(ip), ctx.platform).map_err(|m| err("platform", m))?;
        let kind = Kind::parse(get(ik)).ok_or_else(|| {
            err(
                "kind",
                crate::i18n::fill(
                    crate::i18n::t().imp_not_one_of,
                    &[
                        ("value", get(ik)),
                        ("list", "comment, reply, dm, mention, review"),
                    ],
                ),
            )
        })?;
        let author = get(ia);
        if author.is_empty() {
            return Err(err("author", crate::i18n::t().imp_empty.into()));
        }
        let received_at = parse_time(get(ir), ctx.tz).map_err(|m| err("received_at", m))?;
        let external = get(ie);
        out.push(ItemDraft {
            platform,
            kind,
            author: author.to_string(),
            author_name: iname.map(|i| get(i).to_string()).unwrap_or_default(),
            text: rec.get(it).unwrap_or("").to_string(),
            received_at,
            permalink: get(il).to_string(),
            external_id: (!external.is_empty()).then(|| external.to_string()),
        });
        read += 1;
        if out.len() == CHUNK && !each(std::mem::replace(&mut out, Vec::with_capacity(CHUNK))) {
            return Ok(read);
        }
    }
    if !out.is_empty() {
        each(out);
    }
    Ok(read)
}

/// The line of a byte offset, for errors found after parsing.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn json_error(ctx: &Context<'_>, e: serde_json::Error) -> ImportError {
    ImportError::new(ctx.file, e.line(), None, e.to_string())
}

#[derive(Deserialize)]
struct JsonItem {
    platform: Option<String>,
    kind: String,
    author: String,
    #[serde(default)]
    author_name: String,
    text: String,
    received_at: String,
    #[serde(default)]
    permalink: String,
    external_id: Option<String>,
}

/// Finds where the n-th element of a top-level array starts, for its line number.
fn element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escape = false;
    let mut line = 1;
    let mut expecting = false;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_str {
            match (escape, c) {
                (true, _) => escape = false,
                (false, '\\') => escape = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '[' | '{' => {
                if depth == 1 && expecting {
                    lines.push(line);
                    expecting = false;
                }
                if depth == 0 {
                    expecting = true;
                }
                depth += 1;
            }
            ']' | '}' => depth -= 1,
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    lines
}

fn read_json(text: &str, ctx: &Context<'_>) -> Result<Vec<ItemDraft>, ImportError> {
    let items: Vec<JsonItem> = serde_json::from_str(text).map_err(|e| json_error(ctx, e))?;
    let lines = element_lines(text);
    items
        .into_iter()
        .enumerate()
        .map(|(i, j)| {
            let line = lines.get(i).copied().unwrap_or(0);
            let err = |field: &str, msg: String| ImportError::new(ctx.file, line, Some(field), msg);
            let platform = match j.platform.as_deref().map(str::trim) {
                None | Some("") => ctx
                    .platform
                    .ok_or_else(|| err("platform", crate::i18n::t().imp_platform_empty.into()))?,
                Some(p) => Platform::parse(p).ok_or_else(|| {
                    err(
                        "platform",
                        crate::i18n::fill(
                            crate::i18n::t().imp_unknown_platform,
                            &[("platform", p)],
                        ),
                    )
                })?,
            };
            Ok(ItemDraft {
                platform,
                kind: Kind::parse(&j.kind).ok_or_else(|| {
                    err(
                        "kind",
                        crate::i18n::fill(crate::i18n::t().imp_unknown_kind, &[("kind", &j.kind)]),
                    )
                })?,
                author: j.author,
                author_name: j.author_name,
                text: j.text,
                received_at: parse_time(&j.received_at, ctx.tz)
                    .map_err(|m| err("received_at", m))?,
                permalink: j.permalink,
                external_id: j.external_id.filter(|s| !s.is_empty()),
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct MastodonAccount {
    acct: String,
    #[serde(default)]
    display_name: String,
}

#[derive(Deserialize)]
struct MastodonStatus {
    id: String,
    in_reply_to_id: Option<String>,
    content: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    visibility: Option<String>,
}

#[derive(Deserialize)]
struct MastodonNotification {
    #[serde(rename = "type")]
    kind: String,
    created_at: String,
    account: MastodonAccount,
    status: Option<MastodonStatus>,
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

fn read_mastodon(text: &str, ctx: &Context<'_>) -> Result<Vec<ItemDraft>, ImportError> {
    let list: Vec<MastodonNotification> =
        serde_json::from_str(text).map_err(|e| json_error(ctx, e))?;
    let lines = element_lines(text);
    let mut out = Vec::new();
    for (i, n) in list.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        // Favourites, boosts and follows ask for no answer.
        if n.kind != "mention" {
            continue;
        }
        let Some(status) = n.status else {
            return Err(ImportError::new(
                ctx.file,
                line,
                Some("status"),
                crate::i18n::t().imp_mention_no_status,
            ));
        };
        let kind = if status.visibility.as_deref() == Some("direct") {
            Kind::Dm
        } else if status.in_reply_to_id.is_some() {
            Kind::Reply
        } else {
            Kind::Mention
        };
        out.push(ItemDraft {
            platform: Platform::Mastodon,
            kind,
            author: format!("@{}", n.account.acct.trim_start_matches('@')),
            author_name: n.account.display_name,
            text: html_to_text(&status.content),
            received_at: parse_time(&n.created_at, ctx.tz)
                .map_err(|m| ImportError::new(ctx.file, line, Some("created_at"), m))?,
            permalink: status.url.unwrap_or_default(),
            external_id: Some(status.id),
        });
    }
    Ok(out)
}

#[derive(Deserialize)]
struct BskyAuthor {
    handle: String,
    #[serde(default, rename = "displayName")]
    display_name: Option<String>,
}

#[derive(Deserialize)]
struct BskyRecord {
    #[serde(default)]
    text: String,
    #[serde(rename = "createdAt")]
    created_at: Option<String>,
}

#[derive(Deserialize)]
struct BskyNotification {
    uri: String,
    author: BskyAuthor,
    reason: String,
    record: BskyRecord,
    #[serde(rename = "indexedAt")]
    indexed_at: String,
}

#[derive(Deserialize)]
struct BskyList {
    notifications: Vec<BskyNotification>,
}

/// `https://bsky.app/profile/HANDLE/post/RKEY` from `at://DID/app.bsky.feed.post/RKEY`.
fn bsky_permalink(uri: &str, handle: &str) -> String {
    match uri.rsplit_once('/') {
        Some((_, rkey)) if uri.contains("/app.bsky.feed.post/") => {
            format!("https://bsky.app/profile/{handle}/post/{rkey}")
        }
        _ => String::new(),
    }
}

fn read_bluesky(text: &str, ctx: &Context<'_>) -> Result<Vec<ItemDraft>, ImportError> {
    let list: BskyList = serde_json::from_str(text).map_err(|e| json_error(ctx, e))?;
    let mut out = Vec::new();
    for n in list.notifications {
        let kind = match n.reason.as_str() {
            "mention" => Kind::Mention,
            "reply" => Kind::Reply,
            "quote" => Kind::Mention,
            _ => continue,
        };
        let line = text.find(&n.uri).map_or(0, |o| line_of(text, o));
        let when = n.record.created_at.as_deref().unwrap_or(&n.indexed_at);
        out.push(ItemDraft {
            platform: Platform::Bluesky,
            kind,
            permalink: bsky_permalink(&n.uri, &n.author.handle),
            author: format!("@{}", n.author.handle),
            author_name: n.author.display_name.unwrap_or_default(),
            text: n.record.text,
            received_at: parse_time(when, ctx.tz)
                .map_err(|m| ImportError::new(ctx.file, line, Some("createdAt"), m))?,
            external_id: Some(n.uri),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
