//! Helpers for the end-to-end tests: run the real binary on a temporary database.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_twohats");

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
