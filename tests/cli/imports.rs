//! The command line's imports and exports: inbox, posts, KPI files, calendars and reports.

use crate::common::{TempDb, stderr, stdout};

pub(crate) const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inbox/");

#[test]
fn import_inbox_all_formats_once_each() {
    let db = TempDb::new();
    db.run(&["client", "add", "Atelier", "--timezone", "Europe/Brussels"]);
    for (file, n) in [("items.csv", 4), ("mastodon.json", 2), ("bluesky.json", 2)] {
        let path = format!("{FIX}{file}");
        let o = db.run(&[
            "import",
            "inbox",
            &path,
            "--client",
            "atelier",
            "--platform",
            "x",
        ]);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        assert!(
            stdout(&o).contains(&format!("read {n} items, added {n}, skipped 0")),
            "{}",
            stdout(&o)
        );
        let again = db.run(&[
            "import",
            "inbox",
            &path,
            "--client",
            "atelier",
            "--platform",
            "x",
        ]);
        assert!(
            stdout(&again).contains(&format!("added 0, skipped {n}")),
            "{}",
            stdout(&again)
        );
    }
    let v: serde_json::Value = serde_json::from_str(&stdout(
        &db.run(&["inbox", "list", "--json", "--client", "Atelier"]),
    ))
    .unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 8);
    for key in [
        "id",
        "client",
        "platform",
        "kind",
        "author",
        "text",
        "received_at",
        "status",
    ] {
        assert!(items.iter().all(|i| i.get(key).is_some()), "{key}");
    }
    assert!(
        items
            .iter()
            .all(|i| i["client"] == "Atelier" && i["status"] == "new")
    );
    let replied = stdout(&db.run(&["inbox", "list", "--status", "replied", "--json"]));
    assert_eq!(replied.trim(), "[]");
}

#[test]
fn a_bad_inbox_file_changes_nothing() {
    let db = TempDb::new();
    db.run(&["client", "add", "A", "--timezone", "UTC"]);
    let path = format!("{FIX}bad_kind.csv");
    let o = db.run(&["import", "inbox", &path, "--client", "A"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad_kind.csv:4:2: kind:"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        stdout(&db.run(&["inbox", "list", "--status", "all", "--json"])).trim(),
        "[]"
    );
    // A large file is stored while it is read: a bad row after thousands of good ones
    // still leaves nothing behind.
    let big = db.dir.path().join("big.csv");
    let mut text = String::from("platform,kind,author,text,received_at,permalink,external_id\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "x,mention,@u{i},hello,2026-11-20T10:00:00Z,,big-{i}\n"
        ));
    }
    text.push_str("x,shout,@last,hello,2026-11-20T10:00:00Z,,big-last\n");
    std::fs::write(&big, text).unwrap();
    let o = db.run(&["import", "inbox", big.to_str().unwrap(), "--client", "A"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("big.csv:10002:2: kind:"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        stdout(&db.run(&["inbox", "list", "--status", "all", "--json"])).trim(),
        "[]"
    );
    let o = db.run(&["import", "inbox", "/nonexistent.csv", "--client", "A"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent.csv"));
    let o = db.run(&["import", "inbox", &path, "--client", "Nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("client \"Nobody\" not found"));
}

const POSTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/posts/");

fn bakery_with_plan(db: &TempDb) {
    db.run(&[
        "client",
        "add",
        "Boulangerie Marcel",
        "--timezone",
        "Europe/Paris",
    ]);
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute_batch(
        "INSERT INTO accounts (client_id, platform, handle, created_at) VALUES (1, 'instagram', '@b', 0), (1, 'facebook', 'B', 0);
         INSERT INTO pillars (client_id, name, share, created_at) VALUES (1, 'Products', 50, 0), (1, 'Behind the scenes', 50, 0);
         INSERT INTO campaigns (client_id, name, start_date, end_date, status, created_at)
             VALUES (1, 'Bûches de Noël', '2026-12-01', '2026-12-24', 'active', 0);",
    )
    .unwrap();
}

#[test]
fn import_posts_then_export_ics() {
    let db = TempDb::new();
    bakery_with_plan(&db);
    let o = db.run(&[
        "import",
        "posts",
        &format!("{POSTS}plan.csv"),
        "--client",
        "Boulangerie Marcel",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("imported 3 posts"));
    let out = db.dir.path().join("cal.ics");
    let o = db.run(&[
        "export",
        "ics",
        "--client",
        "Boulangerie Marcel",
        "--from",
        "2026-11-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert_eq!(
        text.matches("BEGIN:VEVENT").count(),
        2,
        "the October post is before --from"
    );
    assert!(text.contains("DTSTART:20261201T073000Z"));
    assert!(text.contains("SUMMARY:[IG FB] Advent day 1"));
    // Stdout, a range that ends early.
    let o = db.run(&[
        "export",
        "ics",
        "--client",
        "Boulangerie Marcel",
        "--to",
        "2026-11-30",
    ]);
    assert_eq!(stdout(&o).matches("BEGIN:VEVENT").count(), 1);
    assert!(
        stdout(&o).contains("DTSTART:20261025T080000Z"),
        "09:00 after clocks went back"
    );
    let o = db.run(&[
        "export",
        "ics",
        "--client",
        "Boulangerie Marcel",
        "--from",
        "2026-12-10",
        "--to",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_bad_posts_file_imports_nothing() {
    let db = TempDb::new();
    bakery_with_plan(&db);
    let o = db.run(&[
        "import",
        "posts",
        &format!("{POSTS}bad_platform.csv"),
        "--client",
        "Boulangerie Marcel",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad_platform.csv:3: platforms: the client has no LinkedIn account"),
        "{}",
        stderr(&o)
    );
    let o = db.run(&["export", "ics", "--client", "Boulangerie Marcel"]);
    assert_eq!(
        stdout(&o).matches("BEGIN:VEVENT").count(),
        0,
        "the good first row was not kept either"
    );
}

const KPI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kpi/");

#[test]
fn import_kpi_and_report_in_every_format() {
    let db = TempDb::new();
    db.run(&[
        "client",
        "add",
        "Boulangerie Marcel",
        "--timezone",
        "Europe/Paris",
    ]);
    for file in ["long.csv", "facebook_posts.csv", "instagram_posts.csv"] {
        let o = db.run(&[
            "import",
            "kpi",
            &format!("{KPI}{file}"),
            "--client",
            "Boulangerie Marcel",
        ]);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        let again = db.run(&[
            "import",
            "kpi",
            &format!("{KPI}{file}"),
            "--client",
            "Boulangerie Marcel",
        ]);
        assert!(
            stdout(&again).contains("stored 0 values"),
            "{file}: {}",
            stdout(&again)
        );
    }
    let o = db.run(&[
        "import",
        "kpi",
        &format!("{KPI}wide.csv"),
        "--client",
        "Boulangerie Marcel",
        "--platform",
        "linkedin",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A wide column that is no metric key is refused, nothing stored.
    let o = db.run(&[
        "import",
        "kpi",
        &format!("{KPI}wide_notes.csv"),
        "--client",
        "Boulangerie Marcel",
        "--platform",
        "linkedin",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("wide_notes.csv:1:7: notes: \"notes\" is not a canonical metric key"),
        "{}",
        stderr(&o)
    );
    let o = db.run(&[
        "report",
        "--client",
        "Boulangerie Marcel",
        "--week",
        "2026-W47",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ig = v["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["platform"] == "instagram")
        .unwrap();
    // Account-level impressions from long.csv (1200 + 1300) win over the posts' 11200.
    assert_eq!(ig["metrics"]["impressions"]["value"], 2500.0);
    assert_eq!(
        ig["metrics"]["saves"]["value"], 105.0,
        "per-post saves (no account-level ones)"
    );
    for fmt in ["md", "html", "csv"] {
        let out = db.dir.path().join(format!("r.{fmt}"));
        let o = db.run(&[
            "report",
            "--client",
            "Boulangerie Marcel",
            "--month",
            "2026-11",
            "--format",
            fmt,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{fmt}: {}", stderr(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 100);
    }
    let o = db.run(&[
        "report",
        "--client",
        "Boulangerie Marcel",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-10",
        "--format",
        "csv",
    ]);
    assert!(
        stdout(&o)
            .starts_with("client,period_from,period_to,scope,metric,value,previous,change_pct")
    );
}

#[test]
fn report_and_import_kpi_errors() {
    let db = TempDb::new();
    db.run(&["client", "add", "A", "--timezone", "UTC"]);
    let o = db.run(&[
        "import",
        "kpi",
        &format!("{KPI}bad_number.csv"),
        "--client",
        "A",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad_number.csv:3:4: value: \"lots\" is not a number"));
    let v: serde_json::Value = serde_json::from_str(&stdout(&db.run(&[
        "report", "--client", "A", "--week", "2026-W47", "--format", "json",
    ])))
    .unwrap();
    assert!(
        v["platforms"].as_array().unwrap().is_empty(),
        "nothing of the bad file was kept"
    );
    for args in [
        vec![
            "report", "--client", "A", "--week", "2026-W99", "--format", "json",
        ],
        vec![
            "report", "--client", "A", "--month", "2026-11", "--format", "pdf",
        ],
        vec!["report", "--client", "A", "--format", "md"],
        vec![
            "report", "--client", "A", "--week", "2026-W47", "--month", "2026-11", "--format", "md",
        ],
        vec![
            "import",
            "kpi",
            &format!("{KPI}long.csv"),
            "--client",
            "A",
            "--format",
            "excel",
        ],
    ] {
        let o = db.run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
}
