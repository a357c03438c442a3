use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::*;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_new_file_is_private_and_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("r.md");
    write_bytes(&target, true, b"# Report\n").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"# Report\n");
    assert_eq!(mode(&target), 0o600);
    assert_eq!(names(dir.path()), ["r.md"], "no temporary left");
}

#[test]
fn an_existing_open_file_ends_private_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("r.md");
    std::fs::write(&target, "old text, longer than the new one").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    write_bytes(&target, true, b"new").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"new");
    assert_eq!(mode(&target), 0o600);
}

#[test]
fn a_symlink_at_the_target_is_replaced_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "the user's own file").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.ics");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    write_bytes(&link, true, b"BEGIN:VCALENDAR").unwrap();
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the user's own file"
    );
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_file(), "the link itself was replaced");
    assert_eq!(mode(&link), 0o600);
    assert_eq!(std::fs::read(&link).unwrap(), b"BEGIN:VCALENDAR");
}

#[test]
fn without_replace_an_existing_name_is_refused_symlinks_too() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("b.db");
    std::fs::write(&target, "keep").unwrap();
    let e = write_bytes(&target, false, b"new").unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(std::fs::read(&target).unwrap(), b"keep");
    let link = dir.path().join("l.db");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
    let e = write_bytes(&link, false, b"new").unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
    assert!(
        !dir.path().join("nowhere").exists(),
        "the link was not followed"
    );
    assert_eq!(names(dir.path()), ["b.db", "l.db"], "no temporary left");
}

#[test]
fn a_failed_write_leaves_nothing_and_a_retry_works() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("r.md");
    std::fs::write(&target, "before").unwrap();
    let r: Result<(), WriteError<&str>> = write_private(&target, true, |_, f| {
        f.write_all(b"half").unwrap();
        Err("the report could not be built")
    });
    assert!(matches!(r, Err(WriteError::Fill(_))));
    assert_eq!(std::fs::read(&target).unwrap(), b"before");
    assert_eq!(names(dir.path()), ["r.md"]);
    write_bytes(&target, true, b"after").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"after");
}

#[test]
fn the_temporary_is_private_while_it_is_written_and_named_after_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("copy.db");
    write_private(&target, true, |at, f| {
        assert!(at.is_absolute());
        assert_eq!(at.parent(), Some(dir.path()));
        let name = at.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(".copy.db.") && name.ends_with(".tmp"),
            "{name}"
        );
        assert_eq!(mode(at), 0o600, "private from its first byte");
        f.write_all(b"x")
    })
    .unwrap();
}

#[test]
fn a_missing_folder_is_an_error_not_a_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/folder/r.md");
    assert!(write_bytes(&target, true, b"x").is_err());
    assert!(!dir.path().join("no").exists());
}

#[test]
fn special_names_are_not_paths() {
    for s in [
        "",
        ":memory:",
        "file::memory:",
        "FILE:/tmp/x.db?mode=memory",
        "file:x",
    ] {
        assert!(is_special_name(OsStr::new(s)), "{s}");
    }
    for s in [
        "t.db",
        "./file:x",
        "/tmp/file:x",
        "files.db",
        ":memory",
        "memory:",
    ] {
        assert!(!is_special_name(OsStr::new(s)), "{s}");
    }
}

use std::ffi::OsStr;

#[test]
fn io_errors_that_mean_a_full_or_read_only_disk() {
    let p = Path::new("/x/r.md");
    assert_eq!(
        Problem::of_io(p, &std::io::Error::from_raw_os_error(28)),
        Some(Problem::DiskFull { path: p.into() }),
        "ENOSPC"
    );
    assert_eq!(
        Problem::of_io(p, &std::io::Error::from_raw_os_error(122)),
        Some(Problem::DiskFull { path: p.into() }),
        "EDQUOT"
    );
    assert_eq!(
        Problem::of_io(p, &std::io::Error::from_raw_os_error(30)),
        Some(Problem::ReadOnly {
            path: p.into(),
            why: ReadOnly::FileSystem
        }),
        "EROFS"
    );
    assert_eq!(
        Problem::of_io(p, &std::io::Error::from_raw_os_error(13)),
        None,
        "EACCES keeps the system's words"
    );
}

#[test]
fn an_announcement_names_the_work_while_it_lives_and_goes_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert_eq!(announced(&db), None);
    let a = announce(&db, Work::Import).unwrap();
    assert_eq!(announced(&db), Some(Work::Import));
    assert_eq!(mode(&dir.path().join("t.db-busy")), 0o600);
    drop(a);
    assert_eq!(announced(&db), None);
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn a_stale_announcement_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    // What a killed process leaves: the file, and no lock on it.
    std::fs::write(dir.path().join("t.db-busy"), "demo").unwrap();
    assert_eq!(announced(&db), None);
    // Work starting now takes its place.
    let _a = announce(&db, Work::Demo).unwrap();
    assert_eq!(announced(&db), Some(Work::Demo));
}

#[test]
fn only_the_announcement_of_its_own_work_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let first = announce(&db, Work::Import).unwrap();
    let second = announce(&db, Work::Restore).unwrap();
    drop(first);
    assert_eq!(announced(&db), Some(Work::Restore));
    drop(second);
    assert_eq!(announced(&db), None);
}

#[test]
fn a_killed_writes_temporaries_are_cleared_by_a_later_write_once_old() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("k.db");
    let private = |name: &str, age: u64| {
        let p = dir.path().join(name);
        std::fs::write(&p, b"half").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        let when = std::time::SystemTime::now() - Duration::from_secs(age);
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(when)
            .unwrap();
    };
    // Left by killed backups two hours ago: cleared.
    private(".k.db.Ab12Cd.tmp", 7200);
    private(".k.db.Ab12Cd.tmp-journal", 7200);
    // A write still running (fresh), another target's, a user's file that only looks
    // alike, and one readable by others: all kept.
    private(".k.db.Zz99Yy.tmp", 10);
    private(".other.db.Ab12Cd.tmp", 7200);
    private(".k.db.notes.tmp", 7200);
    private(".k.db.Qq11Ww.tmp", 7200);
    std::fs::set_permissions(
        dir.path().join(".k.db.Qq11Ww.tmp"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    write_bytes(&target, true, b"whole").unwrap();
    assert_eq!(
        names(dir.path()),
        [
            ".k.db.Qq11Ww.tmp",
            ".k.db.Zz99Yy.tmp",
            ".k.db.notes.tmp",
            ".other.db.Ab12Cd.tmp",
            "k.db"
        ]
    );
}
