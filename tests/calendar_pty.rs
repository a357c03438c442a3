//! The calendar in a real terminal: create a post with keys, move it a day, quit, start
//! again and find it on its new day.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::{TempDb, stdout};

#[test]
fn create_a_post_move_it_and_find_it_after_a_restart() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "Studio Nord", "--timezone", "Europe/Paris"])
            .status
            .success()
    );
    {
        let c = rusqlite::Connection::open(&db.path).unwrap();
        c.execute("INSERT INTO accounts (client_id, platform, handle, created_at) VALUES (1, 'instagram', '@nord', 0)", [])
            .unwrap();
    }
    let mut app = pty::App::start(&db.path, 130, 36);
    app.wait_for("Today · Nov 22, 2026");
    app.send("3");
    app.wait_for("November 2026");
    // Today is Sunday Nov 22 (TWOHATS_NOW); go to Tuesday 24 and add a post.
    app.send("l");
    app.send("l");
    app.wait_for("Tuesday 24 November");
    app.send("n");
    app.wait_for("New post");
    app.send(" "); // tick the Instagram account
    app.send("\t\t\t");
    app.type_text("Winter menu");
    app.send("\t");
    app.type_text("Soup is back!");
    app.wait_for("IG 13/2,200");
    app.send("\x13");
    app.wait_for("Post added");
    app.wait_for("09:00 IG Winter");
    // Move it one day later.
    app.send(">");
    app.wait_for("Wednesday 25 November · 1 post");
    app.send("q");
    assert!(app.wait_exit().success());

    let ics = stdout(&db.run(&["export", "ics", "--client", "Studio Nord"]));
    assert!(ics.contains("DTSTART:20261125T080000Z"), "{ics}");
    assert!(ics.contains("SUMMARY:[IG] Winter menu"));

    let mut app = pty::App::start(&db.path, 130, 36);
    app.wait_for("Today · Nov 22, 2026");
    app.send("3");
    app.send("l");
    app.send("l");
    app.send("l");
    app.wait_for("Wednesday 25 November · 1 post");
    app.wait_for("Winter menu — Soup is back!");
    app.send("q");
    assert!(app.wait_exit().success());
}
