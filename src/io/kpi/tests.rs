use std::io::Write;

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

fn ctx<'a>(file: &'a str, platform: Option<Platform>) -> Context<'a> {
    Context {
        platform,
        ..Context::new(file, d(2026, 11, 22))
    }
}

fn read_fixture(name: &str, platform: Option<Platform>) -> Imported {
    read(&fixture(name), &ctx(name, platform)).unwrap_or_else(|e| panic!("{e}"))
}

fn daily(i: &Imported, p: Platform, day: NaiveDate, m: Metric) -> Option<i64> {
    i.daily
        .iter()
        .find(|v| v.platform == p && v.day == day && v.metric == m)
        .map(|v| v.value)
}

fn post(i: &Imported, id: &str, m: Metric) -> Option<i64> {
    i.posts
        .iter()
        .find(|v| v.external_id == id && v.metric == m)
        .map(|v| v.value)
}

#[test]
fn generic_long() {
    let i = read_fixture("long.csv", None);
    assert_eq!(i.rows, 5);
    assert_eq!(
        daily(&i, Platform::Instagram, d(2026, 11, 17), Impressions),
        Some(1300)
    );
    assert_eq!(
        daily(&i, Platform::Facebook, d(2026, 11, 17), Spend),
        Some(1250),
        "money in minor units"
    );
    assert_eq!(
        daily(&i, Platform::Instagram, d(2026, 11, 22), Followers),
        Some(1540)
    );
}

#[test]
fn generic_wide_needs_a_platform() {
    let e = read(&fixture("wide.csv"), &ctx("wide.csv", None)).unwrap_err();
    assert!(e.message.contains("--platform"), "{e}");
    // Its `notes` column is no metric key: refused, as a long CSV's row would be.
    let e = read(
        &fixture("wide_notes.csv"),
        &ctx("wide_notes.csv", Some(Platform::Linkedin)),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (1, 7), "{e}");
    assert!(
        e.message
            .contains("\"notes\" is not a canonical metric key"),
        "{e}"
    );
    let i = read_fixture("wide.csv", Some(Platform::Linkedin));
    assert_eq!(
        daily(&i, Platform::Linkedin, d(2026, 11, 16), Engagements),
        Some(45)
    );
    assert_eq!(
        daily(&i, Platform::Linkedin, d(2026, 11, 17), Clicks),
        None,
        "a dash is no value"
    );
}

#[test]
fn x_tweet_activity_with_bom_floats_and_dashes() {
    let i = read_fixture(
        "tweet_activity_metrics_mapleandpine_20261101_20261130_en.csv",
        None,
    );
    assert_eq!(i.formats, ["X tweet activity"]);
    let id = "1862000000000000001";
    assert_eq!(post(&i, id, Impressions), Some(424));
    assert_eq!(post(&i, id, Shares), Some(2), "retweets");
    assert_eq!(post(&i, id, Comments), Some(1), "replies");
    assert_eq!(post(&i, id, ProfileVisits), Some(4));
    assert_eq!(post(&i, id, Clicks), Some(6), "url clicks");
    assert_eq!(post(&i, id, NewFollows), Some(1));
    assert_eq!(post(&i, "1862000000000000002", Impressions), Some(1210));
    assert!(
        i.posts
            .iter()
            .all(|p| p.platform == Platform::X && p.day == d(2026, 11, 18)
                || p.day == d(2026, 11, 20))
    );
    assert!(i.ignored.contains("promoted impressions"));
}

#[test]
fn x_current_exports() {
    let i = read_fixture("account_analytics_content_2026-09-01_2026-09-30.csv", None);
    let id = "1834000000000000001";
    assert_eq!(post(&i, id, Shares), Some(9), "reposts 7 + shares 2");
    assert_eq!(post(&i, id, Saves), Some(5), "bookmarks");
    assert_eq!(i.posts[0].day, d(2026, 9, 12));
    let o = read_fixture("account_overview_analytics.csv", None);
    assert_eq!(o.formats, ["X account overview"]);
    assert_eq!(daily(&o, Platform::X, d(2026, 9, 13), Shares), Some(13));
    assert_eq!(
        daily(&o, Platform::X, d(2026, 9, 12), VideoViews),
        Some(300)
    );
    assert!(o.posts.is_empty());
}

#[test]
fn facebook_posts_with_bom_and_lifetime() {
    let i = read_fixture("facebook_posts.csv", None);
    let id = "1234567890_111";
    assert_eq!(post(&i, id, Impressions), Some(5400), "views");
    assert_eq!(post(&i, id, Engagements), Some(210));
    assert_eq!(post(&i, id, Likes), Some(150), "reactions");
    assert_eq!(post(&i, id, Clicks), Some(95), "total clicks");
    assert_eq!(
        i.posts.iter().find(|p| p.external_id == id).unwrap().day,
        d(2026, 11, 3)
    );
    assert_eq!(
        i.posts.iter().find(|p| p.external_id == id).unwrap().title,
        "",
        "empty title"
    );
    assert_eq!(
        i.posts
            .iter()
            .find(|p| p.external_id == "1234567890_112")
            .unwrap()
            .title,
        "Opening hours"
    );
}

#[test]
fn meta_page_files_in_utf16() {
    let i = read_fixture("Follows.csv", None);
    assert_eq!(
        daily(&i, Platform::Facebook, d(2025, 8, 1), NewFollows),
        Some(12)
    );
    assert_eq!(i.daily.len(), 3);
    let v = read_fixture("Views.csv", None);
    assert_eq!(
        daily(&v, Platform::Instagram, d(2025, 8, 2), Impressions),
        Some(1720)
    );
}

#[test]
fn instagram_posts() {
    let i = read_fixture("instagram_posts.csv", None);
    let id = "17900000000000002";
    assert_eq!(post(&i, id, Impressions), Some(8000));
    assert_eq!(post(&i, id, Saves), Some(75));
    assert_eq!(post(&i, id, NewFollows), Some(11));
    assert_eq!(
        i.posts.iter().find(|p| p.external_id == id).unwrap().day,
        d(2026, 11, 18)
    );
}

#[test]
fn tiktok_without_years_and_undefined() {
    let i = read_fixture("Overview.csv", None);
    assert_eq!(
        daily(&i, Platform::Tiktok, d(2026, 8, 31), VideoViews),
        Some(1200)
    );
    assert_eq!(
        daily(&i, Platform::Tiktok, d(2026, 9, 1), ProfileVisits),
        None,
        "undefined"
    );
    let f = read_fixture("FollowerHistory.csv", None);
    assert_eq!(
        daily(&f, Platform::Tiktok, d(2026, 9, 1), Followers),
        Some(5133)
    );
    let c = read_fixture("Content.csv", None);
    assert_eq!(
        post(
            &c,
            "https://www.tiktok.com/@marcel_fournil/video/7400000000000000001",
            VideoViews
        ),
        Some(9800)
    );
    // Read in early January, "August 31" is in the year before.
    let early = Context::new("Overview.csv", d(2027, 1, 5));
    let i = read(&fixture("Overview.csv"), &early).unwrap();
    assert!(i.daily.iter().all(|v| v.day.year() == 2026));
}

#[test]
fn tiktok_zip_archive() {
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for name in ["Overview.csv", "FollowerHistory.csv", "Content.csv"] {
            z.start_file(name, opts).unwrap();
            z.write_all(&fixture(name)).unwrap();
        }
        z.start_file("README.txt", opts).unwrap();
        z.write_all(b"exported by TikTok Studio").unwrap();
        z.finish().unwrap();
    }
    let i = read(buf.get_ref(), &ctx("tiktok.zip", None)).unwrap();
    assert_eq!(i.formats.len(), 3);
    assert_eq!(i.rows, 5);
    assert!(i.posts.len() == 4 && !i.daily.is_empty());
}

#[test]
fn youtube_skips_the_total_row() {
    let i = read_fixture("Table data.csv", None);
    assert_eq!(i.rows, 2);
    assert_eq!(post(&i, "dQw4w9WgXcQ", VideoViews), Some(9000));
    assert_eq!(post(&i, "dQw4w9WgXcQ", NewFollows), Some(80));
    assert_eq!(post(&i, "Total", VideoViews), None);
    // 500.1 hours, stored in seconds.
    assert_eq!(post(&i, "dQw4w9WgXcQ", WatchTime), Some(1_800_360));
}

/// LinkedIn's exports are spreadsheets: written here with a spreadsheet writer from the
/// facts in FORMATS.md, read back through calamine.
#[test]
fn linkedin_xlsx_content_and_followers() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let m = wb.add_worksheet().set_name("Metrics").unwrap();
    let head = [
        "Date",
        "Impressions (organic)",
        "Impressions (sponsored)",
        "Impressions (total)",
        "Unique impressions (organic)",
        "Clicks (total)",
        "Reactions (total)",
        "Comments (total)",
        "Reposts (total)",
        "Engagement rate (total)",
    ];
    for (c, h) in head.iter().enumerate() {
        m.write_string(0, c as u16, *h).unwrap();
    }
    m.write_string(1, 0, "11/16/2026").unwrap();
    for (c, v) in [900.0, 100.0, 1000.0, 700.0, 25.0, 40.0, 6.0, 3.0, 0.074]
        .iter()
        .enumerate()
    {
        m.write_number(1, c as u16 + 1, *v).unwrap();
    }
    let p = wb.add_worksheet().set_name("All posts").unwrap();
    p.write_string(
        0,
        0,
        "All posts published between 11/01/2026 and 11/30/2026",
    )
    .unwrap();
    let head = [
        "Post title",
        "Post link",
        "Post type",
        "Campaign name",
        "Posted by",
        "Created date",
        "Impressions",
        "Views",
        "Clicks",
        "Click through rate (CTR)",
        "Likes",
        "Comments",
        "Reposts",
        "Follows",
        "Engagement rate",
        "Content Type",
    ];
    for (c, h) in head.iter().enumerate() {
        p.write_string(1, c as u16, *h).unwrap();
    }
    p.write_string(2, 0, "Loft reveal").unwrap();
    p.write_string(
        2,
        1,
        "https://www.linkedin.com/feed/update/urn:li:activity:1",
    )
    .unwrap();
    p.write_string(2, 5, "11/18/2026").unwrap();
    for (c, v) in [
        (6, 3000.0),
        (8, 120.0),
        (10, 80.0),
        (11, 12.0),
        (12, 5.0),
        (13, 7.0),
    ] {
        p.write_number(2, c, v).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let i = read(&bytes, &ctx("content.xlsx", None)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        daily(&i, Platform::Linkedin, d(2026, 11, 16), Impressions),
        Some(1000)
    );
    assert_eq!(
        daily(&i, Platform::Linkedin, d(2026, 11, 16), Shares),
        Some(3),
        "reposts"
    );
    assert_eq!(
        post(
            &i,
            "https://www.linkedin.com/feed/update/urn:li:activity:1",
            Clicks
        ),
        Some(120)
    );
    assert_eq!(i.posts[0].day, d(2026, 11, 18));
    assert_eq!(i.posts[0].title, "Loft reveal");

    let mut wb = Workbook::new();
    let f = wb.add_worksheet().set_name("New followers").unwrap();
    for (c, h) in [
        "Date",
        "Sponsored followers",
        "Organic followers",
        "Auto-invited followers",
        "Total followers",
    ]
    .iter()
    .enumerate()
    {
        f.write_string(0, c as u16, *h).unwrap();
    }
    f.write_string(1, 0, "11/16/2026").unwrap();
    for (c, v) in [1.0, 6.0, 0.0, 7.0].iter().enumerate() {
        f.write_number(1, c as u16 + 1, *v).unwrap();
    }
    let i = read(&wb.save_to_buffer().unwrap(), &ctx("followers.xlsx", None)).unwrap();
    assert_eq!(
        daily(&i, Platform::Linkedin, d(2026, 11, 16), NewFollows),
        Some(7)
    );
}

#[test]
fn errors_carry_file_line_and_field() {
    let e = read(&fixture("bad_number.csv"), &ctx("bad_number.csv", None)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "bad_number.csv:3:4: value: \"lots\" is not a number"
    );
    let e = read(b"a,b\n1,2\n", &ctx("x.csv", None)).unwrap_err();
    assert!(e.message.contains("no analytics table"), "{e}");
    let e = read(
        b"date,platform,metric,value\n2026-11-16,instagram,likez,3\n",
        &ctx("y.csv", None),
    )
    .unwrap_err();
    assert_eq!((e.line, e.field.as_deref()), (2, Some("metric")));
    let e = read(
        &fixture("long.csv"),
        &Context {
            format: "youtube table data",
            ..ctx("long.csv", None)
        },
    )
    .unwrap_err();
    assert!(e.message.contains("does not match"), "{e}");
    let e = read(b"PK\x03\x04garbage", &ctx("z.zip", None)).unwrap_err();
    assert!(e.message.contains("zip"), "{e}");
}

#[test]
fn no_panic_on_mangled_files() {
    let names = [
        "long.csv",
        "facebook_posts.csv",
        "Follows.csv",
        "Overview.csv",
        "Table data.csv",
        "tweet_activity_metrics_mapleandpine_20261101_20261130_en.csv",
    ];
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for name in names {
        let seed = fixture(name);
        for _ in 0..200 {
            let mut b = seed.clone();
            for _ in 0..(next() % 6 + 1) {
                if b.is_empty() {
                    break;
                }
                let i = (next() as usize) % b.len();
                match next() % 3 {
                    0 => b[i] = next() as u8,
                    1 => {
                        b.remove(i);
                    }
                    _ => b.truncate(i),
                }
            }
            let _ = read(&b, &ctx("fuzz", Some(Platform::X)));
        }
    }
}

/// A real binary .xls (BIFF8), written once by a spreadsheet library from the facts in
/// FORMATS.md and kept as a fixture: the same calamine path reads it.
#[test]
fn linkedin_binary_xls() {
    let i = read_fixture("linkedin_content.xls", None);
    assert!(
        i.formats.contains(&"LinkedIn page metrics".to_string()),
        "{:?}",
        i.formats
    );
    assert!(i.formats.contains(&"LinkedIn posts".to_string()));
    assert_eq!(
        daily(&i, Platform::Linkedin, d(2026, 11, 17), Impressions),
        Some(1060)
    );
    assert_eq!(
        daily(&i, Platform::Linkedin, d(2026, 11, 17), Shares),
        Some(2),
        "older files say Shares"
    );
    assert_eq!(
        post(
            &i,
            "https://www.linkedin.com/feed/update/urn:li:activity:2",
            NewFollows
        ),
        Some(7)
    );
}
