//! The command line for every object: accounts, client edits, posts, inbox changes,
//! removing the demo, and a missing database left missing. Every refusal exits 2 and
//! leaves the database as it was.

mod common;

use common::{TempDb, stderr, stdout};
use serde_json::Value;

fn json(o: &std::process::Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// Runs a command that must be refused as bad input, and returns its message.
fn refused(db: &TempDb, args: &[&str]) -> String {
    let o = db.run(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
    stderr(&o)
}

/// What the database holds, as the command line lists it.
fn everything(db: &TempDb) -> String {
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

const POSTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/posts/");
const INBOX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inbox/");

/// A bakery with two accounts added from the command line, a plan (pillars and a
/// campaign have no command yet) and three posts.
fn bakery(db: &TempDb) {
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

#[test]
fn a_missing_database_is_named_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo").join("t.db");
    let db = TempDb {
        path: path.clone(),
        dir,
    };
    let out = db.dir.path().join("out");
    let out = out.to_str().unwrap();
    for args in [
        &["client", "list"][..],
        &["client", "edit", "A", "--name", "B"],
        &["client", "archive", "A"],
        &["client", "unarchive", "A"],
        &["account", "list", "--json"],
        &["account", "add", "--client", "A", "x", "@a"],
        &["account", "remove", "--client", "A", "x", "@a"],
        &["posts", "list"],
        &["inbox", "list"],
        &["inbox", "mark", "1", "replied"],
        &["inbox", "tag", "1", "vip"],
        &["inbox", "reply", "1", "--text", "Thanks"],
        &["today", "--json"],
        &[
            "report", "--client", "A", "--week", "2026-W47", "--format", "md",
        ],
        &["export", "ics", "--client", "A"],
        &["backup", out],
        &["trash"],
        &["trash", "restore", "posts", "1"],
        &["demo", "--remove"],
    ] {
        let err = refused(&db, args);
        assert!(
            err.contains(&format!("no twohats database at {}", path.display())),
            "{args:?}: {err}"
        );
        assert!(!path.exists(), "{args:?} created the database");
        assert!(!path.parent().unwrap().exists(), "{args:?} made its folder");
    }
    assert!(!std::path::Path::new(out).exists());
    // A command that starts a database still does.
    let o = db.run(&["client", "add", "A", "--timezone", "UTC"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(path.exists());
    assert!(db.run(&["client", "list"]).status.success());
}

#[test]
fn accounts_add_list_remove() {
    let db = TempDb::new();
    bakery(&db);
    db.run(&[
        "client",
        "add",
        "Studio Nord",
        "--timezone",
        "Europe/Stockholm",
    ]);
    let o = db.run(&[
        "account",
        "add",
        "--client",
        "Studio Nord",
        "twitter",
        "@nord",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "Added the X account @nord to Studio Nord (id 3)."
    );

    let all = json(&db.run(&["account", "list", "--json"]));
    assert_eq!(
        all,
        serde_json::json!([
            {"client": "Boulangerie Marcel", "client_id": 1, "id": 2, "platform": "facebook", "handle": "B"},
            {"client": "Boulangerie Marcel", "client_id": 1, "id": 1, "platform": "instagram", "handle": "@b"},
            {"client": "Studio Nord", "client_id": 2, "id": 3, "platform": "x", "handle": "@nord"},
        ])
    );
    let nord = json(&db.run(&["account", "list", "--client", "2", "--json"]));
    assert_eq!(nord.as_array().unwrap().len(), 1);
    let text = stdout(&db.run(&["account", "list", "--client", "Studio Nord"]));
    assert_eq!(text, "    3  Studio Nord  x         @nord\n");
    // `client list` carries the same accounts, with their ids.
    let clients = json(&db.run(&["client", "list", "--json"]));
    assert_eq!(clients[1]["accounts"][0]["id"], 3);
    assert_eq!(clients[1]["demo"], false);

    // The account form's refusals, in the form's words; nothing changes.
    let before = everything(&db);
    for (args, want) in [
        (
            &["account", "add", "--client", "Studio Nord", "myspace", "@n"][..],
            "unknown platform \"myspace\"",
        ),
        (
            &["account", "add", "--client", "Studio Nord", "x", "@no rd"],
            "handle: no spaces",
        ),
        (
            &["account", "add", "--client", "Studio Nord", "x", "  "],
            "handle: required",
        ),
        (
            &["account", "add", "--client", "Studio Nord", "x", "@NORD"],
            "already has the X account @NORD",
        ),
        (
            &["account", "add", "--client", "Nobody", "x", "@n"],
            "client \"Nobody\" not found",
        ),
        (
            &[
                "account",
                "remove",
                "--client",
                "Studio Nord",
                "x",
                "@other",
            ],
            "Studio Nord has no X account @other",
        ),
        (
            &[
                "account",
                "remove",
                "--client",
                "Studio Nord",
                "linkedin",
                "@nord",
            ],
            "Studio Nord has no LinkedIn account @nord",
        ),
        (&["account", "list", "--client", "Nobody"], "not found"),
        (
            &["account", "add", "--client", "Studio Nord", "x"],
            "HANDLE",
        ),
    ] {
        let err = refused(&db, args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(everything(&db), before);

    // Removing moves to the trash (any case of the handle), and the trash brings it back.
    let o = db.run(&["account", "remove", "--client", "studio nord", "X", "@NORD"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Moved the X account @nord of Studio Nord to the trash"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        stdout(&db.run(&["account", "list", "--client", "Studio Nord"])).trim(),
        "No account."
    );
    let trash = json(&db.run(&["trash", "list", "--json"]));
    assert!(
        trash
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "accounts" && r["id"] == 3),
        "{trash}"
    );
    assert!(
        db.run(&["trash", "restore", "accounts", "3"])
            .status
            .success()
    );
    assert_eq!(
        json(&db.run(&["account", "list", "--client", "Studio Nord", "--json"]))[0]["handle"],
        "@nord"
    );
}

#[test]
fn client_edit_archive_unarchive() {
    let db = TempDb::new();
    bakery(&db);
    db.run(&[
        "client",
        "add",
        "Studio Nord",
        "--timezone",
        "Europe/Stockholm",
    ]);
    let times = |db: &TempDb| -> Vec<String> {
        json(&db.run(&["posts", "list", "--client", "1", "--json"]))
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["time"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        times(&db),
        [
            "2026-10-25T09:00:00+01:00",
            "2026-12-01T08:30:00+01:00",
            "2026-12-02T12:00:00+01:00"
        ]
    );

    // The client form's refusals, every field at fault at once; nothing changes.
    let before = everything(&db);
    let err = refused(
        &db,
        &[
            "client",
            "edit",
            "Boulangerie Marcel",
            "--currency",
            "EURO",
            "--timezone",
            "Mars/Base",
            "--reply-hours",
            "0",
        ],
    );
    assert!(err.contains("currency: unknown currency \"EURO\""), "{err}");
    assert!(
        err.contains("timezone: unknown time zone \"Mars/Base\""),
        "{err}"
    );
    assert!(err.contains("reply_target_hours:"), "{err}");
    for (args, want) in [
        (
            &[
                "client",
                "edit",
                "Boulangerie Marcel",
                "--name",
                "studio nord",
            ][..],
            "already exists",
        ),
        (
            &["client", "edit", "Boulangerie Marcel", "--name", " "],
            "name: required",
        ),
        (
            &[
                "client",
                "edit",
                "Boulangerie Marcel",
                "--reply-hours",
                "soon",
            ],
            "invalid value 'soon'",
        ),
        (&["client", "edit", "Boulangerie Marcel"], "--name"),
        (&["client", "edit", "Nobody", "--notes", "x"], "not found"),
        (&["client", "archive", "Nobody"], "not found"),
        (&["client", "unarchive", "Nobody"], "not found"),
    ] {
        let err = refused(&db, args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(everything(&db), before);

    // A move to Toronto: the posts keep their wall-clock times.
    let o = db.run(&[
        "client",
        "edit",
        "boulangerie marcel",
        "--name",
        "Marcel & Fils",
        "--currency",
        "cad",
        "--timezone",
        "america/toronto",
        "--reply-hours",
        "6",
        "--notes",
        "Moved to Canada\n",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "Saved client Marcel & Fils (id 1, CAD, America/Toronto)."
    );
    let c = &json(&db.run(&["client", "list", "--json"]))[0];
    assert_eq!(c["name"], "Marcel & Fils");
    assert_eq!(c["currency"], "CAD");
    assert_eq!(c["timezone"], "America/Toronto");
    assert_eq!(c["reply_target_hours"], 6);
    assert_eq!(c["notes"], "Moved to Canada");
    assert_eq!(
        times(&db),
        [
            "2026-10-25T09:00:00-04:00",
            "2026-12-01T08:30:00-05:00",
            "2026-12-02T12:00:00-05:00"
        ]
    );
    // What is left out stays.
    assert!(
        db.run(&["client", "edit", "1", "--notes", ""])
            .status
            .success()
    );
    let c = &json(&db.run(&["client", "list", "--json"]))[0];
    assert_eq!(
        (c["notes"].as_str(), c["currency"].as_str()),
        (Some(""), Some("CAD"))
    );

    // Archive hides, says so twice, and unarchive brings back.
    let o = db.run(&["client", "archive", "Studio Nord"]);
    assert!(
        stdout(&o).starts_with("Archived client Studio Nord"),
        "{}",
        stdout(&o)
    );
    let listed = json(&db.run(&["client", "list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let all = json(&db.run(&["client", "list", "--json", "--archived"]));
    assert_eq!(all[1]["archived_at"], "2026-11-22T08:30:00Z");
    let o = db.run(&["client", "archive", "studio nord"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), "Client Studio Nord is already archived.");
    let o = db.run(&["client", "unarchive", "Studio Nord"]);
    assert_eq!(stdout(&o).trim(), "Client Studio Nord is back.");
    assert_eq!(
        json(&db.run(&["client", "list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let o = db.run(&["client", "unarchive", "Studio Nord"]);
    assert_eq!(stdout(&o).trim(), "Client Studio Nord is not archived.");
}

#[test]
fn posts_list_json_text_and_filters() {
    let db = TempDb::new();
    bakery(&db);
    let v = json(&db.run(&["posts", "list", "--json"]));
    let posts = v.as_array().unwrap();
    assert_eq!(posts.len(), 3);
    assert_eq!(
        posts[1],
        serde_json::json!({
            "id": 1,
            "client": "Boulangerie Marcel",
            "accounts": [
                {"id": 2, "platform": "facebook", "handle": "B"},
                {"id": 1, "platform": "instagram", "handle": "@b"},
            ],
            "time": "2026-12-01T08:30:00+01:00",
            "timezone": "Europe/Paris",
            "status": "ready",
            "title": "Advent day 1",
            "text": "Day 1 of our advent calendar 🎄\nCome by for a surprise!",
            "pillar": "Products",
            "campaign": "Bûches de Noël",
            "url": null,
            "link": null,
        })
    );
    assert_eq!(posts[0]["title"], "Clocks go back", "by time");
    assert_eq!(posts[0]["pillar"], Value::Null);
    assert_eq!(posts[2]["pillar"], "Behind the scenes");

    let ids = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["posts", "list", "--json"];
        all.extend_from_slice(args);
        json(&db.run(&all))
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&["--from", "2026-12-01"]), [1, 2]);
    assert_eq!(ids(&["--to", "2026-12-01"]), [3, 1]);
    assert_eq!(ids(&["--from", "2026-12-01", "--to", "2026-12-01"]), [1]);
    assert_eq!(ids(&["--status", "scheduled"]), [3]);
    assert_eq!(ids(&["--status", "PUBLISHED"]), Vec::<i64>::new());
    assert_eq!(ids(&["--client", "boulangerie marcel"]), [3, 1, 2]);

    let text = stdout(&db.run(&["posts", "list", "--from", "2026-12-01"]));
    assert_eq!(
        text,
        "     1  Boulangerie Marcel  2026-12-01 08:30  ready      facebook,instagram    Advent day 1\n\
         \x20    2  Boulangerie Marcel  2026-12-02 12:00  draft      instagram             Behind the oven\n"
    );
    assert_eq!(
        stdout(&db.run(&["posts", "list", "--status", "failed"])).trim(),
        "No post."
    );

    for (args, want) in [
        (
            &["posts", "list", "--status", "done"][..],
            "unknown status \"done\": use idea",
        ),
        (&["posts", "list", "--from", "1 Dec"], "1 Dec"),
        (
            &[
                "posts",
                "list",
                "--from",
                "2026-12-10",
                "--to",
                "2026-12-01",
            ],
            "before",
        ),
        (
            &["posts", "list", "--client", "Nobody"],
            "client \"Nobody\" not found",
        ),
    ] {
        let err = refused(&db, args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
}

fn inbox_items(db: &TempDb) -> Vec<Value> {
    json(&db.run(&["inbox", "list", "--status", "all", "--json"]))
        .as_array()
        .unwrap()
        .clone()
}

fn item(db: &TempDb, id: i64) -> Value {
    inbox_items(db)
        .into_iter()
        .find(|i| i["id"] == id)
        .expect("item listed")
}

#[test]
fn inbox_mark_tag_and_reply() {
    let db = TempDb::new();
    db.run(&["client", "add", "Atelier", "--timezone", "Europe/Brussels"]);
    let o = db.run(&[
        "import",
        "inbox",
        &format!("{INBOX}items.csv"),
        "--client",
        "Atelier",
        "--platform",
        "x",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let julie = inbox_items(&db)
        .into_iter()
        .find(|i| i["author"] == "@julie.lyon")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let id = julie.to_string();
    let id = id.as_str();

    // The refusals: unknown ids, unknown statuses, nothing to say; nothing changes.
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute(
        "UPDATE inbox_items SET deleted_at = 1 WHERE author = '@troll'",
        [],
    )
    .unwrap();
    let trashed = c
        .query_row(
            "SELECT id FROM inbox_items WHERE author = '@troll'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        .to_string();
    let empty = db.dir.path().join("empty.txt");
    std::fs::write(&empty, " \n\n").unwrap();
    let before = everything(&db);
    for (args, want) in [
        (
            &["inbox", "mark", "999", "replied"][..],
            "inbox item 999 not found",
        ),
        (&["inbox", "mark", &trashed, "replied"], "not found"),
        (&["inbox", "tag", &trashed, "vip"], "not found"),
        (&["inbox", "reply", &trashed, "--text", "Hi"], "not found"),
        (&["inbox", "mark", id, "done"], "invalid value 'done'"),
        (&["inbox", "mark", "one", "replied"], "invalid value 'one'"),
        (&["inbox", "tag", id], "TAGS"),
        (&["inbox", "tag", id, "#", ","], "no tag given"),
        (&["inbox", "reply", id], "--text"),
        (
            &["inbox", "reply", id, "--text", "  \n"],
            "the reply is empty",
        ),
        (
            &["inbox", "reply", id, "--text-file", empty.to_str().unwrap()],
            "the reply is empty",
        ),
        (
            &[
                "inbox",
                "reply",
                id,
                "--text-file",
                "/nonexistent/reply.txt",
            ],
            "/nonexistent/reply.txt: no such file",
        ),
        (
            &["inbox", "reply", id, "--text", "a", "--text-file", "f"],
            "cannot be used with",
        ),
    ] {
        let err = refused(&db, args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(everything(&db), before);

    // Marks, as the app's m, i, w keys set them.
    let o = db.run(&["inbox", "mark", id, "replied"]);
    assert_eq!(stdout(&o).trim(), format!("Inbox item {id}: replied."));
    let it = item(&db, julie);
    assert_eq!(it["status"], "replied");
    assert_eq!(it["replied_at"], "2026-11-22T08:30:00Z");
    for (status, key) in [
        ("follow-up", "follow_up"),
        ("ignored", "ignored"),
        ("new", "new"),
        ("follow_up", "follow_up"),
    ] {
        let o = db.run(&["inbox", "mark", id, status]);
        assert!(o.status.success(), "{status}: {}", stderr(&o));
        let it = item(&db, julie);
        assert_eq!(it["status"], key);
        assert_eq!(it["replied_at"], Value::Null);
    }

    // Tags, read as the app's tag field reads them.
    let o = db.run(&["inbox", "tag", id, "#VIP", "delivery,vip"]);
    assert_eq!(
        stdout(&o).trim(),
        format!("Inbox item {id}: tags vip, delivery.")
    );
    db.run(&["inbox", "tag", id, "gluten"]);
    assert_eq!(
        item(&db, julie)["tags"],
        serde_json::json!(["vip", "delivery", "gluten"])
    );
    db.run(&["inbox", "tag", id, "--replace", "order"]);
    assert_eq!(item(&db, julie)["tags"], serde_json::json!(["order"]));
    let o = db.run(&["inbox", "tag", id, "--replace"]);
    assert_eq!(stdout(&o).trim(), format!("Inbox item {id}: tags none."));
    assert_eq!(item(&db, julie)["tags"], serde_json::json!([]));

    // A reply is recorded and marks the item replied; it is not sent yet.
    let o = db.run(&["inbox", "reply", id, "--text", "Merci Julie !  \n"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        format!(
            "Inbox item {id}: reply recorded and marked replied (not sent: post it on Instagram yourself)."
        )
    );
    let it = item(&db, julie);
    assert_eq!(it["reply"], "Merci Julie !");
    assert_eq!(it["status"], "replied");
    assert_eq!(it["replied_at"], "2026-11-22T08:30:00Z");
    let file = db.dir.path().join("reply.txt");
    std::fs::write(&file, "Line one\nLine two\n").unwrap();
    let marc = inbox_items(&db)
        .into_iter()
        .find(|i| i["author"] == "@marc.dupont")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let o = db.run(&[
        "inbox",
        "reply",
        &marc.to_string(),
        "--text-file",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(item(&db, marc)["reply"], "Line one\nLine two");
    // From standard input.
    let blog = inbox_items(&db)
        .into_iter()
        .find(|i| i["author"] == "@blog.food")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let mut child = common::twohats()
        .arg("--db")
        .arg(&db.path)
        .args(["inbox", "reply", &blog.to_string(), "--text-file", "-"])
        .env_remove("TWOHATS_DB")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Thank you!")
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    assert_eq!(item(&db, blog)["reply"], "Thank you!");
    assert_eq!(item(&db, blog)["status"], "replied");
}

#[test]
fn demo_remove_keeps_the_users_clients() {
    let db = TempDb::new();
    // The user's own client, with the name of a demo client: theirs wins at load, and
    // stays at removal.
    db.run(&[
        "client",
        "add",
        "Hotel Alpenrose",
        "--timezone",
        "Europe/Zurich",
    ]);
    db.run(&[
        "account",
        "add",
        "--client",
        "Hotel Alpenrose",
        "instagram",
        "@mine",
    ]);
    db.run(&["client", "add", "Mine", "--timezone", "UTC"]);
    assert!(db.run(&["demo", "--force"]).status.success());
    let clients = json(&db.run(&["client", "list", "--json"]));
    let demo: Vec<&str> = clients
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["demo"] == true)
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        demo,
        [
            "Atelier Vélo Rouge",
            "Boulangerie Marcel",
            "Maple & Pine Studio"
        ]
    );
    assert!(
        !json(&db.run(&["posts", "list", "--json"]))
            .as_array()
            .unwrap()
            .is_empty()
    );

    let err = refused(&db, &["demo", "--remove", "--force"]);
    assert!(err.contains("cannot be used with"), "{err}");
    let o = db.run(&["demo", "--remove"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "Demo removed, with everything in it: Atelier Vélo Rouge, Boulangerie Marcel, Maple & Pine Studio. Your own clients are untouched."
    );
    let names: Vec<String> = json(&db.run(&["client", "list", "--json", "--archived"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Hotel Alpenrose", "Mine"]);
    assert_eq!(
        json(&db.run(&["account", "list", "--json"])),
        serde_json::json!([{"client": "Hotel Alpenrose", "client_id": 1, "id": 1, "platform": "instagram", "handle": "@mine"}])
    );
    // Everything of theirs went with them.
    assert_eq!(stdout(&db.run(&["posts", "list", "--json"])).trim(), "[]");
    assert_eq!(
        stdout(&db.run(&["inbox", "list", "--status", "all", "--json"])).trim(),
        "[]"
    );
    assert_eq!(stdout(&db.run(&["trash", "list", "--json"])).trim(), "[]");
    let o = db.run(&["demo", "--remove"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), "No demo clients here: nothing removed.");
}
