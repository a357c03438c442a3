//! The catalogue of platforms a client's accounts live on, with their text limits and
//! the way each one counts text (FORMATS.md, "Text limits per platform").

use serde::{Deserialize, Serialize};

/// How a platform counts the length of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountRule {
    /// Unicode scalar values.
    Characters,
    /// twitter-text weighting: most Latin 1, CJK and emoji 2, any URL 23.
    Weighted,
    /// Extended grapheme clusters (Bluesky).
    Graphemes,
    /// Characters, every URL counting 23 (Mastodon).
    CharactersUrl23,
    /// No limit worth counting (blogs, forums).
    None,
}

impl CountRule {
    pub fn key(self) -> &'static str {
        match self {
            CountRule::Characters => "characters",
            CountRule::Weighted => "weighted",
            CountRule::Graphemes => "graphemes",
            CountRule::CharactersUrl23 => "characters_url23",
            CountRule::None => "none",
        }
    }
}

/// A platform of the seeded catalogue. The store has the same rows in `platforms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Facebook,
    Instagram,
    Linkedin,
    X,
    Tiktok,
    Youtube,
    Threads,
    Mastodon,
    Bluesky,
    Pinterest,
    Blog,
    Forum,
}

impl Platform {
    pub const ALL: [Platform; 12] = [
        Platform::Facebook,
        Platform::Instagram,
        Platform::Linkedin,
        Platform::X,
        Platform::Tiktok,
        Platform::Youtube,
        Platform::Threads,
        Platform::Mastodon,
        Platform::Bluesky,
        Platform::Pinterest,
        Platform::Blog,
        Platform::Forum,
    ];

    /// Stable key used in the database, files and the command line.
    pub fn key(self) -> &'static str {
        match self {
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Linkedin => "linkedin",
            Platform::X => "x",
            Platform::Tiktok => "tiktok",
            Platform::Youtube => "youtube",
            Platform::Threads => "threads",
            Platform::Mastodon => "mastodon",
            Platform::Bluesky => "bluesky",
            Platform::Pinterest => "pinterest",
            Platform::Blog => "blog",
            Platform::Forum => "forum",
        }
    }

    /// The platform's own name, as people write it.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
            Platform::Linkedin => "LinkedIn",
            Platform::X => "X",
            Platform::Tiktok => "TikTok",
            Platform::Youtube => "YouTube",
            Platform::Threads => "Threads",
            Platform::Mastodon => "Mastodon",
            Platform::Bluesky => "Bluesky",
            Platform::Pinterest => "Pinterest",
            Platform::Blog => "Blog",
            Platform::Forum => "Forum",
        }
    }

    /// A two-letter mark for dense views (calendar cells, list rows).
    pub fn mark(self) -> &'static str {
        match self {
            Platform::Facebook => "FB",
            Platform::Instagram => "IG",
            Platform::Linkedin => "LI",
            Platform::X => "X ",
            Platform::Tiktok => "TT",
            Platform::Youtube => "YT",
            Platform::Threads => "TH",
            Platform::Mastodon => "MA",
            Platform::Bluesky => "BS",
            Platform::Pinterest => "PI",
            Platform::Blog => "BL",
            Platform::Forum => "FO",
        }
    }

    /// The limit of a post's main text (for YouTube and Pinterest: the description).
    pub fn text_limit(self) -> Option<u32> {
        match self {
            Platform::X => Some(280),
            Platform::Linkedin => Some(3000),
            Platform::Instagram => Some(2200),
            Platform::Facebook => Some(63206),
            Platform::Tiktok => Some(2200),
            Platform::Threads => Some(500),
            Platform::Mastodon => Some(500),
            Platform::Bluesky => Some(300),
            Platform::Youtube => Some(5000),
            Platform::Pinterest => Some(500),
            Platform::Blog | Platform::Forum => None,
        }
    }

    /// The limit of a title, where the platform has one.
    pub fn title_limit(self) -> Option<u32> {
        match self {
            Platform::Youtube | Platform::Pinterest => Some(100),
            _ => None,
        }
    }

    /// At most this many hashtags in one post, where the platform caps them.
    pub fn hashtag_limit(self) -> Option<u32> {
        match self {
            Platform::Instagram => Some(5),
            Platform::Threads => Some(1),
            _ => None,
        }
    }

    pub fn count_rule(self) -> CountRule {
        match self {
            Platform::X => CountRule::Weighted,
            Platform::Bluesky => CountRule::Graphemes,
            Platform::Mastodon => CountRule::CharactersUrl23,
            Platform::Blog | Platform::Forum => CountRule::None,
            _ => CountRule::Characters,
        }
    }

    /// Reads a key or a name in any case (`X`, `twitter` and `linkedin` included).
    pub fn parse(s: &str) -> Option<Platform> {
        let k = s.trim();
        if k.eq_ignore_ascii_case("twitter") {
            return Some(Platform::X);
        }
        Platform::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(k) || p.name().eq_ignore_ascii_case(k))
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for p in Platform::ALL {
            assert_eq!(Platform::parse(p.key()), Some(p));
            assert_eq!(Platform::parse(p.name()), Some(p));
        }
        assert_eq!(Platform::parse("Twitter"), Some(Platform::X));
        assert_eq!(Platform::parse("myspace"), None);
    }

    #[test]
    fn limits_follow_formats_md() {
        assert_eq!(Platform::X.text_limit(), Some(280));
        assert_eq!(Platform::Bluesky.count_rule(), CountRule::Graphemes);
        assert_eq!(Platform::Instagram.hashtag_limit(), Some(5));
        assert_eq!(Platform::Youtube.title_limit(), Some(100));
        assert_eq!(Platform::Blog.text_limit(), None);
    }
}
