//! The command line for posts and the inbox: lists with their JSON shapes, and the
//! changes to one inbox item. Every refusal exits 2 and leaves the database as it was.

mod common;

use common::{INBOX, TempDb, bakery, everything, json, refused, stderr, stdout};
use serde_json::Value;

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
            "unknown status \"done\": use one of idea, draft, ready, scheduled, published, \
             failed, cancelled, publishing",
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
    // In French too, with every status `publish --due` may leave a post in.
    let err = refused(&db, &["--lang", "fr", "posts", "list", "--status", "fini"]);
    assert!(
        err.contains("statut inconnu \"fini\"\u{202f}: utilisez l'un de idea, draft, ready"),
        "{err}"
    );
    assert!(err.contains("cancelled, publishing"), "{err}");
    let all = json(&db.run(&["posts", "list", "--status", "publishing", "--json"]));
    assert_eq!(all, serde_json::json!([]));
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
