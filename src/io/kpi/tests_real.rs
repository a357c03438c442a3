//! Files as people really get them from the platforms (issue 17), written as fixtures
//! from the facts in FORMATS.md, and files an attacker would send.

use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::domain::metric::Metric::*;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kpi/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIX}{name}")).unwrap()
}

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

fn sum(i: &Imported, m: Metric, year: Option<i32>) -> i64 {
    i.daily
        .iter()
        .filter(|v| v.metric == m && year.is_none_or(|y| v.day.year() == y))
        .map(|v| v.value)
        .sum()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        for (name, data) in entries {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// Issue 17 point 5: a 365-day Overview from "February 28" to "February 27", read on 22
/// November 2026 whatever the file's date: the last row is 27 February 2026, the first
/// 28 February 2025; no view lands a year late.
#[test]
fn tiktok_years_come_from_the_rows() {
    let name = "tiktok_year/Overview.csv";
    let i = ok(&fixture(name), &ctx(name));
    assert_eq!(i.formats, ["TikTok overview"]);
    assert_eq!(i.rows, 365);
    let days: Vec<NaiveDate> = i
        .daily
        .iter()
        .filter(|v| v.metric == ProfileVisits)
        .map(|v| v.day)
        .collect();
    assert_eq!(days.first(), Some(&d(2025, 2, 28)));
    assert_eq!(days.last(), Some(&d(2026, 2, 27)));
    assert_eq!(i.inferred, Some((d(2025, 2, 28), d(2026, 2, 27))));
    assert_eq!(i.reference, Some(d(2026, 11, 22)));
    // The fixture's own figures: 2,901,524 views, 2,439,703 of them in 2025.
    assert_eq!(sum(&i, VideoViews, None), 2_901_524);
    assert_eq!(sum(&i, VideoViews, Some(2025)), 2_439_703);
    assert!(i.daily.iter().all(|v| v.day <= d(2026, 2, 27)));
    // --last-date moves the whole range.
    let c = Context {
        last_date: Some(d(2025, 2, 27)),
        ..ctx(name)
    };
    let moved = ok(&fixture(name), &c);
    assert_eq!(moved.inferred, Some((d(2024, 2, 28), d(2025, 2, 27))));
    assert_eq!(sum(&moved, VideoViews, Some(2024)), 2_439_703);
    // A date the file name carries stands for today.
    let named = "Overview_2025-03-01.csv";
    let n = ok(&fixture(name), &ctx(named));
    assert_eq!(n.inferred, Some((d(2024, 2, 28), d(2025, 2, 27))));
}

/// Content's post times take the latest date on or before the end of the Overview's
/// range when both come in one zip; alone, on or before today.
#[test]
fn tiktok_post_times_follow_the_overview() {
    let overview = fixture("tiktok_year/Overview.csv");
    let content = fixture("tiktok_year/Content.csv");
    let z = zip_of(&[("Content.csv", &content), ("Overview.csv", &overview)]);
    let i = ok(&z, &ctx("tiktok_export.zip"));
    let day_of = |i: &Imported, id: &str| {
        i.posts
            .iter()
            .find(|p| p.external_id.ends_with(id))
            .map(|p| p.day)
    };
    assert_eq!(
        day_of(&i, "0001"),
        Some(d(2025, 6, 10)),
        "June before Feb 27"
    );
    assert_eq!(day_of(&i, "0002"), Some(d(2025, 12, 24)));
    assert_eq!(day_of(&i, "0003"), Some(d(2026, 2, 14)));
    let alone = ok(&content, &ctx("Content.csv"));
    assert_eq!(day_of(&alone, "0001"), Some(d(2026, 6, 10)));
}

/// Point 6: TikTok's 2025 overview: `YYYY/MM/DD`, a header with a trailing space, `NAN`
/// and `--` for empty cells, a BOM.
#[test]
fn tiktok_2025_overview() {
    let name = "Overview 2025.csv";
    let i = ok(&fixture(name), &ctx(name));
    assert_eq!(i.formats, ["TikTok overview"]);
    assert_eq!(i.rows, 5);
    let day = d(2025, 10, 27);
    assert_eq!(daily(&i, day, VideoViews), Some(1520));
    assert_eq!(daily(&i, day, Reach), Some(1210), "reached audience");
    assert_eq!(daily(&i, day, ProfileVisits), Some(34));
    assert_eq!(daily(&i, day, Likes), Some(210));
    assert_eq!(daily(&i, day, Shares), Some(12));
    assert_eq!(daily(&i, day, Comments), Some(9));
    assert_eq!(daily(&i, day, NewFollows), Some(7), "new followers");
    assert_eq!(daily(&i, d(2025, 10, 29), VideoViews), None, "--");
    assert_eq!(daily(&i, d(2025, 10, 31), VideoViews), None, "NAN");
    assert_eq!(daily(&i, d(2025, 10, 31), Reach), Some(980));
    assert!(i.ignored.contains("phone number clicks"), "{:?}", i.ignored);
    assert!(i.ignored.contains("net growth"));
    assert_eq!(i.inferred, None, "these dates carry their year");
}

/// Point 7: YouTube's `Table data.csv` grouped by Date: account-level daily values,
/// watch time in hours kept as a metric, revenue in USD left out for a client in EUR.
#[test]
fn youtube_daily_table() {
    let name = "youtube_daily/Table data.csv";
    let i = ok(&fixture(name), &ctx(name));
    assert_eq!(i.formats, ["YouTube daily"]);
    assert_eq!(i.rows, 365, "the Total row is not a day");
    assert!(i.posts.is_empty());
    assert!(i.daily.iter().all(|v| v.platform == Platform::Youtube));
    // The Total row says 454,910 views and 15,794.356 hours.
    assert_eq!(sum(&i, VideoViews, None), 454_910);
    let seconds = sum(&i, WatchTime, None);
    assert!(
        (seconds - 56_859_682).abs() <= 18,
        "15,794.356 h is 56,859,681.6 s; within 0.005 h: {seconds}"
    );
    assert_eq!(
        daily(&i, d(2025, 11, 22), WatchTime),
        Some(99_936),
        "27.76 h"
    );
    assert_eq!(sum(&i, Revenue, None), 0);
    assert_eq!(
        i.notes.iter().collect::<Vec<_>>(),
        [&Note::OtherCurrency {
            column: "Estimated revenue (USD)".into(),
            currency: "USD".into()
        }]
    );
    assert!(i.ignored.contains("average view duration"));
    // A client paid in dollars keeps it, in cents.
    let usd = Context {
        currency: "USD",
        ..ctx(name)
    };
    let u = ok(&fixture(name), &usd);
    assert_eq!(daily(&u, d(2025, 11, 22), Revenue), Some(168), "$1.680");
    assert!(u.notes.is_empty());
}

/// Point 7 also: the by-Content table's watch time is no longer ignored.
#[test]
fn youtube_content_watch_time() {
    let i = ok(&fixture("Table data.csv"), &ctx("Table data.csv"));
    assert_eq!(i.formats, ["YouTube table data"]);
    assert!(!i.ignored.contains("watch time (hours)"));
    assert!(
        i.posts
            .iter()
            .any(|p| p.metric == WatchTime && p.value == 1_800_360)
    );
}

/// Point 8: X times are UTC; a tweet at 23:44 UTC on 8 December went out on 9 December
/// in Paris, and on the 8th in Los Angeles.
#[test]
fn x_times_count_on_the_clients_day() {
    let name = "tweet_activity_metrics_nightowlcafe_20161201_20161231_en.csv";
    let i = ok(&fixture(name), &ctx(name));
    let day = |i: &Imported, id: &str| i.posts.iter().find(|p| p.external_id == id).map(|p| p.day);
    assert_eq!(day(&i, "806989000000000001"), Some(d(2016, 12, 9)));
    assert_eq!(day(&i, "806989000000000002"), Some(d(2016, 12, 9)));
    let la = Context {
        tz: chrono_tz::America::Los_Angeles,
        ..ctx(name)
    };
    let i = ok(&fixture(name), &la);
    assert_eq!(day(&i, "806989000000000001"), Some(d(2016, 12, 8)));
    assert_eq!(day(&i, "806989000000000002"), Some(d(2016, 12, 8)));
}

/// Point 9: the older X header says `Share`; it adds to shares like `Shares`.
#[test]
fn x_share_singular() {
    let name = "account_analytics_content_2026-09-15_2026-09-16.csv";
    let i = ok(&fixture(name), &ctx(name));
    let shares = i.posts.iter().find(|p| p.metric == Shares).map(|p| p.value);
    assert_eq!(shares, Some(12), "Share 4 + Reposts 8");
    assert!(!i.ignored.contains("share"));
}

/// Point 10: files saved again by (French) Excel: `;` between cells, no `sep=` line, the
/// title padded with an empty cell, dates day first; UTF-16 without a BOM.
#[test]
fn files_saved_again_by_excel() {
    let name = "Follows (Excel).csv";
    let i = ok(&fixture(name), &ctx(name));
    assert_eq!(i.formats, ["Meta page new_follows"]);
    assert_eq!(daily(&i, d(2025, 8, 1), NewFollows), Some(12));
    assert_eq!(daily(&i, d(2025, 8, 3), NewFollows), Some(15));
    let name = "instagram_posts (Excel).csv";
    let i = ok(&fixture(name), &ctx(name));
    assert_eq!(i.formats, ["Instagram posts"]);
    let p = |id: &str, m: Metric| {
        i.posts
            .iter()
            .find(|p| p.external_id == id && p.metric == m)
            .map(|p| (p.day, p.value))
    };
    // 11/18 can only be month first, whatever the separator suggests.
    assert_eq!(
        p("17900000000000101", Impressions),
        Some((d(2026, 11, 18), 8000))
    );
    assert_eq!(p("17900000000000102", Reach), Some((d(2026, 11, 20), 9800)));
    let name = "Views (no BOM).csv";
    let v = ok(&fixture(name), &ctx(name));
    assert_eq!(v.formats, ["Meta page impressions"]);
    assert_eq!(daily(&v, d(2025, 8, 2), Impressions), Some(1720));
}

/// Decimal commas in a `;` file are decimals, not thousands.
#[test]
fn french_excel_numbers() {
    let csv = "date;platform;metric;value\r\n2026-11-16;youtube;watch_time;12,5\r\n2026-11-16;instagram;spend;1 234,56\r\n";
    let i = ok(csv.as_bytes(), &ctx("long.csv"));
    assert_eq!(daily(&i, d(2026, 11, 16), WatchTime), Some(45_000));
    assert_eq!(daily(&i, d(2026, 11, 16), Spend), Some(123_456));
}

/// The generic CSVs' metric names are listed where a wrong one is named.
#[test]
fn a_wrong_metric_key_lists_the_right_ones() {
    let e = read(
        b"date,platform,metric,value\n2026-11-16,instagram,likez,3\n",
        &ctx("y.csv"),
    )
    .unwrap_err();
    for key in Metric::canonical_keys() {
        assert!(e.message.contains(key), "{key}: {e}");
    }
    assert_eq!(e.column, 3);
}

/// Out-of-range values are refused with their line and column.
#[test]
fn values_out_of_range() {
    let cases = [
        ("2026-11-16,instagram,impressions,1e300", "1e300"),
        ("2026-11-16,instagram,followers,-5", "-5"),
        ("2026-11-16,instagram,reach,-1", "-1"),
    ];
    for (row, value) in cases {
        let csv = format!("date,platform,metric,value\n{row}\n");
        let e = read(csv.as_bytes(), &ctx("v.csv")).unwrap_err();
        assert_eq!((e.line, e.column), (2, 4), "{e}");
        assert!(e.message.contains(value), "{e}");
        assert!(e.to_string().starts_with("v.csv:2:4: value: "), "{e}");
    }
    let wide = "date,followers,reach\n2026-11-16,120,-4\n";
    let e = read(
        wide.as_bytes(),
        &Context {
            platform: Some(Platform::X),
            ..ctx("w.csv")
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "w.csv:2:3: reach: \"-4\" is below zero: reach cannot be"
    );
    // YouTube's subscribers are net: they may go below zero.
    let ok_net = "date,platform,metric,value\n2026-11-16,youtube,new_follows,-3\n";
    assert_eq!(ok(ok_net.as_bytes(), &ctx("n.csv")).daily[0].value, -3);
}

/// An escape sequence in a cell or a header is shown as visible text, cut short.
#[test]
fn escape_sequences_are_shown_harmless() {
    let osc52 = "\u{1b}]52;c;cHduZWQ=\u{7}";
    let csv = format!(
        "date,platform,metric,value\n\u{1b}]0;PWNED\u{7}{},instagram,likes,3\n",
        "y".repeat(1_000_000)
    );
    let e = read(csv.as_bytes(), &ctx("evil.csv")).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("^[]0;PWNED^G"), "{text}");
    assert!(!text.chars().any(char::is_control), "{text:?}");
    assert!(text.chars().count() < 160, "cut: {}", text.chars().count());
    // A wide CSV refuses a column that is no metric key: shown harmless.
    let wide = format!("date,likes,{osc52}\n2026-11-16,3,4\n");
    let e = read(
        wide.as_bytes(),
        &Context {
            platform: Some(Platform::X),
            ..ctx("w.csv")
        },
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("^[]52;c;cHduZWQ=^G"), "{e}");
    assert!(!e.chars().any(char::is_control), "{e:?}");
    // A named export leaves such a column out: kept raw in data, the command line shows
    // it through the sanitizer.
    let tiktok = format!("Date,Video Views,Profile Views,{osc52}\n2026-11-16,3,4,5\n");
    let i = ok(tiktok.as_bytes(), &ctx("Overview.csv"));
    assert!(i.ignored.iter().any(|h| h.contains('\u{1b}')));
}

/// Zip bombs, nested zips and lying workbooks are refused before they cost memory.
#[test]
fn hostile_archives() {
    // 40 MB of one byte compresses to a few dozen KB.
    let big = vec![b'7'; 40 * 1024 * 1024];
    let bomb = zip_of(&[("Overview.csv", &big)]);
    assert!(bomb.len() < 200 * 1024, "{}", bomb.len());
    let small = Context {
        limits: Limits {
            max_bytes: 8 * 1024 * 1024,
        },
        ..ctx("bomb.zip")
    };
    let e = read(&bomb, &small).unwrap_err();
    assert!(e.message.contains("--max-size"), "{e}");
    assert!(e.message.contains("8 MB"), "{e}");
    // A zip in a zip, in a zip...: refused at the first level.
    let mut nested = zip_of(&[("Overview.csv", &fixture("Overview.csv"))]);
    for level in 0..50 {
        nested = zip_of(&[(&format!("level{level}.zip"), &nested)]);
    }
    let e = read(&nested, &ctx("nested.zip")).unwrap_err();
    assert!(e.message.contains("zip inside a zip"), "{e}");
    // A workbook whose shared strings claim more than their bytes hold.
    for count in ["4000000000", "18446744073709551615"] {
        let sst = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}"><si><t>Date</t></si></sst>"#
        );
        let xlsx = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/sharedStrings.xml", sst.as_bytes()),
        ]);
        let e = read(&xlsx, &ctx("lying.xlsx")).unwrap_err();
        assert!(e.message.contains("strings"), "{count}: {e}");
    }
    // Too many entries.
    let names: Vec<String> = (0..1001).map(|i| format!("{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let e = read(&zip_of(&entries), &ctx("many.zip")).unwrap_err();
    assert!(e.message.contains("1001"), "{e}");
}

/// Two cells at A1 and far away do not make a rectangle of billions of cells.
#[test]
fn a_sparse_sheet_stays_small() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.write_string(0, 0, "Date").unwrap();
    s.write_string(0, 1, "Impressions (total)").unwrap();
    s.write_string(1, 0, "11/16/2026").unwrap();
    s.write_number(1, 1, 5.0).unwrap();
    let notes = wb.add_worksheet().set_name("Notes").unwrap();
    notes.write_string(0, 0, "near").unwrap();
    notes.write_string(1_048_000, 16_000, "far away").unwrap();
    let i = ok(&wb.save_to_buffer().unwrap(), &ctx("sparse.xlsx"));
    assert_eq!(daily(&i, d(2026, 11, 16), Impressions), Some(5));
}
