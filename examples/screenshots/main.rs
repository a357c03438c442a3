//! The README's screenshots, made from the real app: loads the demo into a temporary
//! database with the clock pinned, starts the release binary in a pseudo-terminal of
//! 120x36 (the driver the end-to-end tests use), visits each tab and writes what the
//! terminal shows, colours included, as `assets/screenshots/<tab>.svg`.
//!
//! Run it through `scripts/screenshots.sh`, which builds the binary first:
//! `cargo run --release --example screenshots -- [OUT_DIR] [BINARY]`.

#[path = "../../tests/pty/mod.rs"]
mod pty;
mod svg;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The binary the driver starts: this example tells it which.
mod common {
    use std::path::{Path, PathBuf};
    use std::sync::OnceLock;

    pub static BIN: OnceLock<PathBuf> = OnceLock::new();

    pub fn bin() -> &'static Path {
        BIN.get().map_or(Path::new("twohats"), PathBuf::as_path)
    }
}

/// The demo's "today": the pictures are the same on every machine, every day.
const NOW: &str = "2026-11-26T09:00:00Z";
const COLS: u16 = 120;
const ROWS: u16 = 36;
/// Each tab: its key, its label in the tab bar, and the picture's name.
const TABS: [(&str, &str, &str); 5] = [
    ("1", "Today", "today"),
    ("2", "Strategy", "strategy"),
    ("3", "Calendar", "calendar"),
    ("4", "Inbox", "inbox"),
    ("5", "Report", "report"),
];
/// How long a screen must stay the same to be taken as drawn.
const SETTLED: Duration = Duration::from_millis(800);
/// How long a tab may take to come up before the script gives up.
const PATIENCE: Duration = Duration::from_secs(60);

fn main() {
    if let Err(e) = run() {
        eprintln!("screenshots: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args_os().skip(1);
    let out = args.next().map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/screenshots"),
        PathBuf::from,
    );
    let bin = match args.next() {
        Some(b) => PathBuf::from(b),
        None => beside_this_example()?,
    };
    if !bin.is_file() {
        return Err(format!(
            "no binary at {} (run scripts/screenshots.sh, which builds it)",
            bin.display()
        ));
    }
    let _ = common::BIN.set(bin.clone());
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;

    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = dir.path().join("demo.db");
    load_demo(&bin, &db)?;

    // NO_COLOR set but empty means colour (no-color.org): whatever the caller's setting.
    let mut app = pty::App::start_with(&db, COLS, ROWS, &[("TWOHATS_NOW", NOW), ("NO_COLOR", "")]);
    for (key, label, name) in TABS {
        app.send(key);
        let title = format!("twohats: the {label} tab on the demo data, {COLS}x{ROWS}");
        let picture = capture(&app, label, &title)?;
        let file = out.join(format!("{name}.svg"));
        std::fs::write(&file, picture).map_err(|e| format!("{}: {e}", file.display()))?;
        println!("wrote {}", file.display());
    }
    app.send("q");
    if !app.wait_exit().success() {
        return Err("the app did not quit cleanly".into());
    }
    Ok(())
}

/// `cargo build --release` puts the binary one folder above its examples.
fn beside_this_example() -> Result<PathBuf, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let release = me
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot tell where cargo put the binary: pass its path")?;
    Ok(release.join(format!("twohats{}", std::env::consts::EXE_SUFFIX)))
}

fn load_demo(bin: &Path, db: &Path) -> Result<(), String> {
    let o = Command::new(bin)
        .arg("--db")
        .arg(db)
        .arg("demo")
        .env("TWOHATS_NOW", NOW)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("TWOHATS_DB")
        .output()
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    if o.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`twohats demo` failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ))
    }
}

/// Waits until the tab bar shows `label` as the current tab and the screen has stopped
/// changing, then draws it.
fn capture(app: &pty::App, label: &str, title: &str) -> Result<String, String> {
    let start = Instant::now();
    let mut last = String::new();
    let mut since = Instant::now();
    while start.elapsed() < PATIENCE {
        {
            let parser = app.screen.lock().map_err(|e| e.to_string())?;
            let screen = parser.screen();
            let now = screen.contents_formatted();
            if !active_tab(screen).contains(label) || now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= SETTLED {
                return Ok(svg::render(screen, title));
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!(
        "the {label} tab never settled; the screen was:\n{}",
        app.text()
    ))
}

/// The text of the tab bar's highlighted (reversed) cells.
fn active_tab(screen: &vt100::Screen) -> String {
    let cols = screen.size().1.get();
    (0..cols)
        .filter_map(|col| screen.cell(0, col))
        .filter(|cell| cell.inverse())
        .map(vt100::Cell::contents)
        .collect()
}
