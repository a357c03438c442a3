//! Reliability: migrations from the first schema, backups, restore, the trash, files
//! kept private.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{TempDb, stderr, stdout};

const V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db");

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_first_version_database_is_upgraded_with_every_row_and_a_backup() {
    let db = TempDb::new();
    std::fs::copy(V1, &db.path).unwrap();
    let before = std::fs::read(&db.path).unwrap();
    let o = db.run(&["client", "list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Boulangerie Marcel", "Hotel Alpenrose"]);
    assert_eq!(v[0]["notes"], "Made by schema version 1");
    assert_eq!(v[0]["accounts"].as_array().unwrap().len(), 2);
    assert_eq!(
        v[1]["accounts"].as_array().unwrap().len(),
        1,
        "the deleted account stays deleted"
    );
    // The automatic backup holds the file exactly as version 1 left it.
    let backup = db.dir.path().join("t.db.before-v2.bak");
    assert!(backup.exists());
    assert_eq!(mode(&backup), 0o600);
    let c = rusqlite::Connection::open(&backup).unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    let n: i64 = c
        .query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 4);
    drop(before);
    // The upgraded file takes every new kind of row.
    assert!(
        db.run(&[
            "import",
            "kpi",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kpi/long.csv"),
            "--client",
            "Boulangerie Marcel"
        ])
        .status
        .success()
    );
    let o = db.run(&["trash"]);
    assert!(stdout(&o).contains("@old_handle"), "{}", stdout(&o));
}

#[test]
fn backup_while_in_use_and_restore() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    assert_eq!(mode(&db.path), 0o600);
    // An open connection in the middle of a read does not stop a backup.
    let reader = rusqlite::Connection::open(&db.path).unwrap();
    let mut st = reader.prepare("SELECT id FROM inbox_items").unwrap();
    let mut rows = st.query([]).unwrap();
    rows.next().unwrap();
    let copy = db.dir.path().join("copy.db");
    let o = db.run(&["backup", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    drop(rows);
    drop(st);
    drop(reader);
    assert_eq!(mode(&copy), 0o600);
    // Change the database, then restore the copy: the change is gone.
    assert!(
        db.run(&["client", "add", "After the backup", "--timezone", "UTC"])
            .status
            .success()
    );
    let o = db.run(&["restore", copy.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&db.run(&["client", "list"]));
    assert!(!list.contains("After the backup"), "{list}");
    assert!(list.contains("Boulangerie Marcel"));
    // The database it replaced is kept beside it, private, and says so.
    let kept = db
        .dir
        .path()
        .join("t.db.before-restore-20261122-083000.bak");
    assert!(
        stdout(&o).contains(kept.to_str().unwrap()),
        "{}",
        stdout(&o)
    );
    assert_eq!(mode(&kept), 0o600);
    let c = rusqlite::Connection::open(&kept).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM clients WHERE name = 'After the backup'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1, "the kept copy has what the restore replaced");
    // A backup replaces an existing file, as cp does; never the database itself.
    let o = db.run(&["backup", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&copy), 0o600);
    let before = std::fs::read(&db.path).unwrap();
    for onto in ["t.db", "t.db-wal", "t.db-shm"] {
        let o = db.run(&["backup", db.dir.path().join(onto).to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{onto}: {}", stderr(&o));
        assert!(stderr(&o).contains("the database itself"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    // Refusals: a file that is not ours, a missing file.
    let text = db.dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    let before = std::fs::read(&db.path).unwrap();
    let o = db.run(&["restore", text.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a twohats database"));
    let other = db.dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert_eq!(
        db.run(&["restore", other.to_str().unwrap(), "--yes"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        db.run(&["restore", "/nonexistent.db", "--yes"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(std::fs::read(&db.path).unwrap().len(), before.len());
}

#[test]
fn trash_lists_and_restores() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    {
        let c = rusqlite::Connection::open(&db.path).unwrap();
        c.execute("UPDATE posts SET deleted_at = 1763800000 WHERE id = 3", [])
            .unwrap();
        c.execute(
            "UPDATE inbox_items SET deleted_at = 1763800100 WHERE id = 2",
            [],
        )
        .unwrap();
    }
    let v: serde_json::Value =
        serde_json::from_slice(&db.run(&["trash", "list", "--json"]).stdout).unwrap();
    let kinds: Vec<(&str, i64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["id"].as_i64().unwrap()))
        .collect();
    assert_eq!(kinds, [("inbox_items", 2), ("posts", 3)], "newest first");
    let o = db.run(&["trash", "restore", "posts", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        db.run(&["trash", "restore", "posts", "3"]).status.code(),
        Some(2),
        "already back"
    );
    assert_eq!(
        db.run(&["trash", "restore", "spaceships", "1"])
            .status
            .code(),
        Some(2)
    );
    let v: serde_json::Value =
        serde_json::from_slice(&db.run(&["trash", "list", "--json"]).stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}
