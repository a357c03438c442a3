use chrono::{NaiveDate, TimeZone, Utc};

use super::posts::{Context, read};
use crate::domain::post::PostStatus;
use crate::domain::strategy::{Campaign, CampaignStatus, Pillar};
use crate::domain::{Account, Platform};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/posts/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIX}{name}")).unwrap()
}

fn accounts() -> Vec<Account> {
    vec![
        Account {
            version: 0,
            id: 10,
            client_id: 1,
            platform: Platform::Instagram,
            handle: "@b".into(),
        },
        Account {
            version: 0,
            id: 11,
            client_id: 1,
            platform: Platform::Facebook,
            handle: "B".into(),
        },
        Account {
            version: 0,
            id: 12,
            client_id: 2,
            platform: Platform::Linkedin,
            handle: "other".into(),
        },
    ]
}

fn pillars() -> Vec<Pillar> {
    ["Products", "Behind the scenes"]
        .iter()
        .enumerate()
        .map(|(i, n)| Pillar {
            version: 0,
            id: i as i64 + 1,
            name: (*n).into(),
            share: 50,
            description: String::new(),
        })
        .collect()
}

fn campaigns() -> Vec<Campaign> {
    let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    vec![Campaign {
        version: 0,
        id: 5,
        name: "Bûches de Noël".into(),
        platforms: vec![],
        start: d,
        end: d,
        budget: None,
        objective_id: None,
        status: CampaignStatus::Active,
    }]
}

fn with<T>(f: impl FnOnce(&Context<'_>) -> T) -> T {
    let (a, p, c) = (accounts(), pillars(), campaigns());
    let ctx = Context {
        file: "plan.csv",
        client_id: 1,
        tz: "Europe/Paris".parse().unwrap(),
        accounts: &a,
        pillars: &p,
        campaigns: &c,
    };
    f(&ctx)
}

#[test]
fn reads_a_plan() {
    let read = with(|ctx| read(&fixture("plan.csv"), ctx)).unwrap();
    assert_eq!(read.len(), 3);
    let posts: Vec<_> = read.iter().map(|p| p.post.clone()).collect();
    let a = &posts[0];
    assert_eq!(a.accounts, vec![10, 11]);
    assert_eq!(a.status, PostStatus::Ready);
    assert_eq!(a.pillar_id, Some(1));
    assert_eq!(a.campaign_id, Some(5));
    assert_eq!(a.utm_campaign, "buches-de-noel");
    assert!(a.body.contains('\n'));
    assert_eq!(
        a.at,
        Some(Utc.with_ymd_and_hms(2026, 12, 1, 7, 30, 0).unwrap())
    );
    assert_eq!(
        posts[1].status,
        PostStatus::Draft,
        "empty status is a draft"
    );
    assert_eq!(posts[1].campaign_id, None);
    // The day clocks go back: 09:00 is CET, 08:00 UTC.
    assert_eq!(
        posts[2].at,
        Some(Utc.with_ymd_and_hms(2026, 10, 25, 8, 0, 0).unwrap())
    );
}

#[test]
fn errors_have_lines_and_fields() {
    let e = with(|ctx| read(&fixture("bad_platform.csv"), ctx)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "plan.csv:3: platforms: the client has no LinkedIn account; add it first"
    );
    let cases: [(&str, usize, &str); 6] = [
        ("2026-13-01,08:30,instagram,A,a,,,", 2, "date"),
        ("2026-12-01,8h30,instagram,A,a,,,", 2, "time"),
        ("2026-12-01,08:30,myspace,A,a,,,", 2, "platforms"),
        ("2026-12-01,08:30,instagram,A,a,Recipes,,", 2, "pillar"),
        ("2026-12-01,08:30,instagram,A,a,,,posted", 2, "status"),
        ("2026-03-29,02:30,instagram,A,a,,,", 2, "time"),
    ];
    for (row, line, field) in cases {
        let file = format!("date,time,platforms,title,body,pillar,campaign,status\n{row}\n");
        let e = with(|ctx| read(file.as_bytes(), ctx)).unwrap_err();
        assert_eq!(
            (e.line, e.field.as_deref()),
            (line, Some(field)),
            "{row}: {e}"
        );
    }
    let e = with(|ctx| read(b"date,time,title\n", ctx)).unwrap_err();
    assert!(
        e.message
            .contains("missing columns platforms, body, pillar, campaign, status"),
        "{e}"
    );
}

/// Each row has an identity: its external_id, else a fingerprint of what it says, the
/// same from one run to the next.
#[test]
fn rows_have_a_stable_identity() {
    let first = with(|ctx| read(&fixture("plan.csv"), ctx)).unwrap();
    let again = with(|ctx| read(&fixture("plan.csv"), ctx)).unwrap();
    let ids: Vec<&str> = first.iter().map(|p| p.external_id.as_str()).collect();
    assert_eq!(
        ids,
        again
            .iter()
            .map(|p| p.external_id.as_str())
            .collect::<Vec<_>>()
    );
    assert!(ids.iter().all(|id| id.starts_with("row:")), "{ids:?}");
    assert_eq!(ids.len(), 3);
    assert!(ids[0] != ids[1] && ids[1] != ids[2]);
    // Platforms in another order are the same row.
    let csv = |platforms: &str| {
        format!(
            "date,time,platforms,title,body,pillar,campaign,status\n2026-12-01,08:30,{platforms},A,a,,,\n"
        )
    };
    let a = with(|ctx| read(csv("instagram;facebook").as_bytes(), ctx)).unwrap();
    let b = with(|ctx| read(csv("\"facebook; instagram\"").as_bytes(), ctx)).unwrap();
    assert_eq!(a[0].external_id, b[0].external_id);
    // The optional column wins.
    let with_id = "date,time,platforms,title,body,pillar,campaign,status,external_id\n\
                   2026-12-01,08:30,instagram,A,a,,,,plan-42\n2026-12-02,08:30,instagram,B,b,,,,\n";
    let r = with(|ctx| read(with_id.as_bytes(), ctx)).unwrap();
    assert_eq!(r[0].external_id, "plan-42");
    assert!(
        r[1].external_id.starts_with("row:"),
        "an empty id: the fingerprint"
    );
}

/// French Excel saves with `;` between cells (and quotes a cell holding `;`).
#[test]
fn a_plan_saved_by_french_excel() {
    let text = "\u{feff}date;time;platforms;title;body;pillar;campaign;status\r\n\
                2026-12-01;08:30;\"instagram;facebook\";Advent day 1;Jour 1, enfin;Products;;ready\r\n";
    let r = with(|ctx| read(text.as_bytes(), ctx)).unwrap();
    assert_eq!(r[0].post.accounts, vec![10, 11]);
    assert_eq!(r[0].post.body, "Jour 1, enfin");
    // UTF-16 without a byte-order mark, as some tools save "Unicode text".
    let utf16: Vec<u8> = "date,time,platforms,title,body,pillar,campaign,status\n2026-12-02,12:00,instagram,T,b,,,\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let r = with(|ctx| read(&utf16, ctx)).unwrap();
    assert_eq!(r[0].post.title, "T");
}

/// A hostile cell is quoted harmlessly and briefly, with its line and column.
#[test]
fn hostile_cells_are_cut_and_made_visible() {
    let evil = format!("\u{1b}]0;PWNED\u{7}{}", "x".repeat(100_000));
    let text = format!(
        "date,time,platforms,title,body,pillar,campaign,status\n{evil},08:30,instagram,A,a,,,\n"
    );
    let e = with(|ctx| read(text.as_bytes(), ctx)).unwrap_err();
    let shown = e.to_string();
    assert!(shown.starts_with("plan.csv:2:1: date: "), "{shown}");
    assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
    assert!(shown.contains("^[]0;PWNED^G"), "{shown}");
    assert!(shown.len() < 200, "{}", shown.len());
}
