//! Row versions (issue 18): a save writes only over the version it was read at. Each
//! entity a form edits: window A saves, then window B saves from the same older read and
//! is refused with `Stale`, and A's values are still there.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::inbox::{Filter, ItemDraft, Kind, Op, SavedReply};
use crate::domain::metric::Metric;
use crate::domain::objective::ObjectiveDraft;
use crate::domain::post::Post;
use crate::domain::strategy::*;
use crate::domain::{AccountDraft, ClientDraft, Platform, Version};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn client(s: &Store) -> i64 {
    let mut c = ClientDraft::new("Acme");
    c.reply_target_hours = 6;
    c.timezone = "Europe/Paris".into();
    s.insert_client(&c, now()).unwrap()
}

fn is_stale(r: &Result<impl std::fmt::Debug>, entity: Entity, id: i64) -> bool {
    matches!(r, Err(StoreError::Stale { entity: e, id: i }) if *e == entity && *i == id)
}

#[test]
fn a_client_saved_from_an_older_read_is_refused() {
    let mut s = Store::open_in_memory().unwrap();
    let id = client(&s);
    let read = s.client(id).unwrap();
    assert_eq!(read.version, 1, "a new row starts at version 1");
    // Window A: reply target 9.
    let mut a = ClientDraft::new("Acme");
    a.timezone = read.timezone.clone();
    a.reply_target_hours = 9;
    assert_eq!(s.update_client(id, read.version, &a).unwrap(), 2);
    // Window B, opened before A saved: adds notes to what it read (reply target 6).
    let mut b = a.clone();
    b.reply_target_hours = 6;
    b.notes = "Likes emoji".into();
    let r = s.update_client(id, read.version, &b);
    assert!(is_stale(&r, Entity::Client, id), "{r:?}");
    let now_there = s.client(id).unwrap();
    assert_eq!(
        (now_there.reply_target_hours, now_there.notes.as_str()),
        (9, "")
    );
    // B saves again over what is there now: both changes kept.
    b.reply_target_hours = 9;
    s.update_client(id, now_there.version, &b).unwrap();
    let c = s.client(id).unwrap();
    assert_eq!((c.reply_target_hours, c.notes.as_str()), (9, "Likes emoji"));
    // Archiving is a change too; an unknown id is not found, not stale.
    s.set_client_archived(id, Some(now())).unwrap();
    assert!(is_stale(
        &s.update_client(id, c.version, &b),
        Entity::Client,
        id
    ));
    assert!(matches!(
        s.update_client(999, 1, &b),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn an_account_saved_from_an_older_read_is_refused() {
    let s = Store::open_in_memory().unwrap();
    let c = client(&s);
    let draft = |h: &str| AccountDraft {
        platform: Platform::Instagram,
        handle: h.into(),
    };
    let id = s.insert_account(c, &draft("@acme"), now()).unwrap();
    let read = s.accounts().unwrap().remove(0);
    s.update_account(id, read.version, &draft("@acme_a"))
        .unwrap();
    let r = s.update_account(id, read.version, &draft("@acme_b"));
    assert!(is_stale(&r, Entity::Account, id), "{r:?}");
    assert_eq!(s.accounts().unwrap()[0].handle, "@acme_a");
    // Moved to the trash by another window: a save from before is refused too.
    let v = s.accounts().unwrap()[0].version;
    s.set_account_deleted(id, Some(now())).unwrap();
    assert!(is_stale(
        &s.update_account(id, v, &draft("@x")),
        Entity::Account,
        id
    ));
    assert_eq!(s.live_account(id).unwrap(), None);
}

#[test]
fn a_post_saved_from_an_older_read_is_refused() {
    let s = Store::open_in_memory().unwrap();
    let c = client(&s);
    let ig = s
        .insert_account(
            c,
            &AccountDraft {
                platform: Platform::Instagram,
                handle: "@a".into(),
            },
            now(),
        )
        .unwrap();
    let p = Post {
        client_id: c,
        accounts: vec![ig],
        title: "Advent".into(),
        ..Post::default()
    };
    let id = s.tx().save_post(&p, now()).unwrap();
    let read = s.post(id).unwrap();
    assert_eq!(
        read.version, 1,
        "its accounts' copy is not a change of its own"
    );
    let mut a = read.clone();
    a.title = "Advent calendar".into();
    s.tx().save_post(&a, now()).unwrap();
    assert_eq!(s.tx().post_version(id).unwrap(), 2);
    let mut b = read.clone();
    b.body = "Day 1".into();
    let r = s.tx().save_post(&b, now());
    assert!(is_stale(&r, Entity::Post, id), "{r:?}");
    let there = s.post(id).unwrap();
    assert_eq!(
        (there.title.as_str(), there.body.as_str()),
        ("Advent calendar", "")
    );
    // A save that changes the accounts raises the version once.
    let mut c2 = there.clone();
    c2.accounts = vec![];
    s.tx().save_post(&c2, now()).unwrap();
    assert_eq!(s.tx().post_version(id).unwrap(), there.version + 1);
    // In the trash: gone for a form, and refused.
    s.tx().set_post_deleted(id, Some(now())).unwrap();
    assert_eq!(s.live_post(id).unwrap(), None);
    c2.version += 1;
    assert!(is_stale(&s.tx().save_post(&c2, now()), Entity::Post, id));
}

/// One strategy part: saves a row (id 0: new) at a version with a marker text, and
/// reads the row's (id, version, marker) from a plan.
struct PartCase {
    part: Part,
    save: fn(&Tx<'_>, i64, (Id, Version), &str) -> Result<Id>,
    read: fn(&Plan) -> (Id, Version, String),
}

fn cases() -> Vec<PartCase> {
    vec![
        PartCase {
            part: Part::Target,
            save: |tx, c, (id, version), m| {
                tx.save_target(
                    c,
                    &Target {
                        id,
                        version,
                        name: m.into(),
                        description: String::new(),
                        age_min: None,
                        age_max: None,
                        locations: String::new(),
                        interests: String::new(),
                        pains: String::new(),
                        platforms: vec![],
                        priority: Priority::High,
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.targets[0];
                (x.id, x.version, x.name.clone())
            },
        },
        PartCase {
            part: Part::Objective,
            save: |tx, c, at, m| {
                tx.save_objective(
                    c,
                    at,
                    &ObjectiveDraft {
                        platform: None,
                        metric: Metric::Followers,
                        baseline: 1,
                        target: 2,
                        start: d(2026, 11, 1),
                        deadline: d(2026, 12, 1),
                        note: m.into(),
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.objectives[0];
                (x.id, x.version, x.note.clone())
            },
        },
        PartCase {
            part: Part::Campaign,
            save: |tx, c, (id, version), m| {
                tx.save_campaign(
                    c,
                    &Campaign {
                        id,
                        version,
                        name: m.into(),
                        platforms: vec![],
                        start: d(2026, 11, 1),
                        end: d(2026, 11, 30),
                        budget: None,
                        objective_id: None,
                        status: CampaignStatus::Planned,
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.campaigns[0];
                (x.id, x.version, x.name.clone())
            },
        },
        PartCase {
            part: Part::BudgetLine,
            save: |tx, c, (id, version), m| {
                tx.save_budget_line(
                    c,
                    &BudgetLine {
                        id,
                        version,
                        month: d(2026, 11, 1),
                        platform: None,
                        kind: BudgetKind::PaidAds,
                        amount: 100,
                        note: m.into(),
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.budget_lines[0];
                (x.id, x.version, x.note.clone())
            },
        },
        PartCase {
            part: Part::Expense,
            save: |tx, c, (id, version), m| {
                tx.save_expense(
                    c,
                    &Expense {
                        id,
                        version,
                        date: d(2026, 11, 3),
                        amount: 100,
                        kind: BudgetKind::PaidAds,
                        platform: None,
                        campaign_id: None,
                        note: m.into(),
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.expenses[0];
                (x.id, x.version, x.note.clone())
            },
        },
        PartCase {
            part: Part::Pillar,
            save: |tx, c, (id, version), m| {
                tx.save_pillar(
                    c,
                    &Pillar {
                        id,
                        version,
                        name: m.into(),
                        share: 10,
                        description: String::new(),
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.pillars[0];
                (x.id, x.version, x.name.clone())
            },
        },
        PartCase {
            part: Part::HashtagSet,
            save: |tx, c, (id, version), m| {
                tx.save_hashtag_set(
                    c,
                    &HashtagSet {
                        id,
                        version,
                        name: m.into(),
                        tags: vec![],
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.hashtag_sets[0];
                (x.id, x.version, x.name.clone())
            },
        },
        PartCase {
            part: Part::Competitor,
            save: |tx, c, (id, version), m| {
                tx.save_competitor(
                    c,
                    &Competitor {
                        id,
                        version,
                        name: m.into(),
                        handles: vec![],
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.competitors[0];
                (x.id, x.version, x.name.clone())
            },
        },
        PartCase {
            part: Part::CompetitorNote,
            save: |tx, c, (id, version), m| {
                // The note's competitor: the client's first, made once.
                let competitor = match tx.plan(c)?.competitors.first() {
                    Some(x) => x.id,
                    None => tx.save_competitor(
                        c,
                        &Competitor {
                            id: 0,
                            version: 0,
                            name: "Rival".into(),
                            handles: vec![],
                        },
                        now(),
                    )?,
                };
                tx.save_note(
                    &CompetitorNote {
                        id,
                        version,
                        competitor_id: competitor,
                        date: d(2026, 11, 3),
                        text: m.into(),
                    },
                    now(),
                )
            },
            read: |p| {
                let x = &p.notes[0];
                (x.id, x.version, x.text.clone())
            },
        },
    ]
}

#[test]
fn every_strategy_row_saved_from_an_older_read_is_refused() {
    for case in cases() {
        let s = Store::open_in_memory().unwrap();
        let c = client(&s);
        let tx = s.tx();
        (case.save)(&tx, c, (0, 0), "first").unwrap();
        let (id, read_at, _) = (case.read)(&s.plan(c).unwrap());
        assert_eq!(read_at, 1, "{:?}", case.part);
        // Window A saves; window B saves from the same read.
        (case.save)(&tx, c, (id, read_at), "window A").unwrap();
        let r = (case.save)(&tx, c, (id, read_at), "window B");
        assert!(
            is_stale(&r, Entity::Strategy(case.part), id),
            "{:?}: {r:?}",
            case.part
        );
        let (_, now_at, text) = (case.read)(&s.plan(c).unwrap());
        assert_eq!((now_at, text.as_str()), (2, "window A"), "{:?}", case.part);
        // Over what is there now, it saves.
        (case.save)(&tx, c, (id, now_at), "window B").unwrap();
        assert_eq!((case.read)(&s.plan(c).unwrap()).2, "window B");
        // Another client's row is not found, whatever the version.
        let other = s.insert_client(&ClientDraft::new("Other"), now()).unwrap();
        let r = (case.save)(&tx, other, (id, 3), "stolen");
        assert!(
            matches!(r, Err(StoreError::NotFound { .. })),
            "{:?}: {r:?}",
            case.part
        );
        // A row moved to the trash meanwhile is refused too.
        s.set_deleted(case.part, id, Some(now())).unwrap();
        let r = (case.save)(&tx, c, (id, 3), "after the trash");
        assert!(is_stale(&r, Entity::Strategy(case.part), id), "{r:?}");
    }
}

#[test]
fn the_tone_saved_from_an_older_read_is_refused() {
    let s = Store::open_in_memory().unwrap();
    let c = client(&s);
    let tx = s.tx();
    assert_eq!(s.plan(c).unwrap().tone_version, 0, "no tone written yet");
    tx.save_tone(c, 0, "Warm").unwrap();
    // Another window also started from no tone at all.
    assert!(is_stale(&tx.save_tone(c, 0, "Cold"), Entity::Tone, c));
    let plan = s.plan(c).unwrap();
    assert_eq!((plan.tone.as_str(), plan.tone_version), ("Warm", 1));
    tx.save_tone(c, 1, "Warm and short").unwrap();
    assert!(is_stale(&tx.save_tone(c, 1, "Cold"), Entity::Tone, c));
    assert_eq!(s.plan(c).unwrap().tone, "Warm and short");
}

fn item(s: &Store, c: i64) -> crate::domain::inbox::Item {
    s.tx()
        .insert_item(
            c,
            &ItemDraft {
                platform: Platform::Instagram,
                kind: Kind::Comment,
                author: "@ana".into(),
                author_name: "Ana".into(),
                text: "Love it".into(),
                received_at: now(),
                permalink: String::new(),
                external_id: Some("1".into()),
            },
            now(),
        )
        .unwrap();
    let id = s.item_ids(&Filter::default()).unwrap()[0];
    s.live_item(id).unwrap().unwrap()
}

#[test]
fn an_inbox_item_changed_from_an_older_read_is_refused() {
    let mut s = Store::open_in_memory().unwrap();
    let c = client(&s);
    let read = item(&s, c);
    let id = read.id;
    // Window A replies; window B's reply form was opened before.
    s.apply_to_items_at(
        &[id],
        &[(id, read.version)],
        &Op::SetReply("A".into()),
        now(),
    )
    .unwrap();
    let r = s.apply_to_items_at(
        &[id],
        &[(id, read.version)],
        &Op::SetReply("B".into()),
        now(),
    );
    assert!(is_stale(&r, Entity::InboxItem, id), "{r:?}");
    assert_eq!(s.live_item(id).unwrap().unwrap().reply, "A");
    // A whole item written from the older read is refused the same way.
    let mut old = read.clone();
    old.priority = true;
    assert!(is_stale(&s.tx().update_item(&old), Entity::InboxItem, id));
    assert!(!s.live_item(id).unwrap().unwrap().priority);
}

#[test]
fn a_key_on_the_list_changes_only_what_it_is_about() {
    let mut s = Store::open_in_memory().unwrap();
    let c = client(&s);
    let id = item(&s, c).id;
    // Another window tags the item after this one read it; marking it replied here
    // keeps the tag (the change applies to the item as it is now).
    s.change_live_item(id, &[Op::SetTags(vec!["vip".into()])], now())
        .unwrap();
    let before = s.apply_to_items(&[id], &Op::MarkReplied, now()).unwrap();
    let it = s.live_item(id).unwrap().unwrap();
    assert_eq!(it.tags, vec!["vip".to_string()]);
    assert_eq!(it.status, crate::domain::inbox::Status::Replied);
    // Undo puts back only this change, over the version it left.
    assert_eq!(before[0].version, it.version);
    s.restore_items(&before).unwrap();
    let back = s.live_item(id).unwrap().unwrap();
    assert_eq!(
        (back.status, back.tags.clone()),
        (crate::domain::inbox::Status::New, vec!["vip".to_string()])
    );
    // An undo after another window changed the item again is refused.
    let before = s.apply_to_items(&[id], &Op::Ignore, now()).unwrap();
    s.change_live_item(id, &[Op::SetReply("Thanks".into())], now())
        .unwrap();
    assert!(is_stale(&s.restore_items(&before), Entity::InboxItem, id));
    assert_eq!(s.live_item(id).unwrap().unwrap().reply, "Thanks");
}

#[test]
fn a_saved_reply_saved_from_an_older_read_is_refused() {
    let s = Store::open_in_memory().unwrap();
    let c = client(&s);
    let mut r = SavedReply {
        id: 0,
        client_id: c,
        name: "Thanks".into(),
        text: "Merci !".into(),
        version: 0,
    };
    r.id = s.tx().save_saved_reply(&r, now()).unwrap();
    let read = s.live_saved_reply(r.id).unwrap().unwrap();
    let mut a = read.clone();
    a.text = "Merci beaucoup !".into();
    s.tx().save_saved_reply(&a, now()).unwrap();
    let mut b = read.clone();
    b.name = "Thank you".into();
    let res = s.tx().save_saved_reply(&b, now());
    assert!(is_stale(&res, Entity::SavedReply, r.id), "{res:?}");
    let there = s.live_saved_reply(r.id).unwrap().unwrap();
    assert_eq!(
        (there.name.as_str(), there.text.as_str()),
        ("Thanks", "Merci beaucoup !")
    );
}

#[test]
fn any_other_update_raises_the_version_by_trigger() {
    let s = Store::open_in_memory().unwrap();
    let c = client(&s);
    // A statement that forgets the version (a restore from the trash, a hand edit).
    s.execute_for_tests("UPDATE clients SET notes = ?1", "by hand");
    assert_eq!(s.client(c).unwrap().version, 2);
    s.execute_for_tests("UPDATE editorial SET tone = ?1", "none yet: no row");
    s.tx().save_tone(c, 0, "Warm").unwrap();
    s.execute_for_tests("UPDATE editorial SET tone = ?1", "by hand");
    assert_eq!(s.plan(c).unwrap().tone_version, 2);
    // The store's own updates raise it once, not twice.
    let read = s.client(c).unwrap();
    let mut d = ClientDraft::new("Acme");
    d.timezone = read.timezone.clone();
    d.reply_target_hours = 6;
    assert_eq!(s.tx().update_client(c, 2, &d).unwrap(), 3);
}

#[test]
fn an_older_database_gets_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v11.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations::migrations().to_version(&mut conn, 11).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, currency, timezone, created_at)
             VALUES (1, 'Old', 'old', 'EUR', 'Europe/Paris', 0);
             INSERT INTO posts (id, client_id, title, created_at) VALUES (1, 1, 'T', 0);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.client(1).unwrap().version, 1);
    assert_eq!(s.post(1).unwrap().version, 1);
}
