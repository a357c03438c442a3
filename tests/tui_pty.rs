//! The real binary in a pseudo-terminal: keys in, screen text out, data still there
//! after a restart.

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{BIN, TempDb, stdout};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Generous, so a loaded CI machine does not fail the test; it only stops a hang.
const PATIENCE: Duration = Duration::from_secs(30);

struct App {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl App {
    fn start(db: &std::path::Path, cols: u16, rows: u16) -> App {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(BIN);
        cmd.arg("--db");
        cmd.arg(db);
        cmd.env("TERM", "xterm-256color");
        cmd.env("TWOHATS_NOW", "2026-11-22T08:30:00Z");
        cmd.env_remove("TWOHATS_DB");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        // Keep the master open for the life of the test.
        std::mem::forget(pair.master);
        App {
            screen,
            writer,
            child,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "{needle:?} never appeared; the screen was:\n{}",
            self.text()
        );
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // One key at a time, as a person types, so each is read as its own event.
        std::thread::sleep(Duration::from_millis(30));
    }

    fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            self.send(&c.to_string());
        }
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.child.kill().ok();
        panic!("the app did not quit; the screen was:\n{}", self.text());
    }
}

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
    app.wait_for("Clients (1)");
    app.send("q");
    assert!(app.wait_exit().success());

    let o = common::run_with_db(&db.path, &["client", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["name"], "Studio Nord");
    assert_eq!(v[0]["currency"], "SEK");
    assert_eq!(v[0]["timezone"], "Europe/Stockholm");

    let mut app = App::start(&db.path, 100, 30);
    app.wait_for("Studio Nord");
    app.wait_for("Clients (1)");
    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn switcher_and_help_in_a_real_terminal() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let mut app = App::start(&db.path, 100, 30);
    app.wait_for("Clients (4)");
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
