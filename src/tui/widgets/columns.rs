//! Table columns that fit the width they are given. A figure (a number, an amount, a
//! date, a status) is never cut: when the width is short, whole columns give way, the
//! least useful first, and words are what shrinks.

use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};

/// How a column takes its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Shown whole: as wide as its widest value (and its header, when there is room).
    Whole,
    /// Words: at least `min` columns, then `fill` shares of the room left; cut when
    /// narrow. Up to `want` (or its widest value, if less) before any column that drops
    /// below [`KEEP_WANT`] has to go.
    Text { min: u16, want: u16, fill: u16 },
    /// Exactly this wide (marks, bars).
    Fixed(u16),
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    pub header: &'a str,
    pub fit: Fit,
    /// When the width is short, the column with the highest `drop` goes first (the
    /// rightmost of equals); 0 never goes.
    pub drop: u8,
}

impl<'a> Column<'a> {
    pub fn whole(header: &'a str, drop: u8) -> Column<'a> {
        Column {
            header,
            fit: Fit::Whole,
            drop,
        }
    }
    pub fn text(header: &'a str, min: u16, fill: u16, drop: u8) -> Column<'a> {
        Column {
            header,
            fit: Fit::Text {
                min,
                want: min,
                fill,
            },
            drop,
        }
    }
    /// A text column that would rather keep `want` columns than keep the columns that
    /// drop at [`KEEP_WANT`] or more.
    pub fn want(mut self, want: u16) -> Column<'a> {
        if let Fit::Text { want: w, min, .. } = &mut self.fit {
            *w = want.max(*min);
        }
        self
    }
    pub fn fixed(header: &'a str, width: u16, drop: u8) -> Column<'a> {
        Column {
            header,
            fit: Fit::Fixed(width),
            drop,
        }
    }
}

/// Columns between two cells.
pub const SPACING: u16 = 1;

/// Columns that drop at this or more go before a text column gives up its `want`.
pub const KEEP_WANT: u8 = 4;

/// The widest line of each column among `rows` (cells past a row's end count as empty).
pub fn widest(columns: usize, rows: &[Vec<Line<'_>>]) -> Vec<u16> {
    let mut out = vec![0u16; columns];
    for row in rows {
        for (w, cell) in out.iter_mut().zip(row) {
            *w = (*w).max(u16::try_from(cell.width()).unwrap_or(u16::MAX));
        }
    }
    out
}

/// The width of each column in `width` cells (`None`: dropped), given the widest value
/// of each (`need`).
pub fn fit(columns: &[Column<'_>], need: &[u16], width: u16) -> Vec<Option<u16>> {
    let need: Vec<u16> = need
        .iter()
        .copied()
        .chain(std::iter::repeat(0))
        .take(columns.len())
        .collect();
    let least: Vec<u16> = columns
        .iter()
        .zip(&need)
        .map(|(c, n)| match c.fit {
            Fit::Whole => (*n).max(1),
            Fit::Text { min, .. } => min,
            Fit::Fixed(w) => w,
        })
        .collect();
    // What a text column wants: no more than its widest value.
    let wanted: Vec<u16> = columns
        .iter()
        .zip(&need)
        .zip(&least)
        .map(|((c, n), l)| match c.fit {
            Fit::Text { want, .. } => want.min(*n).max(*l),
            _ => *l,
        })
        .collect();
    let total = |base: &[u16], kept: &[bool]| -> u32 {
        let n = kept.iter().filter(|k| **k).count() as u32;
        let sum: u32 = base
            .iter()
            .zip(kept)
            .filter(|(_, k)| **k)
            .map(|(b, _)| u32::from(*b))
            .sum();
        sum + n.saturating_sub(1) * u32::from(SPACING)
    };
    let mut kept = vec![true; columns.len()];
    let drop_until = |base: &[u16], kept: &mut Vec<bool>, floor: u8| {
        while total(base, kept) > u32::from(width) {
            let victim = (0..columns.len())
                .filter(|i| kept[*i] && columns[*i].drop >= floor.max(1))
                .max_by_key(|i| (columns[*i].drop, *i));
            match victim {
                Some(i) => kept[i] = false,
                None => break,
            }
        }
    };
    // Text keeps what it wants while only the least useful columns have to go for it;
    // then it shrinks to its least, and the others go in turn.
    drop_until(&wanted, &mut kept, KEEP_WANT);
    drop_until(&least, &mut kept, 1);
    // Nothing left to drop and still too wide: words give up their least, the widest
    // first, before a figure loses a digit.
    let mut least = least;
    while total(&least, &kept) > u32::from(width) {
        let widest = (0..columns.len())
            .filter(|i| kept[*i] && matches!(columns[*i].fit, Fit::Text { .. }) && least[*i] > 1)
            .max_by_key(|i| (least[*i], *i));
        match widest {
            Some(i) => least[i] -= 1,
            None => break,
        }
    }
    let mut widths: Vec<Option<u16>> = least
        .iter()
        .zip(&kept)
        .map(|(b, k)| k.then_some(*b))
        .collect();
    let mut room = u32::from(width).saturating_sub(total(&least, &kept));
    let grow = |w: &mut u16, to: u16, room: &mut u32| {
        let add = u32::from(to.saturating_sub(*w)).min(*room);
        *w += add as u16;
        *room -= add;
    };
    // Words up to what they want, then whole headers, then the words share the rest.
    for (w, want) in widths.iter_mut().zip(&wanted) {
        if let Some(w) = w.as_mut() {
            grow(w, *want, &mut room);
        }
    }
    for (c, w) in columns.iter().zip(widths.iter_mut()) {
        if let (Fit::Whole, Some(w)) = (c.fit, w.as_mut()) {
            grow(
                w,
                u16::try_from(cols_of(c.header)).unwrap_or(u16::MAX),
                &mut room,
            );
        }
    }
    let shares: u32 = columns
        .iter()
        .zip(&widths)
        .filter_map(|(c, w)| match (c.fit, w) {
            (Fit::Text { fill, .. }, Some(_)) => Some(u32::from(fill)),
            _ => None,
        })
        .sum();
    let mut left = room;
    let mut last = None;
    for (i, (c, w)) in columns.iter().zip(widths.iter_mut()).enumerate() {
        if let (Fit::Text { fill, .. }, Some(w)) = (c.fit, w.as_mut()) {
            let add = (room * u32::from(fill)).checked_div(shares).unwrap_or(0);
            *w = w.saturating_add(add as u16);
            left -= add;
            last = Some(i);
        }
    }
    // What rounding left goes to the last words.
    if let Some(Some(w)) = last.map(|i| &mut widths[i]) {
        *w = w.saturating_add(left as u16);
    }
    widths
}

/// The constraints of the kept columns.
pub fn constraints(widths: &[Option<u16>]) -> Vec<Constraint> {
    widths
        .iter()
        .flatten()
        .map(|w| Constraint::Length(*w))
        .collect()
}

/// The cells of the kept columns.
pub fn kept<T>(cells: Vec<T>, widths: &[Option<u16>]) -> Vec<T> {
    cells
        .into_iter()
        .zip(widths.iter().chain(std::iter::repeat(&None)))
        .filter_map(|(c, w)| w.map(|_| c))
        .collect()
}

/// The words of `text` as byte ranges, split at plain spaces only: a figure holds none
/// (French groups digits with no-break spaces). What reads as one figure stays one
/// word: a change's arrow and its number, a number and its unit (`1 h`, `4d 11h`), a
/// currency code and its amount (`CHF 2,500.00`); a separator stays with the word
/// before it.
fn words(text: &str) -> Vec<(usize, usize)> {
    let starts_digit = |w: &str| w.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for w in text.split(' ') {
        let (start, end) = (at, at + w.len());
        at = end + 1;
        if w.is_empty() {
            continue;
        }
        let glue = out.last().is_some_and(|(a, b)| {
            let prev = &text[*a..*b];
            let unit = w.len() <= 3 && w.chars().all(char::is_alphabetic);
            matches!(w, "·" | "/" | "→" | "–" | "-")
                || prev.ends_with('▲')
                || prev.ends_with('▼')
                || (prev.ends_with(|c: char| c.is_ascii_digit()) && unit)
                || (starts_digit(prev)
                    && !matches!(prev.rsplit(' ').next(), Some("·" | "/" | "→" | "–" | "-"))
                    && starts_digit(w))
                || ((2..=3).contains(&prev.len())
                    && prev.chars().all(|c| c.is_ascii_uppercase())
                    && starts_digit(w))
        });
        match out.last_mut() {
            Some(last) if glue => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

/// `text` in lines of at most `max` columns, broken between words only; a word wider
/// than a line (only when the screen is narrower than a figure) is cut. A web address
/// wider than a line is broken over lines instead, so all of it can be read and copied.
pub fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    // An indented text keeps its indent on its first line.
    let mut line = " ".repeat(text.len() - text.trim_start_matches(' ').len());
    for (a, b) in words(text) {
        let w = &text[a..b];
        if max > 0 && cols_of(w) > max && w.contains("://") {
            if !line.trim().is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut piece = String::new();
            for g in unicode_segmentation::UnicodeSegmentation::graphemes(w, true) {
                if cols_of(&piece) + cols_of(g) > max {
                    lines.push(std::mem::take(&mut piece));
                }
                piece.push_str(g);
            }
            line = piece;
            continue;
        }
        let empty = line.trim().is_empty();
        if !empty && cols_of(&line) + 1 + cols_of(w) > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| crate::domain::text::truncate(&l, max))
        .collect()
}

/// `text` on one line of at most `max` columns, cut between words (ending with `…`), so
/// no figure shows in part; its own spacing is kept.
pub fn truncate_words(text: &str, max: usize) -> String {
    if cols_of(text) <= max {
        return text.to_string();
    }
    let end = words(text)
        .into_iter()
        .map(|(_, b)| b)
        .take_while(|b| cols_of(&text[..*b]) < max)
        .last();
    match end {
        Some(b) => format!("{}…", &text[..b]),
        // Not even one word fits: the first, cut.
        None => crate::domain::text::truncate(text, max),
    }
}

/// `text` cut to `max` columns with an ellipsis: between words when it holds a figure
/// (which then shows whole or not at all), anywhere otherwise (more of the words show).
pub fn cut_text(text: &str, max: usize) -> String {
    if text.contains(|c: char| c.is_ascii_digit()) {
        truncate_words(text, max)
    } else {
        crate::domain::text::truncate(text, max)
    }
}

/// A line of groups of spans, each shown whole or left out, in order, as long as they
/// fit in `width` columns: a status line never shows part of a figure.
pub fn whole_groups(groups: Vec<Vec<Span<'static>>>, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for g in groups {
        let w: usize = g.iter().map(Span::width).sum();
        if used + w > width {
            // The first group alone too wide: its words, cut.
            if let (true, Some(first)) = (spans.is_empty(), g.first()) {
                let text: String = g.iter().map(|s| s.content.as_ref()).collect();
                spans.push(Span::styled(truncate_words(&text, width), first.style));
            }
            break;
        }
        used += w;
        spans.extend(g);
    }
    Line::from(spans)
}

fn cols_of(s: &str) -> usize {
    crate::domain::text::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<Column<'static>> {
        vec![
            Column::text("Metric", 8, 1, 0),
            Column::whole("This period", 0),
            Column::whole("Previous", 3),
            Column::whole("Change", 2),
            Column::fixed("Trend", 12, 9),
        ]
    }

    #[test]
    fn wide_enough_keeps_all_and_gives_the_rest_to_words() {
        let w = fit(&cols(), &[20, 6, 6, 7, 12], 80);
        assert_eq!(
            w,
            vec![
                Some(80 - 11 - 8 - 7 - 12 - 4),
                Some(11),
                Some(8),
                Some(7),
                Some(12)
            ]
        );
        assert_eq!(w.iter().flatten().sum::<u16>() + 4, 80);
    }

    #[test]
    fn narrow_drops_whole_columns_never_digits() {
        // 8 + 6 + 6 + 7 + 12 + 4 spaces = 43 > 40: the trend goes first.
        let w = fit(&cols(), &[20, 6, 6, 7, 12], 40);
        assert_eq!(w[4], None);
        assert!(w[1].unwrap() >= 6 && w[2].unwrap() >= 6 && w[3].unwrap() >= 7);
        // Then the previous period (drop 3) before the change (drop 2).
        let w = fit(&cols(), &[20, 6, 6, 7, 12], 24);
        assert_eq!((w[2], w[4]), (None, None));
        assert_eq!(w[3].map(|x| x >= 7), Some(true));
        assert_eq!(w[1].map(|x| x >= 6), Some(true));
        // Nothing left to drop: the words shrink, the figure stays whole.
        let w = fit(&cols(), &[20, 6, 6, 7, 12], 10);
        assert_eq!(w, vec![Some(3), Some(6), None, None, None]);
    }

    #[test]
    fn words_keep_what_they_want_before_the_least_useful_go() {
        let c = vec![
            Column::text("Metric", 10, 1, 0).want(23),
            Column::whole("Now", 0),
            Column::whole("Before", 3),
            Column::whole("FB", 5),
        ];
        // 23 + 7 + 7 + 7 + 3 = 47 > 45: the platform goes and the name stays whole.
        let w = fit(&c, &[23, 7, 7, 7], 45);
        assert_eq!(w, vec![Some(29), Some(7), Some(7), None]);
        // Narrower: the name shrinks before the previous period goes.
        let w = fit(&c, &[23, 7, 7, 7], 30);
        assert_eq!(w, vec![Some(14), Some(7), Some(7), None]);
        // A short column does not keep room it has no use for.
        let w = fit(&c, &[6, 7, 7, 7], 34);
        assert_eq!(w.iter().flatten().count(), 4);
    }

    #[test]
    fn equal_drops_go_from_the_right() {
        let c = vec![
            Column::whole("a", 0),
            Column::whole("b", 1),
            Column::whole("c", 1),
        ];
        assert_eq!(fit(&c, &[3, 3, 3], 8), vec![Some(3), Some(3), None]);
        assert_eq!(
            kept(vec!["a", "b", "c"], &fit(&c, &[3, 3, 3], 8)),
            vec!["a", "b"]
        );
    }

    #[test]
    fn words_wrap_and_cut_between_figures() {
        let budget = "Planned €950.00 · Spent €800.00 · Left €150.00";
        assert_eq!(
            wrap_words(budget, 22),
            vec!["Planned €950.00 ·", "Spent €800.00 · Left", "€150.00"]
        );
        // French amounts keep their no-break spaces: never split inside.
        let fr = "Prévu 1\u{202f}234,56\u{a0}€ · Dépensé 800,00\u{a0}€";
        for line in wrap_words(fr, 14) {
            assert!(!line.ends_with('1') && !line.starts_with("234"), "{line}");
        }
        assert_eq!(wrap_words("▲ 12.5% and", 8), vec!["▲ 12.5%", "and"]);
        assert_eq!(
            wrap_words("Reply time 1 h / 3 h", 12),
            vec!["Reply time", "1 h / 3 h"]
        );
        assert_eq!(wrap_words("late 4d 11h", 6), vec!["late", "4d 11h"]);
        assert_eq!(
            truncate_words("at risk 13.4% · 197,041 / 500,000 · Feb 6", 30),
            "at risk 13.4% · 197,041 /…"
        );
        assert_eq!(
            wrap_words("en retard 3 j 4 h", 8),
            vec!["en", "retard", "3 j 4 h"]
        );
        assert_eq!(
            wrap_words("104.0% of CHF 2,500.00 spent", 16),
            vec!["104.0% of", "CHF 2,500.00", "spent"]
        );
        assert_eq!(wrap_words("  Tips 33.3%", 20), vec!["  Tips 33.3%"]);
        // An address wider than the line goes on over lines, whole.
        assert_eq!(
            wrap_words("Approve at https://m.example/oauth?x=1 then", 12),
            vec!["Approve at", "https://m.ex", "ample/oauth?", "x=1 then"]
        );
        assert_eq!(
            truncate_words("over budget: 104.0% of CHF 2,500.00 spent", 30),
            "over budget: 104.0% of…"
        );
        assert_eq!(truncate_words("short", 30), "short");
        assert_eq!(
            truncate_words("08:30  IG FB  First snow", 16),
            "08:30  IG FB…"
        );
        assert_eq!(truncate_words("Supercalifragilistic", 6), "Super…");
    }
}
