//! The store and its files: SQLite's error codes put into problems a user can act on,
//! the copy before a migration trusted only when whole, copies never onto the database,
//! paths never read as URIs.

use std::path::Path;

use rusqlite::ffi;

use super::*;
use crate::domain::ClientDraft;
use crate::files::{Problem, ReadOnly, Work};

fn sqlite(code: i32) -> StoreError {
    StoreError::Sqlite(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
}

#[test]
fn sqlite_codes_become_problems_that_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    std::fs::write(&db, "").unwrap();
    let explained = |code| match diagnose(Some(&db), sqlite(code)) {
        StoreError::File(p) => Some(p),
        _ => None,
    };
    assert_eq!(
        explained(ffi::SQLITE_BUSY),
        Some(Problem::Busy {
            path: db.clone(),
            work: None
        })
    );
    let busy = crate::files::announce(&db, Work::Restore).unwrap();
    assert_eq!(
        explained(ffi::SQLITE_BUSY),
        Some(Problem::Busy {
            path: db.clone(),
            work: Some(Work::Restore)
        }),
        "the work that holds the file is named"
    );
    drop(busy);
    assert_eq!(
        explained(ffi::SQLITE_FULL),
        Some(Problem::DiskFull { path: db.clone() })
    );
    // A temporary folder has room and is ours: an I/O error or a refusal to open is not
    // put into other words than SQLite's.
    assert_eq!(explained(ffi::SQLITE_IOERR_SHMSIZE), None);
    assert_eq!(explained(ffi::SQLITE_CANTOPEN), None);
    assert_eq!(explained(ffi::SQLITE_CONSTRAINT_UNIQUE), None);
    // In memory there is no file to name.
    assert!(matches!(
        diagnose(None, sqlite(ffi::SQLITE_FULL)),
        StoreError::Sqlite(_)
    ));
    // A read-only file is the system's doing, not bad input (exit code 1).
    let e = StoreError::File(Problem::ReadOnly {
        path: db.clone(),
        why: ReadOnly::File,
    });
    assert!(!e.is_bad_input());
}

#[test]
fn a_path_sqlite_would_read_as_a_uri_is_refused_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    for given in ["file::memory:", "file:x.db?mode=memory", ":memory:", ""] {
        let e = Store::open(Path::new(given)).unwrap_err();
        assert!(
            matches!(&e, StoreError::File(Problem::NotAPath { .. })),
            "{given:?}: {e:?}"
        );
        assert!(e.is_bad_input());
    }
    for stray in ["file:x.db?mode=memory", "file:", ":memory:"] {
        assert!(!Path::new(stray).exists(), "{stray}");
    }
    // Given as a path, a folder named like a URI is a folder.
    let odd = dir.path().join("file:odd?x#y%20");
    let s = Store::open(&odd.join("t.db")).unwrap();
    s.insert_client(&ClientDraft::new("A"), chrono::Utc::now())
        .unwrap();
    let copy = odd.join("copy.db");
    s.backup_to(&copy, false).unwrap();
    assert_eq!(check_twohats_file(&copy).unwrap(), LATEST_VERSION);
}

#[test]
fn only_a_whole_copy_of_the_right_version_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let s = Store::open(&db).unwrap();
    s.insert_client(&ClientDraft::new("A"), chrono::Utc::now())
        .unwrap();
    let copy = dir.path().join("copy.db");
    s.backup_to(&copy, false).unwrap();
    assert!(safety::is_whole_copy(&copy, LATEST_VERSION));
    assert!(
        !safety::is_whole_copy(&copy, LATEST_VERSION - 1),
        "another version's"
    );
    let bytes = std::fs::read(&copy).unwrap();
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert!(!safety::is_whole_copy(&cut, LATEST_VERSION), "cut short");
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();
    assert!(!safety::is_whole_copy(&empty, LATEST_VERSION));
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&copy, &link).unwrap();
    assert!(!safety::is_whole_copy(&link, LATEST_VERSION), "a symlink");
    assert!(!safety::is_whole_copy(
        &dir.path().join("none.db"),
        LATEST_VERSION
    ));
}

#[test]
fn a_copy_never_goes_onto_the_database_or_its_companions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let s = Store::open(&db).unwrap();
    let before = std::fs::read(&db).unwrap();
    let hard = dir.path().join("hard.db");
    std::fs::hard_link(&db, &hard).unwrap();
    for onto in [
        db.clone(),
        dir.path().join("t.db-wal"),
        dir.path().join("t.db-shm"),
        dir.path().join("./t.db-journal"),
        hard,
    ] {
        let e = s.backup_to(&onto, true).unwrap_err();
        assert!(
            matches!(e, StoreError::File(Problem::OntoDatabase { .. })),
            "{onto:?}: {e:?}"
        );
        // Exports and reports ask the same question before they write.
        let e = s.refuse_own_file(&onto).unwrap_err();
        assert!(
            matches!(e, StoreError::File(Problem::OntoDatabase { .. })),
            "{onto:?}: {e:?}"
        );
    }
    s.refuse_own_file(&dir.path().join("report.md")).unwrap();
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // A symlink to the database is only a name: replacing it leaves the database alone.
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    s.backup_to(&link, true).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn the_database_a_restore_replaces_gets_a_name_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T08:30:05Z")
        .unwrap()
        .to_utc();
    let first = restore_keep_path(&db, at);
    assert_eq!(
        first,
        dir.path().join("t.db.before-restore-20261122-083005.bak")
    );
    std::fs::write(&first, "").unwrap();
    assert_eq!(
        restore_keep_path(&db, at),
        dir.path().join("t.db.before-restore-20261122-083005-2.bak")
    );
}

#[test]
fn long_work_says_what_it_does_while_it_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut s = Store::open(&db).unwrap();
    let seen = s
        .transaction_doing(Some(Work::Demo), |_| {
            Ok::<_, StoreError>(crate::files::announced(&db))
        })
        .unwrap();
    assert_eq!(seen, Some(Work::Demo));
    assert_eq!(crate::files::announced(&db), None);
    let seen = s.transaction(|_| Ok(crate::files::announced(&db))).unwrap();
    assert_eq!(seen, None, "short edits do not announce themselves");
}

#[test]
fn a_form_opened_before_a_restore_finds_its_row_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let now = chrono::Utc::now();
    let mut s = Store::open(&db).unwrap();
    // Both files start from one client; each then changes it once (version 2 in both):
    // "Alpha" in the backup, "Beta" in the live database.
    let backup = dir.path().join("b.db");
    let id = s.insert_client(&ClientDraft::new("Acme"), now).unwrap();
    s.backup_to(&backup, false).unwrap();
    {
        let mut b = Store::open(&backup).unwrap();
        b.update_client(id, 1, &ClientDraft::new("Alpha")).unwrap();
    }
    s.update_client(id, 1, &ClientDraft::new("Beta")).unwrap();
    // A window's form reads Beta at version 2.
    let read = s.client(id).unwrap();
    assert_eq!((read.name.as_str(), read.version), ("Beta", 2));
    s.restore_from(&backup).unwrap();
    // A window's form, read before the restore, saves: refused, not written over Alpha.
    let mut draft = ClientDraft::new("Beta");
    draft.notes = "from the window".into();
    let r = s.update_client(id, read.version, &draft);
    assert!(matches!(r, Err(StoreError::Stale { .. })), "{r:?}");
    let there = s.client(id).unwrap();
    assert_eq!((there.name.as_str(), there.notes.as_str()), ("Alpha", ""));
    assert!(there.version > read.version);
}
