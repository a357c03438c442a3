//! Reading the numbers of analytics exports, written every which way, and checking that
//! what gets stored is a figure a platform could report.

use crate::domain::metric::Metric;
use crate::io::quoted;

/// Words that hold no value: `-`, `--`, `undefined`, `NAN` (TikTok), `N/A`...
const NO_VALUE: [&str; 8] = ["-", "--", "undefined", "n/a", "na", "nan", "null", "none"];

/// A count or amount in a cell. Empty cells and [`NO_VALUE`] words hold no value
/// (`Ok(None)`); `1,234`, `"424.0"` and `1 234` are read; with `decimal_comma` (files
/// French Excel wrote, with `;` between cells) `12,5` is twelve and a half and `1.234`
/// a thousand; anything else is an error.
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
    let thousands = |c: char| {
        matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')
            || c == if decimal_comma { '.' } else { ',' }
    };
    let cleaned: String = t
        .chars()
        .filter(|c| !thousands(*c))
        .map(|c| if decimal_comma && c == ',' { '.' } else { c })
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| {
            crate::i18n::fill(
                crate::i18n::t().import.imp_not_number,
                &[("value", &quoted(t))],
            )
        })
}

/// The largest magnitude stored: no platform counts a quadrillion of anything, and far
/// below it `f64` still holds every whole number exactly.
pub const MAX_STORED: f64 = 1e15;

/// Net figures that may go below zero: YouTube's subscribers gained (minus lost) and
/// revenue after adjustments. Counts, reach and followers never do.
fn may_be_negative(m: Metric) -> bool {
    matches!(m, Metric::NewFollows | Metric::Revenue)
}

/// The whole number stored for `v` of `metric`, `factor` turning the file's unit into the
/// stored one (100 for a money column in major units, 60 for hours stored as minutes);
/// refused when negative where it cannot be, or beyond [`MAX_STORED`].
pub fn stored(metric: Metric, v: f64, factor: f64, raw: &str) -> Result<i64, String> {
    let s = crate::i18n::t();
    if v < 0.0 && !may_be_negative(metric) {
        return Err(crate::i18n::fill(
            s.import.imp_negative,
            &[("value", &quoted(raw)), ("metric", metric.key())],
        ));
    }
    let x = (v * factor).round();
    if !x.is_finite() || x.abs() > MAX_STORED {
        return Err(crate::i18n::fill(
            s.import.imp_out_of_range,
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
}
