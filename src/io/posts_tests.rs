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
            id: 10,
            client_id: 1,
            platform: Platform::Instagram,
            handle: "@b".into(),
        },
        Account {
            id: 11,
            client_id: 1,
            platform: Platform::Facebook,
            handle: "B".into(),
        },
        Account {
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
    let posts = with(|ctx| read(&fixture("plan.csv"), ctx)).unwrap();
    assert_eq!(posts.len(), 3);
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
