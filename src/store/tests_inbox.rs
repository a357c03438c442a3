use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::domain::inbox::*;
use crate::domain::{ClientDraft, Platform};

fn at(h: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 0, 0, 0).unwrap() + Duration::hours(h)
}

fn draft(ext: &str, h: i64, text: &str) -> ItemDraft {
    ItemDraft {
        platform: Platform::Instagram,
        kind: Kind::Comment,
        author: "@ana".into(),
        author_name: "Ana".into(),
        text: text.into(),
        received_at: at(h),
        permalink: "https://instagram.com/p/1".into(),
        external_id: Some(ext.into()),
    }
}

fn setup() -> (Store, i64, i64) {
    let s = Store::open_in_memory().unwrap();
    let a = s.insert_client(&ClientDraft::new("A"), at(0)).unwrap();
    let mut b = ClientDraft::new("B");
    b.reply_target_hours = 24;
    let b = s.insert_client(&b, at(0)).unwrap();
    (s, a, b)
}

#[test]
fn the_same_item_is_stored_once() {
    let (s, a, _) = setup();
    let tx = s.tx();
    assert!(tx.insert_item(a, &draft("1", 1, "Love it"), at(2)).unwrap());
    assert!(!tx.insert_item(a, &draft("1", 1, "Love it"), at(2)).unwrap());
    let mut other_platform = draft("1", 1, "x");
    other_platform.platform = Platform::X;
    assert!(tx.insert_item(a, &other_platform, at(2)).unwrap());
    // Items typed by hand have no external id and never collide.
    let mut manual = draft("", 1, "by hand");
    manual.external_id = None;
    assert!(tx.insert_item(a, &manual, at(2)).unwrap());
    assert!(tx.insert_item(a, &manual, at(2)).unwrap());
    assert_eq!(s.item_ids(&Filter::default()).unwrap().len(), 4);
}

#[test]
fn round_trip_and_update() {
    let (s, a, _) = setup();
    s.tx()
        .insert_item(a, &draft("1", 1, "Merci, trop bon !"), at(2))
        .unwrap();
    let id = s.item_ids(&Filter::default()).unwrap()[0];
    let mut it = s.items(&[id]).unwrap().remove(0);
    assert_eq!(it.suggested, Sentiment::Positive);
    assert_eq!(it.status, Status::New);
    it.status = Status::Replied;
    it.reply = "Merci Ana !".into();
    it.replied_at = Some(at(3));
    it.tags = vec!["order".into(), "vip".into()];
    it.priority = true;
    it.sentiment = Some(Sentiment::Neutral);
    let read_at = it.version;
    it.version = s.tx().update_item(&it).unwrap();
    assert_eq!(it.version, read_at + 1, "each change raises the version");
    assert_eq!(s.items(&[id]).unwrap()[0], it);
}

#[test]
fn filters_and_order() {
    let (s, a, b) = setup();
    let tx = s.tx();
    tx.insert_item(a, &draft("1", 5, "Opening hours on Sunday?"), at(9))
        .unwrap();
    tx.insert_item(a, &draft("2", 1, "Cold bread, 100% disappointed"), at(9))
        .unwrap();
    let mut dm = draft("3", 3, "Can I order a cake?");
    dm.kind = Kind::Dm;
    dm.platform = Platform::Facebook;
    tx.insert_item(b, &dm, at(9)).unwrap();
    let oldest = Filter {
        order: Order::Oldest,
        ..Filter::default()
    };
    let ids = s.item_ids(&oldest).unwrap();
    let items = s.items(&ids).unwrap();
    let order: Vec<_> = items
        .iter()
        .map(|i| i.external_id.clone().unwrap())
        .collect();
    assert_eq!(order, ["2", "3", "1"], "oldest pending first");
    let only_b = Filter {
        client: Some(b),
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&only_b).unwrap().len(), 1);
    let dms = Filter {
        kind: Some(Kind::Dm),
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&dms).unwrap().len(), 1);
    let fb = Filter {
        platform: Some(Platform::Facebook),
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&fb).unwrap().len(), 1);
    let text = Filter {
        text: Some("sunday HOURS".into()),
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&text).unwrap().len(), 1);
    // LIKE wildcards in the search are taken literally.
    let pct = Filter {
        text: Some("100%".into()),
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&pct).unwrap().len(), 1);
    let under = Filter {
        text: Some("_".into()),
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&under).unwrap().len(), 0);
    let mut it = items[0].clone();
    it.tags = vec!["complaint".into()];
    it.status = Status::Ignored;
    s.tx().update_item(&it).unwrap();
    let tagged = Filter {
        tag: Some("complaint".into()),
        status: StatusFilter::All,
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&tagged).unwrap(), vec![it.id]);
    let partial = Filter {
        tag: Some("compl".into()),
        status: StatusFilter::All,
        ..Filter::default()
    };
    assert!(s.item_ids(&partial).unwrap().is_empty(), "tags match whole");
    let ignored = Filter {
        status: StatusFilter::Ignored,
        ..Filter::default()
    };
    assert_eq!(s.item_ids(&ignored).unwrap(), vec![it.id]);
    s.tx().set_item_deleted(it.id, Some(at(10))).unwrap();
    assert!(s.item_ids(&ignored).unwrap().is_empty());
}

#[test]
fn sql_figures_match_the_domain_formula() {
    let (s, a, b) = setup();
    let tx = s.tx();
    for (i, (client, h)) in [
        (a, 0),
        (a, 1),
        (a, 2),
        (b, 3),
        (b, 4),
        (a, 10),
        (b, 11),
        (a, 20),
    ]
    .iter()
    .enumerate()
    {
        tx.insert_item(*client, &draft(&i.to_string(), *h, "hello"), at(*h))
            .unwrap();
    }
    let mut all = s
        .items_matching(&Filter {
            status: StatusFilter::All,
            ..Filter::default()
        })
        .unwrap();
    all.sort_by_key(|i| i.received_at);
    // Reply to five of them after 30 min, 1 h, 2 h, 4 h and 10 h; ignore one.
    for (it, mins) in all.iter_mut().zip([30, 60, 120, 240, 600]) {
        it.status = Status::Replied;
        it.replied_at = Some(it.received_at + Duration::minutes(mins));
        s.tx().update_item(it).unwrap();
    }
    all[5].status = Status::Ignored;
    s.tx().update_item(&all[5]).unwrap();
    let now = at(22);
    let clients = s.clients().unwrap();
    let target = |c: i64| {
        clients
            .iter()
            .find(|x| x.id == c)
            .unwrap()
            .reply_target_hours
    };
    let items = s
        .items_matching(&Filter {
            status: StatusFilter::All,
            ..Filter::default()
        })
        .unwrap();
    for since in [None, Some(at(2)), Some(at(12))] {
        let expected = stats(
            items.iter().map(|i| (i.timing(), target(i.client_id))),
            now,
            since,
        );
        assert_eq!(
            s.reply_stats(None, now, since).unwrap(),
            expected,
            "{since:?}"
        );
    }
    for client in [a, b] {
        let full = s.reply_stats(Some(client), now, None).unwrap();
        assert_eq!(
            s.pending_counts(client, now).unwrap(),
            (full.pending, full.overdue)
        );
    }
    let only_a: Vec<_> = items.iter().filter(|i| i.client_id == a).collect();
    let expected = stats(only_a.iter().map(|i| (i.timing(), 4)), now, None);
    assert_eq!(s.reply_stats(Some(a), now, None).unwrap(), expected);
    // By hand: all time, replied 5 (median 120 min, p90 600), pending 2 of which the
    // one received at 20:00 for A (target 4 h) is not overdue at 22:00, and the one
    // received at 11:00 for B (target 24 h) is not either.
    let all_time = s.reply_stats(None, now, None).unwrap();
    assert_eq!(
        (all_time.replied, all_time.pending, all_time.overdue),
        (5, 2, 0)
    );
    assert_eq!(
        (all_time.median_minutes, all_time.p90_minutes),
        (Some(120), Some(600))
    );
}

#[test]
fn saved_replies_round_trip() {
    let (s, a, _) = setup();
    let mut r = SavedReply {
        version: 0,
        id: 0,
        client_id: a,
        name: "Thanks".into(),
        text: "Merci {name} !".into(),
    };
    r.id = s.tx().save_saved_reply(&r, at(0)).unwrap();
    r.version = 1;
    assert_eq!(s.saved_replies(a).unwrap(), vec![r.clone()]);
    r.text = "Thank you {name}!".into();
    s.tx().save_saved_reply(&r, at(0)).unwrap();
    assert_eq!(s.saved_replies(a).unwrap()[0].text, "Thank you {name}!");
    s.tx().set_saved_reply_deleted(r.id, Some(at(1))).unwrap();
    assert!(s.saved_replies(a).unwrap().is_empty());
}

#[test]
fn an_item_is_linked_to_the_post_it_answers() {
    let (s, a, _) = setup();
    let mut p = crate::domain::post::Post {
        client_id: a,
        title: "Sourdough".into(),
        ..Default::default()
    };
    p.permalink = "https://instagram.com/p/Cx1/".into();
    let post_id = s.tx().save_post(&p, at(0)).unwrap();
    let mut d = draft("c1", 1, "Love it");
    d.permalink = "https://instagram.com/p/Cx1/c/987".into();
    s.tx().insert_item(a, &d, at(2)).unwrap();
    let mut other = draft("c2", 1, "Unrelated");
    other.permalink = "https://instagram.com/p/Zz9/".into();
    s.tx().insert_item(a, &other, at(2)).unwrap();
    let items = s.items_matching(&Filter::default()).unwrap();
    let linked = items
        .iter()
        .find(|i| i.external_id.as_deref() == Some("c1"))
        .unwrap();
    assert_eq!(
        (linked.post_id, linked.post_title.as_deref()),
        (Some(post_id), Some("Sourdough"))
    );
    assert_eq!(
        items
            .iter()
            .find(|i| i.external_id.as_deref() == Some("c2"))
            .unwrap()
            .post_id,
        None
    );
}

// A search within a list read ahead must find exactly what the database's LIKE finds:
// ASCII letters in either case, accented letters, `%`, `_` and `\` as they are.
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    #[test]
    fn a_search_in_memory_finds_what_the_database_finds(
        items in proptest::collection::vec(("[aAbBéÉ%_\\\\ ]{0,4}", "[aAbBéÉ%_\\\\ ]{0,4}", "[aAbBéÉ%_\\\\ \n]{0,12}"), 1..25),
        words in "[aAbBéÉ%_\\\\ ]{1,6}",
    ) {
        proptest::prop_assume!(!words.trim().is_empty());
        let (s, a, _) = setup();
        let drafts: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(i, (author, name, text))| {
                let mut d = draft(&i.to_string(), i as i64, text);
                d.author = author.clone();
                d.author_name = name.clone();
                (d, Sentiment::Neutral)
            })
            .collect();
        s.tx().insert_items(a, &drafts, at(30), |_| {}).unwrap();
        let base = Filter { client: Some(a), ..Filter::default() };
        let searched = Filter { text: Some(words.clone()), ..base.clone() };
        let in_memory: Vec<ItemId> = s
            .searchables(&base)
            .unwrap()
            .into_iter()
            .filter(|(_, hay)| finds(&words, hay))
            .map(|(id, _)| id)
            .collect();
        proptest::prop_assert_eq!(in_memory, s.item_ids(&searched).unwrap());
    }
}

#[test]
fn one_live_item_changes_in_one_go_and_a_trashed_one_does_not() {
    let (mut s, a, _) = setup();
    s.tx()
        .insert_item(a, &draft("1", 1, "Hello"), at(2))
        .unwrap();
    let id = s.item_ids(&Filter::default()).unwrap()[0];
    let after = s
        .change_live_item(id, &[Op::SetReply("Hi!".into()), Op::MarkReplied], at(3))
        .unwrap()
        .unwrap();
    assert_eq!(after.status, Status::Replied);
    assert_eq!(after.replied_at, Some(at(3)));
    assert_eq!(s.live_item(id).unwrap().unwrap(), after);
    assert!(
        s.change_live_item(999, &[Op::Ignore], at(4))
            .unwrap()
            .is_none()
    );
    s.set_items_deleted(&[id], Some(at(4))).unwrap();
    assert!(s.live_item(id).unwrap().is_none());
    assert!(
        s.change_live_item(id, &[Op::Ignore], at(4))
            .unwrap()
            .is_none()
    );
    assert_eq!(
        s.items(&[id]).unwrap()[0].status,
        Status::Replied,
        "untouched"
    );
}

/// The external ids of a filter's list, in order.
fn listed(s: &Store, f: &Filter) -> Vec<String> {
    let ids = s.item_ids(f).unwrap();
    let mut items = s.items(&ids).unwrap();
    items.sort_by_key(|i| ids.iter().position(|x| *x == i.id));
    items.into_iter().map(|i| i.external_id.unwrap()).collect()
}

#[test]
fn the_most_urgent_come_first_across_clients() {
    // A answers within 4 h, B within 24 h, C within 1 h. Now is 12:00.
    let (s, a, b) = setup();
    let mut c = ClientDraft::new("C");
    c.reply_target_hours = 1;
    let c = s.insert_client(&c, at(0)).unwrap();
    let tx = s.tx();
    // Due: a1 at 6 (6 h late), b1 at 25 (13 h left), c1 at 11 (1 h late), a2 at 14
    // (2 h left), c2 at 12:30 (30 min left), b2 received first but due at 24.
    for (client, ext, h) in [
        (a, "a1", 2),
        (b, "b1", 1),
        (c, "c1", 10),
        (a, "a2", 10),
        (b, "b2", 0),
    ] {
        tx.insert_item(client, &draft(ext, h, "x"), at(12)).unwrap();
    }
    let mut c2 = draft("c2", 11, "x");
    c2.received_at += Duration::minutes(30);
    tx.insert_item(c, &c2, at(12)).unwrap();
    // Answered and ignored items come after every waiting one, newest first.
    tx.insert_item(a, &draft("a3", 11, "x"), at(12)).unwrap();
    tx.insert_item(c, &draft("c3", 3, "x"), at(12)).unwrap();
    let done: Vec<ItemId> = s
        .item_ids(&Filter::default())
        .unwrap()
        .into_iter()
        .filter(|id| {
            let e = s.items(&[*id]).unwrap()[0].external_id.clone().unwrap();
            e == "a3" || e == "c3"
        })
        .collect();
    let mut st = s;
    st.apply_to_items(&done, &Op::MarkReplied, at(12)).unwrap();
    let s = st;
    let f = |order, status| Filter {
        order,
        status,
        ..Filter::default()
    };
    use StatusFilter::{All, Pending};
    assert_eq!(
        listed(&s, &f(Order::Urgency, Pending)),
        ["a1", "c1", "c2", "a2", "b2", "b1"],
        "late ones by how late, then by the time left"
    );
    assert_eq!(
        listed(&s, &f(Order::Oldest, Pending)),
        ["b2", "b1", "a1", "c1", "a2", "c2"]
    );
    assert_eq!(
        listed(&s, &f(Order::Newest, Pending)),
        ["c2", "a2", "c1", "a1", "b1", "b2"]
    );
    assert_eq!(
        listed(&s, &f(Order::Client, Pending)),
        ["a1", "a2", "b2", "b1", "c1", "c2"],
        "by client name, each client's most urgent first"
    );
    assert_eq!(
        listed(&s, &f(Order::Urgency, All)),
        ["a1", "c1", "c2", "a2", "b2", "b1", "a3", "c3"],
        "waiting ones first, then the others newest first"
    );
    assert_eq!(
        listed(&s, &f(Order::Client, All)),
        ["a1", "a2", "a3", "b2", "b1", "c1", "c2", "c3"]
    );
    // One client: the same target for every item, so the oldest first.
    let only_c = Filter {
        client: Some(c),
        ..Filter::default()
    };
    assert_eq!(listed(&s, &only_c), ["c1", "c2"]);
    // What a text search reads ahead is in the same order as the list.
    let searchables: Vec<ItemId> = s
        .searchables(&f(Order::Urgency, All))
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(searchables, s.item_ids(&f(Order::Urgency, All)).unwrap());
}

#[test]
fn lists_across_clients_leave_archived_clients_out() {
    let (s, a, b) = setup();
    let tx = s.tx();
    tx.insert_item(a, &draft("a1", 1, "from A"), at(2)).unwrap();
    tx.insert_item(b, &draft("b1", 2, "from B"), at(2)).unwrap();
    s.set_client_archived(b, Some(at(3))).unwrap();
    for order in [Order::Urgency, Order::Oldest, Order::Newest, Order::Client] {
        for status in [StatusFilter::Pending, StatusFilter::All] {
            let f = Filter {
                order,
                status,
                ..Filter::default()
            };
            assert_eq!(listed(&s, &f), ["a1"], "{order:?} {status:?}");
        }
    }
    // Asked for by name, the archived client's list is still there.
    let only_b = Filter {
        client: Some(b),
        ..Filter::default()
    };
    assert_eq!(listed(&s, &only_b), ["b1"]);
    assert_eq!(s.reply_stats(None, at(12), None).unwrap().pending, 1);
    assert_eq!(s.reply_stats(Some(b), at(12), None).unwrap().pending, 1);
}
