//! Posts of the editorial calendar: from idea to published. A post's time is the wall
//! clock of its client's zone; the UTC instant is derived from it, so a daylight-saving
//! change never shifts a post.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::Version;
use super::client::AccountId;

pub type PostId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Idea,
    /// A new post is a draft.
    #[default]
    Draft,
    Ready,
    Scheduled,
    Published,
    Failed,
    Cancelled,
    /// Being sent by `publish --due`: marked before the request goes out, so a crash or
    /// a second run never sends it again blindly.
    Publishing,
}

impl PostStatus {
    pub const ALL: [PostStatus; 8] = [
        PostStatus::Idea,
        PostStatus::Draft,
        PostStatus::Ready,
        PostStatus::Scheduled,
        PostStatus::Published,
        PostStatus::Failed,
        PostStatus::Cancelled,
        PostStatus::Publishing,
    ];
    pub fn key(self) -> &'static str {
        match self {
            PostStatus::Idea => "idea",
            PostStatus::Draft => "draft",
            PostStatus::Ready => "ready",
            PostStatus::Scheduled => "scheduled",
            PostStatus::Published => "published",
            PostStatus::Failed => "failed",
            PostStatus::Cancelled => "cancelled",
            PostStatus::Publishing => "publishing",
        }
    }
    pub fn parse(s: &str) -> Option<PostStatus> {
        let s = s.trim().to_ascii_lowercase();
        PostStatus::ALL.into_iter().find(|x| x.key() == s)
    }
    /// Ready to go out: the text must fit every platform, or the user must confirm.
    pub fn is_go(self) -> bool {
        matches!(
            self,
            PostStatus::Ready | PostStatus::Scheduled | PostStatus::Published
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Post {
    pub id: PostId,
    pub client_id: i64,
    pub accounts: Vec<AccountId>,
    /// The wall-clock time in the client's zone; `None` for an idea with no date yet.
    pub local: Option<NaiveDateTime>,
    /// The instant of `local` in the client's zone (derived, for sorting and queries).
    pub at: Option<DateTime<Utc>>,
    pub status: PostStatus,
    pub title: String,
    pub body: String,
    pub first_comment: String,
    pub media: String,
    pub pillar_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub target_id: Option<i64>,
    pub objective_id: Option<i64>,
    pub link: String,
    pub utm_medium: String,
    pub utm_campaign: String,
    pub permalink: String,
    pub notes: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// The instant of a wall-clock time in a zone. In the hour that repeats when clocks go
/// back, the first one; in the hour skipped when they go forward, the time just after
/// the gap (02:30 becomes 03:30), as calendar programs do.
pub fn instant(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            let later = local + Duration::hours(1);
            match tz.from_local_datetime(&later) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
                // No zone skips two hours; fall back to reading the time as UTC.
                LocalResult::None => Utc.from_utc_datetime(&local),
            }
        }
    }
}

/// True when a wall-clock time does not exist in a zone (the skipped hour).
pub fn is_skipped(local: NaiveDateTime, tz: Tz) -> bool {
    matches!(tz.from_local_datetime(&local), LocalResult::None)
}

impl Post {
    /// Sets the wall-clock time and the instant that goes with it.
    pub fn schedule(&mut self, local: Option<NaiveDateTime>, tz: Tz) {
        self.local = local;
        self.at = local.map(|l| instant(l, tz));
    }

    /// Moves the post by whole days, keeping its wall-clock time.
    pub fn shift_days(&mut self, days: i64, tz: Tz) {
        if let Some(l) = self.local {
            self.schedule(Some(l + Duration::days(days)), tz);
        }
    }

    pub fn day(&self) -> Option<NaiveDate> {
        self.local.map(|l| l.date())
    }

    /// The title, or the first line of the text when there is none.
    pub fn label(&self) -> &str {
        label(&self.title, &self.body)
    }
}

pub fn label<'a>(title: &'a str, body: &'a str) -> &'a str {
    if title.trim().is_empty() {
        body.lines().next().unwrap_or("")
    } else {
        title
    }
}

/// What a calendar grid draws of a post. Six weeks of every client are read this light
/// (no texts but the label, nothing to save back); the selected day is read in full.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostCell {
    pub id: PostId,
    pub client_id: i64,
    pub accounts: Vec<AccountId>,
    pub local: Option<NaiveDateTime>,
    pub status: PostStatus,
    /// What [`Post::label`] gives.
    pub label: String,
}

impl PostCell {
    pub fn day(&self) -> Option<NaiveDate> {
        self.local.map(|l| l.date())
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `Bûches de Noël 2026` -> `buches-de-noel-2026`, for a utm_campaign.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Adds UTM parameters to a link, keeping its own query and fragment. Empty values are
/// left out; a link without a scheme is returned as it is.
pub fn tagged_link(link: &str, source: &str, medium: &str, campaign: &str) -> String {
    let link = link.trim();
    if link.is_empty() || !(link.starts_with("http://") || link.starts_with("https://")) {
        return link.to_string();
    }
    let (base, fragment) = match link.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (link, None),
    };
    let params: Vec<String> = [
        ("utm_source", source),
        ("utm_medium", medium),
        ("utm_campaign", campaign),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}={}", encode(v.trim())))
    .collect();
    if params.is_empty() {
        return link.to_string();
    }
    let sep = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{sep}{}", params.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> Tz {
        "Europe/Paris".parse().unwrap()
    }
    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn wall_clock_survives_daylight_saving() {
        // Clocks go back on Sunday Oct 25, 2026 in Paris.
        let mut p = Post::default();
        p.schedule(Some(local("2026-10-24 09:00")), paris());
        assert_eq!(p.at.unwrap().to_rfc3339(), "2026-10-24T07:00:00+00:00");
        p.shift_days(2, paris());
        assert_eq!(p.local, Some(local("2026-10-26 09:00")));
        assert_eq!(p.at.unwrap().to_rfc3339(), "2026-10-26T08:00:00+00:00");
        p.shift_days(-2, paris());
        assert_eq!(p.at.unwrap().to_rfc3339(), "2026-10-24T07:00:00+00:00");
    }

    #[test]
    fn skipped_and_repeated_hours() {
        // 02:30 does not exist on March 29, 2026 in Paris: it becomes 03:30 (01:30 UTC).
        assert!(is_skipped(local("2026-03-29 02:30"), paris()));
        assert_eq!(
            instant(local("2026-03-29 02:30"), paris()).to_rfc3339(),
            "2026-03-29T01:30:00+00:00"
        );
        // 02:30 happens twice on Oct 25: the first (summer time) is taken.
        assert_eq!(
            instant(local("2026-10-25 02:30"), paris()).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
    }

    #[test]
    fn utm_links() {
        assert_eq!(
            tagged_link(
                "https://shop.example/bûche",
                "instagram",
                "social",
                "noel-2026"
            ),
            "https://shop.example/bûche?utm_source=instagram&utm_medium=social&utm_campaign=noel-2026"
        );
        assert_eq!(
            tagged_link("https://x.example/p?id=3#buy", "x", "social", "Winter Sale"),
            "https://x.example/p?id=3&utm_source=x&utm_medium=social&utm_campaign=Winter%20Sale#buy"
        );
        assert_eq!(
            tagged_link("https://a.example", "", "", ""),
            "https://a.example"
        );
        assert_eq!(tagged_link("not a link", "x", "y", "z"), "not a link");
        assert_eq!(slug("Bûches de Noël 2026!"), "buches-de-noel-2026");
    }

    #[test]
    fn statuses() {
        assert_eq!(PostStatus::parse("Ready"), Some(PostStatus::Ready));
        assert!(PostStatus::Scheduled.is_go());
        assert!(!PostStatus::Draft.is_go());
    }
}
