//! Reading the cells of analytics exports: numbers written every which way, and dates
//! with or without a year.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// A count or amount in a cell. Empty cells, `-`, `undefined` and `N/A` hold no value
/// (`Ok(None)`); `1,234`, `"424.0"` and `1 234` are read; anything else is an error.
pub fn number(s: &str) -> Result<Option<f64>, String> {
    let t = s.trim().trim_matches('"').trim();
    // Most cells are plain numbers: read them without copying (imports run to millions).
    if let Ok(v) = t.parse::<f64>()
        && v.is_finite()
    {
        return Ok(Some(v));
    }
    if t.is_empty()
        || ["-", "--", "undefined", "n/a", "na", "null", "none"]
            .iter()
            .any(|w| t.eq_ignore_ascii_case(w))
    {
        return Ok(None);
    }
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| crate::i18n::fill(crate::i18n::t().imp_not_number, &[("value", t)]))
}

/// A whole number for storage (counts are rounded; `minor` turns major money units into
/// minor ones).
pub fn to_stored(v: f64, minor: f64) -> i64 {
    (v * minor).round() as i64
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// A date with its year inferred: the latest such date not after `reference`.
pub fn infer_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(reference.year(), month, day);
    match this {
        Some(d) if d <= reference => Some(d),
        _ => NaiveDate::from_ymd_opt(reference.year() - 1, month, day),
    }
}

/// Reads a date as the exports write them:
/// `2026-11-22`, `2026-11-22T00:00:00`, `2015-09-30 18:42 +0000`, `Sat, Sep 12, 2026`,
/// `Sep 14, 2026`, `11/22/2026` (US), `9/3/2026 14:05` (Meta), and year-less
/// `August 31` or `9月13日` (TikTok), whose year is inferred from `reference`.
pub fn date(s: &str, reference: NaiveDate) -> Result<NaiveDate, String> {
    let t = s.trim().trim_matches('"').trim();
    let err = || crate::i18n::fill(crate::i18n::t().imp_not_date, &[("value", t)]);
    if t.is_empty() {
        return Err(crate::i18n::t().imp_empty_date.into());
    }
    // ISO first: 2026-11-22 with anything after it.
    // `get` and not indexing: byte 10 may fall inside a character of a mangled file.
    if let Some(head) = t.get(..10)
        && let Some(d) = crate::domain::iso::day(head)
            .or_else(|| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
    {
        return Ok(d);
    }
    // 11/22/2026 or 9/3/2026 14:05
    let first = t.split_whitespace().next().unwrap_or("");
    if first.matches('/').count() == 2 {
        return NaiveDate::parse_from_str(first, "%m/%d/%Y").map_err(|_| err());
    }
    // 9月13日
    if let Some((m, rest)) = t.split_once('月') {
        let d = rest.trim_end_matches('日').trim();
        let (m, d) = (
            m.trim().parse().map_err(|_| err())?,
            d.parse().map_err(|_| err())?,
        );
        return infer_year(m, d, reference).ok_or_else(err);
    }
    // Words: drop a weekday, read month name, day and maybe year.
    let words: Vec<&str> = t
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let month_at = words.iter().position(|w| {
        month_number(w).is_some() && w.chars().all(char::is_alphabetic) && w.len() >= 3
    });
    if let Some(i) = month_at {
        let month = month_number(words[i]).ok_or_else(err)?;
        let day: u32 = words
            .get(i + 1)
            .and_then(|d| d.parse().ok())
            .ok_or_else(err)?;
        return match words.get(i + 2).and_then(|y| y.parse::<i32>().ok()) {
            Some(y) => NaiveDate::from_ymd_opt(y, month, day).ok_or_else(err),
            None => infer_year(month, day, reference).ok_or_else(err),
        };
    }
    NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S")
        .map(|d| d.date())
        .map_err(|_| err())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers() {
        assert_eq!(number("424.0"), Ok(Some(424.0)));
        assert_eq!(number("\"1,234\""), Ok(Some(1234.0)));
        assert_eq!(number("-"), Ok(None));
        assert_eq!(number("undefined"), Ok(None));
        assert_eq!(number(""), Ok(None));
        assert_eq!(number("-12"), Ok(Some(-12.0)));
        assert!(number("12 apples").is_err());
        assert!(number("NaN").is_err());
        assert_eq!(to_stored(12.345, 100.0), 1235);
    }

    #[test]
    fn dates_of_every_export() {
        let r = d(2026, 11, 22);
        assert_eq!(date("2026-11-22", r), Ok(d(2026, 11, 22)));
        assert_eq!(date("2025-08-01T00:00:00", r), Ok(d(2025, 8, 1)));
        assert_eq!(date("2015-09-30 18:42 +0000", r), Ok(d(2015, 9, 30)));
        assert_eq!(date("Sat, Sep 12, 2026", r), Ok(d(2026, 9, 12)));
        assert_eq!(date("Sep 14, 2026", r), Ok(d(2026, 9, 14)));
        assert_eq!(date("11/02/2026", r), Ok(d(2026, 11, 2)));
        assert_eq!(date("9/3/2026 14:05", r), Ok(d(2026, 9, 3)));
        // No year: the latest such day not after the reference.
        assert_eq!(date("August 31", r), Ok(d(2026, 8, 31)));
        assert_eq!(date("December 24", r), Ok(d(2025, 12, 24)));
        assert_eq!(date("9月13日", r), Ok(d(2026, 9, 13)));
        assert_eq!(date("11月23日", r), Ok(d(2025, 11, 23)));
        assert!(date("Lifetime", r).is_err());
        assert!(date("13/45/2026", r).is_err());
        assert!(date("February 30", r).is_err());
    }
}
