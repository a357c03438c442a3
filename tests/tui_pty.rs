//! The real binary in a pseudo-terminal: keys in, screen text out, data still there
//! after a restart.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::{TempDb, stdout};
use pty::App;

#[test]
fn create_a_client_with_keys_and_find_it_after_a_restart() {
    let db = TempDb::new();
    let mut app = App::start(&db.path, 100, 30);
    app.wait_for("Welcome to twohats");
    app.send("n");
    app.wait_for("New client");
    app.type_text("Studio Nord");
    app.send("\t");
    app.send("\x7f\x7f\x7f");
    app.type_text("SEK");
    app.send("\t");
    app.send("\x15"); // Ctrl-u clears the zone line
    app.type_text("Europe/Stockholm");
    app.send("\x13"); // Ctrl-s
    app.wait_for("Client Studio Nord created");
    app.wait_for("Today · Nov 22, 2026");
    app.send("q");
    assert!(app.wait_exit().success());

    let o = common::run_with_db(&db.path, &["client", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["name"], "Studio Nord");
    assert_eq!(v[0]["currency"], "SEK");
    assert_eq!(v[0]["timezone"], "Europe/Stockholm");

    let mut app = App::start(&db.path, 100, 30);
    app.wait_for("Studio Nord");
    app.wait_for("Today · Nov 22, 2026");
    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn switcher_and_help_in_a_real_terminal() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let mut app = App::start(&db.path, 100, 30);
    app.wait_for("Today · Nov 22, 2026");
    app.send("c");
    app.wait_for("type to filter");
    app.type_text("hotel");
    app.send("\r");
    app.wait_for("Now working on Hotel Alpenrose");
    app.send("?");
    app.wait_for("Everywhere");
    app.send("\x1b");
    app.send("q");
    assert!(app.wait_exit().success());
    // The alternate screen is left and the cursor shown again.
    let raw = app.screen.lock().unwrap();
    assert!(!raw.screen().alternate_screen());
}
