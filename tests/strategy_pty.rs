//! The Strategy tab in a real terminal: add an objective and a budget line with keys,
//! quit, start again, and find both.

mod common;

use common::TempDb;

#[path = "pty/mod.rs"]
mod pty;

#[test]
fn add_objective_and_budget_line_then_restart() {
    let db = TempDb::new();
    assert!(
        db.run(&[
            "client",
            "add",
            "Studio Nord",
            "--currency",
            "EUR",
            "--timezone",
            "Europe/Paris"
        ])
        .status
        .success()
    );
    let mut app = pty::App::start(&db.path, 120, 34);
    app.wait_for("Today · Nov 22, 2026");
    app.send("2");
    app.wait_for("No objective yet");
    // Objectives panel, new objective: Instagram followers 500 -> 1000.
    app.send("l");
    app.send("n");
    app.wait_for("New objective");
    app.send("i"); // platform: Instagram
    app.send("\t\t");
    app.type_text("500");
    app.send("\t");
    app.type_text("1000");
    app.send("\x13");
    app.wait_for("Objective added");
    // Budget panel, open it, new line: paid ads, 250.
    app.send("l");
    app.send("\r");
    app.wait_for("Strategy › Budget");
    app.send("n");
    app.wait_for("New budget line");
    app.send("\t\t\t");
    app.type_text("250");
    app.send("\x13");
    app.wait_for("Budget line added");
    app.wait_for("€250.00");
    app.send("q");
    assert!(app.wait_exit().success());

    let mut app = pty::App::start(&db.path, 120, 34);
    app.wait_for("Today · Nov 22, 2026");
    app.send("2");
    app.wait_for("Instagram · Followers");
    app.wait_for("500 → 1,000");
    app.wait_for("Planned   €250.00");
    app.send("q");
    assert!(app.wait_exit().success());
}
