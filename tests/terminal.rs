//! The terminal is always given back as it was: after a panic, and through rapid resizes.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::TempDb;

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_panic_restores_the_terminal() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let mut app = pty::App::start_with(&db.path, 100, 30, &[("TWOHATS_DEBUG_PANIC", "1")]);
    let status = app.wait_exit();
    assert!(!status.success(), "it panicked");
    let raw = app.raw_bytes();
    assert!(
        contains(&raw, b"\x1b[?1049h"),
        "it had entered the alternate screen"
    );
    assert!(contains(&raw, b"\x1b[?1049l"), "and left it on the panic");
    let screen = app.screen.lock().unwrap();
    assert!(!screen.screen().alternate_screen());
    assert!(!screen.screen().hide_cursor(), "the cursor is shown again");
    drop(screen);
    assert!(
        app.text().contains("panicking on purpose"),
        "the message is readable: {}",
        app.text()
    );
}

#[test]
fn rapid_resizes_down_to_one_cell() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let mut app = pty::App::start(&db.path, 100, 30);
    app.wait_for("Today · Nov 22, 2026");
    let mut x = 0x1234_5678u32;
    for i in 0..60 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let (w, h) = if i % 7 == 0 {
            (1, 1)
        } else {
            (1 + (x % 220) as u16, 1 + (x / 220 % 70) as u16)
        };
        app.resize(w, h);
        if i % 3 == 0 {
            // Keys while resizing: tabs and overlays.
            app.send(["2", "3", "4", "5", "1", "?", "?", "L", "m"][i % 9]);
        }
    }
    app.resize(100, 30);
    // Tiny sizes ignore keys, so help may be left open: close it, then go to Today. A
    // pause keeps Esc from merging with the next key into Alt-1.
    std::thread::sleep(std::time::Duration::from_millis(300));
    app.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    app.send("1");
    app.wait_for("Today · Nov 22, 2026");
    app.send("q");
    assert!(app.wait_exit().success());
}
