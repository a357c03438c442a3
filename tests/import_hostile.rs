//! Issue 17 end to end: the real binary on a temporary database, with files an attacker
//! would send (each refused with exit code 2, a message naming the file, line and column,
//! nothing written, no raw control byte on the terminal) and the command line's own
//! edges (closed pipes, no terminal, CSV formulas, JSON controls).

mod common;
// Beside this file, not a test binary of its own (cargo only takes `tests/*/main.rs`).
#[path = "import_hostile/real.rs"]
mod real;
#[path = "import_hostile/review.rs"]
mod review;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, TempDb, stderr, stdout};

/// Every row of every table: "nothing written" is this, unchanged.
fn snapshot(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                Ok(format!("{t}: {}", cells.join(" | ")))
            })
            .unwrap();
        for row in rows {
            out.push(row.unwrap());
        }
    }
    out.sort();
    out
}

/// No byte that would drive a terminal: ESC, BEL, other C0 controls but line ends, and
/// C1 controls (raw, or encoded in UTF-8).
fn assert_no_raw_controls(bytes: &[u8], what: &str) {
    for (i, b) in bytes.iter().enumerate() {
        let c0 = *b < 0x20 && *b != b'\n' && *b != b'\r';
        let c1_utf8 = *b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
        assert!(
            !c0 && *b != 0x7f && !c1_utf8,
            "{what}: raw control byte {b:#04x} at {i} in {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

fn assert_clean(o: &Output) {
    assert_no_raw_controls(&o.stdout, "stdout");
    assert_no_raw_controls(&o.stderr, "stderr");
}

/// A refused file: exit 2, the message starts with `where`, nothing written, no raw
/// controls, a short message.
fn refused(db: &TempDb, args: &[&str], place: &str) -> String {
    let before = snapshot(&db.path);
    let o = db.run(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(place), "{place} in {err}");
    assert_clean(&o);
    assert_eq!(snapshot(&db.path), before, "{args:?} wrote something");
    assert!(err.chars().count() < 600, "a short message: {}", err.len());
    err
}

fn db_with_client() -> TempDb {
    let db = TempDb::new();
    let o = db.run(&["client", "add", "Atelier", "--timezone", "Europe/Paris"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

fn write(db: &TempDb, name: &str, bytes: &[u8]) -> String {
    let p = db.dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        for (name, data) in entries {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

const INBOX_HEADER: &str = "platform,kind,author,text,received_at,permalink,external_id\n";
const TITLE: &str = "\u{1b}]0;PWNED\u{7}";
const CLIPBOARD: &str = "\u{1b}]52;c;cHduZWQ=\u{7}";

#[test]
fn an_escape_sequence_in_a_cell_is_shown_not_sent() {
    let db = db_with_client();
    let text =
        format!("{INBOX_HEADER}x,dm,@a,hi,2026-11-22 10:00,,1\nx,dm,@a,hi,{TITLE}{CLIPBOARD},,2\n");
    let f = write(&db, "evil.csv", text.as_bytes());
    let err = refused(
        &db,
        &["import", "inbox", &f, "--client", "Atelier"],
        "evil.csv:3:5: received_at: ",
    );
    assert!(err.contains("^[]0;PWNED^G^[]52;c;cHduZWQ=^G"), "{err}");
}

#[test]
fn a_huge_bad_cell_is_cut() {
    let db = db_with_client();
    let text = format!(
        "{INBOX_HEADER}x,dm,@a,hi,{}{TITLE},,1\n",
        "9".repeat(20 * 1024 * 1024)
    );
    let f = write(&db, "huge.csv", text.as_bytes());
    let err = refused(
        &db,
        &["import", "inbox", &f, "--client", "Atelier"],
        "huge.csv:2:5: received_at: \"999",
    );
    assert!(err.contains('…'), "{err}");
    assert!(err.len() < 400, "{}", err.len());
}

#[test]
fn header_and_entry_names_are_shown_harmless() {
    let db = db_with_client();
    // A column TikTok does not have, named with an escape sequence, is left out and
    // named harmless (a generic wide CSV refuses such a column instead).
    let overview = format!(
        "\"Date\",\"Video Views\",\"Profile Views\",\"{CLIPBOARD}\"\n\"2026-11-16\",\"12\",\"3\",\"4\"\n"
    );
    let z = zip_of(&[
        ("Overview.csv", overview.as_bytes()),
        (&format!("{TITLE}.txt"), b"read me"),
    ]);
    let f = write(&db, "tiktok.zip", &z);
    let o = db.run(&["import", "kpi", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o);
    let out = stdout(&o);
    assert!(out.contains("Ignored: "), "{out}");
    assert!(out.contains("^[]0;PWNED^G.txt"), "{out}");
    assert!(out.contains("^[]52;c;chduzwq=^G"), "{out}");
}

#[test]
fn zip_bombs_and_nested_zips_are_refused() {
    let db = db_with_client();
    // 300 MB of one byte in a zip of a few hundred KB: over the 256 MB default.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("Overview.csv", zip::write::SimpleFileOptions::default())
            .unwrap();
        let chunk = vec![b'1'; 1024 * 1024];
        for _ in 0..300 {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
    }
    let bomb = buf.into_inner();
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    let f = write(&db, "bomb.zip", &bomb);
    let started = Instant::now();
    let err = refused(
        &db,
        &["import", "kpi", &f, "--client", "Atelier"],
        "bomb.zip: the archive inflates to more than 256 MB",
    );
    assert!(err.contains("--max-size"), "{err}");
    let _ = started;
    // The flag sets the limit, both ways.
    let ok = zip_of(&[(
        "Overview.csv",
        b"\"Date\",\"Video Views\",\"Profile Views\"\n\"2026-11-16\",\"12\",\"3\"\n",
    )]);
    let f = write(&db, "small.zip", &ok);
    refused(
        &db,
        &[
            "import",
            "kpi",
            &f,
            "--client",
            "Atelier",
            "--max-size",
            "100",
        ],
        "small.zip",
    );
    let o = db.run(&[
        "import",
        "kpi",
        &f,
        "--client",
        "Atelier",
        "--max-size",
        "512M",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A zip nested two thousand levels deep: refused at the first, no stack to overflow.
    let mut nested = ok.clone();
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for level in 0..2000 {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file(format!("l{level}.zip"), stored).unwrap();
        z.write_all(&nested).unwrap();
        z.finish().unwrap();
        nested = buf.into_inner();
    }
    let f = write(&db, "nested.zip", &nested);
    refused(
        &db,
        &["import", "kpi", &f, "--client", "Atelier"],
        "nested.zip/l1999.zip: a zip inside a zip is not read",
    );
}

#[test]
fn workbooks_that_lie_about_their_strings() {
    let db = db_with_client();
    for count in ["4000000000", "18446744073709551615"] {
        let sst = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}"><si><t>Date</t></si></sst>"#
        );
        let xlsx = zip_of(&[
            ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/sharedStrings.xml", sst.as_bytes()),
        ]);
        assert!(xlsx.len() < 6 * 1024);
        let f = write(&db, "content.xlsx", &xlsx);
        let err = refused(
            &db,
            &["import", "kpi", &f, "--client", "Atelier"],
            "content.xlsx: ",
        );
        assert!(err.contains(count) && err.contains("strings"), "{err}");
    }
}

/// Runs the binary, killed after `secs`: a hang is a failure, not a stuck test run.
fn run_with_timeout(db: &Path, args: &[&str], secs: u64) -> Output {
    let mut child = common::twohats()
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("TWOHATS_DB")
        .env("TWOHATS_NOW", "2026-11-22T08:30:00Z")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("{args:?} did not finish in {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn devices_and_fifos_are_refused_before_reading() {
    let db = db_with_client();
    let before = snapshot(&db.path);
    let o = run_with_timeout(
        &db.path,
        &["import", "kpi", "/dev/zero", "--client", "Atelier"],
        20,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/dev/zero: not a regular file"),
        "{}",
        stderr(&o)
    );
    let fifo = db.dir.path().join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let f = fifo.to_str().unwrap();
        for what in ["kpi", "inbox", "posts"] {
            let o = run_with_timeout(&db.path, &["import", what, f, "--client", "Atelier"], 20);
            assert_eq!(o.status.code(), Some(2), "{what}");
            assert!(
                stderr(&o).contains("pipe.csv: not a regular file"),
                "{}",
                stderr(&o)
            );
        }
    }
    assert_eq!(snapshot(&db.path), before);
}

#[test]
fn out_of_range_values_have_a_line_and_column() {
    let db = db_with_client();
    for (row, place) in [
        (
            "2026-11-16,instagram,impressions,1e300",
            "big.csv:2:4: value: \"1e300\"",
        ),
        (
            "2026-11-16,instagram,followers,-12",
            "big.csv:2:4: value: \"-12\"",
        ),
        (
            "2026-11-16,instagram,reach,-1",
            "big.csv:2:4: value: \"-1\"",
        ),
    ] {
        let f = write(
            &db,
            "big.csv",
            format!("date,platform,metric,value\n{row}\n").as_bytes(),
        );
        refused(&db, &["import", "kpi", &f, "--client", "Atelier"], place);
    }
}

#[test]
fn csv_reports_neutralize_formulas() {
    let db = TempDb::new();
    let name = "=HYPERLINK(\"http://x\",\"y\")";
    let o = db.run(&["client", "add", name, "--timezone", "UTC"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let f = write(
        &db,
        "k.csv",
        b"date,platform,metric,value\n2026-11-17,instagram,reach,-0\n2026-11-18,instagram,likes,4\n",
    );
    let o = db.run(&["import", "kpi", &f, "--client", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = db.run(&[
        "report", "--client", "1", "--week", "2026-W47", "--format", "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    for rec in rdr.records() {
        let rec = rec.unwrap();
        assert_eq!(&rec[0], format!("'{name}"));
        for cell in rec.iter() {
            let number = cell.parse::<f64>().is_ok();
            assert!(
                number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell}"
            );
        }
    }
}

/// A command whose reader went away (`| head`, `| true`) ends quietly.
fn closed_stdout(db: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("TWOHATS_DB")
        .env("TWOHATS_NOW", "2026-11-22T08:30:00Z")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let db = db_with_client();
    let mut text = String::from(INBOX_HEADER);
    for i in 0..3000 {
        text.push_str(&format!(
            "x,mention,@u{i},hello {i},2026-11-20T10:00:00Z,,p-{i}\n"
        ));
    }
    let f = write(&db, "many.csv", text.as_bytes());
    // `twohats import ... | head`: the import is stored, then the summary meets the pipe.
    let o = closed_stdout(&db.path, &["import", "inbox", &f, "--client", "Atelier"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let kpi = write(
        &db,
        "k.csv",
        b"date,platform,metric,value\n2026-11-17,instagram,reach,5\n",
    );
    let o = closed_stdout(&db.path, &["import", "kpi", &kpi, "--client", "Atelier"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    for args in [
        &["inbox", "list"][..],
        &["inbox", "list", "--json"][..],
        &["client", "list"][..],
        &["today"][..],
        &["--help"][..],
        &[
            "report", "--client", "Atelier", "--week", "2026-W47", "--format", "md",
        ][..],
    ] {
        let o = closed_stdout(&db.path, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
    // The import went in all the same.
    let o = db.run(&["inbox", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3000);
}

#[test]
fn refused_arguments_are_shown_harmless() {
    let db = TempDb::new();
    let o = db.run(&[TITLE]);
    assert_eq!(o.status.code(), Some(2));
    assert_clean(&o);
    assert!(
        stderr(&o).contains("unrecognized subcommand"),
        "{}",
        stderr(&o)
    );
    let o = db.run(&["import", "kpi", "f.csv", "--client", TITLE]);
    assert_eq!(o.status.code(), Some(2));
    assert_clean(&o);
}

#[test]
fn without_a_terminal_the_app_says_which_command_prints() {
    let db = db_with_client();
    let o = db.run(&[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("twohats today"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn json_output_escapes_c1_and_bidi_controls() {
    let db = db_with_client();
    let text = format!(
        "{INBOX_HEADER}x,dm,@a,\"csi\u{9b}31m and \u{202e}reversed {TITLE}\",2026-11-22 10:00,,j-1\n"
    );
    let f = write(&db, "c1.csv", text.as_bytes());
    let o = db.run(&["import", "inbox", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = db.run(&["inbox", "list", "--json"]);
    assert_clean(&o);
    let out = stdout(&o);
    assert!(out.contains("\\u009b31m"), "{out}");
    assert!(out.contains("\\u202ereversed"), "{out}");
    assert!(out.contains("\\u001b]0;PWNED\\u0007"), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v[0]["text"].as_str().unwrap().contains('\u{9b}'),
        "same value"
    );
    // The plain list shows the same text harmless.
    let o = db.run(&["inbox", "list"]);
    assert_clean(&o);
    assert!(stdout(&o).contains("<U+009B>31m"), "{}", stdout(&o));
}
