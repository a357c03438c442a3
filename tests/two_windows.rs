//! Two twohats windows on one database: both keep working, and what one writes shows in
//! the other without a restart.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::TempDb;

#[test]
fn two_instances_see_each_others_writes() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let mut a = pty::App::start(&db.path, 120, 34);
    let mut b = pty::App::start(&db.path, 120, 34);
    a.wait_for("Today · Nov 22, 2026");
    b.wait_for("Today · Nov 22, 2026");
    // A adds a client; B's client switcher lists it, without a restart.
    a.send("c");
    a.wait_for("type to filter");
    a.send("\x0e"); // Ctrl-n
    a.wait_for("New client");
    a.type_text("Studio Nord");
    a.send("\x13");
    a.wait_for("Client Studio Nord created");
    b.send("c");
    b.wait_for("Studio Nord");
    b.send("\x1b");
    a.send("\x1b"); // close the client switcher
    // B replies to an item; A's inbox count follows.
    b.send("4");
    b.wait_for("Pending 12");
    a.send("4");
    a.wait_for("Pending 12");
    b.send("m");
    b.wait_for("1 item marked replied");
    a.wait_for("Pending 11");
    for app in [&mut a, &mut b] {
        app.send("q");
        assert!(
            app.wait_exit().success(),
            "no crash, no 'database is locked'"
        );
    }
}

/// The row of the screen that holds `label` (a form field: label, then value).
fn line_with(app: &pty::App, label: &str) -> String {
    app.text()
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_default()
        .to_string()
}

/// Acme Bakery: reply target 6 hours, notes "Likes emoji".
fn acme(db: &TempDb) {
    assert!(
        db.run(&["client", "add", "Acme Bakery", "--reply-hours", "6"])
            .status
            .success()
    );
    assert!(
        db.run(&["client", "edit", "Acme Bakery", "--notes", "Likes emoji"])
            .status
            .success()
    );
}

/// Opens the client form from the switcher (the only client).
fn open_client_form(app: &mut pty::App) {
    app.send("c");
    app.wait_for("type to filter");
    app.send("\t");
    app.send("e");
    app.wait_for("Edit client: Acme Bakery");
}

/// The client as the command line lists it: (reply target, notes).
fn client_now(db: &TempDb) -> (i64, String) {
    let list = common::json(&db.run(&["client", "list", "--json"]));
    let c = &list[0];
    (
        c["reply_target_hours"].as_i64().unwrap(),
        c["notes"].as_str().unwrap().to_string(),
    )
}

/// Window B, its client form open on the older client, adds to the notes and saves: it
/// is asked, reloads (the form shows 9) and saves again. Both changes are kept.
fn b_adds_notes_is_asked_and_reloads(b: &mut pty::App) {
    for _ in 0..4 {
        b.send("\t");
    }
    b.type_text(" and croissants");
    b.send("\x13");
    b.wait_for("Saved in another window");
    b.wait_for("Changed there: Reply target (h).");
    b.send("r");
    b.wait_for("Reloaded from the other window: Reply target (h).");
    let shown = line_with(b, "Reply target (h)");
    assert!(shown.contains(" 9 "), "the form shows 9: {shown:?}");
    assert!(line_with(b, "Notes").contains("Likes emoji and croissants"));
    b.send("\x13");
    b.wait_for("Client Acme Bakery saved");
}

#[test]
fn two_windows_on_one_client_never_undo_each_other() {
    let db = TempDb::new();
    acme(&db);
    let mut a = pty::App::start(&db.path, 120, 34);
    let mut b = pty::App::start(&db.path, 120, 34);
    for app in [&mut a, &mut b] {
        app.wait_for("Today · Nov 22, 2026");
        open_client_form(app);
    }
    // A sets the reply target to 9 and saves.
    for _ in 0..3 {
        a.send("\t");
    }
    a.send("\x7f"); // Backspace
    a.send("9");
    a.send("\x13");
    a.wait_for("Client Acme Bakery saved");
    assert_eq!(client_now(&db).0, 9);
    b_adds_notes_is_asked_and_reloads(&mut b);
    assert_eq!(
        client_now(&db),
        (9, "Likes emoji and croissants".to_string()),
        "neither window undid the other"
    );
    for app in [&mut a, &mut b] {
        app.send("\x1b"); // close the switcher
        app.send("q");
        assert!(app.wait_exit().success());
    }
}

#[test]
fn a_command_line_edit_under_an_open_form_is_not_undone() {
    let db = TempDb::new();
    acme(&db);
    let mut b = pty::App::start(&db.path, 120, 34);
    b.wait_for("Today · Nov 22, 2026");
    open_client_form(&mut b);
    // The command changes only what it is given, while the form is open.
    let out = db.run(&["client", "edit", "Acme Bakery", "--reply-hours", "9"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        client_now(&db),
        (9, "Likes emoji".to_string()),
        "the notes stay as they were"
    );
    b_adds_notes_is_asked_and_reloads(&mut b);
    assert_eq!(
        client_now(&db),
        (9, "Likes emoji and croissants".to_string())
    );
    b.send("\x1b");
    b.send("q");
    assert!(b.wait_exit().success());
}

#[test]
fn two_windows_on_one_post_never_undo_each_other() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "Studio Nord", "--timezone", "Europe/Paris"])
            .status
            .success()
    );
    {
        let c = rusqlite::Connection::open(&db.path).unwrap();
        c.execute_batch(
            "INSERT INTO accounts (client_id, platform, handle, created_at) VALUES (1, 'instagram', '@nord', 0);
             INSERT INTO posts (client_id, local_time, scheduled_at, title, body, created_at)
                 VALUES (1, '2026-11-22 09:00', 1795334400, 'Winter menu', 'Soup is back!', 0);
             INSERT INTO post_accounts (post_id, account_id) VALUES (1, 1);",
        )
        .unwrap();
    }
    let mut a = pty::App::start(&db.path, 130, 40);
    let mut b = pty::App::start(&db.path, 130, 40);
    for app in [&mut a, &mut b] {
        app.wait_for("Today · Nov 22, 2026");
        app.send("3");
        app.wait_for("09:00 IG Winter");
        app.send("e");
        app.wait_for("Post · Studio Nord");
    }
    // A retitles the post: accounts, when, status, then the title.
    a.send("\t\t\t");
    a.send("\x15"); // Ctrl-u: clear the line
    a.type_text("Soup season");
    a.send("\x13");
    a.wait_for("Post saved");
    // B adds to the text of the post as it opened it.
    b.send("\t\t\t\t");
    b.type_text(" Come in!");
    b.send("\x13");
    b.wait_for("Saved in another window");
    b.wait_for("Changed there: Title.");
    b.send("r");
    b.wait_for("Reloaded from the other window: Title.");
    assert!(line_with(&b, "Title").contains("Soup season"));
    b.send("\x13");
    b.wait_for("Post saved");
    let posts = common::json(&db.run(&["posts", "list", "--json"]));
    assert_eq!(posts[0]["title"], "Soup season");
    assert_eq!(posts[0]["text"], "Soup is back! Come in!");
    for app in [&mut a, &mut b] {
        app.send("q");
        assert!(app.wait_exit().success());
    }
}
