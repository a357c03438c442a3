//! The fixed-width ISO texts twohats stores and exports write (`2026-11-22`,
//! `2026-11-22 14:05`), read digit by digit: chrono's pattern reader costs more than the
//! rest of a row when a million imported values or a month of 1,900 posts go by. Any
//! other shape answers `None`, and callers fall back to chrono.

use chrono::{NaiveDate, NaiveDateTime};

/// The number written in `b[range]`, if it is all ASCII digits.
fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    b.get(range)?.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `2026-11-22`.
pub fn day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(b, 0..4)? as i32, digits(b, 5..7)?, digits(b, 8..10)?)
}

/// `2026-11-22 14:05`.
pub fn minute(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 16 || b[10] != b' ' || b[13] != b':' {
        return None;
    }
    day(s.get(..10)?)?.and_hms_opt(digits(b, 11..13)?, digits(b, 14..16)?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_width_texts() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(day("2026-11-22"), Some(d));
        assert_eq!(minute("2026-11-22 14:05"), d.and_hms_opt(14, 5, 0));
        for bad in [
            "2026-02-30",
            "2026-1-22",
            "2026/11/22",
            "２０２６-11-22",
            "",
            "2026-11-2x",
        ] {
            assert_eq!(day(bad), None, "{bad}");
        }
        for bad in [
            "2026-11-22 24:00",
            "2026-11-22T14:05",
            "2026-11-22 14:5",
            "2026-11-22 14:05:00",
        ] {
            assert_eq!(minute(bad), None, "{bad}");
        }
    }
}
