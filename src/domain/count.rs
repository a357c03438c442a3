//! How long a post is for each platform, by that platform's own rule (FORMATS.md, "Text
//! limits per platform").

use unicode_segmentation::UnicodeSegmentation;

use super::platform::{CountRule, Platform};

/// What any URL counts for on X and Mastodon.
pub const URL_WEIGHT: usize = 23;

/// The measured length of a text on one platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub platform: Platform,
    pub used: usize,
    pub limit: Option<usize>,
    pub hashtags: usize,
    pub hashtag_limit: Option<usize>,
    /// Bluesky also caps the UTF-8 size.
    pub bytes_over: bool,
}

impl Count {
    pub fn is_over(&self) -> bool {
        self.limit.is_some_and(|l| self.used > l)
            || self.hashtag_limit.is_some_and(|l| self.hashtags > l)
            || self.bytes_over
    }
}

/// Splits text into URL and non-URL runs. A URL starts with `http://`, `https://` or
/// `www.` and runs to the next white space; trailing punctuation is not part of it.
fn split_urls(text: &str) -> (Vec<&str>, String) {
    let mut urls = Vec::new();
    let mut rest = String::with_capacity(text.len());
    for word in text.split_inclusive(char::is_whitespace) {
        let trimmed = word.trim_end();
        let lower = trimmed.to_ascii_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            let url = trimmed.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
            urls.push(url);
            rest.push_str(&trimmed[url.len()..]);
            rest.push_str(&word[trimmed.len()..]);
        } else {
            rest.push_str(word);
        }
    }
    (urls, rest)
}

/// twitter-text's weight of one grapheme: 1 for code points in the light ranges (Latin,
/// Greek, Cyrillic, Hebrew, Arabic, and some punctuation), 2 for the rest (CJK); an emoji,
/// even a long ZWJ sequence, weighs 2.
fn x_weight(g: &str) -> usize {
    let mut chars = g.chars();
    let Some(first) = chars.next() else { return 0 };
    let is_emoji = g
        .chars()
        .any(|c| matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F));
    if is_emoji {
        return 2;
    }
    // Combining marks ride on their base character; count code points as twitter-text
    // does (each light code point 1, each heavy one 2).
    g.chars()
        .map(|c| {
            let u = c as u32;
            let light = u <= 0x10FF
                || (0x2000..=0x200D).contains(&u)
                || (0x2010..=0x201F).contains(&u)
                || (0x2032..=0x2037).contains(&u);
            if light { 1 } else { 2 }
        })
        .sum::<usize>()
        .max(usize::from(first != '\0'))
}

/// Counts `text` for `platform`.
pub fn count(text: &str, platform: Platform) -> Count {
    let hashtags = count_hashtags(text);
    let limit = platform.text_limit().map(|l| l as usize);
    let hashtag_limit = platform.hashtag_limit().map(|l| l as usize);
    let (used, bytes_over) = match platform.count_rule() {
        CountRule::Characters | CountRule::None => (text.chars().count(), false),
        CountRule::Graphemes => (text.graphemes(true).count(), text.len() > 3000),
        CountRule::CharactersUrl23 => {
            let (urls, rest) = split_urls(text);
            (rest.chars().count() + urls.len() * URL_WEIGHT, false)
        }
        CountRule::Weighted => {
            // NFC first, as twitter-text does, so a decomposed "é" counts as one.
            let nfc: String = unicode_normalization::UnicodeNormalization::nfc(text).collect();
            let (urls, rest) = split_urls(&nfc);
            let w: usize = rest.graphemes(true).map(x_weight).sum();
            (w + urls.len() * URL_WEIGHT, false)
        }
    };
    Count {
        platform,
        used,
        limit,
        hashtags,
        hashtag_limit,
        bytes_over,
    }
}

/// `#word` tokens (a `#` at the start of a word followed by a letter, digit or `_`).
pub fn count_hashtags(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            let mut c = w.chars();
            c.next() == Some('#') && c.next().is_some_and(|x| x.is_alphanumeric() || x == '_')
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used(text: &str, p: Platform) -> usize {
        count(text, p).used
    }

    #[test]
    fn x_weights_latin_cjk_emoji_and_urls() {
        assert_eq!(used("hello", Platform::X), 5);
        assert_eq!(used("café", Platform::X), 4);
        assert_eq!(
            used("cafe\u{301}", Platform::X),
            4,
            "a decomposed é counts once (NFC)"
        );
        // CJK characters weigh 2.
        assert_eq!(used("日本語", Platform::X), 6);
        // One emoji weighs 2; a ZWJ family sequence is one emoji.
        assert_eq!(used("🎄", Platform::X), 2);
        assert_eq!(used("👨‍👩‍👧‍👦", Platform::X), 2);
        assert_eq!(used("👍🏽", Platform::X), 2, "skin tone modifier");
        // Any URL counts 23, however long.
        assert_eq!(
            used("see https://example.com/a/very/long/path?x=1", Platform::X),
            4 + 23
        );
        assert_eq!(
            used("www.example.com.", Platform::X),
            23 + 1,
            "trailing dot is text"
        );
        // Curly quotes and dashes are light.
        assert_eq!(used("“ok” – fine", Platform::X), 11);
    }

    #[test]
    fn x_limit() {
        let c = count(&"a".repeat(280), Platform::X);
        assert!(!c.is_over());
        let c = count(&"日".repeat(141), Platform::X);
        assert_eq!(c.used, 282);
        assert!(c.is_over());
    }

    #[test]
    fn bluesky_counts_graphemes() {
        assert_eq!(used("👨‍👩‍👧‍👦", Platform::Bluesky), 1);
        // e + combining acute accent is one grapheme.
        assert_eq!(used("e\u{301}", Platform::Bluesky), 1);
        assert_eq!(used("🇫🇷🇧🇪", Platform::Bluesky), 2);
        assert!(!count(&"a".repeat(300), Platform::Bluesky).is_over());
        assert!(count(&"a".repeat(301), Platform::Bluesky).is_over());
        // 300 graphemes of 4-byte emoji fit the grapheme limit but not 3000 bytes.
        // The family emoji is 25 bytes: 121 of them make 3025.
        let c = count(&"👨‍👩‍👧‍👦".repeat(121), Platform::Bluesky);
        assert_eq!(c.used, 121);
        assert!(c.bytes_over && c.is_over());
    }

    #[test]
    fn mastodon_urls_count_23() {
        assert_eq!(
            used("Read https://example.org/", Platform::Mastodon),
            5 + 23
        );
        assert_eq!(used("é", Platform::Mastodon), 1);
        assert_eq!(
            used("e\u{301}", Platform::Mastodon),
            2,
            "characters, not graphemes"
        );
    }

    #[test]
    fn instagram_hashtags() {
        let five = "#a #b #c #d #e";
        assert!(!count(five, Platform::Instagram).is_over());
        let c = count("#a #b #c #d #e #f", Platform::Instagram);
        assert_eq!(c.hashtags, 6);
        assert!(c.is_over());
        assert_eq!(count_hashtags("# not, #1, x#y, #_ok"), 2);
        assert!(count("#one #two", Platform::Threads).is_over());
    }

    #[test]
    fn unlimited_platforms() {
        let c = count(&"a".repeat(100_000), Platform::Blog);
        assert_eq!(c.limit, None);
        assert!(!c.is_over());
    }
}
