//! Many rows per statement (imports) and the schema steps that made them fast: counts
//! across chunk boundaries, and a version-6 database that migrates with its data intact.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::inbox::{ItemDraft, Kind, Sentiment};
use crate::domain::kpi::DailyValue;
use crate::domain::metric::Metric;
use crate::domain::sentiment::suggest_sentiment;
use crate::domain::{ClientDraft, Platform};

fn at(h: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 0, 0, 0).unwrap() + Duration::hours(h)
}

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(n)
}

fn scored(ext: &str, text: &str) -> (ItemDraft, Sentiment) {
    let d = ItemDraft {
        platform: Platform::Instagram,
        kind: Kind::Comment,
        author: "@ana".into(),
        author_name: String::new(),
        text: text.into(),
        received_at: at(1),
        permalink: String::new(),
        external_id: Some(ext.into()),
    };
    let s = suggest_sentiment(&d.text);
    (d, s)
}

#[test]
fn upserts_count_across_chunks() {
    let mut s = Store::open_in_memory().unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), at(0)).unwrap();
    // 700 values: two full chunks of 256 and one of 188.
    let values: Vec<DailyValue> = (0..700)
        .map(|i| DailyValue {
            platform: Platform::ALL[i as usize % 3],
            day: day(i / 3),
            metric: Metric::Impressions,
            value: i,
        })
        .collect();
    let mut ticks = 0;
    let first = s
        .transaction(|tx| tx.upsert_daily(c, &values, |n| ticks += n))
        .unwrap();
    assert_eq!((first.stored, first.unchanged, ticks), (700, 0, 700));
    // Again, with every tenth value changed.
    let again: Vec<DailyValue> = values
        .iter()
        .map(|v| DailyValue {
            value: if v.value % 10 == 0 {
                v.value + 1
            } else {
                v.value
            },
            ..*v
        })
        .collect();
    let second = s
        .transaction(|tx| tx.upsert_daily(c, &again, |_| {}))
        .unwrap();
    assert_eq!((second.stored, second.unchanged), (70, 630));
    let total: i64 = s
        .kpi_sums(c, day(0), day(300))
        .unwrap()
        .iter()
        .map(|x| x.value)
        .sum();
    assert_eq!(total, (0..700).sum::<i64>() + 70);
}

#[test]
fn items_already_there_are_skipped_across_chunks() {
    let mut s = Store::open_in_memory().unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), at(0)).unwrap();
    let first: Vec<_> = (0..300)
        .map(|i| scored(&format!("e{i}"), "Love it"))
        .collect();
    assert_eq!(
        s.transaction(|tx| tx.insert_items(c, &first, at(2), |_| {}))
            .unwrap(),
        300
    );
    // 600 more, of which the first 300 are the same items and two are twice in the file.
    let mut next: Vec<_> = (0..600)
        .map(|i| scored(&format!("e{i}"), "Cold bread"))
        .collect();
    next.push(scored("e450", "Again"));
    next.push(scored("e599", "Again"));
    let mut ticks = 0;
    let added = s
        .transaction(|tx| tx.insert_items(c, &next, at(3), |n| ticks += n))
        .unwrap();
    assert_eq!((added, ticks), (300, 602));
    let items = s
        .items_matching(&crate::domain::inbox::Filter::default())
        .unwrap();
    assert_eq!(items.len(), 600);
    let e450 = items
        .iter()
        .find(|i| i.external_id.as_deref() == Some("e450"))
        .unwrap();
    assert_eq!(
        (e450.text.as_str(), e450.suggested),
        ("Cold bread", Sentiment::Negative)
    );
}

#[test]
fn a_failing_chunk_leaves_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), at(0)).unwrap();
    let items: Vec<_> = (0..600).map(|i| scored(&format!("e{i}"), "hi")).collect();
    // No such client: the deferred foreign key fails the commit, so nothing lands.
    let r = s.transaction(|tx| tx.insert_items(c + 99, &items, at(2), |_| {}));
    assert!(r.is_err());
    assert!(
        s.items_matching(&crate::domain::inbox::Filter {
            status: crate::domain::inbox::StatusFilter::All,
            ..Default::default()
        })
        .unwrap()
        .is_empty()
    );
}

#[test]
fn a_version_6_database_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrations::migrations().to_version(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, currency, timezone, created_at)
                 VALUES (1, 'Old', 'old', 'EUR', 'Europe/Paris', 0);
             INSERT INTO kpi_daily VALUES (1, 'instagram', '2026-11-01', 'impressions', 100);
             INSERT INTO kpi_daily VALUES (1, 'instagram', '2026-11-02', 'impressions', 50);
             INSERT INTO kpi_daily VALUES (1, 'instagram', '2026-11-02', 'followers', 1200);
             INSERT INTO kpi_daily VALUES (1, 'x', '2026-11-03', 'followers', 300);
             INSERT INTO inbox_items (id, client_id, platform, kind, author, text, received_at,
                 external_id, status, priority, sentiment, suggested, tags, reply, replied_at,
                 created_at)
                 VALUES (7, 1, 'x', 'dm', '@bo', 'Where?', 100, 'x-1', 'replied', 1, 'negative',
                 'neutral', ' vip ', 'Here', 200, 90);",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    assert!(migration_backup_path(&path, 6).exists());
    let d = |n| NaiveDate::from_ymd_opt(2026, 11, n).unwrap();
    let sums = s.kpi_sums(1, d(1), d(2)).unwrap();
    let impressions: i64 = sums
        .iter()
        .filter(|x| x.metric == Metric::Impressions)
        .map(|x| x.value)
        .sum();
    assert_eq!(impressions, 150);
    assert_eq!(
        s.followers_at(1, d(30)).unwrap(),
        vec![(Platform::Instagram, d(2), 1200), (Platform::X, d(3), 300)]
    );
    assert_eq!(s.last_kpi_day(1).unwrap(), Some(d(3)));
    let it = s.items(&[7]).unwrap().remove(0);
    assert_eq!(
        (
            it.status,
            it.priority,
            it.sentiment,
            it.tags.clone(),
            it.reply.as_str(),
            it.replied_at.map(to_ts)
        ),
        (
            crate::domain::inbox::Status::Replied,
            true,
            Some(Sentiment::Negative),
            vec!["vip".to_string()],
            "Here",
            Some(200)
        )
    );
    // The rewritten CHECKs still refuse what the old ones refused.
    let bad = s.conn.execute(
        "UPDATE inbox_items SET status = 'archived' WHERE id = 7",
        [],
    );
    assert!(bad.is_err());
    let ok: String = s
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

fn journal(s: &Store) -> String {
    journal_of(&s.conn)
}

fn journal_of(conn: &rusqlite::Connection) -> String {
    conn.pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap()
}

fn all_items(s: &Store) -> usize {
    s.items_matching(&crate::domain::inbox::Filter {
        status: crate::domain::inbox::StatusFilter::All,
        ..Default::default()
    })
    .unwrap()
    .len()
}

#[test]
fn an_import_lands_whole_in_the_log_and_says_what_it_does_while_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    let mut s = Store::open(&path).unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), at(0)).unwrap();
    let items: Vec<_> = (0..600).map(|i| scored(&format!("e{i}"), "hi")).collect();
    let added = s
        .bulk_transaction(|tx| {
            assert_eq!(journal_of(tx.conn), "wal");
            assert_eq!(
                crate::files::announced(&path),
                Some(crate::files::Work::Import)
            );
            tx.insert_items(c, &items, at(2), |_| {})
        })
        .unwrap();
    assert_eq!(added, 600);
    assert_eq!(crate::files::announced(&path), None);
    // A failure half way leaves nothing of the import, and no announcement.
    let more: Vec<_> = (600..900).map(|i| scored(&format!("e{i}"), "hi")).collect();
    let r: std::result::Result<usize, StoreError> = s.bulk_transaction(|tx| {
        tx.insert_items(c, &more, at(2), |_| {})?;
        Err(StoreError::Conflict(Conflict::ClientName(
            "a bad row".into(),
        )))
    });
    assert!(r.is_err());
    assert_eq!(journal(&s), "wal");
    assert_eq!(all_items(&s), 600);
    assert_eq!(crate::files::announced(&path), None);
    assert!(!dir.path().join("a.db-busy").exists());
}

#[test]
fn others_read_while_an_import_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    let mut s = Store::open(&path).unwrap();
    let c = s.insert_client(&ClientDraft::new("C"), at(0)).unwrap();
    // Another connection (the TUI) has the file open and has read from it.
    let other = Store::open(&path).unwrap();
    assert_eq!(all_items(&other), 0);
    let items: Vec<_> = (0..300).map(|i| scored(&format!("e{i}"), "hi")).collect();
    let added = s
        .bulk_transaction(|tx| {
            let n = tx.insert_items(c, &items, at(2), |_| {})?;
            // Mid-import: the open window and a command started now both read the
            // file as it was, at once.
            assert_eq!(all_items(&other), 0);
            let late = Store::open(&path).unwrap();
            assert_eq!(late.clients().unwrap().len(), 1);
            assert_eq!(all_items(&late), 0);
            Ok::<_, StoreError>(n)
        })
        .unwrap();
    assert_eq!(added, 300);
    assert_eq!(journal(&s), "wal");
    assert_eq!(all_items(&other), 300);
}
