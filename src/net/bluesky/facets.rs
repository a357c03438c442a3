//! Rich-text facets: links, mentions and hashtags are clickable on Bluesky only when
//! the record says where they are, in UTF-8 byte offsets of the final text (start
//! inclusive, end exclusive).

/// What a span of the text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanKind {
    /// The whole URL.
    Link(String),
    /// The handle, without `@`.
    Mention(String),
    /// The tag, without `#`.
    Tag(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    pub kind: SpanKind,
}

/// The longest tag Bluesky takes, in characters.
const MAX_TAG: usize = 64;

/// Trailing punctuation that ends a sentence rather than a link or a tag.
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"', '…'];

/// A span may start at the beginning or after whitespace or an opening bracket.
fn at_word_start(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "([{«“\"'".contains(c))
}

/// The end of the run of non-whitespace from `i`.
fn run_end(text: &str, i: usize) -> usize {
    text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |n| i + n)
}

/// Cuts sentence punctuation, and a closing bracket not opened inside, off the end.
fn trim_end(s: &str) -> &str {
    let mut s = s;
    loop {
        let t = s.trim_end_matches(TRAILING);
        let t = if t.ends_with(')') && t.matches('(').count() < t.matches(')').count() {
            &t[..t.len() - 1]
        } else {
            t
        };
        if t.len() == s.len() {
            return s;
        }
        s = t;
    }
}

fn is_handle(h: &str) -> bool {
    let labels: Vec<&str> = h.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
}

/// Every link (`http://`, `https://`), mention (`@handle.domain`) and hashtag in
/// `text`, in order, as byte ranges of `text` itself.
pub fn detect(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if at_word_start(text, i) {
            if rest.starts_with("https://") || rest.starts_with("http://") {
                let end = i + trim_end(&text[i..run_end(text, i)]).len();
                let url = &text[i..end];
                if url.len() > "https://".len()
                    && url.split("://").nth(1).is_some_and(|h| h.contains('.'))
                {
                    spans.push(Span {
                        start: i,
                        end,
                        kind: SpanKind::Link(url.to_string()),
                    });
                    i = end;
                    continue;
                }
            } else if c == '@' {
                let body_end = text[i + 1..]
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '-'))
                    .map_or(text.len(), |n| i + 1 + n);
                let handle = text[i + 1..body_end].trim_end_matches(['.', '-']);
                if is_handle(handle) {
                    let end = i + 1 + handle.len();
                    spans.push(Span {
                        start: i,
                        end,
                        kind: SpanKind::Mention(handle.to_ascii_lowercase()),
                    });
                    i = end;
                    continue;
                }
            } else if c == '#' || c == '＃' {
                let tag_start = i + c.len_utf8();
                let tag_end = text[tag_start..]
                    .find(|ch: char| ch.is_whitespace() || ch == '#' || ch == '＃')
                    .map_or(text.len(), |n| tag_start + n);
                let tag = trim_end(&text[tag_start..tag_end]);
                let chars = tag.chars().count();
                if chars > 0 && chars <= MAX_TAG && !tag.chars().all(|c| c.is_ascii_digit()) {
                    let end = tag_start + tag.len();
                    spans.push(Span {
                        start: i,
                        end,
                        kind: SpanKind::Tag(tag.to_string()),
                    });
                    i = end;
                    continue;
                }
            }
        }
        i += c.len_utf8();
    }
    spans
}
