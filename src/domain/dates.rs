//! Calendar rules every floor shares: where a week and a month start and end.
//! Weeks start on Monday (ISO 8601), as the calendar grid, the weekly review and the demo
//! data all count them.

use chrono::{Datelike, Duration, NaiveDate};

/// Monday of the week holding `d`.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The first day of the month holding `day`.
pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day0(0).unwrap_or(day)
}

/// The last day of the month holding `day`.
pub fn month_end(day: NaiveDate) -> NaiveDate {
    month_of(day)
        .checked_add_months(chrono::Months::new(1))
        .map_or(NaiveDate::MAX, |next| next - Duration::days(1))
}

/// The first day of the month `delta` months away from `month`.
pub fn add_months(month: NaiveDate, delta: i32) -> NaiveDate {
    let total = month.year() * 12 + month.month0() as i32 + delta;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(monday(d(2026, 11, 22)), d(2026, 11, 16));
        assert_eq!(monday(d(2026, 11, 16)), d(2026, 11, 16));
        // Across a year's end.
        assert_eq!(monday(d(2027, 1, 1)), d(2026, 12, 28));
    }

    #[test]
    fn months_start_and_end() {
        assert_eq!(month_of(d(2026, 11, 22)), d(2026, 11, 1));
        assert_eq!(month_end(d(2026, 11, 22)), d(2026, 11, 30));
        assert_eq!(month_end(d(2028, 2, 1)), d(2028, 2, 29));
        assert_eq!(add_months(d(2026, 11, 1), 2), d(2027, 1, 1));
        assert_eq!(add_months(d(2026, 1, 1), -1), d(2025, 12, 1));
    }
}
