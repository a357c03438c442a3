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
            c if is_bidi_control(c) => {}
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

/// Columns a value from outside may take in a message: longer ones are cut with `…`.
pub const SHOWN_COLS: usize = 80;

/// A value from a file or the database as a message shows it: made harmless by
/// [`sanitize_line`] and cut to [`SHOWN_COLS`] columns.
pub fn shown(s: &str) -> String {
    shown_in(s, SHOWN_COLS)
}

/// [`shown`] in at most `cols` columns. A huge value costs no more than its first
/// `cols + 1` characters.
pub fn shown_in(s: &str, cols: usize) -> String {
    // Most characters take a column or more once sanitized: the first cols + 1 fill the
    // space; whatever follows them is cut, and marked so.
    let head_end = s.char_indices().nth(cols + 1).map_or(s.len(), |(i, _)| i);
    let safe = sanitize_line(&s[..head_end]);
    if head_end == s.len() {
        return truncate(&safe, cols);
    }
    // Cut before the sanitizer saw it all: say it was cut even when the head fits.
    let marked = format!("{safe}…");
    if width(&marked) <= cols {
        marked
    } else {
        truncate(&marked, cols)
    }
}

/// Whether a character can reorder or disguise the text around it (bidi embeddings,
/// overrides, isolates and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// JSON text for a terminal or a script: serializers leave DEL, C1 controls and bidi
/// controls raw inside strings; this writes them as `\u` escapes (valid JSON, same
/// value). Outside strings JSON holds none of them, so the whole text can be mapped.
pub fn json_safe(json: &str) -> String {
    if !json
        .chars()
        .any(|c| matches!(c, '\u{7f}'..='\u{9f}') || is_bidi_control(c))
    {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if matches!(c, '\u{7f}'..='\u{9f}') || is_bidi_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A cell of a CSV the app writes, made safe for spreadsheets: text starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would run as a formula, so it gets a `'`
/// in front. Plain numbers (`-12`, `+3.5`) are left as they are.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s.trim().parse::<f64>().map_or(true, |v| !v.is_finite()) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
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
    fn shown_values_are_safe_and_short() {
        assert_eq!(shown("plain"), "plain");
        let evil = "\u{1b}]0;PWNED\u{7}";
        assert_eq!(shown(evil), "^[]0;PWNED^G");
        let long = "x".repeat(100_000_000 / 1000);
        let s = shown(&long);
        assert_eq!(width(&s), SHOWN_COLS);
        assert!(s.ends_with('…'));
        // Cut before sanitizing, and still marked as cut.
        let s = shown(&format!("{}{}", "a".repeat(70), "b".repeat(20)));
        assert!(s.ends_with('…') && width(&s) <= SHOWN_COLS, "{s}");
        let s = shown(&"\u{9b}".repeat(200));
        assert!(!s.chars().any(char::is_control) && width(&s) <= SHOWN_COLS);
    }

    #[test]
    fn json_escapes_c1_and_bidi() {
        let j = "[\"a\u{9b}b\u{202e}c\u{7f}\"]";
        let safe = json_safe(j);
        assert_eq!(safe, "[\"a\\u009bb\\u202ec\\u007f\"]");
        let v: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(v[0], "a\u{9b}b\u{202e}c\u{7f}");
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for risky in ["+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "=1"] {
            assert!(csv_cell(risky).starts_with('\''), "{risky}");
        }
        for fine in ["-12", "+3.5", "12", "Boulangerie", "", "a=b"] {
            assert_eq!(csv_cell(fine), fine);
        }
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(super::fold("Atelier Vélo Rouge"), "atelier velo rouge");
        assert_eq!(super::fold("ÉLAN Crème"), "elan creme");
        assert_eq!(super::fold("Ça"), "ca");
        assert!(super::fold("Hotel Alpenrose").contains(&super::fold("alpén")));
    }
}
