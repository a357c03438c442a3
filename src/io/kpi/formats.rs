//! The analytics exports twohats reads (FORMATS.md), as data: the headers that identify
//! each, and how its columns map to canonical metrics. Headers are matched in any case,
//! never by position.

use crate::domain::Platform;
use crate::domain::metric::{KPI_SECONDS_PER_HOUR, Metric};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    /// Account-level daily values.
    Daily,
    /// One row per post, dated by its publish day.
    Posts,
}

pub struct Format {
    pub name: &'static str,
    /// Headers that must all be there (lower case).
    pub required: &'static [&'static str],
    /// A header that must not be there (to tell look-alikes apart).
    pub forbidden: &'static [&'static str],
    /// When not empty, a header starting with one of these must be there, or the first
    /// data row be the `Total` row: what tells the export from a user's own table of
    /// common words (`date,reach,views`).
    pub own: &'static [&'static str],
    pub grain: Grain,
    pub platform: Option<Platform>,
    /// The date column, by any of these names.
    pub date: &'static [&'static str],
    /// The post id column (per-post formats).
    pub id: &'static [&'static str],
    pub title: &'static [&'static str],
    /// Column name -> metric. Several columns may feed one metric; they are added.
    pub map: &'static [(&'static str, Metric)],
    /// The first data row is a `Total` to skip.
    pub total_row: bool,
}

use Metric::*;

pub const FORMATS: &[Format] = &[
    Format {
        name: "X tweet activity",
        required: &["tweet id", "time", "impressions"],
        forbidden: &[],
        own: &[],
        grain: Grain::Posts,
        platform: Some(Platform::X),
        date: &["time"],
        id: &["tweet id"],
        title: &["tweet text"],
        map: &[
            ("impressions", Impressions),
            ("engagements", Engagements),
            ("retweets", Shares),
            ("replies", Comments),
            ("likes", Likes),
            ("favorites", Likes),
            ("url clicks", Clicks),
            ("user profile clicks", ProfileVisits),
            ("follows", NewFollows),
            ("media views", VideoViews),
        ],
        total_row: false,
    },
    Format {
        name: "X post analytics",
        required: &["post id", "date", "impressions"],
        forbidden: &[],
        own: &[],
        grain: Grain::Posts,
        platform: Some(Platform::X),
        date: &["date"],
        id: &["post id"],
        title: &["post text"],
        map: &[
            ("impressions", Impressions),
            ("likes", Likes),
            ("engagements", Engagements),
            ("bookmarks", Saves),
            ("shares", Shares),
            // Older files say Share.
            ("share", Shares),
            ("reposts", Shares),
            ("new follows", NewFollows),
            ("replies", Comments),
            ("profile visits", ProfileVisits),
            ("url clicks", Clicks),
        ],
        total_row: false,
    },
    Format {
        name: "X account overview",
        required: &["date", "impressions", "engagements", "new follows"],
        forbidden: &["post id", "platform"],
        own: &[],
        grain: Grain::Daily,
        platform: Some(Platform::X),
        date: &["date"],
        id: &[],
        title: &[],
        map: &[
            ("impressions", Impressions),
            ("likes", Likes),
            ("engagements", Engagements),
            ("bookmarks", Saves),
            ("shares", Shares),
            ("share", Shares),
            ("reposts", Shares),
            ("new follows", NewFollows),
            ("replies", Comments),
            ("profile visits", ProfileVisits),
            ("video views", VideoViews),
        ],
        total_row: false,
    },
    Format {
        name: "Facebook posts",
        required: &["post id", "page id", "publish time"],
        forbidden: &[],
        own: &[],
        grain: Grain::Posts,
        platform: Some(Platform::Facebook),
        date: &["publish time"],
        id: &["post id"],
        title: &["title", "description"],
        map: &[
            ("views", Impressions),
            ("impressions", Impressions),
            ("reach", Reach),
            ("reactions", Likes),
            ("comments", Comments),
            ("shares", Shares),
            ("reactions, comments and shares", Engagements),
            ("total clicks", Clicks),
        ],
        total_row: false,
    },
    Format {
        name: "Instagram posts",
        required: &["post id", "account id", "publish time"],
        forbidden: &[],
        own: &[],
        grain: Grain::Posts,
        platform: Some(Platform::Instagram),
        date: &["publish time"],
        id: &["post id"],
        title: &["description"],
        map: &[
            ("views", Impressions),
            ("impressions", Impressions),
            ("reach", Reach),
            ("likes", Likes),
            ("shares", Shares),
            ("follows", NewFollows),
            ("comments", Comments),
            ("saves", Saves),
        ],
        total_row: false,
    },
    Format {
        name: "LinkedIn page metrics",
        required: &["date", "impressions (total)"],
        forbidden: &[],
        own: &[],
        grain: Grain::Daily,
        platform: Some(Platform::Linkedin),
        date: &["date"],
        id: &[],
        title: &[],
        map: &[
            ("impressions (total)", Impressions),
            ("clicks (total)", Clicks),
            ("reactions (total)", Likes),
            ("comments (total)", Comments),
            ("reposts (total)", Shares),
            ("shares (total)", Shares),
        ],
        total_row: false,
    },
    Format {
        name: "LinkedIn posts",
        required: &["post link", "created date", "impressions"],
        forbidden: &[],
        own: &[],
        grain: Grain::Posts,
        platform: Some(Platform::Linkedin),
        date: &["created date"],
        id: &["post link"],
        title: &["post title"],
        map: &[
            ("impressions", Impressions),
            ("clicks", Clicks),
            ("likes", Likes),
            ("comments", Comments),
            ("reposts", Shares),
            ("follows", NewFollows),
        ],
        total_row: false,
    },
    Format {
        name: "LinkedIn new followers",
        required: &["date", "total followers", "organic followers"],
        forbidden: &[],
        own: &[],
        grain: Grain::Daily,
        platform: Some(Platform::Linkedin),
        date: &["date"],
        id: &[],
        title: &[],
        map: &[("total followers", NewFollows)],
        total_row: false,
    },
    Format {
        name: "TikTok overview",
        required: &["date", "video views", "profile views"],
        forbidden: &[],
        own: &[],
        grain: Grain::Daily,
        platform: Some(Platform::Tiktok),
        date: &["date"],
        id: &[],
        title: &[],
        map: &[
            ("video views", VideoViews),
            ("profile views", ProfileVisits),
            ("likes", Likes),
            ("comments", Comments),
            ("shares", Shares),
            // The 2025 export.
            ("reached audience", Reach),
            ("new followers", NewFollows),
        ],
        total_row: false,
    },
    Format {
        name: "TikTok follower history",
        required: &[
            "date",
            "followers",
            "difference in followers from previous day",
        ],
        forbidden: &[],
        own: &[],
        grain: Grain::Daily,
        platform: Some(Platform::Tiktok),
        date: &["date"],
        id: &[],
        title: &[],
        map: &[("followers", Followers)],
        total_row: false,
    },
    Format {
        name: "TikTok content",
        required: &["video link", "post time", "total views"],
        forbidden: &[],
        own: &[],
        grain: Grain::Posts,
        platform: Some(Platform::Tiktok),
        date: &["post time"],
        id: &["video link"],
        title: &["video title"],
        map: &[
            ("total views", VideoViews),
            ("total likes", Likes),
            ("total comments", Comments),
            ("total shares", Shares),
        ],
        total_row: false,
    },
    Format {
        name: "YouTube table data",
        required: &["content", "video publish time", "views"],
        forbidden: &[],
        own: &[],
        grain: Grain::Posts,
        platform: Some(Platform::Youtube),
        date: &["video publish time"],
        id: &["content"],
        title: &["video title"],
        map: &[
            ("views", VideoViews),
            ("impressions", Impressions),
            ("subscribers", NewFollows),
        ],
        total_row: true,
    },
    // Last: its two required headers are common words.
    Format {
        name: "YouTube daily",
        required: &["date", "views"],
        forbidden: &["content", "post id", "platform", "metric"],
        // The columns YouTube Studio offers beside Views.
        own: &[
            "watch time (",
            "average view duration",
            "average percentage viewed",
            "estimated revenue (",
            "impressions click-through rate",
            "subscribers",
            "unique viewers",
            "returning viewers",
            "new viewers",
        ],
        grain: Grain::Daily,
        platform: Some(Platform::Youtube),
        date: &["date"],
        id: &[],
        title: &[],
        map: &[
            ("views", VideoViews),
            ("impressions", Impressions),
            ("subscribers", NewFollows),
        ],
        total_row: true,
    },
];

/// What a column of a known export holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// A metric, and the factor from the file's unit to the stored one.
    Metric(Metric, f64),
    /// Money in another currency than the client's (named): left out.
    OtherCurrency(String),
    Unused,
}

/// Watch time in a unit the header names: `Watch time (hours)` (YouTube), `Total watch
/// time (minutes)`...; the factor turns it into stored seconds. Averages are not added up.
fn watch_time_factor(h: &str) -> Option<f64> {
    let named = ["watch time", "time watched", "play time", "playtime"]
        .iter()
        .any(|w| h.contains(w));
    if !named || h.contains("average") || h.contains("avg") {
        return None;
    }
    if h.ends_with("(hours)") || h.ends_with("(h)") {
        Some(KPI_SECONDS_PER_HOUR)
    } else if h.ends_with("(minutes)") || h.ends_with("(mins)") || h.ends_with("(min)") {
        Some(60.0)
    } else if h.ends_with("(seconds)") || h.ends_with("(secs)") || h.ends_with("(s)") {
        Some(1.0)
    } else {
        None
    }
}

/// `Estimated revenue (USD)`: the currency it is in.
fn revenue_currency(h: &str) -> Option<String> {
    let rest = h
        .strip_prefix("estimated revenue")
        .or_else(|| h.strip_prefix("revenue"))?
        .trim();
    let code = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
    (code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| code.to_ascii_uppercase())
}

/// The factor from a generic CSV's unit to the stored one: money in major units, watch
/// time in hours, the rest as is.
pub fn generic_factor(m: Metric, minor: f64) -> f64 {
    match m.unit() {
        crate::domain::metric::Unit::Money => minor,
        crate::domain::metric::Unit::Hours => KPI_SECONDS_PER_HOUR,
        _ => 1.0,
    }
}

/// What the column `h` (lower case) of an export `f` holds, for a client paid in
/// `currency`.
pub fn column(f: &Format, h: &str, currency: &str, minor: f64) -> Column {
    if let Some((_, m)) = f.map.iter().find(|(n, _)| *n == h) {
        return Column::Metric(*m, generic_factor(*m, minor));
    }
    if let Some(factor) = watch_time_factor(h) {
        return Column::Metric(WatchTime, factor);
    }
    match revenue_currency(h) {
        Some(c) if c.eq_ignore_ascii_case(currency) => Column::Metric(Revenue, minor),
        Some(c) => Column::OtherCurrency(c),
        None => Column::Unused,
    }
}

/// The format whose required headers are all there (and forbidden ones not), and its
/// own mark ([`Format::own`]); `total_first`: the first data row is a `Total`.
pub fn detect(headers: &[String], total_first: bool) -> Option<&'static Format> {
    let has = |h: &str| headers.iter().any(|x| x == h);
    let own = |f: &Format| {
        f.own.is_empty()
            || (f.total_row && total_first)
            || headers
                .iter()
                .any(|h| f.own.iter().any(|o| h.starts_with(o)))
    };
    FORMATS.iter().find(|f| {
        f.required.iter().all(|r| has(r)) && !f.forbidden.iter().any(|x| has(x)) && own(f)
    })
}

/// The metric of a Meta page-level file from its title line (`"Facebook follows"`), and
/// the platform the title names.
pub fn meta_title(title: &str) -> (Option<Metric>, Option<Platform>) {
    let t = title.trim().trim_matches('"').to_lowercase();
    let platform = if t.starts_with("facebook") {
        Some(Platform::Facebook)
    } else if t.starts_with("instagram") {
        Some(Platform::Instagram)
    } else {
        None
    };
    let metric = if t.contains("link click") {
        Some(Clicks)
    } else if t.contains("follow") {
        Some(NewFollows)
    } else if t.contains("visit") {
        Some(ProfileVisits)
    } else if t.contains("viewer") || t.contains("reach") {
        Some(Reach)
    } else if t.contains("view") || t.contains("impression") {
        Some(Impressions)
    } else if t.contains("interaction") || t.contains("engagement") {
        Some(Engagements)
    } else {
        None
    };
    (metric, platform)
}
