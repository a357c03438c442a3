//! Counted messages of the command line take the form their count asks for, in both
//! languages: "1 item", "0 message" (French puts 0 with 1), never "item(s)".

mod common;

use common::{TempDb, stderr, stdout};

fn one_item_csv(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("one.csv");
    std::fs::write(
        &path,
        "platform,kind,author,text,received_at,permalink,external_id\n\
         instagram,comment,@ana,Merci !,2026-11-21T18:05:00Z,,one-1\n",
    )
    .unwrap();
    path
}

#[test]
fn one_item_one_client_in_english_and_french() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "Solo", "--timezone", "Europe/Paris"])
            .status
            .success()
    );
    let csv = one_item_csv(db.dir.path());
    let csv = csv.to_str().unwrap();
    let o = db.run(&["import", "inbox", csv, "--client", "Solo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "Solo: read 1 item, added 1, skipped 0 already there."
    );
    let o = db.run(&["--lang", "fr", "import", "inbox", csv, "--client", "Solo"]);
    assert_eq!(
        stdout(&o).trim(),
        "Solo\u{202f}: 1 message lu, 0 ajouté, 1 déjà présent ignoré."
    );
    // One client already: the demo says so in the singular.
    let o = db.run(&["demo"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("This database already has 1 client. Run"),
        "{}",
        stderr(&o)
    );
    let o = db.run(&["--lang", "fr", "demo"]);
    assert!(
        stderr(&o).contains("Cette base contient déjà 1 client."),
        "{}",
        stderr(&o)
    );
    // A file missing one column names it in the singular.
    let bad = db.dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "platform,kind,author,text,received_at,permalink\ninstagram,comment,@a,x,2026-11-21T18:05:00Z,\n",
    )
    .unwrap();
    let o = db.run(&["import", "inbox", bad.to_str().unwrap(), "--client", "Solo"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("missing column external_id;"),
        "{}",
        stderr(&o)
    );
}
