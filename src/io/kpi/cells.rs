//! Reading the numbers of analytics exports, written every which way, and checking that
//! what gets stored is a figure a platform could report.

use crate::domain::metric::{Metric, Unit};
use crate::io::quoted;

/// Words that hold no value: `-`, `--`, `undefined`, `NAN` (TikTok), `N/A`...
const NO_VALUE: [&str; 8] = ["-", "--", "undefined", "n/a", "na", "nan", "null", "none"];

/// A count or amount in a cell. Empty cells and [`NO_VALUE`] words hold no value
/// (`Ok(None)`); `1,234`, `"424.0"` and `1 234` are read; with `decimal_comma` (files
/// French Excel wrote, with `;` between cells) `12,5` is twelve and a half and `1.234`
/// a thousand. In other files a comma is a thousands separator only where it is one
/// (`1,234`, `12,345,678`: groups of exactly three digits); otherwise, with no dot
/// beside it, it is a decimal comma (`1,5`, `0,500`, `1 234,5`): a tab-separated file
/// saved by a French spreadsheet writes decimals so. Anything else is an error.
pub fn number(s: &str, decimal_comma: bool) -> Result<Option<f64>, String> {
    let t = s.trim().trim_matches('"').trim();
    // Most cells are plain numbers: read them without copying (imports run to millions).
    if let Ok(v) = t.parse::<f64>()
        && v.is_finite()
        && !(decimal_comma && t.contains('.'))
    {
        return Ok(Some(v));
    }
    if t.is_empty() || NO_VALUE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        return Ok(None);
    }
    let spaces = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'');
    let bare: String = t.chars().filter(|c| !spaces(*c)).collect();
    let decimal_comma = decimal_comma
        || !bare.contains('.') && bare.matches(',').count() == 1 && !thousands_commas(&bare);
    if !decimal_comma && bare.contains(',') {
        let int = bare.split('.').next().unwrap_or("");
        if !thousands_commas(int) {
            return Err(not_number(t));
        }
    }
    let cleaned: String = bare
        .chars()
        .filter(|c| *c != if decimal_comma { '.' } else { ',' })
        .map(|c| if decimal_comma && c == ',' { '.' } else { c })
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| not_number(t))
}

fn not_number(t: &str) -> String {
    crate::i18n::fill(
        crate::i18n::t().import.imp_not_number,
        &[("value", &quoted(t))],
    )
}

/// Whether the commas of `s` (a sign, then digits and commas) group thousands: one to
/// three digits not starting with a 0, then groups of exactly three digits.
fn thousands_commas(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut groups = digits.split(',');
    let first = groups.next().unwrap_or("");
    let is_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    is_digits(first)
        && first.len() <= 3
        && !first.starts_with('0')
        && digits.contains(',')
        && groups.all(|g| g.len() == 3 && is_digits(g))
}

/// The largest magnitude stored: no platform counts a quadrillion of anything, and far
/// below it `f64` still holds every whole number exactly.
pub const MAX_STORED: f64 = 1e15;

/// Net figures that may go below zero: YouTube's subscribers gained (minus lost) and
/// revenue after adjustments. Counts, reach and followers never do.
fn may_be_negative(m: Metric) -> bool {
    matches!(m, Metric::NewFollows | Metric::Revenue)
}

/// The largest magnitude a file may write in its own unit, a power of ten: with `factor`
/// from that unit to the stored one (100 for money in major units), what it turns into
/// stays within [`MAX_STORED`].
pub fn file_limit(factor: f64) -> f64 {
    10f64.powi((MAX_STORED / factor).log10().floor() as i32)
}

/// The whole number stored for `v` of `metric`, `factor` turning the file's unit into the
/// stored one (100 for a money column in major units, 3600 for hours stored as seconds);
/// refused when negative where it cannot be, a fraction of a count, or beyond
/// [`file_limit`] (the message states the limit in the file's unit).
pub fn stored(metric: Metric, v: f64, factor: f64, raw: &str) -> Result<i64, String> {
    let s = crate::i18n::t();
    if v < 0.0 && !may_be_negative(metric) {
        return Err(crate::i18n::fill(
            s.import.imp_negative,
            &[("value", &quoted(raw)), ("metric", metric.key())],
        ));
    }
    let limit = file_limit(factor);
    let x = (v * factor).round();
    if !x.is_finite() || x.abs() > MAX_STORED || v.abs() > limit {
        return Err(crate::i18n::fill(
            s.import.imp_out_of_range,
            &[
                ("value", &quoted(raw)),
                ("metric", metric.key()),
                ("max", &crate::i18n::format::count(limit as i64)),
            ],
        ));
    }
    if metric.unit() == Unit::Count && v.fract() != 0.0 {
        return Err(crate::i18n::fill(
            s.import.imp_not_whole,
            &[("value", &quoted(raw)), ("metric", metric.key())],
        ));
    }
    Ok(x as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("424.0", false), Ok(Some(424.0)));
        assert_eq!(number("\"1,234\"", false), Ok(Some(1234.0)));
        assert_eq!(number("-", false), Ok(None));
        assert_eq!(number("--", false), Ok(None));
        assert_eq!(number("NAN", false), Ok(None), "TikTok's empty cell");
        assert_eq!(number("NaN", false), Ok(None));
        assert_eq!(number("undefined", false), Ok(None));
        assert_eq!(number("", false), Ok(None));
        assert_eq!(number("-12", false), Ok(Some(-12.0)));
        assert!(number("12 apples", false).is_err());
        assert!(number("inf", false).is_err());
        // French Excel: `;` between cells, a comma before decimals.
        assert_eq!(number("12,5", true), Ok(Some(12.5)));
        assert_eq!(number("1 234,5", true), Ok(Some(1234.5)));
        assert_eq!(number("1.234", true), Ok(Some(1234.0)));
        assert_eq!(number("1234", true), Ok(Some(1234.0)));
    }

    /// A comma that groups no thousands is a decimal comma, in any file.
    #[test]
    fn decimal_commas_outside_semicolon_files() {
        assert_eq!(number("1,5", false), Ok(Some(1.5)));
        assert_eq!(number("\"1,5\"", false), Ok(Some(1.5)));
        assert_eq!(number("0,5", false), Ok(Some(0.5)));
        assert_eq!(
            number("0,500", false),
            Ok(Some(0.5)),
            "no grouping starts with 0"
        );
        assert_eq!(number("12,34", false), Ok(Some(12.34)));
        assert_eq!(number("1234,567", false), Ok(Some(1234.567)));
        assert_eq!(number("1 234,5", false), Ok(Some(1234.5)));
        assert_eq!(number("-3,25", false), Ok(Some(-3.25)));
        // Thousands stay thousands.
        assert_eq!(number("1,234", false), Ok(Some(1234.0)));
        assert_eq!(number("12,345,678", false), Ok(Some(12_345_678.0)));
        assert_eq!(number("1,234.5", false), Ok(Some(1234.5)));
        assert_eq!(number("-1,234", false), Ok(Some(-1234.0)));
        // Neither.
        assert!(number("1,2,3", false).is_err());
        assert!(number("1,23,456", false).is_err());
        assert!(
            number("1,5.2", false).is_err(),
            "a dot beside: no decimal comma"
        );
        assert!(number(",", false).is_err());
    }

    #[test]
    fn stored_values_are_in_range() {
        assert_eq!(stored(Metric::Spend, 12.345, 100.0, "12.345"), Ok(1235));
        assert_eq!(stored(Metric::Impressions, 424.0, 1.0, "424"), Ok(424));
        assert!(
            stored(Metric::Impressions, 1e300, 1.0, "1e300")
                .unwrap_err()
                .contains("1e300")
        );
        assert!(stored(Metric::Impressions, 2e15, 1.0, "2e15").is_err());
        assert!(stored(Metric::Followers, -3.0, 1.0, "-3").is_err());
        assert!(stored(Metric::Reach, -1.0, 1.0, "-1").is_err());
        assert_eq!(stored(Metric::NewFollows, -3.0, 1.0, "-3"), Ok(-3));
    }

    /// A count is whole: `1,5` read as one and a half is refused, not rounded.
    #[test]
    fn counts_are_whole() {
        assert_eq!(stored(Metric::Reach, 424.0, 1.0, "424.0"), Ok(424));
        let e = stored(Metric::Reach, 1.5, 1.0, "1,5").unwrap_err();
        assert!(e.contains("1,5") && e.contains("reach"), "{e}");
        assert_eq!(stored(Metric::Spend, 1.5, 100.0, "1,5"), Ok(150));
    }

    /// The limit is stated in the file's unit: money in major units, hours in hours.
    #[test]
    fn the_limit_in_the_files_unit() {
        crate::i18n::with_lang(crate::i18n::Lang::En, || {
            let e = stored(Metric::Spend, 1e14, 100.0, "100000000000000").unwrap_err();
            assert!(e.contains("at most 10,000,000,000,000)"), "{e}");
            assert_eq!(
                stored(Metric::Spend, 1e13, 100.0, "10000000000000"),
                Ok(1_000_000_000_000_000)
            );
            let e = stored(Metric::WatchTime, 1e12, 3600.0, "1e12").unwrap_err();
            assert!(e.contains("at most 100,000,000,000)"), "{e}");
            let e = stored(Metric::Reach, 2e15, 1.0, "2e15").unwrap_err();
            assert!(e.contains("at most 1,000,000,000,000,000)"), "{e}");
        });
    }
}
