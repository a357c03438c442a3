//! The analytics exports twohats reads (FORMATS.md), as data: the headers that identify
//! each, and how its columns map to canonical metrics. Headers are matched in any case,
//! never by position.

use crate::domain::Platform;
use crate::domain::metric::Metric;

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
];

/// The format whose required headers are all there (and forbidden ones not).
pub fn detect(headers: &[String]) -> Option<&'static Format> {
    let has = |h: &str| headers.iter().any(|x| x == h);
    FORMATS
        .iter()
        .find(|f| f.required.iter().all(|r| has(r)) && !f.forbidden.iter().any(|x| has(x)))
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
