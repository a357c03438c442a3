//! The command line for clients, accounts and the demo, and a missing database left
//! missing. Every refusal exits 2 and leaves the database as it was.

mod common;

use common::{TempDb, bakery, everything, json, refused, stderr, stdout};

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
