//! The app opens on Today; Enter on an overdue inbox line opens that item in the Inbox
//! with its client switched; reply to it; find it replied.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::{TempDb, stdout};

#[test]
fn open_on_today_jump_to_an_overdue_item_and_reply() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let mut app = pty::App::start(&db.path, 130, 36);
    app.wait_for("Today · Nov 22, 2026");
    app.wait_for("Boulangerie Marcel    5 waiting, 2 late");
    app.send("\r");
    app.wait_for("Inbox · pending · Boulangerie Marcel (5)");
    app.wait_for("Claire B. @claire.b");
    app.send("r");
    app.wait_for("Start from a saved reply");
    app.send("\r"); // blank reply
    app.wait_for("Reply to @claire.b");
    app.type_text("So sorry, Claire: come by, the next baguette is on us.");
    app.send("\x13");
    app.wait_for("Reply saved and sent to the terminal (OSC 52)");
    app.send("m");
    app.wait_for("1 item marked replied");
    app.wait_for("Pending 4");
    app.send("1");
    app.wait_for("Boulangerie Marcel    4 waiting, 1 late");
    app.send("q");
    assert!(app.wait_exit().success());

    let o = db.run(&[
        "inbox",
        "list",
        "--client",
        "Boulangerie Marcel",
        "--status",
        "replied",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let claire = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["author"] == "@claire.b")
        .expect("replied");
    assert_eq!(
        claire["reply"],
        "So sorry, Claire: come by, the next baguette is on us."
    );
    assert_eq!(claire["replied_at"], "2026-11-22T08:30:00Z");
}
