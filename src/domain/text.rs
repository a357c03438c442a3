//! Text from the outside is untrusted: control characters and escape sequences are made
//! visible before they reach the terminal, and width is measured in terminal columns.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Replaces every control character (C0, DEL, C1) with a visible placeholder: `^[` for
/// ESC, `^G` for BEL, `^?` for DEL and `<U+009B>` for C1 controls. Tabs become a space and
/// line breaks become `⏎` so one-line views stay one line. Bidi overrides and isolates
/// are dropped, because they can reorder the rest of a row on some terminals.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s, false)
}

/// Like [`sanitize_line`], but keeps line breaks for multi-line views.
pub fn sanitize_multiline(s: &str) -> String {
    sanitize(s, true)
}

fn sanitize(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\r' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('⏎');
            }
            '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            '\u{7f}' => out.push_str("^?"),
            '\u{80}'..='\u{9f}' => out.push_str(&format!("<U+{:04X}>", c as u32)),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Text folded for matching what a person types: lower case, without accents, so
/// "velo" finds "Vélo" and "ELAN" finds "élan" (`ß` stays, `œ` stays).
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns on grapheme boundaries, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Pads or cuts `s` to exactly `cols` columns, so table cells with emoji or CJK keep
/// the columns after them aligned.
pub fn fit(s: &str, cols: usize) -> String {
    let mut t = truncate(s, cols);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        let evil = "hi\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{7f}";
        let safe = sanitize_line(evil);
        assert_eq!(safe, "hi^[]0;pwned^G^[[2J<U+009B>31m^?");
        assert!(!safe.chars().any(char::is_control));
    }

    #[test]
    fn newlines_per_mode() {
        assert_eq!(sanitize_line("a\r\nb\nc"), "a⏎b⏎c");
        assert_eq!(sanitize_multiline("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(sanitize_line("a\u{202e}b"), "ab");
    }

    #[test]
    fn truncates_on_graphemes_and_columns() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        // CJK characters are two columns wide.
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        // A family emoji (ZWJ sequence) is never split.
        let fam = "👨‍👩‍👧‍👦👨‍👩‍👧‍👦";
        assert_eq!(truncate(fam, 3), "👨‍👩‍👧‍👦…");
        assert_eq!(width(&fit("日本", 6)), 6);
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(super::fold("Atelier Vélo Rouge"), "atelier velo rouge");
        assert_eq!(super::fold("ÉLAN Crème"), "elan creme");
        assert_eq!(super::fold("Ça"), "ca");
        assert!(super::fold("Hotel Alpenrose").contains(&super::fold("alpén")));
    }
}
