//! The database under pressure (issue 18, points 5 and 7 to 9): `restore` keeps what it
//! replaces and asks first; a busy file is waited for and named; reads go on while an
//! import writes; `--db` is a path; a full disk and a read-only file system or folder
//! get clear words. The full disk and the read-only mount are real: a small tmpfs in a
//! user namespace (`unshare -rm`), where the machine allows one.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{BIN, TempDb, stderr, stdout, twohats};
use twohats::files::{Work, announce, announced};

fn add(db: &TempDb, name: &str) {
    let o = db.run(&["client", "add", name, "--timezone", "UTC"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn client_names(db: &TempDb) -> String {
    stdout(&db.run(&["client", "list"]))
}

#[test]
fn restore_asks_on_a_terminal_and_keeps_what_it_replaces() {
    let db = TempDb::new();
    add(&db, "Before");
    let copy = db.dir.path().join("copy.db");
    assert!(db.run(&["backup", copy.to_str().unwrap()]).status.success());
    add(&db, "After the backup");
    let kept = db
        .dir
        .path()
        .join("t.db.before-restore-20261122-083000.bak");
    let restore = ["restore", copy.to_str().unwrap()];
    // No: nothing changes, nothing is kept.
    let mut app = pty::App::command(&db.path, &restore, 120, 10, &[]);
    app.wait_for("Replace the database");
    app.wait_for("[y/N]");
    assert!(app.text().contains("kept as"), "{}", app.text());
    app.send("n\r");
    app.wait_for("Nothing was changed.");
    assert!(app.wait_exit().success());
    assert!(client_names(&db).contains("After the backup"));
    assert!(!kept.exists());
    // Yes: the current database is kept first, then replaced.
    let mut app = pty::App::command(&db.path, &restore, 120, 10, &[]);
    app.wait_for("[y/N]");
    app.send("y\r");
    app.wait_for("Restored from");
    assert!(app.text().contains("is kept as"), "{}", app.text());
    assert!(app.wait_exit().success());
    let names = client_names(&db);
    assert!(!names.contains("After the backup") && names.contains("Before"));
    let c = rusqlite::Connection::open(&kept).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2, "the kept database has both clients");
}

#[test]
fn restore_without_a_terminal_needs_yes_and_changes_nothing_without_it() {
    let db = TempDb::new();
    add(&db, "Before");
    let copy = db.dir.path().join("copy.db");
    assert!(db.run(&["backup", copy.to_str().unwrap()]).status.success());
    add(&db, "After the backup");
    let before = std::fs::read(&db.path).unwrap();
    let o = db.run(&["restore", copy.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--yes"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    assert!(client_names(&db).contains("After the backup"));
    // --yes, twice in the same second: each keeps its own copy.
    for n in ["", "-2"] {
        let o = db.run(&["restore", copy.to_str().unwrap(), "--yes"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let kept = db
            .dir
            .path()
            .join(format!("t.db.before-restore-20261122-083000{n}.bak"));
        assert!(
            stdout(&o).contains(kept.to_str().unwrap()),
            "{}",
            stdout(&o)
        );
    }
    assert!(!client_names(&db).contains("After the backup"));
}

/// A big inbox CSV, so an import holds the write lock for a while.
fn inbox_csv(dir: &Path, n: usize, tag: &str) -> std::path::PathBuf {
    let mut s = String::from("platform,kind,author,text,received_at,permalink,external_id\n");
    for i in 0..n {
        s.push_str(&format!(
            "x,mention,@u{i},hello {i} lorem ipsum,2026-11-20T10:00:00Z,,{tag}{i}\n"
        ));
    }
    let p = dir.join(format!("inbox-{tag}.csv"));
    std::fs::write(&p, s).unwrap();
    p
}

#[test]
fn reads_go_on_while_an_import_writes() {
    let db = TempDb::new();
    add(&db, "A");
    let mut rows = 100_000;
    for attempt in 0.. {
        assert!(
            attempt < 4,
            "the import never ran long enough to read beside it"
        );
        let file = inbox_csv(db.dir.path(), rows, &format!("a{attempt}-"));
        let count = |o: &Output| {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            v.as_array().unwrap().len()
        };
        let before = count(&db.run(&["inbox", "list", "--status", "all", "--json"]));
        let mut import = twohats()
            .arg("--db")
            .arg(&db.path)
            .args(["import", "inbox", file.to_str().unwrap(), "--client", "A"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The import says it holds the write lock once it has it.
        while announced(&db.path) != Some(Work::Import) && import.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(2));
        }
        let list = db.run(&["client", "list"]);
        let inbox = db.run(&["inbox", "list", "--status", "all", "--json"]);
        let still_writing = announced(&db.path) == Some(Work::Import);
        assert!(import.wait().unwrap().success());
        assert!(list.status.success(), "{}", stderr(&list));
        assert!(stdout(&list).contains('A'));
        assert!(inbox.status.success(), "{}", stderr(&inbox));
        if still_writing {
            // The reads answered while the import still held the lock, and saw the
            // file as it was before it.
            assert_eq!(count(&inbox), before);
            return;
        }
        rows *= 2;
    }
}

/// Holds the database's write lock from this process, as another twohats would.
fn hold_lock(db: &Path) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch("BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('held', 'x');")
        .unwrap();
    c
}

#[test]
fn a_writer_waits_for_the_lock_instead_of_failing_at_once() {
    let db = TempDb::new();
    add(&db, "A");
    let file = inbox_csv(db.dir.path(), 50, "w");
    let lock = hold_lock(&db.path);
    let spawn = |args: &[&str]| {
        twohats()
            .arg("--db")
            .arg(&db.path)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut add_b = spawn(&["client", "add", "B", "--timezone", "UTC"]);
    let mut import = spawn(&["import", "inbox", file.to_str().unwrap(), "--client", "A"]);
    std::thread::sleep(Duration::from_millis(1000));
    assert!(add_b.try_wait().unwrap().is_none(), "client add waits");
    assert!(import.try_wait().unwrap().is_none(), "import waits");
    lock.execute_batch("COMMIT").unwrap();
    for child in [add_b, import] {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert!(client_names(&db).contains('B'));
}

#[test]
fn a_command_kept_waiting_says_what_holds_the_file() {
    let db = TempDb::new();
    add(&db, "A");
    let _lock = hold_lock(&db.path);
    let shown = db.path.display().to_string();
    let busy = announce(&db.path, Work::Import).unwrap();
    let o = db.run(&["client", "add", "B"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "twohats: {shown} is busy: an import is writing to it. Try again when it is done.\n"
        )
    );
    drop(busy);
    let o = db.run(&["--lang", "fr", "client", "add", "B"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("{shown} est occupé")),
        "{}",
        stderr(&o)
    );
    // Reads are not kept waiting.
    assert!(db.run(&["client", "list"]).status.success());
}

#[test]
fn the_database_is_a_path_never_a_uri() {
    let cwd = tempfile::tempdir().unwrap();
    // An empty --db is refused by the parser already.
    let o = twohats()
        .current_dir(cwd.path())
        .args(["--db", "", "client", "add", "A"])
        .env_remove("TWOHATS_DB")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    for given in [
        "file::memory:",
        "file:/tmp/twohats-test.db?mode=memory",
        "FILE:t.db",
        ":memory:",
    ] {
        let o = twohats()
            .current_dir(cwd.path())
            .args(["--db", given, "client", "add", "A"])
            .env_remove("TWOHATS_DB")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{given:?}: {}", stdout(&o));
        assert!(
            stderr(&o).contains("file path"),
            "{given:?}: {}",
            stderr(&o)
        );
        let o = twohats()
            .current_dir(cwd.path())
            .args(["client", "list"])
            .env("TWOHATS_DB", given)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "TWOHATS_DB={given:?}");
    }
    assert_eq!(
        std::fs::read_dir(cwd.path()).unwrap().count(),
        0,
        "no stray folder or file"
    );
    // A file really named like that is reached through a path.
    let o = twohats()
        .current_dir(cwd.path())
        .args(["--db", "./file:x.db", "client", "add", "A"])
        .env_remove("TWOHATS_DB")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(cwd.path().join("file:x.db").is_file());
}

/// Runs `script` as root of a new user and mount namespace (`unshare -rm`), with `$B`
/// the binary and `$M`/`$N` two empty folders to mount on; `None` where the machine
/// allows no such namespace (the test then says it was skipped).
fn in_namespace(script: &str) -> Option<Output> {
    let ok = Command::new("unshare")
        .args(["-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: no user namespace with mounts here (unshare -rm)");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let (m, n) = (dir.path().join("m"), dir.path().join("n"));
    std::fs::create_dir(&m).unwrap();
    std::fs::create_dir(&n).unwrap();
    let o = Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .env("B", BIN)
        .env(
            "V1",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db"),
        )
        .env("M", &m)
        .env("N", &n)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("TWOHATS_DB")
        .env("TWOHATS_NOW", "2026-11-22T08:30:00Z")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout).replace(&m.display().to_string(), "$M");
    let text = text.replace(&n.display().to_string(), "$N");
    println!("{text}");
    Some(Output {
        stdout: text.into_bytes(),
        ..o
    })
}

/// The lines after `== name` and before the next `==`.
fn section<'a>(out: &'a str, name: &str) -> &'a str {
    let start = out
        .find(&format!("== {name}\n"))
        .unwrap_or_else(|| panic!("no section {name} in:\n{out}"))
        + name.len()
        + 4;
    let rest = &out[start..];
    &rest[..rest.find("== ").unwrap_or(rest.len())]
}

#[test]
fn a_full_disk_says_so_and_nothing_is_written() {
    // Two small disks: $M holds the database, $N is where copies and reports go.
    let Some(o) = in_namespace(
        r#"
        exec 2>&1
        mount -t tmpfs -o size=1m tmpfs "$M" && mount -t tmpfs -o size=1m tmpfs "$N" || exit 90
        "$B" --db "$M/t.db" client add A --timezone UTC >/dev/null || exit 91
        dd if=/dev/zero of="$M/fill" bs=4k 2>/dev/null
        echo "== list"; "$B" --db "$M/t.db" client list; echo "rc=$?"
        echo "== add"; "$B" --db "$M/t.db" client add B; echo "rc=$?"
        rm "$M/fill"
        dd if=/dev/zero of="$N/fill" bs=4k 2>/dev/null
        echo "== backup"; "$B" --db "$M/t.db" backup "$N/copy.db"; echo "rc=$?"
        echo "== report"; "$B" --db "$M/t.db" report --client A --week 2026-W47 -o "$N/r.md"; echo "rc=$?"
        echo "== files"; ls -A "$N"
        rm "$N/fill"
        echo "== after"; "$B" --db "$M/t.db" client list; echo "rc=$?"
        echo "== end"
        "#,
    ) else {
        return;
    };
    let out = stdout(&o);
    assert!(o.status.success(), "{out}");
    let full = |path: &str| {
        format!(
            "twohats: the disk holding {path} is full: nothing was written. Free some space and try again.\nrc=1\n"
        )
    };
    assert_eq!(section(&out, "list"), full("$M/t.db"), "a read says so too");
    assert_eq!(section(&out, "add"), full("$M/t.db"));
    assert_eq!(section(&out, "backup"), full("$N/copy.db"));
    assert_eq!(section(&out, "report"), full("$N/r.md"));
    assert_eq!(
        section(&out, "files"),
        "fill\n",
        "no half copy, no temporary"
    );
    assert_eq!(
        section(&out, "after"),
        "   1  A  EUR UTC reply 4h  \nrc=0\n"
    );
}

#[test]
fn a_read_only_file_system_is_read_and_never_written() {
    let Some(o) = in_namespace(
        r#"
        exec 2>&1
        mount -t tmpfs -o size=4m tmpfs "$M" || exit 90
        "$B" --db "$M/t.db" client add A --timezone UTC >/dev/null || exit 91
        cp "$V1" "$M/old.db" || exit 93
        mount -o remount,ro "$M" || exit 92
        echo "== list"; "$B" --db "$M/t.db" client list; echo "rc=$?"
        echo "== report"; "$B" --db "$M/t.db" report --client A --week 2026-W47 --format md | head -1; echo "rc=$?"
        echo "== add"; "$B" --db "$M/t.db" client add B; echo "rc=$?"
        echo "== new"; "$B" --db "$M/other.db" client add B; echo "rc=$?"
        echo "== old"; "$B" --db "$M/old.db" client list; echo "rc=$?"
        echo "== files"; ls -A "$M"
        echo "== end"
        "#,
    ) else {
        return;
    };
    let out = stdout(&o);
    assert!(o.status.success(), "{out}");
    assert!(section(&out, "list").contains("   1  A"), "{out}");
    assert!(section(&out, "list").ends_with("rc=0\n"), "{out}");
    assert!(section(&out, "report").starts_with('#'), "{out}");
    assert_eq!(
        section(&out, "add"),
        "twohats: $M/t.db is on a read-only file system: it can be read, but nothing was written.\nrc=1\n"
    );
    assert_eq!(
        section(&out, "new"),
        "twohats: $M/other.db is on a read-only file system: it can be read, but nothing was written.\nrc=1\n"
    );
    assert_eq!(
        section(&out, "old"),
        "twohats: $M/old.db was made by an older twohats and is on a read-only file system: it must be upgraded before it can be read. Copy it to a writable disk first.\nrc=1\n"
    );
    assert_eq!(section(&out, "files"), "old.db\nt.db\n");
}

/// Runs the binary as user `nobody` (when this test runs as root, which ignores
/// permissions), else as this user.
fn as_other_user(args: &[&str]) -> Option<Output> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let mut c = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    let o = c
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("TWOHATS_DB")
        .output()
        .ok()?;
    if root && !o.status.success() && stderr(&o).contains("setpriv") {
        eprintln!("skipped: cannot run as another user here");
        return None;
    }
    Some(o)
}

#[test]
fn a_folder_or_file_others_own_is_explained() {
    use std::os::unix::fs::PermissionsExt;
    let db = TempDb::new();
    add(&db, "A");
    let shown = db.path.display().to_string();
    let set =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    // A folder the user cannot write to: SQLite cannot read a WAL database there.
    set(db.dir.path(), if root { 0o755 } else { 0o555 });
    set(&db.path, 0o644);
    let Some(o) = as_other_user(&["--db", &shown, "client", "list"]) else {
        set(db.dir.path(), 0o700);
        return;
    };
    set(db.dir.path(), 0o700);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "twohats: cannot use {shown}: its folder is not writable by you, and SQLite must create two files beside the database (-wal and -shm) even to read it. Copy it to a folder of yours and use --db.\n"
        )
    );
    if !root {
        return;
    }
    // A file the user can read but not write, in a folder they can write to: reads
    // work, a write says why it cannot.
    let theirs = tempfile::tempdir().unwrap();
    std::os::unix::fs::chown(theirs.path(), Some(65534), Some(65534)).unwrap();
    set(theirs.path(), 0o755);
    let file = theirs.path().join("t.db");
    std::fs::copy(&db.path, &file).unwrap();
    set(&file, 0o644);
    let shown = file.display().to_string();
    let o = as_other_user(&["--db", &shown, "client", "list"]).unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("   1  A"));
    let o = as_other_user(&["--db", &shown, "client", "add", "B"]).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "twohats: {shown} is read-only for you: it can be read, but nothing was written.\n"
        )
    );
}
