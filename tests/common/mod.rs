//! Helpers for the end-to-end tests: run the real binary on a temporary database.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_twohats");

/// The binary `tests/pty/` starts (the screenshots example, which shares that driver,
/// names its own).
pub fn bin() -> &'static str {
    BIN
}

/// The binary in English whatever the machine's locale: tests that want French say so.
pub fn twohats() -> Command {
    let mut c = Command::new(BIN);
    c.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// A temporary folder holding the test's database; removed when dropped.
pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TempDb {
    pub fn new() -> TempDb {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        TempDb { dir, path }
    }

    /// Runs `twohats --db <path> args...` with a pinned clock and no inherited database.
    pub fn run(&self, args: &[&str]) -> Output {
        run_with_db(&self.path, args)
    }
}

pub fn run_with_db(db: &Path, args: &[&str]) -> Output {
    twohats()
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("TWOHATS_DB")
        .env("TWOHATS_NOW", "2026-11-22T08:30:00Z")
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a successful command printed, as JSON.
pub fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// Runs a command that must be refused as bad input (exit 2, nothing on standard
/// output), and returns its message.
pub fn refused(db: &TempDb, args: &[&str]) -> String {
    let o = db.run(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
    stderr(&o)
}

/// What the database holds, as the command line lists it: equal before and after a
/// refused command when nothing changed.
pub fn everything(db: &TempDb) -> String {
    [
        &["client", "list", "--json", "--archived"][..],
        &["account", "list", "--json"],
        &["posts", "list", "--json"],
        &["inbox", "list", "--status", "all", "--json"],
        &["trash", "list", "--json"],
    ]
    .iter()
    .map(|args| stdout(&db.run(args)))
    .collect()
}

pub const POSTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/posts/");
pub const INBOX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inbox/");

/// A bakery with two accounts added from the command line, a plan (pillars and a
/// campaign have no command yet) and the three posts of `posts/plan.csv`.
pub fn bakery(db: &TempDb) {
    let add = db.run(&[
        "client",
        "add",
        "Boulangerie Marcel",
        "--timezone",
        "Europe/Paris",
    ]);
    assert!(add.status.success(), "{}", stderr(&add));
    for (platform, handle) in [("instagram", "@b"), ("Facebook", "B")] {
        let o = db.run(&[
            "account",
            "add",
            "--client",
            "boulangerie marcel",
            platform,
            handle,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute_batch(
        "INSERT INTO pillars (client_id, name, share, created_at) VALUES (1, 'Products', 50, 0), (1, 'Behind the scenes', 50, 0);
         INSERT INTO campaigns (client_id, name, start_date, end_date, status, created_at)
             VALUES (1, 'Bûches de Noël', '2026-12-01', '2026-12-24', 'active', 0);",
    )
    .unwrap();
    let o = db.run(&[
        "import",
        "posts",
        &format!("{POSTS}plan.csv"),
        "--client",
        "Boulangerie Marcel",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}
