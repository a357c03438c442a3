//! Drives the real binary in a pseudo-terminal and reads its screen through vt100.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::common::bin;

/// Generous, so a loaded CI machine does not fail the test; it only stops a hang.
const PATIENCE: Duration = Duration::from_secs(30);

pub struct App {
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote, to check what reached the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl App {
    pub fn start(db: &std::path::Path, cols: u16, rows: u16) -> App {
        Self::start_with(db, cols, rows, &[])
    }

    pub fn start_with(db: &std::path::Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> App {
        Self::command(db, &[], cols, rows, env)
    }

    /// `twohats --db DB ARGS...` on a terminal (a command that asks a question).
    pub fn command(
        db: &std::path::Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> App {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(bin());
        cmd.arg("--db");
        cmd.arg(db);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // English whatever the machine's locale; a test wanting French passes LANG.
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env("TWOHATS_NOW", "2026-11-22T08:30:00Z");
        cmd.env_remove("TWOHATS_DB");
        // No clipboard from the machine running the tests (its display, its tmux): a
        // copy goes to this terminal (OSC 52) unless a test gives a display.
        for var in [
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "TMUX",
            "STY",
            "SSH_TTY",
            "SSH_CONNECTION",
            "SSH_CLIENT",
        ] {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        App {
            master: pair.master,
            screen,
            raw,
            writer,
            child,
        }
    }

    /// Resizes the terminal, as a window manager does.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut p = self.screen.lock().unwrap();
        p.screen_mut().set_size(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
        );
    }

    pub fn raw_bytes(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, needle: &str) {
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

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // One key at a time, as a person types, so each is read as its own event.
        std::thread::sleep(Duration::from_millis(30));
    }

    pub fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            self.send(&c.to_string());
        }
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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
