use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::*;
use crate::domain::post::{Post, PostStatus};
use crate::domain::{AccountDraft, ClientDraft, Platform};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}
fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn setup() -> (Store, i64, i64, i64) {
    let s = Store::open_in_memory().unwrap();
    let mut c = ClientDraft::new("Bakery");
    c.timezone = "Europe/Paris".into();
    let id = s.insert_client(&c, now()).unwrap();
    let ig = s
        .insert_account(
            id,
            &AccountDraft {
                platform: Platform::Instagram,
                handle: "@b".into(),
            },
            now(),
        )
        .unwrap();
    let fb = s
        .insert_account(
            id,
            &AccountDraft {
                platform: Platform::Facebook,
                handle: "B".into(),
            },
            now(),
        )
        .unwrap();
    (s, id, ig, fb)
}

fn post(client: i64, accounts: Vec<i64>, when: Option<&str>, title: &str) -> Post {
    let mut p = Post {
        client_id: client,
        accounts,
        title: title.into(),
        body: format!("{title} body"),
        ..Post::default()
    };
    p.schedule(when.map(local), "Europe/Paris".parse().unwrap());
    p
}

#[test]
fn posts_round_trip_with_accounts() {
    let (s, c, ig, fb) = setup();
    let mut p = post(c, vec![ig, fb], Some("2026-11-24 09:30"), "Advent calendar");
    p.status = PostStatus::Ready;
    p.link = "https://shop.example".into();
    p.id = s.tx().save_post(&p, now()).unwrap();
    assert_eq!(s.post(p.id).unwrap(), p);
    p.accounts = vec![fb];
    p.title = "Renamed".into();
    s.tx().save_post(&p, now()).unwrap();
    assert_eq!(s.post(p.id).unwrap(), p);
    s.tx().set_post_deleted(p.id, Some(now())).unwrap();
    assert!(
        s.posts_between(Some(c), d(2026, 11, 1), d(2026, 12, 1))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn ranges_follow_the_wall_clock_day() {
    let (s, c, ig, _) = setup();
    for (when, title) in [
        ("2026-11-30 23:30", "late"),
        ("2026-12-01 00:10", "early"),
        ("2026-11-01 00:00", "first"),
    ] {
        s.tx()
            .save_post(&post(c, vec![ig], Some(when), title), now())
            .unwrap();
    }
    s.tx()
        .save_post(&post(c, vec![ig], None, "idea"), now())
        .unwrap();
    let nov: Vec<String> = s
        .posts_between(Some(c), d(2026, 11, 1), d(2026, 12, 1))
        .unwrap()
        .into_iter()
        .map(|p| p.title)
        .collect();
    assert_eq!(nov, ["first", "late"]);
    let agenda: Vec<String> = s
        .posts_matching(&PostFilter {
            client: Some(c),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|p| p.title)
        .collect();
    assert_eq!(
        agenda,
        ["first", "late", "early", "idea"],
        "dated first, ideas last"
    );
}

#[test]
fn agenda_filters() {
    let (s, c, ig, fb) = setup();
    let mut a = post(c, vec![ig], Some("2026-11-24 09:30"), "Croissant reel");
    a.status = PostStatus::Scheduled;
    s.tx().save_post(&a, now()).unwrap();
    s.tx()
        .save_post(
            &post(c, vec![fb], Some("2026-11-25 12:00"), "Opening hours"),
            now(),
        )
        .unwrap();
    let ig_only = PostFilter {
        platform: Some(Platform::Instagram),
        ..Default::default()
    };
    assert_eq!(s.posts_matching(&ig_only).unwrap().len(), 1);
    let sched = PostFilter {
        status: Some(PostStatus::Scheduled),
        ..Default::default()
    };
    assert_eq!(s.posts_matching(&sched).unwrap()[0].title, "Croissant reel");
    let text = PostFilter {
        text: Some("HOURS".into()),
        ..Default::default()
    };
    assert_eq!(s.posts_matching(&text).unwrap()[0].title, "Opening hours");
    let from = PostFilter {
        from: Some(d(2026, 11, 25)),
        ..Default::default()
    };
    assert_eq!(s.posts_matching(&from).unwrap().len(), 1);
}

#[test]
fn a_new_zone_keeps_the_wall_clock() {
    let (mut s, c, ig, _) = setup();
    let id = s
        .tx()
        .save_post(&post(c, vec![ig], Some("2026-11-24 09:30"), "p"), now())
        .unwrap();
    assert_eq!(
        s.post(id).unwrap().at.unwrap().to_rfc3339(),
        "2026-11-24T08:30:00+00:00"
    );
    let mut draft = ClientDraft::new("Bakery");
    draft.timezone = "America/Montreal".into();
    s.update_client(c, &draft.validate().unwrap()).unwrap();
    let p = s.post(id).unwrap();
    assert_eq!(p.local, Some(local("2026-11-24 09:30")));
    assert_eq!(p.at.unwrap().to_rfc3339(), "2026-11-24T14:30:00+00:00");
}
