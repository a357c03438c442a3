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
    p.version = 1;
    assert_eq!(s.post(p.id).unwrap(), p);
    p.accounts = vec![fb];
    p.title = "Renamed".into();
    s.tx().save_post(&p, now()).unwrap();
    p.version = 2;
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
    s.update_client(c, 1, &draft.validate().unwrap()).unwrap();
    let p = s.post(id).unwrap();
    assert_eq!(p.local, Some(local("2026-11-24 09:30")));
    assert_eq!(p.at.unwrap().to_rfc3339(), "2026-11-24T14:30:00+00:00");
}

#[test]
fn cells_are_what_the_grid_draws_of_the_full_posts() {
    let (s, c, ig, fb) = setup();
    let mut untitled = post(c, vec![fb, ig], Some("2026-11-24 08:00"), "");
    untitled.body = "First line of the text\r\nsecond line".into();
    let mut blank = post(c, vec![], Some("2026-11-24 08:00"), " \t");
    blank.body = "Only a body".into();
    for p in [
        untitled,
        blank,
        post(c, vec![ig], Some("2026-11-25 09:30"), "Advent"),
        post(c, vec![ig], None, "An idea has no cell"),
    ] {
        s.tx().save_post(&p, now()).unwrap();
    }
    let gone = s
        .tx()
        .save_post(&post(c, vec![ig], Some("2026-11-26 10:00"), "Gone"), now())
        .unwrap();
    s.tx().set_post_deleted(gone, Some(now())).unwrap();
    let (from, to) = (d(2026, 11, 1), d(2026, 12, 1));
    let full = s.posts_between(Some(c), from, to).unwrap();
    let cells = s.post_cells_between(Some(c), from, to).unwrap();
    assert_eq!(cells, s.post_cells_between(None, from, to).unwrap());
    let seen: Vec<(i64, Option<NaiveDateTime>, &str, &[i64])> = cells
        .iter()
        .map(|x| (x.id, x.local, x.label.as_str(), x.accounts.as_slice()))
        .collect();
    let want: Vec<(i64, Option<NaiveDateTime>, &str, &[i64])> = full
        .iter()
        .map(|p| (p.id, p.local, p.label(), p.accounts.as_slice()))
        .collect();
    assert_eq!(seen, want);
    let labels: Vec<&str> = cells.iter().map(|x| x.label.as_str()).collect();
    assert_eq!(labels, ["First line of the text", "Only a body", "Advent"]);
    assert_eq!(cells[0].accounts, vec![ig.min(fb), ig.max(fb)]);
    assert!(cells[1].accounts.is_empty());
}

#[test]
fn the_accounts_copy_on_the_post_row_follows_every_change() {
    let (s, c, ig, fb) = setup();
    let copy = |id: i64| -> Vec<i64> {
        let text: String = s
            .conn
            .query_row("SELECT account_ids FROM posts WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        let mut v: Vec<i64> = text.split(',').filter_map(|x| x.parse().ok()).collect();
        v.sort_unstable();
        v
    };
    let truth = |id: i64| -> Vec<i64> {
        s.conn
            .prepare("SELECT account_id FROM post_accounts WHERE post_id = ?1 ORDER BY 1")
            .unwrap()
            .query_map([id], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let mut p = post(c, vec![ig, fb], Some("2026-11-24 09:30"), "A");
    p.id = s.tx().save_post(&p, now()).unwrap();
    p.version = 1;
    assert_eq!(copy(p.id), truth(p.id));
    assert_eq!(copy(p.id).len(), 2);
    p.accounts = vec![fb];
    s.tx().save_post(&p, now()).unwrap();
    p.version += 1;
    assert_eq!(copy(p.id), vec![fb]);
    p.accounts = vec![];
    s.tx().save_post(&p, now()).unwrap();
    p.version += 1;
    assert_eq!(copy(p.id), Vec::<i64>::new());
    p.accounts = vec![ig, fb];
    s.tx().save_post(&p, now()).unwrap();
    p.version += 1;
    // An account removed from the database leaves the posts it was on.
    s.conn
        .execute("DELETE FROM accounts WHERE id = ?1", [ig])
        .unwrap();
    assert_eq!(copy(p.id), vec![fb]);
    assert_eq!(s.post(p.id).unwrap().accounts, vec![fb]);
}

#[test]
fn a_version_8_database_gets_the_accounts_of_its_posts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrations::migrations().to_version(&mut conn, 8).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, currency, timezone, created_at)
                 VALUES (1, 'Old', 'old', 'EUR', 'Europe/Paris', 0);
             INSERT INTO accounts (id, client_id, platform, handle, created_at)
                 VALUES (3, 1, 'instagram', '@old', 0), (5, 1, 'x', '@old', 0);
             INSERT INTO posts (id, client_id, local_time, scheduled_at, status, title, created_at)
                 VALUES (10, 1, '2026-11-24 09:30', 1795509000, 'ready', 'Two', 0),
                        (11, 1, '2026-11-24 10:30', 1795512600, 'draft', 'None', 0);
             INSERT INTO post_accounts VALUES (10, 5), (10, 3);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    assert!(migration_backup_path(&path, 8).exists());
    let cells = s
        .post_cells_between(None, d(2026, 11, 24), d(2026, 11, 25))
        .unwrap();
    let accounts: Vec<(i64, Vec<i64>)> = cells.into_iter().map(|c| (c.id, c.accounts)).collect();
    assert_eq!(accounts, vec![(10, vec![3, 5]), (11, vec![])]);
    assert_eq!(s.post(10).unwrap().accounts, vec![3, 5]);
}

#[test]
fn lists_across_clients_leave_archived_clients_out() {
    let (s, c, ig, _) = setup();
    let other = s.insert_client(&ClientDraft::new("Old"), now()).unwrap();
    s.tx()
        .save_post(&post(c, vec![ig], Some("2026-11-24 09:30"), "Kept"), now())
        .unwrap();
    s.tx()
        .save_post(
            &post(other, vec![], Some("2026-11-24 10:30"), "Gone"),
            now(),
        )
        .unwrap();
    s.tx()
        .save_post(&post(other, vec![], None, "Gone idea"), now())
        .unwrap();
    s.set_client_archived(other, Some(now())).unwrap();
    let titles = |ps: Vec<Post>| ps.into_iter().map(|p| p.title).collect::<Vec<_>>();
    let (from, to) = (d(2026, 11, 1), d(2026, 12, 1));
    assert_eq!(titles(s.posts_between(None, from, to).unwrap()), ["Kept"]);
    assert_eq!(s.post_cells_between(None, from, to).unwrap().len(), 1);
    assert_eq!(
        titles(s.posts_matching(&PostFilter::default()).unwrap()),
        ["Kept"]
    );
    // Asked for by name, the archived client's posts are still there.
    assert_eq!(
        titles(s.posts_between(Some(other), from, to).unwrap()),
        ["Gone"]
    );
    let only = PostFilter {
        client: Some(other),
        ..PostFilter::default()
    };
    assert_eq!(
        titles(s.posts_matching(&only).unwrap()),
        ["Gone", "Gone idea"]
    );
}
