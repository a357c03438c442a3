//! What a review of the release binary found (issue 17, second pass), end to end: reply
//! text files and backups that are no regular files, the app without a terminal on a new
//! path, ids beyond 64 bits, a `--last-date` that is not the last row's day, the columns
//! a long CSV leaves out.

use std::process::Command;

use crate::common::{TempDb, stderr, stdout};
use crate::{
    INBOX_HEADER, assert_clean, db_with_client, refused, run_with_timeout, snapshot, write,
};

/// A client with one inbox item (id 1).
fn db_with_item() -> TempDb {
    let db = db_with_client();
    let f = write(
        &db,
        "in.csv",
        format!("{INBOX_HEADER}x,dm,@a,hi,2026-11-20T10:00:00Z,,x-1\n").as_bytes(),
    );
    let o = db.run(&["import", "inbox", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

fn mkfifo(db: &TempDb, name: &str) -> Option<String> {
    let p = db.dir.path().join(name);
    let made = Command::new("mkfifo").arg(&p).status();
    made.is_ok_and(|s| s.success())
        .then(|| p.to_str().unwrap().to_string())
}

#[test]
fn a_reply_text_file_is_a_regular_file_of_bounded_size() {
    let db = db_with_item();
    let before = snapshot(&db.path);
    let o = run_with_timeout(
        &db.path,
        &["inbox", "reply", "1", "--text-file", "/dev/zero"],
        20,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("/dev/zero: not a regular file"),
        "{}",
        stderr(&o)
    );
    if let Some(fifo) = mkfifo(&db, "reply.txt") {
        let o = run_with_timeout(&db.path, &["inbox", "reply", "1", "--text-file", &fifo], 20);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("reply.txt: not a regular file"),
            "{}",
            stderr(&o)
        );
    }
    let big = write(&db, "big.txt", &vec![b'a'; 2 * 1024 * 1024]);
    let err = refused(
        &db,
        &["inbox", "reply", "1", "--text-file", &big],
        "big.txt: too long for a reply's text (at most 1 MB)",
    );
    assert!(!err.contains("aaaa"), "{err}");
    assert_eq!(snapshot(&db.path), before);
    // A reply of a sensible size goes through.
    let ok = write(&db, "ok.txt", "Merci !\n".as_bytes());
    let o = db.run(&["inbox", "reply", "1", "--text-file", &ok]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(snapshot(&db.path), before);
}

#[test]
fn a_fifo_is_no_backup_to_restore() {
    let db = db_with_client();
    let before = snapshot(&db.path);
    let Some(fifo) = mkfifo(&db, "backup.db") else {
        return;
    };
    let o = run_with_timeout(&db.path, &["restore", &fifo, "--yes"], 20);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("backup.db: not a regular file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(&db.path), before);
    let o = run_with_timeout(&db.path, &["restore", "/dev/zero", "--yes"], 20);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// Without a terminal the app says so before a database is opened: a new path stays
/// free.
#[test]
fn without_a_terminal_no_database_is_created() {
    let db = TempDb::new();
    let o = db.run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"), "{}", stderr(&o));
    assert!(
        !db.path.exists(),
        "a database was left at {}",
        db.path.display()
    );
}

/// A Mastodon id beyond 64 bits names its field; a string id of any length is kept.
#[test]
fn an_id_beyond_64_bits_names_its_field() {
    let db = db_with_client();
    let page = |id: &str| {
        format!(
            r#"[{{"id":"1","type":"mention","created_at":"2026-11-20T10:00:00.000Z",
               "account":{{"id":"7","acct":"ann"}},
               "status":{{"id":{id},"content":"<p>hi</p>","visibility":"public"}}}}]"#
        )
    };
    let f = write(
        &db,
        "bigid.json",
        page("123456789012345678901234567890").as_bytes(),
    );
    let err = refused(
        &db,
        &["import", "inbox", &f, "--client", "Atelier"],
        "bigid.json:1: status.id: ",
    );
    assert!(err.contains("is not an id"), "{err}");
    let f = write(
        &db,
        "strid.json",
        page("\"123456789012345678901234567890\"").as_bytes(),
    );
    let o = db.run(&["import", "inbox", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("added 1"), "{}", stdout(&o));
}

/// TikTok rows ending on February 27 with `--last-date 2024-02-28`: refused, naming both.
#[test]
fn a_last_date_off_the_last_row_is_refused() {
    let db = db_with_client();
    let f = write(
        &db,
        "Overview.csv",
        b"\"Date\",\"Video Views\",\"Profile Views\"\n\"February 26\",\"10\",\"1\"\n\"February 27\",\"10\",\"1\"\n",
    );
    let err = refused(
        &db,
        &[
            "import",
            "kpi",
            &f,
            "--client",
            "Atelier",
            "--last-date",
            "2024-02-28",
        ],
        "Overview.csv:3:1: ",
    );
    assert!(
        err.contains("2024-02-28") && err.contains("Feb 27"),
        "{err}"
    );
    // A leap day without --last-date lands in a leap year.
    let f = write(
        &db,
        "leap.csv",
        b"\"Date\",\"Video Views\",\"Profile Views\"\n\"February 28\",\"10\",\"1\"\n\"February 29\",\"10\",\"1\"\n\"March 1\",\"10\",\"1\"\n",
    );
    let o = db.run(&["import", "kpi", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2024-02-28 to 2024-03-01"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_long_csv_prints_what_it_ignored() {
    let db = db_with_client();
    let f = write(
        &db,
        "long.csv",
        b"date,platform,metric,value,note\n2026-11-01,instagram,reach,5,launch\n",
    );
    let o = db.run(&["import", "kpi", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o);
    assert!(stdout(&o).contains("Ignored: note"), "{}", stdout(&o));
}
