//! Removing the demo in the real app: `D` in the client switcher asks first, names the
//! demo clients, and leaves the user's own client; the data says so after a restart.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::{TempDb, stderr, stdout};

#[test]
fn d_in_the_switcher_removes_the_demo_after_a_yes() {
    let db = TempDb::new();
    let o = db.run(&[
        "client",
        "add",
        "Studio Nord",
        "--timezone",
        "Europe/Stockholm",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(db.run(&["demo", "--force"]).status.success());
    let mut app = pty::App::start(&db.path, 100, 30);
    app.wait_for("Today · Nov 22, 2026");
    app.send("c");
    app.wait_for("Hotel Alpenrose (demo)");
    app.send("\t");
    app.send("D");
    app.wait_for("Remove the demo (Atelier Vélo Rouge, Boulangerie Marcel, Hotel");
    app.wait_for("Alpenrose, Maple & Pine Studio) and everything in it? Your own");
    app.wait_for("y yes   n no");
    // No: nothing goes.
    app.send("n");
    app.wait_for("Clients (5)");
    app.send("D");
    app.wait_for("y yes   n no");
    app.send("y");
    app.wait_for("Demo removed: Atelier Vélo Rouge, Boulangerie Marcel");
    app.wait_for("Clients (1)");
    assert!(!app.text().contains("(demo)"), "{}", app.text());
    app.send("\x1b");
    app.send("q");
    assert!(app.wait_exit().success());

    let o = db.run(&["client", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Studio Nord"]);
    assert_eq!(stdout(&db.run(&["posts", "list", "--json"])).trim(), "[]");
}
