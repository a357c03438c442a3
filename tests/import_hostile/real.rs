//! Real exports end to end: what the binary prints of what it read and what it skipped.

use std::path::PathBuf;

use crate::common::{self, stderr, stdout};
use crate::{db_with_client, snapshot, write};

/// The paths of the fixtures of the real exports.
fn fixture(dir: &str, name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", dir, name]
        .iter()
        .collect();
    p.to_str().unwrap().to_string()
}

#[test]
fn mastodon_pages_say_what_they_skipped() {
    let db = db_with_client();
    let f = fixture("inbox", "mastodon_deleted.json");
    let o = db.run(&["import", "inbox", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("read 1 item, added 1"), "{out}");
    assert!(out.contains("39 skipped: posts deleted."), "{out}");
    let f = fixture("inbox", "mastodon_no_mentions.json");
    let o = db.run(&["import", "inbox", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("read 0 items"), "{out}");
    assert!(
        out.contains("Left out (they ask for no reply): 2 favourite, 1 admin.sign_up"),
        "{out}"
    );
}

#[test]
fn inbox_imports_name_missing_accounts_and_other_clients() {
    let db = db_with_client();
    db.run(&["client", "add", "Second", "--timezone", "UTC"]);
    let f = fixture("inbox", "mastodon_integer_ids.json");
    let o = db.run(&["import", "inbox", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Atelier has no mastodon account"),
        "{}",
        stderr(&o)
    );
    let o = db.run(&["import", "inbox", &f, "--client", "Second"]);
    let out = stdout(&o);
    assert!(out.contains("added 0, skipped 2"), "{out}");
    assert!(
        out.contains("2 of the items already there belong to Atelier."),
        "{out}"
    );
}

#[test]
fn posts_imported_twice_are_stored_once() {
    let db = db_with_client();
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute(
        "INSERT INTO accounts (client_id, platform, handle, created_at) VALUES (1, 'instagram', '@atelier', 0)",
        [],
    )
    .unwrap();
    drop(c);
    let f = write(
        &db,
        "plan.csv",
        b"date,time,platforms,title,body,pillar,campaign,status\n2026-12-01,08:30,instagram,A,a,,,\n2026-12-02,09:00,instagram,B,b,,,ready\n",
    );
    let o = db.run(&["import", "posts", &f, "--client", "Atelier"]);
    assert!(
        stdout(&o).contains("imported 2 posts, skipped 0 already there"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    let before = snapshot(&db.path);
    let o = db.run(&["import", "posts", &f, "--client", "Atelier"]);
    assert!(
        stdout(&o).contains("imported 0 posts, skipped 2 already there"),
        "{}",
        stdout(&o)
    );
    assert_eq!(snapshot(&db.path), before);
}

#[test]
fn kpi_help_lists_the_metric_keys() {
    let o = common::twohats()
        .args(["import", "kpi", "--help"])
        .output()
        .unwrap();
    let help = stdout(&o);
    for key in twohats::domain::metric::Metric::canonical_keys() {
        assert!(help.contains(key), "{key} in {help}");
    }
    assert!(help.contains("--last-date"), "{help}");
    assert!(help.contains("--max-size"), "{help}");
}

#[test]
fn tiktok_import_prints_the_range_it_settled_on() {
    let db = db_with_client();
    let f = fixture("kpi", "tiktok_year/Overview.csv");
    let o = db.run(&["import", "kpi", &f, "--client", "Atelier"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Dates without a year read as 2025-02-28 to 2026-02-27"),
        "{}",
        stdout(&o)
    );
    let o = db.run(&[
        "import",
        "kpi",
        &f,
        "--client",
        "Atelier",
        "--last-date",
        "2024-02-27",
    ]);
    assert!(
        stdout(&o).contains("read as 2023-02-28 to 2024-02-27"),
        "{}",
        stdout(&o)
    );
    let o = db.run(&[
        "import",
        "kpi",
        &f,
        "--client",
        "Atelier",
        "--last-date",
        "soon",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let f = fixture("kpi", "youtube_daily/Table data.csv");
    let o = db.run(&["import", "kpi", &f, "--client", "Atelier"]);
    assert!(
        stdout(&o).contains(
            "Left out: Estimated revenue (USD), in USD while this client's money is in EUR."
        ),
        "{}",
        stdout(&o)
    );
}
