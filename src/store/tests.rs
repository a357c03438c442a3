use std::os::unix::fs::PermissionsExt;

use chrono::TimeZone;

use super::*;
use crate::domain::{AccountDraft, ClientDraft, Platform};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}

fn draft(name: &str) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        currency: "EUR".into(),
        timezone: "Europe/Paris".into(),
        reply_target_hours: 4,
        notes: String::new(),
    }
}

#[test]
fn migrations_validate() {
    migrations::migrations().validate().unwrap();
}

type PlatformRow = (
    String,
    String,
    Option<u32>,
    Option<u32>,
    Option<u32>,
    String,
);

#[test]
fn platform_seed_matches_the_catalogue() {
    let s = Store::open_in_memory().unwrap();
    let mut st = s
        .conn
        .prepare(
            "SELECT key, name, text_limit, title_limit, hashtag_limit, count_rule FROM platforms",
        )
        .unwrap();
    let rows: Vec<PlatformRow> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), Platform::ALL.len());
    for (key, name, limit, title, tags, rule) in rows {
        let p = Platform::parse(&key).unwrap();
        assert_eq!(p.key(), key);
        assert_eq!(p.name(), name);
        assert_eq!(p.text_limit(), limit, "{key}");
        assert_eq!(p.title_limit(), title, "{key}");
        assert_eq!(p.hashtag_limit(), tags, "{key}");
        assert_eq!(p.count_rule().key(), rule, "{key}");
    }
}

#[test]
fn clients_round_trip() {
    let mut s = Store::open_in_memory().unwrap();
    let id = s
        .insert_client(&draft("Boulangerie Marcel"), now())
        .unwrap();
    let c = s.client(id).unwrap();
    assert_eq!(c.name, "Boulangerie Marcel");
    assert_eq!(c.currency, "EUR");
    assert_eq!(c.created_at, now());
    assert!(!c.is_archived());

    let mut d = draft("Marcel & Fils");
    d.currency = "CHF".into();
    d.reply_target_hours = 8;
    d.notes = "Swiss shop".into();
    s.update_client(id, 1, &d).unwrap();
    let c = s.find_client("marcel & fils").unwrap();
    assert_eq!((c.currency.as_str(), c.reply_target_hours), ("CHF", 8));
    assert_eq!(s.find_client(&id.to_string()).unwrap().id, id);
    assert!(matches!(
        s.find_client("nobody"),
        Err(StoreError::NoClientNamed(n)) if n == "nobody"
    ));

    s.set_client_archived(id, Some(now())).unwrap();
    assert_eq!(s.client(id).unwrap().archived_at, Some(now()));
    s.set_client_archived(id, None).unwrap();
    assert!(!s.client(id).unwrap().is_archived());
}

#[test]
fn client_names_are_unique_in_any_case() {
    let mut s = Store::open_in_memory().unwrap();
    s.insert_client(&draft("Café Lumière"), now()).unwrap();
    let err = s.insert_client(&draft("CAFÉ LUMIÈRE"), now());
    assert!(matches!(err, Err(StoreError::Conflict(_))), "{err:?}");
    let other = s.insert_client(&draft("Other"), now()).unwrap();
    let err = s.update_client(other, 1, &draft("café lumière"));
    assert!(matches!(err, Err(StoreError::Conflict(_))), "{err:?}");
}

#[test]
fn accounts_round_trip_and_trash() {
    let s = Store::open_in_memory().unwrap();
    let c = s.insert_client(&draft("A"), now()).unwrap();
    let d = AccountDraft {
        platform: Platform::Instagram,
        handle: "@a".into(),
    };
    let id = s.insert_account(c, &d, now()).unwrap();
    assert!(matches!(
        s.insert_account(c, &d, now()),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.accounts().unwrap()[0].platform, Platform::Instagram);
    s.update_account(
        id,
        1,
        &AccountDraft {
            platform: Platform::X,
            handle: "@a_x".into(),
        },
    )
    .unwrap();
    assert_eq!(s.accounts().unwrap()[0].handle, "@a_x");
    // Found by platform and handle in any ASCII case, as handles are unique.
    let found = s.find_account(c, Platform::X, " @A_X ").unwrap().unwrap();
    assert_eq!((found.id, found.handle.as_str()), (id, "@a_x"));
    assert!(
        s.find_account(c, Platform::Instagram, "@a_x")
            .unwrap()
            .is_none()
    );
    assert!(
        s.find_account(c + 1, Platform::X, "@a_x")
            .unwrap()
            .is_none()
    );
    s.set_account_deleted(id, Some(now())).unwrap();
    assert!(s.accounts().unwrap().is_empty());
    assert!(s.find_account(c, Platform::X, "@a_x").unwrap().is_none());
    s.set_account_deleted(id, None).unwrap();
    assert_eq!(s.accounts().unwrap().len(), 1);
}

#[test]
fn foreign_keys_are_enforced() {
    let s = Store::open_in_memory().unwrap();
    let d = AccountDraft {
        platform: Platform::X,
        handle: "@ghost".into(),
    };
    assert!(s.insert_account(999, &d, now()).is_err());
}

#[test]
fn transaction_is_all_or_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let r: Result<()> = s.transaction(|tx| {
        tx.insert_client(&draft("One"), now(), false)?;
        tx.insert_client(&draft("one"), now(), false)?;
        Ok(())
    });
    assert!(r.is_err());
    assert_eq!(s.client_count().unwrap(), 0);
}

#[test]
fn demo_clients_are_removed_with_their_accounts_and_only_them() {
    let mut s = Store::open_in_memory().unwrap();
    s.insert_client(&draft("Mine"), now()).unwrap();
    s.transaction(|tx| {
        let id = tx.insert_client(&draft("Demo"), now(), true)?;
        tx.insert_account(
            id,
            &AccountDraft {
                platform: Platform::X,
                handle: "@demo".into(),
            },
            now(),
        )?;
        Ok(())
    })
    .unwrap();
    let demo: Vec<_> = s.tx().demo_clients().unwrap();
    assert_eq!(demo.len(), 1);
    assert!(demo[0].is_demo && demo[0].name == "Demo");
    assert!(!s.find_client("Mine").unwrap().is_demo);
    s.transaction(|tx| tx.delete_demo_clients()).unwrap();
    let names: Vec<_> = s.clients().unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Mine"]);
    assert!(s.tx().demo_clients().unwrap().is_empty());
    assert!(s.accounts().unwrap().is_empty());
}

#[test]
fn settings_round_trip() {
    let s = Store::open_in_memory().unwrap();
    assert_eq!(s.setting("lang").unwrap(), None);
    s.set_setting("lang", "fr").unwrap();
    s.set_setting("lang", "en").unwrap();
    assert_eq!(s.setting("lang").unwrap().as_deref(), Some("en"));
}

#[test]
fn file_is_private_wal_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/t.db");
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    let mode: String = s
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = s
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let file_mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(file_mode, 0o600);
    let dir_mode = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700);
    drop(s);
    // Opening again keeps the data and does not migrate twice.
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let s = Store::open(&path).unwrap();
        s.insert_client(&draft("Keep me"), now()).unwrap();
        s.conn
            .pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
        s.conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { found, .. } if found == LATEST_VERSION + 1));
    assert!(err.is_bad_input());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("future.db-wal").exists());
}

#[test]
fn foreign_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');")
            .unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    assert!(matches!(
        Store::open(&other),
        Err(StoreError::NotTwohats { .. })
    ));
    assert_eq!(std::fs::read(&other).unwrap(), before);

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database at all, just some text ".repeat(50),
    )
    .unwrap();
    let before = std::fs::read(&text).unwrap();
    assert!(matches!(
        Store::open(&text),
        Err(StoreError::NotTwohats { .. })
    ));
    assert_eq!(std::fs::read(&text).unwrap(), before);
}

/// Sums come from the cache only while nothing changed: a write through this
/// connection, or a commit from another one (another window), is seen at once.
#[test]
fn kpi_sums_follow_every_change() {
    use crate::domain::Platform;
    use crate::domain::kpi::DailyValue;
    use crate::domain::metric::Metric;
    use chrono::NaiveDate;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path).unwrap();
    let client = a
        .insert_client(&crate::domain::ClientDraft::new("C"), chrono::Utc::now())
        .unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let value = |v: i64| DailyValue {
        platform: Platform::Instagram,
        day,
        metric: Metric::Impressions,
        value: v,
    };
    let total = |s: &Store| -> i64 {
        s.kpi_sums(client, day, day)
            .unwrap()
            .iter()
            .map(|x| x.value)
            .sum()
    };
    a.transaction(|tx| tx.upsert_daily(client, &[value(10)], |_| {}))
        .unwrap();
    assert_eq!(total(&a), 10);
    assert_eq!(total(&a), 10, "from the cache");
    a.transaction(|tx| tx.upsert_daily(client, &[value(25)], |_| {}))
        .unwrap();
    assert_eq!(total(&a), 25, "own write");
    let mut b = Store::open(&path).unwrap();
    b.transaction(|tx| tx.upsert_daily(client, &[value(40)], |_| {}))
        .unwrap();
    assert_eq!(total(&a), 40, "another window's write");
}

/// A read snapshot ends whatever its reads return, so the next write can start.
#[test]
fn reading_ends_its_transaction_on_success_and_on_error() {
    let mut s = Store::open_in_memory().unwrap();
    let n = s.reading(|| s.client_count()).unwrap();
    assert_eq!(n, 0);
    let failed: Result<()> = s.reading(|| {
        s.client(4242)?;
        Ok(())
    });
    assert!(failed.is_err());
    assert!(s.conn.is_autocommit(), "the read transaction was left open");
    s.transaction(|tx| tx.insert_client(&draft("After"), now(), false))
        .unwrap();
    // Inside a transaction it simply runs there.
    let r: Result<usize> = s.transaction(|_| Ok(0));
    assert_eq!(r.unwrap(), 0);
    assert_eq!(s.reading(|| s.client_count()).unwrap(), 1);
}
