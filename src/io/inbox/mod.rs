//! Inbox importers: a CSV (or JSON) of items, Mastodon's notifications and Bluesky's
//! `listNotifications` (FORMATS.md, "Inbox sources").

pub mod bluesky;
pub mod mastodon;

pub use mastodon::html_to_text;

use std::collections::BTreeMap;

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{ImportError, quoted};
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

/// What an import read besides its items: what it skipped or left out, and why.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Mentions whose post was deleted (Mastodon's `"status": null`), skipped.
    pub deleted: usize,
    /// Notifications that ask for no reply (follows, likes, boosts, types newer than
    /// this code), left out, by type.
    pub left_out: BTreeMap<String, usize>,
}

impl Summary {
    pub fn add(&mut self, other: Summary) {
        self.deleted += other.deleted;
        for (k, n) in other.left_out {
            *self.left_out.entry(k).or_default() += n;
        }
    }
}

/// How many items a file held, and its [`Summary`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Read {
    pub items: usize,
    pub summary: Summary,
}

/// Reads every item of a file, or says what is wrong and where. Nothing is partial: an
/// error anywhere means no item.
pub fn read(
    bytes: &[u8],
    format: Format,
    ctx: &Context<'_>,
) -> Result<Vec<ItemDraft>, ImportError> {
    read_all(bytes, format, ctx).map(|(items, _)| items)
}

/// [`read`], with the summary.
pub fn read_all(
    bytes: &[u8],
    format: Format,
    ctx: &Context<'_>,
) -> Result<(Vec<ItemDraft>, Summary), ImportError> {
    let mut out = Vec::new();
    let r = read_each(bytes, format, ctx, |chunk| {
        out.extend(chunk);
        true
    })?;
    Ok((out, r.summary))
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
) -> Result<Read, ImportError> {
    let text = super::text::decode(bytes).map_err(|e| ImportError::new(ctx.file, 0, None, e))?;
    let format = match format {
        Format::Auto => detect(&text),
        f => f,
    };
    let (whole, summary) = match format {
        Format::Csv => {
            return read_csv(&text, ctx, each).map(|items| Read {
                items,
                summary: Summary::default(),
            });
        }
        Format::Json => (read_json(&text, ctx)?, Summary::default()),
        Format::Mastodon => {
            let page = mastodon::read_page(&text, ctx.file, ctx.tz)?;
            (page.items, page.summary)
        }
        Format::Bluesky => bluesky::read(&text, ctx)?,
        Format::Auto => {
            return Err(ImportError::new(
                ctx.file,
                0,
                None,
                crate::i18n::t().import.imp_cannot_tell,
            ));
        }
    };
    let items = whole.len();
    each(whole);
    Ok(Read { items, summary })
}

/// Which keys a JSON object has, without keeping their values.
#[derive(Deserialize)]
struct ObjectProbe {
    notification_groups: Option<IgnoredAny>,
    notifications: Option<IgnoredAny>,
}

/// Which keys an array element has: Mastodon's notifications carry `type`, `account`
/// and `created_at`; the generic JSON carries `kind`.
#[derive(Deserialize)]
struct ElementProbe {
    #[serde(rename = "type")]
    kind: Option<IgnoredAny>,
    account: Option<IgnoredAny>,
    created_at: Option<IgnoredAny>,
}

/// Tells the format from the first characters, and a JSON text from its keys (never
/// from words that may be inside its strings).
fn detect(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('{') {
        return match serde_json::from_str::<ObjectProbe>(t) {
            Ok(p) if p.notification_groups.is_some() => Format::Mastodon,
            Ok(p) if p.notifications.is_some() => Format::Bluesky,
            _ => Format::Auto,
        };
    }
    if t.starts_with('[') {
        return match serde_json::from_str::<Vec<ElementProbe>>(t) {
            Ok(list)
                if list
                    .iter()
                    .any(|e| e.kind.is_some() && e.account.is_some() && e.created_at.is_some()) =>
            {
                Format::Mastodon
            }
            _ => Format::Json,
        };
    }
    let sep = super::text::separator(t) as char;
    if t.lines().next().is_some_and(|l| l.contains(sep)) {
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
        .map_err(|_| {
            crate::i18n::fill(
                crate::i18n::t().import.imp_not_time,
                &[("value", &quoted(s))],
            )
        })?;
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        // The hour repeated when clocks go back: take the first.
        LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(crate::i18n::fill(
            crate::i18n::t().import.imp_gap_time,
            &[("time", &quoted(s)), ("zone", tz.name())],
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
        .delimiter(super::text::separator(text))
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
    let mut lines = super::text::Lines::new(text);
    while rdr
        .read_record(&mut rec)
        .map_err(|e| ImportError::new(ctx.file, lines.of(e.position()), None, e.to_string()))?
    {
        let line = lines.of(rec.position());
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let err = |i: usize, field: &str, msg: String| {
            ImportError::new(ctx.file, line, Some(field), msg).at_field(i)
        };
        let platform =
            super::row_platform(get(ip), ctx.platform).map_err(|m| err(ip, "platform", m))?;
        let kind = Kind::parse(get(ik)).ok_or_else(|| {
            err(
                ik,
                "kind",
                crate::i18n::fill(
                    crate::i18n::t().import.imp_not_one_of,
                    &[
                        ("value", &quoted(get(ik))),
                        ("list", "comment, reply, dm, mention, review"),
                    ],
                ),
            )
        })?;
        let author = get(ia);
        if author.is_empty() {
            return Err(err(ia, "author", crate::i18n::t().import.imp_empty.into()));
        }
        let received_at = parse_time(get(ir), ctx.tz).map_err(|m| err(ir, "received_at", m))?;
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

/// A JSON parser's error with its line (and column); the parser may quote a whole string
/// of the file, which the error's display cuts.
fn json_error(file: &str, e: serde_json::Error) -> ImportError {
    let mut err = ImportError::new(file, e.line(), None, e.to_string());
    err.column = e.column();
    err
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
    let items: Vec<JsonItem> = serde_json::from_str(text).map_err(|e| json_error(ctx.file, e))?;
    let lines = element_lines(text);
    items
        .into_iter()
        .enumerate()
        .map(|(i, j)| {
            let line = lines.get(i).copied().unwrap_or(0);
            let err = |field: &str, msg: String| ImportError::new(ctx.file, line, Some(field), msg);
            let platform = match j.platform.as_deref().map(str::trim) {
                None | Some("") => ctx.platform.ok_or_else(|| {
                    err(
                        "platform",
                        crate::i18n::t().import.imp_platform_empty.into(),
                    )
                })?,
                Some(p) => Platform::parse(p).ok_or_else(|| {
                    err(
                        "platform",
                        crate::i18n::fill(
                            crate::i18n::t().import.imp_unknown_platform,
                            &[("platform", &quoted(p))],
                        ),
                    )
                })?,
            };
            Ok(ItemDraft {
                platform,
                kind: Kind::parse(&j.kind).ok_or_else(|| {
                    err(
                        "kind",
                        crate::i18n::fill(
                            crate::i18n::t().import.imp_unknown_kind,
                            &[("kind", &quoted(&j.kind))],
                        ),
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

#[cfg(test)]
mod tests;
