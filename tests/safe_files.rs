//! Files the app writes (issue 18, points 2 to 4 and 6): private from their first byte,
//! whole or absent after a SIGKILL, a half-made copy before a migration never trusted,
//! symlinks replaced and never followed, old permissions never kept. Permissions are
//! checked by a thread that lists the folder while the file is written, with the lax
//! umask 022 a user may have.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{BIN, TempDb, stderr, stdout};
use twohats::store::LATEST_VERSION;

const V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db");

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

fn private(p: &Path) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// `twohats --db DB ARGS` under umask 022, so a file created with the default mode
/// would be readable by everyone.
fn lax(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg("umask 022; exec \"$@\"")
        .arg("sh")
        .arg(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("TWOHATS_DB")
        .env("TWOHATS_NOW", "2026-11-22T08:30:00Z");
    c
}

/// Every name seen in `dir` while `work` runs, with every mode it was seen with.
fn watch<T>(dir: &Path, work: impl FnOnce() -> T) -> (T, BTreeMap<String, BTreeSet<u32>>) {
    let stop = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(Mutex::new(BTreeMap::<String, BTreeSet<u32>>::new()));
    let poller = {
        let (stop, seen, dir) = (Arc::clone(&stop), Arc::clone(&seen), dir.to_path_buf());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    continue;
                };
                for e in entries.flatten() {
                    if let Ok(m) = std::fs::symlink_metadata(e.path()) {
                        seen.lock()
                            .unwrap()
                            .entry(e.file_name().to_string_lossy().into_owned())
                            .or_default()
                            .insert(m.permissions().mode() & 0o777);
                    }
                }
            }
        })
    };
    let out = work();
    stop.store(true, Ordering::Relaxed);
    poller.join().unwrap();
    let seen = seen.lock().unwrap().clone();
    (out, seen)
}

/// Names in `seen` that were ever readable or writable by others than the owner.
fn open_to_others(seen: &BTreeMap<String, BTreeSet<u32>>) -> Vec<(String, u32)> {
    seen.iter()
        .flat_map(|(n, modes)| modes.iter().map(move |m| (n.clone(), *m)))
        .filter(|(_, m)| m & 0o077 != 0)
        .collect()
}

/// Fills the notes of every client with `mb` MB of text, so copying the file takes a
/// moment to watch.
fn fatten(db: &Path, mb: usize) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute(
        "UPDATE clients SET notes = hex(randomblob(?1))",
        [(mb * 1024 * 1024 / 2) as i64],
    )
    .unwrap();
}

/// (user_version, quick_check, accounts) of a copy, opened read-only.
fn inspect(p: &Path) -> (i64, String, i64) {
    inspect_with(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
}

/// [`inspect`] of a database a killed process may have left a journal beside, which
/// SQLite rolls back (as the next twohats would).
fn inspect_db(p: &Path) -> (i64, String, i64) {
    inspect_with(p, rusqlite::OpenFlags::default())
}

fn inspect_with(p: &Path, flags: rusqlite::OpenFlags) -> (i64, String, i64) {
    let c = rusqlite::Connection::open_with_flags(p, flags).unwrap();
    let v = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let check = c
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap_or_else(|e| e.to_string());
    let accounts = c
        .query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))
        .unwrap_or(-1);
    (v, check, accounts)
}

/// Files in `dir` other than `keep`.
fn others(dir: &Path, keep: &[&str]) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| !keep.contains(&e.file_name().to_string_lossy().as_ref()))
        .map(|e| e.path())
        .collect()
}

#[test]
fn a_backup_is_private_from_its_first_byte() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "A", "--timezone", "UTC"])
            .status
            .success()
    );
    fatten(&db.path, 40);
    let copy = db.dir.path().join("copy.db");
    let (o, seen) = watch(db.dir.path(), || {
        lax(&db.path, &["backup", copy.to_str().unwrap()])
            .output()
            .unwrap()
    });
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(open_to_others(&seen), [], "seen: {seen:?}");
    assert!(
        seen.keys()
            .any(|n| n.starts_with(".copy.db.") && n.ends_with(".tmp")),
        "the copy was watched while it was written: {seen:?}"
    );
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(inspect(&copy), (LATEST_VERSION, "ok".into(), 0));
    assert_eq!(
        others(db.dir.path(), &["t.db", "t.db-wal", "t.db-shm", "copy.db"]),
        Vec::<PathBuf>::new(),
        "no temporary left"
    );
}

#[test]
fn the_copy_before_a_migration_is_private_from_its_first_byte() {
    let db = TempDb::new();
    std::fs::copy(V1, &db.path).unwrap();
    private(&db.path);
    fatten(&db.path, 40);
    let (o, seen) = watch(db.dir.path(), || {
        lax(&db.path, &["client", "list"]).output().unwrap()
    });
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(open_to_others(&seen), [], "seen: {seen:?}");
    assert!(
        seen.keys()
            .any(|n| n.starts_with(".t.db.before-v2.bak.") && n.ends_with(".tmp")),
        "the copy was watched while it was written: {seen:?}"
    );
    let bak = db.dir.path().join("t.db.before-v2.bak");
    assert_eq!(mode(&bak), 0o600);
    assert_eq!(inspect(&bak), (1, "ok".into(), 4));
}

/// Pseudo-random moments, the same every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// How long `cmd` takes here, in ms, plus a quarter: the span kill moments are drawn
/// from (never asserted on).
fn span_of(mut cmd: Command) -> u64 {
    let start = std::time::Instant::now();
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    (start.elapsed().as_millis() as u64 * 5 / 4).max(50)
}

/// Spawns `cmd`, waits `ms`, kills it with SIGKILL (no chance to clean up).
fn kill_after(mut cmd: Command, ms: u64) {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(ms));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_killed_backup_leaves_nothing_readable_and_a_retry_works() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "A", "--timezone", "UTC"])
            .status
            .success()
    );
    fatten(&db.path, 16);
    let copy = db.dir.path().join("copy.db");
    // Moments spread over a whole backup on this machine, and a little past its end.
    let span = span_of(lax(&db.path, &["backup", copy.to_str().unwrap()]));
    std::fs::remove_file(&copy).unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let (mut absent, mut whole) = (0, 0);
    for trial in 0..16 {
        let ms = if trial < 4 {
            trial * 5
        } else {
            rng.next() % span
        };
        kill_after(lax(&db.path, &["backup", copy.to_str().unwrap()]), ms);
        if copy.exists() {
            assert_eq!(
                inspect(&copy),
                (LATEST_VERSION, "ok".into(), 0),
                "trial {trial}"
            );
            assert_eq!(mode(&copy), 0o600);
            whole += 1;
        } else {
            absent += 1;
        }
        // What a kill leaves is private: the temporary and SQLite's journal of it.
        for left in others(db.dir.path(), &["t.db", "t.db-wal", "t.db-shm", "copy.db"]) {
            assert_eq!(mode(&left), 0o600, "trial {trial}: {left:?}");
            std::fs::remove_file(&left).unwrap();
        }
        // The retry works, and leaves a whole private copy.
        let o = db.run(&["backup", copy.to_str().unwrap()]);
        assert!(o.status.success(), "trial {trial}: {}", stderr(&o));
        assert_eq!(inspect(&copy), (LATEST_VERSION, "ok".into(), 0));
        std::fs::remove_file(&copy).unwrap();
    }
    println!("killed backups: {absent} left nothing, {whole} were already whole");
}

#[test]
fn a_killed_copy_before_a_migration_is_never_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.db");
    std::fs::copy(V1, &template).unwrap();
    fatten(&template, 16);
    let db = TempDb::new();
    let bak = db.dir.path().join("t.db.before-v2.bak");
    std::fs::copy(&template, &db.path).unwrap();
    let span = span_of(lax(&db.path, &["client", "list"]));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tally = BTreeMap::<String, usize>::new();
    for trial in 0..16 {
        for f in others(db.dir.path(), &[]) {
            std::fs::remove_file(f).unwrap();
        }
        std::fs::copy(&template, &db.path).unwrap();
        private(&db.path);
        let ms = if trial < 4 {
            trial * 5
        } else {
            rng.next() % span
        };
        kill_after(lax(&db.path, &["client", "list"]), ms);
        let copy = if bak.exists() {
            assert_eq!(inspect(&bak), (1, "ok".into(), 4), "trial {trial}");
            "copy whole"
        } else {
            "no copy"
        };
        let (version, check, _) = inspect_db(&db.path);
        assert_eq!(check, "ok", "trial {trial}");
        assert!(
            version == 1 || version == LATEST_VERSION,
            "trial {trial}: version {version}"
        );
        *tally
            .entry(format!("{copy}, database at v{version}"))
            .or_default() += 1;
        let keep = ["t.db", "t.db-wal", "t.db-shm", "t.db.before-v2.bak"];
        for left in others(db.dir.path(), &keep) {
            assert_eq!(mode(&left), 0o600, "trial {trial}: {left:?}");
            std::fs::remove_file(&left).unwrap();
        }
        // The next start finishes the work; the copy it keeps is whole, at version 1.
        let o = db.run(&["client", "list"]);
        assert!(o.status.success(), "trial {trial}: {}", stderr(&o));
        assert!(stdout(&o).contains("Boulangerie Marcel"));
        assert_eq!(inspect(&bak), (1, "ok".into(), 4), "trial {trial}");
    }
    println!("killed starts before a migration: {tally:?}");
}

#[test]
fn a_half_copy_left_by_an_older_twohats_is_made_again() {
    let whole = std::fs::read(V1).unwrap();
    for (what, bytes) in [
        ("empty", Vec::new()),
        (
            "cut after two pages",
            whole[..8192.min(whole.len() / 2)].to_vec(),
        ),
        ("not a database", b"half a file".to_vec()),
    ] {
        let db = TempDb::new();
        std::fs::write(&db.path, &whole).unwrap();
        private(&db.path);
        let bak = db.dir.path().join("t.db.before-v2.bak");
        std::fs::write(&bak, &bytes).unwrap();
        let o = db.run(&["client", "list"]);
        assert!(o.status.success(), "{what}: {}", stderr(&o));
        assert_eq!(inspect(&bak), (1, "ok".into(), 4), "{what}");
        assert_eq!(mode(&bak), 0o600, "{what}");
    }
}

#[test]
fn outputs_replace_symlinks_and_never_keep_old_permissions() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "A", "--timezone", "UTC"])
            .status
            .success()
    );
    let dir = db.dir.path();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "the user's own file").unwrap();
    private(&victim);
    // export ics -o onto a symlink: the link is replaced, its target untouched.
    let link = dir.join("link.ics");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let o = db.run(&[
        "export",
        "ics",
        "--client",
        "A",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the user's own file"
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
    assert!(
        std::fs::read_to_string(&link)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
    assert_eq!(mode(&link), 0o600);
    // A link planted in a world-writable folder does not make a report overwrite the
    // user's private file.
    let shared = dir.join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let planted = shared.join("r.md");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let week = ["report", "--client", "A", "--week", "2026-W47"];
    let o = db.run(&[&week[..], &["-o", planted.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the user's own file"
    );
    assert!(std::fs::read_to_string(&planted).unwrap().starts_with('#'));
    assert_eq!(mode(&planted), 0o600);
    // An existing 0644 file ends 0600, with the report in it.
    let open = dir.join("open.json");
    std::fs::write(&open, "old").unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = db.run(&[&week[..], &["-o", open.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&open), 0o600);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&open).unwrap()).unwrap();
    assert_eq!(v["client"], "A");
}

#[test]
fn report_takes_its_format_from_the_output_file_and_refuses_a_contradiction() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "A", "--timezone", "UTC"])
            .status
            .success()
    );
    let week = ["report", "--client", "A", "--week", "2026-W47"];
    let out = |name: &str| db.dir.path().join(name);
    for (name, starts) in [
        ("r.md", "#"),
        ("r.html", "<!DOCTYPE html>"),
        ("r.json", "{"),
    ] {
        let o = db.run(&[&week[..], &["-o", out(name).to_str().unwrap()]].concat());
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let text = std::fs::read_to_string(out(name)).unwrap();
        assert!(
            text.starts_with(starts),
            "{name}: {}",
            &text[..40.min(text.len())]
        );
    }
    let o = db.run(&[&week[..], &["-o", out("r.csv").to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(out("r.csv")).unwrap().contains(','));
    // --format that contradicts the extension: refused, nothing written.
    let clash = out("clash.md");
    let o = db.run(
        &[
            &week[..],
            &["--format", "html", "-o", clash.to_str().unwrap()],
        ]
        .concat(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("does not match"), "{}", stderr(&o));
    assert!(!clash.exists());
    // Neither --format nor -o: Markdown on standard output, as the README says.
    let o = db.run(&week);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# "));
    // A file whose extension names no format, without --format: refused.
    let o = db.run(&[&week[..], &["-o", "notes.txt"][..]].concat());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("which format"), "{}", stderr(&o));
    // --format with an extension that names no format is taken as asked.
    let notes = out("notes.txt");
    let o = db.run(
        &[
            &week[..],
            &["--format", "md", "-o", notes.to_str().unwrap()],
        ]
        .concat(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&notes).unwrap().starts_with('#'));
}

#[test]
fn a_report_or_an_export_never_goes_onto_the_database() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "A", "--timezone", "UTC"])
            .status
            .success()
    );
    let before = std::fs::read(&db.path).unwrap();
    let wal = PathBuf::from(format!("{}-wal", db.path.display()));
    let week = [
        "report", "--client", "A", "--week", "2026-W47", "--format", "md",
    ];
    for onto in [&db.path, &wal] {
        let at = onto.to_str().unwrap();
        for args in [
            [&week[..], &["-o", at]].concat(),
            vec!["export", "ics", "--client", "A", "-o", at],
        ] {
            let o = db.run(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
            assert!(stderr(&o).contains(at), "{}", stderr(&o));
        }
    }
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    assert!(
        db.run(&["client", "list"]).status.success(),
        "the database still opens"
    );
}
