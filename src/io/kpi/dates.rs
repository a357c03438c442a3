//! The dates of analytics exports, read a whole column at a time: a cell alone cannot
//! say which year `February 28` is, whether `03/04/2026` is March or April, or on which
//! day of the client's a post timed `23:44 +0000` went out.
//!
//! - Dates without a year (TikTok): the rows of an account-level table are consecutive
//!   days; the last one is the latest such date on or before the reference day (today,
//!   a date the file name carries, or `--last-date`), and each step back across 1 January
//!   goes back a year. Per-post dates take the latest such date on or before the end of
//!   that range. Never the file's modification time: copies change it.
//! - `D/M/Y` or `M/D/Y`: day first when a first number is above 12 (or, with nothing to
//!   tell, when the file came from French Excel), month first otherwise.
//! - Times with an offset or in UTC, per post: the client's local day.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use crate::io::quoted;

/// A date cell as written, before the column decides what it means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Day(NaiveDate),
    /// A time with an offset (`2015-09-30 18:42 +0000`, `...Z`).
    Instant(DateTime<FixedOffset>),
    YearLess {
        month: u32,
        day: u32,
    },
    /// `a/b/year`: day and month in an order the column tells.
    Slash {
        a: u32,
        b: u32,
        year: i32,
    },
}

fn not_date(t: &str) -> String {
    crate::i18n::fill(
        crate::i18n::t().import.imp_not_date,
        &[("value", &quoted(t))],
    )
}

/// Month names and abbreviations by prefix, in the languages TikTok Studio and
/// spreadsheets write them: English, French, Spanish, German, Italian, Portuguese. Longer
/// prefixes first, where a shorter one would take another month.
const MONTHS: [(&str, u32); 41] = [
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("mars", 3),
    ("juin", 6),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("sept", 9),
    ("déc", 12),
    ("fév", 2),
    ("jan", 1),
    ("ene", 1),
    ("gen", 1),
    ("feb", 2),
    ("fev", 2),
    ("mär", 3),
    ("mrz", 3),
    ("mar", 3),
    ("apr", 4),
    ("avr", 4),
    ("abr", 4),
    ("may", 5),
    ("mai", 5),
    ("mag", 5),
    ("jun", 6),
    ("giu", 6),
    ("jul", 7),
    ("lug", 7),
    ("aug", 8),
    ("ago", 8),
    ("sep", 9),
    ("set", 9),
    ("oct", 10),
    ("okt", 10),
    ("ott", 10),
    ("out", 10),
    ("nov", 11),
    ("dec", 12),
    ("dic", 12),
    ("dez", 12),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    // Tuesday starts like March in French, Spanish and Italian.
    let tuesday = ["mardi", "martes", "marted"]
        .iter()
        .any(|t| w.starts_with(t));
    if tuesday || w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(p, _)| w.starts_with(p))
        .map(|(_, m)| *m)
}

fn full_year(y: i32) -> i32 {
    if (0..100).contains(&y) { 2000 + y } else { y }
}

/// A time with an offset after an ISO day: `T18:42:00Z`, ` 18:42 +0000`, `+01:00`, ` UTC`.
fn instant(t: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(d);
    }
    let t = t
        .strip_suffix(" UTC")
        .or_else(|| t.strip_suffix(" GMT"))
        .map_or_else(|| t.to_string(), |s| format!("{s} +0000"));
    [
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
    ]
    .iter()
    .find_map(|f| DateTime::parse_from_str(&t, f).ok())
}

/// Reads a date cell: `2026-11-22`, `2026-11-22T00:00:00`, `2015-09-30 18:42 +0000`,
/// `2025/10/31`, `11/22/2026`, `9/3/2026 14:05`, `Sat, Sep 12, 2026`, `Sep 14, 2026`,
/// `12 sept. 2026`, and year-less `August 31`, `31 août` or `9月13日`.
pub fn parse(s: &str) -> Result<Cell, String> {
    let t = s.trim().trim_matches('"').trim();
    if t.is_empty() {
        return Err(crate::i18n::t().import.imp_empty_date.into());
    }
    // ISO first, and fast: a million rows of the generic CSVs go by here.
    if let Some(head) = t.get(..10)
        && let Some(d) = crate::domain::iso::day(head)
            .or_else(|| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
    {
        let rest = &t[10..];
        let offset = rest.ends_with('Z')
            || rest.contains(['+', 'U', 'G'])
            || rest.trim_start_matches(['T', ' ']).contains(" -")
            || rest.rfind('-').is_some_and(|i| i > 3);
        if !rest.is_empty()
            && offset
            && let Some(at) = instant(t)
        {
            return Ok(Cell::Instant(at));
        }
        return Ok(Cell::Day(d));
    }
    let first = t.split_whitespace().next().unwrap_or("");
    if first.matches('/').count() == 2 {
        let parts: Vec<&str> = first.split('/').collect();
        let num = |s: &str| s.parse::<u32>().map_err(|_| not_date(t));
        if parts[0].len() == 4 {
            // 2025/10/31 (TikTok's 2025 overview)
            let (y, m, d) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
            return NaiveDate::from_ymd_opt(y as i32, m, d)
                .map(Cell::Day)
                .ok_or_else(|| not_date(t));
        }
        let (a, b, y) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
        if a == 0 || b == 0 || a > 31 || b > 31 || (a > 12 && b > 12) {
            return Err(not_date(t));
        }
        return Ok(Cell::Slash {
            a,
            b,
            year: full_year(y as i32),
        });
    }
    // 9月13日, 2025年9月13日 (Chinese, Japanese), 9월 13일 (Korean)
    if let Some((m, rest)) = t.split_once(['月', '월']) {
        let (year, m) = match m.split_once(['年', '년']) {
            Some((y, m)) => (Some(y.trim().parse::<i32>().map_err(|_| not_date(t))?), m),
            None => (None, m),
        };
        let d = rest.trim().trim_end_matches(['日', '일']).trim();
        let (month, day) = (
            m.trim().parse().map_err(|_| not_date(t))?,
            d.parse().map_err(|_| not_date(t))?,
        );
        return match year {
            Some(y) => NaiveDate::from_ymd_opt(y, month, day)
                .map(Cell::Day)
                .ok_or_else(|| not_date(t)),
            None => year_less(month, day).ok_or_else(|| not_date(t)),
        };
    }
    // Words: a weekday, a month name, the day before or after it, maybe a year.
    let words: Vec<&str> = t
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(i) = words.iter().position(|w| month_number(w).is_some()) {
        let month = month_number(words[i]).ok_or_else(|| not_date(t))?;
        let n = |j: usize| {
            words
                .get(j)
                .and_then(|w| w.trim_end_matches('.').parse::<i32>().ok())
        };
        // A short word may come between: `31 de agosto de 2025`, `the 31st of`.
        let before = (1..=2)
            .filter_map(|k| i.checked_sub(k))
            .find_map(n)
            .filter(|d| (1..=31).contains(d));
        let mut after = (i + 1..words.len().min(i + 5)).filter_map(n);
        let (day, year) = match before {
            // 12 sept. 2026, 31 août, 31 de agosto de 2025
            Some(d) => (d, after.next()),
            // Sep 12, 2026, August 31
            None => match after.next() {
                Some(d) => (d, after.next()),
                None => return Err(not_date(t)),
            },
        };
        let day = u32::try_from(day).map_err(|_| not_date(t))?;
        return match year {
            Some(y) => NaiveDate::from_ymd_opt(full_year(y), month, day)
                .map(Cell::Day)
                .ok_or_else(|| not_date(t)),
            None => year_less(month, day).ok_or_else(|| not_date(t)),
        };
    }
    Err(not_date(t))
}

/// A month and day that exist in some year (February 29 does).
fn year_less(month: u32, day: u32) -> Option<Cell> {
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| Cell::YearLess { month, day })
}

/// The latest `month`/`day` on or before `reference` (eight years back at most, for a
/// February 29).
pub fn latest_on_or_before(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    (0..8)
        .filter_map(|back| NaiveDate::from_ymd_opt(reference.year() - back, month, day))
        .find(|d| *d <= reference)
}

/// Whether `(m2, d2)` is the day after `(m1, d1)` in some year.
fn next_day((m1, d1): (u32, u32), (m2, d2): (u32, u32)) -> bool {
    let after = |y: i32| {
        NaiveDate::from_ymd_opt(y, m1, d1)
            .and_then(|d| d.succ_opt())
            .is_some_and(|n| (n.month(), n.day()) == (m2, d2))
    };
    after(2000) || after(2001)
}

/// The latest date a file name carries (`..._20261101_20261130_en.csv`,
/// `Overview_2025-02-27.csv`): the day the export was made, or the end of its range.
pub fn name_date(label: &str) -> Option<NaiveDate> {
    let name = label.rsplit(['/', '\\']).next().unwrap_or(label);
    let b = name.as_bytes();
    let mut best = None;
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    for i in 0..b.len() {
        // YYYY-MM-DD, YYYY_MM_DD, YYYY.MM.DD, then YYYYMMDD, not inside a longer number.
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        if !before_ok {
            continue;
        }
        let found = if b.len() >= i + 10
            && digits(&b[i..i + 4])
            && matches!(b[i + 4], b'-' | b'_' | b'.')
            && b[i + 7] == b[i + 4]
            && digits(&b[i + 5..i + 7])
            && digits(&b[i + 8..i + 10])
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit())
        {
            Some((&name[i..i + 4], &name[i + 5..i + 7], &name[i + 8..i + 10]))
        } else if b.len() >= i + 8
            && digits(&b[i..i + 8])
            && b.get(i + 8).is_none_or(|c| !c.is_ascii_digit())
        {
            Some((&name[i..i + 4], &name[i + 4..i + 6], &name[i + 6..i + 8]))
        } else {
            None
        };
        if let Some((y, m, d)) = found
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse())
            && (1990..2200).contains(&y)
            && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            best = best.max(Some(date));
        }
    }
    best
}

/// What a column of dates is read against.
pub struct Setting {
    /// Account-level daily rows (consecutive days), or one row per post.
    pub daily: bool,
    /// The latest day a year-less date may be.
    pub reference: NaiveDate,
    /// The client's zone: per-post times with an offset count on its local day.
    pub tz: Option<Tz>,
    /// With nothing in the column to tell, `03/04/2026` is 3 April (French Excel).
    pub day_first: bool,
    /// The reference is `--last-date`: the newest year-less daily row must be its day.
    pub given: bool,
}

/// The days of a column, and the span of those whose year was inferred.
#[derive(Debug, Default)]
pub struct Resolved {
    pub days: Vec<NaiveDate>,
    pub inferred: Option<(NaiveDate, NaiveDate)>,
    /// The reference day the inferred years were read against.
    pub reference: Option<NaiveDate>,
}

/// Decides what each date of a column means. `Err` holds the index of the cell at
/// fault and why.
pub fn resolve(cells: &[Cell], s: &Setting) -> Result<Resolved, (usize, String)> {
    let slash = cells.iter().filter_map(|c| match c {
        Cell::Slash { a, b, .. } => Some((*a, *b)),
        _ => None,
    });
    let day_first = {
        let (mut first_big, mut second_big) = (false, false);
        for (a, b) in slash {
            first_big |= a > 12;
            second_big |= b > 12;
        }
        first_big || (!second_big && s.day_first)
    };
    let year_less: Vec<usize> = (0..cells.len())
        .filter(|i| matches!(cells[*i], Cell::YearLess { .. }))
        .collect();
    let mut inferred_days = vec![None; cells.len()];
    if !year_less.is_empty() {
        let md: Vec<(u32, u32)> = year_less
            .iter()
            .map(|i| match cells[*i] {
                Cell::YearLess { month, day } => (month, day),
                _ => (1, 1),
            })
            .collect();
        let years = if s.daily {
            if s.given {
                let newest = if newest_first(&md) { 0 } else { md.len() - 1 };
                let (m, d) = md[newest];
                if (m, d) != (s.reference.month(), s.reference.day()) {
                    return Err((year_less[newest], last_date_mismatch(s.reference, m, d)));
                }
            }
            sequence_years(&md, s.reference, !s.given)
        } else {
            md.iter()
                .map(|(m, d)| latest_on_or_before(*m, *d, s.reference).map_or(0, |x| x.year()))
                .collect()
        };
        for ((i, (m, d)), y) in year_less.iter().zip(&md).zip(years) {
            let day = NaiveDate::from_ymd_opt(y, *m, *d).ok_or_else(|| {
                (
                    *i,
                    crate::i18n::fill(
                        crate::i18n::t().import.imp_year_less_missing,
                        &[("date", &format!("{y}-{m:02}-{d:02}"))],
                    ),
                )
            })?;
            inferred_days[*i] = Some(day);
        }
    }
    let mut out = Resolved {
        days: Vec::with_capacity(cells.len()),
        inferred: None,
        reference: (!year_less.is_empty()).then_some(s.reference),
    };
    for (i, c) in cells.iter().enumerate() {
        let day = match *c {
            Cell::Day(d) => d,
            Cell::Instant(at) => match s.tz {
                Some(tz) => at.with_timezone(&tz).date_naive(),
                None => at.date_naive(),
            },
            Cell::Slash { a, b, year } => {
                let (m, d) = if day_first { (b, a) } else { (a, b) };
                NaiveDate::from_ymd_opt(year, m, d)
                    .ok_or_else(|| (i, not_date(&format!("{a:02}/{b:02}/{year}"))))?
            }
            Cell::YearLess { .. } => {
                let d = inferred_days[i].unwrap_or_default();
                out.inferred = Some(match out.inferred {
                    None => (d, d),
                    Some((lo, hi)) => (lo.min(d), hi.max(d)),
                });
                d
            }
        };
        out.days.push(day);
    }
    Ok(out)
}

fn last_date_mismatch(given: NaiveDate, m: u32, d: u32) -> String {
    let row = NaiveDate::from_ymd_opt(2000, m, d)
        .map_or_else(|| format!("{m:02}-{d:02}"), crate::i18n::format::day_month);
    crate::i18n::fill(
        crate::i18n::t().import.imp_last_date_mismatch,
        &[("given", &given.to_string()), ("row", &row)],
    )
}

/// Whether a run of year-less days goes backwards (newest first).
fn newest_first(md: &[(u32, u32)]) -> bool {
    let steps = md.windows(2);
    let forward = steps.clone().filter(|w| next_day(w[0], w[1])).count();
    let backward = steps.filter(|w| next_day(w[1], w[0])).count();
    backward > forward
}

/// Years of a run of year-less days: the newest is the latest such date on or before
/// `reference`; walking towards the oldest, each step across 1 January goes back a
/// year. The newest is the last row, unless the rows go backwards (newest first). With
/// `search`, a run holding a February 29 ends in the latest year that makes it a leap
/// day (the run ending on or before `reference` whose every day exists); without, or
/// when none does, the dates that do not exist are the caller's to refuse.
fn sequence_years(md: &[(u32, u32)], reference: NaiveDate, search: bool) -> Vec<i32> {
    let order: Vec<usize> = if newest_first(md) {
        (0..md.len()).collect()
    } else {
        (0..md.len()).rev().collect()
    };
    let (m, d) = md[order[0]];
    let latest = latest_on_or_before(m, d, reference).map_or(reference.year(), |x| x.year());
    let run = |newest_year: i32| {
        let mut years = vec![0; md.len()];
        let mut year = newest_year;
        let mut newer = md[order[0]];
        for &i in &order {
            // Older than the row after it yet later in the calendar: the year before.
            if md[i] > newer {
                year -= 1;
            }
            years[i] = year;
            newer = md[i];
        }
        years
    };
    let exists = |years: &[i32]| {
        md.iter()
            .zip(years)
            .all(|((m, d), y)| NaiveDate::from_ymd_opt(*y, *m, *d).is_some())
    };
    let first = run(latest);
    if !search || exists(&first) {
        return first;
    }
    // Leap years come every four (eight across a century not divisible by 400), and
    // the newest day must exist in the year it is given.
    (1..=8)
        .map(|back| latest - back)
        .filter(|y| NaiveDate::from_ymd_opt(*y, m, d).is_some())
        .map(run)
        .find(|years| exists(years))
        .unwrap_or(first)
}

/// The reference day of a file: `--last-date`, else the latest date its name carries
/// (`names`: an archive entry's, then the archive's), not after today, else today.
pub fn reference(today: NaiveDate, last_date: Option<NaiveDate>, names: &[&str]) -> NaiveDate {
    last_date.unwrap_or_else(|| {
        names
            .iter()
            .find_map(|n| name_date(n))
            .map_or(today, |d| d.min(today))
    })
}

#[cfg(test)]
mod tests;
