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
    // A adds a client; B's check-in shows it (a new client's weekly review is due).
    a.send("c");
    a.wait_for("type to filter");
    a.send("\x0e"); // Ctrl-n
    a.wait_for("New client");
    a.type_text("Studio Nord");
    a.send("\x13");
    a.wait_for("Client Studio Nord created");
    b.wait_for("Studio Nord");
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
