//! Numbers, money, dates and metric values as the interface shows them. Kept beside the
//! catalogues because every language writes them its own way.

use chrono::NaiveDate;

use crate::domain::metric::{Metric, Unit, format_scaled};
use crate::domain::money::{self, Money, group_thousands};

/// `1,234,567`.
pub fn count(n: i64) -> String {
    let digits = group_thousands(&n.unsigned_abs().to_string(), ',');
    if n < 0 { format!("-{digits}") } else { digits }
}

/// `€1,234.56` in the client's currency; the bare number if the code is unknown.
pub fn money(minor: i64, currency: &str) -> String {
    match money::currency(currency) {
        Some(c) => Money::new(minor, c).display(),
        None => format!("{} {currency}", count(minor)),
    }
}

/// A metric value in its unit: `1,200`, `€12.00`, `3.5%`, `2.5x`, `4 h`.
pub fn metric_value(metric: Metric, value: i64, currency: &str) -> String {
    match metric.unit() {
        Unit::Count => count(value),
        Unit::Money => money(value, currency),
        Unit::Percent => format!("{}%", format_scaled(value, Unit::Percent)),
        Unit::Ratio => format!("{}x", format_scaled(value, Unit::Ratio)),
        Unit::Hours => format!("{} h", format_scaled(value, Unit::Hours)),
    }
}

/// A metric value as typed in a form (no symbols, no grouping): `1200`, `12.5`.
pub fn metric_input(metric: Metric, value: i64, currency: &str) -> String {
    match (metric.unit(), money::currency(currency)) {
        (Unit::Money, Some(c)) => Money::new(value, c).plain(),
        (unit, _) => format_scaled(value, unit),
    }
}

/// `Nov 22, 2026`.
pub fn date(d: NaiveDate) -> String {
    d.format("%b %-d, %Y").to_string()
}

/// `Nov 22`.
pub fn day_month(d: NaiveDate) -> String {
    d.format("%b %-d").to_string()
}

/// `November 2026`.
pub fn month(d: NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

/// `12.5%` with one decimal.
pub fn percent(p: f64) -> String {
    format!("{p:.1}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_formats() {
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(-1200), "-1,200");
        assert_eq!(money(123_456, "EUR"), "€1,234.56");
        assert_eq!(metric_value(Metric::Ctr, 1250, "EUR"), "12.5%");
        assert_eq!(metric_value(Metric::Cpc, 45, "EUR"), "€0.45");
        assert_eq!(metric_value(Metric::ResponseTime, 240, "EUR"), "4 h");
        assert_eq!(metric_input(Metric::Spend, 123_450, "EUR"), "1234.50");
        let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(date(d), "Nov 2, 2026");
        assert_eq!(month(d), "November 2026");
    }
}

/// A short duration: `45m`, `2h10`, `3d 4h`.
pub fn duration_short(minutes: i64) -> String {
    let m = minutes.abs();
    if m < 60 {
        format!("{m}m")
    } else if m < 24 * 60 {
        format!("{}h{:02}", m / 60, m % 60)
    } else {
        format!("{}d {}h", m / (24 * 60), (m % (24 * 60)) / 60)
    }
}

/// A date and time in a zone: `Nov 22, 14:05`.
pub fn day_time(t: chrono::DateTime<chrono_tz::Tz>) -> String {
    t.format("%b %-d, %H:%M").to_string()
}

#[cfg(test)]
mod duration_tests {
    #[test]
    fn short_durations() {
        assert_eq!(super::duration_short(45), "45m");
        assert_eq!(super::duration_short(130), "2h10");
        assert_eq!(super::duration_short(-130), "2h10");
        assert_eq!(super::duration_short(3 * 1440 + 250), "3d 4h");
    }
}

/// A report value in its unit: `1,234`, `€12.50`, `3.5%`, `2.4x`; an em dash for none.
pub fn report_value(key: &str, v: Option<f64>, currency: &str) -> String {
    use crate::domain::metric::Unit;
    let Some(v) = v else { return "—".into() };
    match crate::domain::report::key_unit(key) {
        Unit::Money => {
            let minor = crate::domain::money::currency(currency).map_or(100.0, |c| {
                10f64.powi(crate::domain::money::exponent(c) as i32)
            });
            money((v * minor).round() as i64, currency)
        }
        Unit::Percent => percent(v),
        Unit::Ratio => format!("{v:.2}x"),
        _ => count(v.round() as i64),
    }
}

/// `▲ 12.5%`, `▼ 3.0%`, `=` or an em dash.
pub fn change(c: Option<f64>) -> String {
    match c {
        None => "—".into(),
        Some(x) if x > 0.05 => format!("▲ {}", percent(x)),
        Some(x) if x < -0.05 => format!("▼ {}", percent(-x)),
        Some(_) => "=".into(),
    }
}
