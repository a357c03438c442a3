//! Files a review of the release binary tried (issue 17, second pass), written here as
//! fixtures: decimal commas outside `;` files, a user's wide CSV that looks like
//! YouTube's, watch time to the ten-thousandth of an hour, limits in the file's unit,
//! columns a long CSV leaves out.

use chrono::{Datelike, Duration, NaiveDate};

use super::*;
use crate::domain::metric::Metric::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ctx(file: &str) -> Context<'_> {
    Context::new(file, d(2026, 11, 22))
}

fn ok(bytes: &[u8], c: &Context<'_>) -> Imported {
    read(bytes, c).unwrap_or_else(|e| panic!("{e}"))
}

fn daily(i: &Imported, day: NaiveDate, m: Metric) -> Option<i64> {
    i.daily
        .iter()
        .find(|v| v.day == day && v.metric == m)
        .map(|v| v.value)
}

/// YouTube's by-Date table saved as tab-separated text by a French spreadsheet: `1,5`
/// hours is one and a half (5,400 s), `0,5` dollars fifty cents; `1,234` views stay a
/// thousand and more.
#[test]
fn decimal_commas_in_a_tab_file() {
    let tsv = "Date\tViews\tWatch time (hours)\tAverage view duration\tEstimated revenue (USD)\n\
               Total\t1234\t1,5\t0:01:00\t0,5\n\
               2026-11-20\t\"1,234\"\t1,5\t0:01:00\t0,5\n";
    let usd = Context {
        currency: "USD",
        ..ctx("yt_tab.csv")
    };
    let i = ok(tsv.as_bytes(), &usd);
    assert_eq!(i.formats, ["YouTube daily"]);
    assert_eq!(daily(&i, d(2026, 11, 20), WatchTime), Some(5400), "1.5 h");
    assert_eq!(daily(&i, d(2026, 11, 20), Revenue), Some(50), "$0.50");
    assert_eq!(daily(&i, d(2026, 11, 20), VideoViews), Some(1234));
}

/// A `,` file with a quoted `"1,5"` in a count: a decimal, refused for a count with its
/// line and column; `"1,234"` is a thousand and more; money takes the decimal.
#[test]
fn decimal_commas_in_a_comma_file() {
    let e = read(
        b"date,platform,metric,value\n2026-11-01,instagram,reach,\"1,5\"\n",
        &ctx("comma15.csv"),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (2, 4), "{e}");
    assert!(
        e.message.contains("1,5") && e.message.contains("reach"),
        "{e}"
    );
    let i = ok(
        b"date,platform,metric,value\n\
          2026-11-01,instagram,reach,\"1,234\"\n\
          2026-11-01,instagram,spend,\"12,5\"\n",
        &ctx("ok.csv"),
    );
    assert_eq!(daily(&i, d(2026, 11, 1), Reach), Some(1234));
    assert_eq!(daily(&i, d(2026, 11, 1), Spend), Some(1250));
    // `;` files as before: `1.234` is a thousand, `1,5` a decimal.
    let i = ok(
        b"date;platform;metric;value\n2026-11-01;instagram;reach;1.234\n2026-11-01;instagram;spend;1,5\n",
        &ctx("semi.csv"),
    );
    assert_eq!(daily(&i, d(2026, 11, 1), Reach), Some(1234));
    assert_eq!(daily(&i, d(2026, 11, 1), Spend), Some(150));
}

/// A user's own `date,reach,views` is no YouTube table: it is the generic wide CSV,
/// which refuses `views` (not a key) and lists the keys; with the key it is read as the
/// platform `--platform` names.
#[test]
fn a_wide_csv_is_not_taken_for_youtube() {
    let c = Context {
        platform: Some(Platform::Instagram),
        ..ctx("w3.csv")
    };
    let e = read(b"date,reach,views\n2026-11-01,5,7\n", &c).unwrap_err();
    assert_eq!((e.line, e.column), (1, 3), "{e}");
    assert!(
        e.message.contains("\"views\"") && e.message.contains("video_views"),
        "{e}"
    );
    let i = ok(b"date,reach,video_views\n2026-11-01,5,7\n", &c);
    assert_eq!(i.formats, ["generic wide CSV"]);
    assert!(i.daily.iter().all(|v| v.platform == Platform::Instagram));
    assert_eq!(daily(&i, d(2026, 11, 1), VideoViews), Some(7));
    // YouTube's own table is still told by its columns, or by its Total row alone.
    let yt = ok(
        b"Date,Views\nTotal,7\n2026-11-01,7\n",
        &ctx("Table data.csv"),
    );
    assert_eq!(yt.formats, ["YouTube daily"]);
    let yt = ok(
        b"Date,Views,Subscribers\n2026-11-01,7,1\n",
        &ctx("Table data.csv"),
    );
    assert_eq!(yt.formats, ["YouTube daily"]);
}

/// An export that names its platform is not stored under another one `--platform`
/// names: it is refused, naming both.
#[test]
fn platform_flag_against_the_files_own() {
    let c = Context {
        platform: Some(Platform::Instagram),
        ..ctx("Table data.csv")
    };
    let e = read(b"Date,Views,Watch time (hours)\n2026-11-01,7,1.5\n", &c).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("platform"), "{e}");
    assert!(
        e.message.contains("YouTube") && e.message.contains("Instagram"),
        "{e}"
    );
    let same = Context {
        platform: Some(Platform::Youtube),
        ..ctx("Table data.csv")
    };
    assert!(read(b"Date,Views,Watch time (hours)\n2026-11-01,7,1.5\n", &same).is_ok());
    // A Meta page file whose title says Facebook, too.
    let meta = "sep=,\n\"Facebook follows\"\n\"Date\",\"Primary\"\n\"2025-08-01T00:00:00\",\"3\"\n";
    let e = read(meta.as_bytes(), &c).unwrap_err();
    assert!(e.message.contains("Facebook"), "{e}");
}

/// A year of days given to the ten-thousandth of an hour sums, in seconds, to the
/// file's Total to the report's precision and within a few seconds; a month too.
#[test]
fn watch_time_sums_match_the_total() {
    let start = d(2025, 11, 23);
    let mut rows = Vec::new();
    let mut total: i64 = 0; // ten-thousandths of an hour
    let mut october: i64 = 0;
    for k in 0..365i64 {
        // Values whose fractions of a minute were lost when rounded to whole minutes.
        let v = 85_000 + (k * 7_919) % 40_000 + [3, 7, 9, 1][k as usize % 4];
        let day = start + Duration::days(k);
        if day.month() == 10 {
            october += v;
        }
        total += v;
        rows.push(format!(
            "{day},{},{}.{:04}",
            100 + k,
            v / 10_000,
            v % 10_000
        ));
    }
    let csv = format!(
        "Date,Views,Watch time (hours)\nTotal,0,{}.{:04}\n{}\n",
        total / 10_000,
        total % 10_000,
        rows.join("\n")
    );
    let i = ok(csv.as_bytes(), &ctx("Table data.csv"));
    let seconds: i64 = i
        .daily
        .iter()
        .filter(|v| v.metric == WatchTime)
        .map(|v| v.value)
        .sum();
    // The file's total in seconds is total * 0.36.
    let exact = total as f64 * 0.36;
    assert!(
        (seconds as f64 - exact).abs() <= 18.0,
        "{seconds} vs {exact}"
    );
    let hours =
        |s: i64| crate::i18n::format::report_value("watch_time", Some(s as f64 / 3600.0), "EUR");
    let file_hours =
        |t: i64| crate::i18n::format::report_value("watch_time", Some(t as f64 / 10_000.0), "EUR");
    crate::i18n::with_lang(crate::i18n::Lang::En, || {
        assert_eq!(hours(seconds), file_hours(total));
        let oct: i64 = i
            .daily
            .iter()
            .filter(|v| v.metric == WatchTime && v.day.month() == 10)
            .map(|v| v.value)
            .sum();
        assert_eq!(hours(oct), file_hours(october));
        assert!((oct as f64 - october as f64 * 0.36).abs() <= 2.0);
    });
}

/// The limit a value may not pass is given in the file's unit: money in major units.
#[test]
fn out_of_range_in_the_files_unit() {
    let e = crate::i18n::with_lang(crate::i18n::Lang::En, || {
        read(
            b"date,platform,metric,value\n2026-11-01,instagram,spend,100000000000000\n",
            &ctx("spend.csv"),
        )
        .unwrap_err()
        .to_string()
    });
    assert!(
        e.contains("spend.csv:2:4") && e.contains("at most 10,000,000,000,000)"),
        "{e}"
    );
    let e = crate::i18n::with_lang(crate::i18n::Lang::En, || {
        read(
            b"date,platform,metric,value\n2026-11-01,youtube,watch_time,1000000000000\n",
            &ctx("w.csv"),
        )
        .unwrap_err()
        .to_string()
    });
    assert!(e.contains("at most 100,000,000,000)"), "{e}");
}

/// The generic long CSV says which of its columns it left out, as the other formats do.
#[test]
fn a_long_csv_names_the_columns_it_ignored() {
    let i = ok(
        b"date,platform,metric,value,note,\n2026-11-01,instagram,reach,5,launch,\n",
        &ctx("long.csv"),
    );
    assert_eq!(i.ignored.iter().collect::<Vec<_>>(), ["note"]);
    assert_eq!(daily(&i, d(2026, 11, 1), Reach), Some(5));
}
