//! The inbox in a real terminal: import a file, reply to one item with keys, find it
//! replied after a restart; and no escape sequence from a comment reaches the terminal.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::{TempDb, stdout};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/inbox/items.csv"
);

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn import_reply_with_keys_and_find_it_replied_after_a_restart() {
    let db = TempDb::new();
    assert!(
        db.run(&[
            "client",
            "add",
            "Boulangerie Marcel",
            "--timezone",
            "Europe/Paris"
        ])
        .status
        .success()
    );
    let o = db.run(&[
        "import",
        "inbox",
        FIXTURE,
        "--client",
        "Boulangerie Marcel",
        "--platform",
        "x",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(stdout(&o).contains("read 4 items, added 4"));

    let mut app = pty::App::start(&db.path, 130, 32);
    app.wait_for("Today · Nov 22, 2026");
    app.send("4");
    app.wait_for("Pending 4");
    // The troll's comment is on screen, as harmless text.
    app.wait_for("Hacked^[]0;pwned^G^[[2J");
    // Oldest first: the blog's mention. Reply, save (copies), mark replied.
    app.wait_for("@blog.food");
    app.send("r");
    app.wait_for("Reply to @blog.food");
    app.type_text("Thanks a lot!");
    app.send("\x13");
    // No display and no tmux: the terminal is asked (OSC 52), and the message says so.
    app.wait_for("Reply saved and sent to the terminal (OSC 52)");
    app.send("m");
    app.wait_for("1 item marked replied");
    app.wait_for("Pending 3");
    app.send("q");
    assert!(app.wait_exit().success());

    let raw = app.raw_bytes();
    assert!(
        !contains(&raw, b"\x1b]0;pwned"),
        "the comment's OSC title sequence reached the terminal"
    );
    assert!(
        !contains(&raw, b"pwned\x07"),
        "the comment's BEL reached the terminal"
    );
    // The reply went to the clipboard through OSC 52.
    assert!(
        contains(&raw, b"\x1b]52;c;VGhhbmtzIGEgbG90IQ==\x07"),
        "no OSC 52 copy"
    );

    let o = db.run(&["inbox", "list", "--status", "replied", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["author"], "@blog.food");
    assert_eq!(v[0]["reply"], "Thanks a lot!");
    assert_eq!(v[0]["status"], "replied");
    assert_eq!(v[0]["replied_at"], "2026-11-22T08:30:00Z");

    let mut app = pty::App::start(&db.path, 130, 32);
    app.wait_for("Today · Nov 22, 2026");
    app.send("4");
    app.wait_for("Pending 3");
    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn a_copy_goes_to_the_system_clipboard_program_and_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    // A stand-in for xclip that keeps what it is given.
    let bin = db.dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let xclip = bin.join("xclip");
    let kept = db.dir.path().join("clipboard.txt");
    std::fs::write(
        &xclip,
        "#!/bin/sh\n[ \"$1 $2\" = \"-selection clipboard\" ] || exit 3\ncat > \"$CLIP_KEPT\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&xclip, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let mut app = pty::App::start_with(
        &db.path,
        130,
        32,
        &[
            ("DISPLAY", ":99"),
            ("PATH", &path),
            ("CLIP_KEPT", kept.to_str().unwrap()),
        ],
    );
    app.wait_for("Today · Nov 22, 2026");
    app.send("4");
    app.wait_for("most urgent first");
    app.send("y");
    app.wait_for("Message copied (system clipboard).");
    let copied = std::fs::read_to_string(&kept).unwrap();
    assert!(!copied.is_empty());
    assert!(
        app.text()
            .contains(copied.split_whitespace().next().unwrap()),
        "the selected item's text was copied: {copied}"
    );
    app.send("q");
    assert!(app.wait_exit().success());
    assert!(
        !contains(&app.raw_bytes(), b"\x1b]52;"),
        "nothing went to the terminal once the clipboard program took it"
    );
}
