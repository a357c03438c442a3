//! The dates of export files: formats, years inferred from consecutive rows.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn day(s: &str) -> NaiveDate {
    match parse(s).unwrap() {
        Cell::Day(x) => x,
        other => panic!("{s}: {other:?}"),
    }
}

fn setting(daily: bool, reference: NaiveDate) -> Setting {
    Setting {
        daily,
        reference,
        tz: Some("Europe/Paris".parse().unwrap()),
        day_first: false,
        given: false,
    }
}

#[test]
fn cells_of_every_export() {
    assert_eq!(day("2026-11-22"), d(2026, 11, 22));
    assert_eq!(day("2025-08-01T00:00:00"), d(2025, 8, 1));
    assert_eq!(day("Sat, Sep 12, 2026"), d(2026, 9, 12));
    assert_eq!(day("Sep 14, 2026"), d(2026, 9, 14));
    assert_eq!(day("2025/10/31"), d(2025, 10, 31));
    assert_eq!(day("12 sept. 2026"), d(2026, 9, 12));
    assert_eq!(day("2025年9月13日"), d(2025, 9, 13));
    assert!(matches!(
        parse("2015-09-30 18:42 +0000"),
        Ok(Cell::Instant(_))
    ));
    assert!(matches!(
        parse("2026-11-22T23:30:00Z"),
        Ok(Cell::Instant(_))
    ));
    assert_eq!(parse("August 31"), Ok(Cell::YearLess { month: 8, day: 31 }));
    assert_eq!(parse("31 août"), Ok(Cell::YearLess { month: 8, day: 31 }));
    assert_eq!(parse("9月13日"), Ok(Cell::YearLess { month: 9, day: 13 }));
    assert_eq!(parse("9월 13일"), Ok(Cell::YearLess { month: 9, day: 13 }));
    assert_eq!(
        parse("31 de agosto"),
        Ok(Cell::YearLess { month: 8, day: 31 })
    );
    assert_eq!(day("31 de agosto de 2025"), d(2025, 8, 31));
    assert_eq!(
        parse("31. August"),
        Ok(Cell::YearLess { month: 8, day: 31 })
    );
    assert_eq!(parse("1 dic"), Ok(Cell::YearLess { month: 12, day: 1 }));
    assert_eq!(parse("15 mars"), Ok(Cell::YearLess { month: 3, day: 15 }));
    assert_eq!(parse("15 mai"), Ok(Cell::YearLess { month: 5, day: 15 }));
    assert_eq!(parse("5 juillet"), Ok(Cell::YearLess { month: 7, day: 5 }));
    assert_eq!(day("mardi 12 novembre 2026"), d(2026, 11, 12));
    assert_eq!(day("martes, 3 de marzo de 2026"), d(2026, 3, 3));
    assert_eq!(
        parse("February 29"),
        Ok(Cell::YearLess { month: 2, day: 29 })
    );
    assert_eq!(
        parse("9/3/2026 14:05"),
        Ok(Cell::Slash {
            a: 9,
            b: 3,
            year: 2026
        })
    );
    for bad in ["Lifetime", "13/45/2026", "February 30", "", "2025/13/01"] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}

/// A 365-day Overview from February 28 to February 27, read on 22 November: the
/// last row is 27 February of this year, the first 28 February of the year before.
#[test]
fn a_year_of_days_without_years() {
    let start = d(2025, 2, 28);
    let cells: Vec<Cell> = (0..365)
        .map(|i| {
            let x = start + chrono::Duration::days(i);
            Cell::YearLess {
                month: x.month(),
                day: x.day(),
            }
        })
        .collect();
    let r = resolve(&cells, &setting(true, d(2026, 11, 22))).unwrap();
    assert_eq!(r.days[0], d(2025, 2, 28));
    assert_eq!(r.days[364], d(2026, 2, 27));
    assert_eq!(r.inferred, Some((d(2025, 2, 28), d(2026, 2, 27))));
    assert!(r.days.windows(2).all(|w| w[1] == w[0].succ_opt().unwrap()));
    // Newest first, the same days.
    let rev: Vec<Cell> = cells.iter().rev().copied().collect();
    let r2 = resolve(&rev, &setting(true, d(2026, 11, 22))).unwrap();
    assert_eq!(r2.days[0], d(2026, 2, 27));
    assert_eq!(r2.days[364], d(2025, 2, 28));
    // A reference a year earlier (--last-date) moves them all.
    let r3 = resolve(&cells, &setting(true, d(2025, 2, 27))).unwrap();
    assert_eq!(r3.days[364], d(2025, 2, 27));
    assert_eq!(r3.days[0], d(2024, 2, 28));
    // Leap days fit only a leap year.
    let leap = [
        Cell::YearLess { month: 2, day: 28 },
        Cell::YearLess { month: 2, day: 29 },
        Cell::YearLess { month: 3, day: 1 },
    ];
    let ok = resolve(&leap, &setting(true, d(2024, 3, 1))).unwrap();
    assert_eq!(ok.days[1], d(2024, 2, 29));
}

/// A run holding February 29 ends in the latest year that makes it a leap day; given
/// by `--last-date` in a year that does not, it is refused on that row.
#[test]
fn a_leap_day_takes_a_leap_year() {
    let leap = [
        Cell::YearLess { month: 2, day: 27 },
        Cell::YearLess { month: 2, day: 28 },
        Cell::YearLess { month: 2, day: 29 },
        Cell::YearLess { month: 3, day: 1 },
    ];
    let r = resolve(&leap, &setting(true, d(2026, 11, 22))).unwrap();
    assert_eq!(
        r.days,
        [
            d(2024, 2, 27),
            d(2024, 2, 28),
            d(2024, 2, 29),
            d(2024, 3, 1)
        ]
    );
    assert_eq!(r.inferred, Some((d(2024, 2, 27), d(2024, 3, 1))));
    let given = Setting {
        given: true,
        ..setting(true, d(2026, 3, 1))
    };
    let e = resolve(&leap, &given).unwrap_err();
    assert_eq!(e.0, 2);
    // Without a leap day, nothing moves.
    let plain = [
        Cell::YearLess { month: 2, day: 28 },
        Cell::YearLess { month: 3, day: 1 },
    ];
    let r = resolve(&plain, &setting(true, d(2026, 11, 22))).unwrap();
    assert_eq!(r.days, [d(2026, 2, 28), d(2026, 3, 1)]);
}

/// `--last-date` must be the last row's day: February 28 for a file ending on February
/// 27 is refused, naming both.
#[test]
fn a_last_date_that_is_not_the_last_row_is_refused() {
    let cells = [
        Cell::YearLess { month: 2, day: 26 },
        Cell::YearLess { month: 2, day: 27 },
    ];
    let given = |reference| Setting {
        given: true,
        ..setting(true, reference)
    };
    let e = crate::i18n::with_lang(crate::i18n::Lang::En, || {
        resolve(&cells, &given(d(2024, 2, 28))).unwrap_err()
    });
    assert_eq!(e.0, 1, "the last row");
    assert!(
        e.1.contains("2024-02-28") && e.1.contains("Feb 27"),
        "{}",
        e.1
    );
    let ok = resolve(&cells, &given(d(2024, 2, 27))).unwrap();
    assert_eq!(ok.days, [d(2024, 2, 26), d(2024, 2, 27)]);
    // Newest first: the first row is the last day.
    let rev = [cells[1], cells[0]];
    let e = resolve(&rev, &given(d(2024, 2, 26))).unwrap_err();
    assert_eq!(e.0, 0);
    assert!(resolve(&rev, &given(d(2024, 2, 27))).is_ok());
}

#[test]
fn per_post_dates_take_the_latest_on_or_before() {
    let cells = [
        Cell::YearLess { month: 12, day: 24 },
        Cell::YearLess { month: 2, day: 14 },
    ];
    let r = resolve(&cells, &setting(false, d(2026, 2, 27))).unwrap();
    assert_eq!(r.days, [d(2025, 12, 24), d(2026, 2, 14)]);
}

/// X writes `2016-12-08 23:44 +0000`: in Paris that post went out on 9 December.
#[test]
fn utc_times_count_on_the_clients_day() {
    let cells = [parse("2016-12-08 23:44 +0000").unwrap()];
    let r = resolve(&cells, &setting(false, d(2026, 11, 22))).unwrap();
    assert_eq!(r.days, [d(2016, 12, 9)]);
    let la = Setting {
        tz: Some("America/Los_Angeles".parse().unwrap()),
        ..setting(false, d(2026, 11, 22))
    };
    assert_eq!(resolve(&cells, &la).unwrap().days, [d(2016, 12, 8)]);
}

#[test]
fn day_or_month_first() {
    let col = |s: &[&str], day_first: bool| {
        let cells: Vec<Cell> = s.iter().map(|x| parse(x).unwrap()).collect();
        resolve(
            &cells,
            &Setting {
                day_first,
                ..setting(true, d(2026, 11, 22))
            },
        )
        .map(|r| r.days)
    };
    assert_eq!(
        col(&["11/02/2026", "11/03/2026"], false).unwrap(),
        [d(2026, 11, 2), d(2026, 11, 3)]
    );
    assert_eq!(
        col(&["11/02/2026", "13/02/2026"], false).unwrap(),
        [d(2026, 2, 11), d(2026, 2, 13)],
        "a first number above 12 makes the column day-first"
    );
    assert_eq!(
        col(&["01/08/2025", "02/08/2025"], true).unwrap(),
        [d(2025, 8, 1), d(2025, 8, 2)]
    );
}

#[test]
fn dates_in_file_names() {
    assert_eq!(
        name_date("tweet_activity_metrics_mapleandpine_20261101_20261130_en.csv"),
        Some(d(2026, 11, 30))
    );
    assert_eq!(
        name_date("/tmp/2019-01-01/Overview_2025-02-27.csv"),
        Some(d(2025, 2, 27))
    );
    assert_eq!(name_date("Overview.csv"), None);
    assert_eq!(name_date("video_7400000000000000001.csv"), None);
    assert_eq!(
        reference(
            d(2026, 11, 22),
            None,
            &["Overview.csv", "tiktok_2025-02-27.zip"]
        ),
        d(2025, 2, 27),
        "the archive's name when the entry's carries none"
    );
    assert_eq!(
        reference(d(2026, 11, 22), None, &["Overview.csv"]),
        d(2026, 11, 22)
    );
    assert_eq!(
        reference(d(2026, 11, 22), None, &["Overview_2027-01-01.csv"]),
        d(2026, 11, 22),
        "never after today"
    );
    assert_eq!(
        reference(d(2026, 11, 22), Some(d(2025, 1, 1)), &["a_2026-01-01.csv"]),
        d(2025, 1, 1)
    );
}
