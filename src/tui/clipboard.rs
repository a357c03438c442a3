//! Putting text on the clipboard, and saying truly where it went.
//!
//! Where there is a system clipboard (a Wayland or X display, macOS) a clipboard program
//! puts the text there (`wl-copy`, `xclip`, `xsel`, `pbcopy`; on an X display without one,
//! the `arboard` crate): that is a copy, confirmed. Otherwise (over SSH, on a console) the
//! terminal is asked with the OSC 52 sequence, wrapped for tmux or screen when one sits
//! between: whether the terminal honours it cannot be known, so that is "sent", not
//! "copied". tmux drops an application's OSC 52 unless `set-clipboard` is `on` (its default
//! is `external`) or `allow-passthrough` is on: then the text goes into tmux's paste
//! buffer (`tmux load-buffer -w`, which also hands it on to the terminal's clipboard).
//!
//! [`plan`] is the choice, a pure function of what the environment offers ([`Env`]);
//! [`copy`] follows the plan. The effect executor runs it; `update` only words the answer.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::i18n::format::labelled;
use std::time::{Duration, Instant};

/// What the environment offers for a copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    /// Logged in over SSH (`SSH_TTY`, `SSH_CONNECTION` or `SSH_CLIENT`).
    pub ssh: bool,
    /// Inside tmux (`TMUX`), with its options when they could be read.
    pub tmux: Option<TmuxOptions>,
    /// Inside GNU screen (`STY`).
    pub screen: bool,
    /// A Wayland display (`WAYLAND_DISPLAY`).
    pub wayland: bool,
    /// An X display (`DISPLAY`), local or forwarded by `ssh -X`.
    pub x11: bool,
    pub macos: bool,
    /// The clipboard programs found on `PATH`, among [`PROGRAMS`] and `tmux`.
    pub programs: Vec<&'static str>,
}

/// tmux's options that decide what becomes of an OSC 52 sequence; `None` when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TmuxOptions {
    /// `on`, `external` (the default) or `off`.
    pub set_clipboard: Option<String>,
    /// `on`, `all` or `off` (the default).
    pub allow_passthrough: Option<String>,
}

/// The system clipboard programs looked for, by display.
pub const PROGRAMS: [&str; 4] = ["wl-copy", "xclip", "xsel", "pbcopy"];

/// Where the text went, when it went somewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The system clipboard: copied.
    System,
    /// tmux's paste buffer: copied (`prefix ]` pastes it; tmux hands it on to the
    /// terminal's clipboard too).
    TmuxBuffer,
    /// OSC 52 written to the terminal, directly or through a multiplexer: sent.
    Osc52(Through),
}

/// What stands between the app and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Through {
    Direct,
    Tmux,
    Screen,
}

/// Why nothing was copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCopied {
    /// tmux would drop an OSC 52 sequence (`set-clipboard` not `on`, no passthrough) and
    /// its paste buffer could not be written either.
    TmuxDrops,
    /// The last way tried failed, with the system's words.
    Failed(String),
}

/// How an OSC 52 sequence is wrapped for what is between the app and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// As is: for the terminal, or for tmux with `set-clipboard on` (tmux keeps it in a
    /// paste buffer and passes it on).
    Plain,
    /// In tmux's passthrough (`allow-passthrough on`): straight to the outer terminal.
    TmuxPassthrough,
    /// In screen's passthrough, in pieces screen accepts.
    Screen,
}

/// One way to put the text somewhere; a plan tries them in order until one works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    /// A program fed the text on its standard input.
    Program {
        program: &'static str,
        args: &'static [&'static str],
        via: Via,
    },
    /// The `arboard` crate, on an X display without a clipboard program.
    Library,
    /// OSC 52 to the terminal, in each of these wrappings one after the other (both of
    /// tmux's when its options could not be read).
    Osc52 { wraps: Vec<Wrap>, through: Through },
}

/// The ways to try, in order, for what the environment offers. Empty when nothing can
/// reach a clipboard (the caller says why: [`NotCopied::TmuxDrops`]).
pub fn plan(env: &Env) -> Vec<Method> {
    let has = |p: &str| env.programs.contains(&p);
    let program = |program: &'static str, args: &'static [&'static str]| Method::Program {
        program,
        args,
        via: Via::System,
    };
    let mut out = Vec::new();
    // The system clipboard: the user's own only on their machine, or through a display
    // forwarded by SSH.
    if env.macos && !env.ssh && has("pbcopy") {
        out.push(program("pbcopy", &[]));
    }
    if env.wayland && has("wl-copy") {
        out.push(program("wl-copy", &[]));
    }
    if env.x11 {
        if has("xclip") {
            out.push(program("xclip", &["-selection", "clipboard"]));
        }
        if has("xsel") {
            out.push(program("xsel", &["--clipboard", "--input"]));
        }
        if !has("xclip") && !has("xsel") && cfg!(all(unix, not(target_os = "macos"))) {
            out.push(Method::Library);
        }
    }
    // Then the terminal.
    match (&env.tmux, env.screen) {
        (Some(tmux), _) => {
            let on = |v: &Option<String>, yes: &[&str]| v.as_deref().map(|v| yes.contains(&v));
            let clipboard = on(&tmux.set_clipboard, &["on"]);
            let passthrough = on(&tmux.allow_passthrough, &["on", "all"]);
            let mut wraps = Vec::new();
            if clipboard != Some(false) {
                wraps.push(Wrap::Plain);
            }
            if passthrough != Some(false) {
                wraps.push(Wrap::TmuxPassthrough);
            }
            if wraps.is_empty() {
                // tmux would drop the sequence: its paste buffer instead (`-w` hands it
                // on to the terminal; tmux before 3.2 lacks `-w`).
                if has("tmux") {
                    for args in [
                        &["load-buffer", "-w", "-"] as &'static [&'static str],
                        &["load-buffer", "-"],
                    ] {
                        out.push(Method::Program {
                            program: "tmux",
                            args,
                            via: Via::TmuxBuffer,
                        });
                    }
                }
            } else {
                out.push(Method::Osc52 {
                    wraps,
                    through: Through::Tmux,
                });
            }
        }
        (None, true) => out.push(Method::Osc52 {
            wraps: vec![Wrap::Screen],
            through: Through::Screen,
        }),
        (None, false) => out.push(Method::Osc52 {
            wraps: vec![Wrap::Plain],
            through: Through::Direct,
        }),
    }
    out
}

/// The bytes that ask the terminal to put `text` on its clipboard: OSC 52 with the text
/// in base64, wrapped as `wrap` says.
pub fn osc52(text: &str, wrap: Wrap) -> Vec<u8> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let inner = format!("\x1b]52;c;{b64}\x07");
    match wrap {
        Wrap::Plain => inner.into_bytes(),
        // tmux passes a DCS `tmux;` string on, each ESC in it doubled.
        Wrap::TmuxPassthrough => {
            format!("\x1bPtmux;{}\x1b\\", inner.replace('\x1b', "\x1b\x1b")).into_bytes()
        }
        // screen passes a DCS string on, but cuts long ones: pieces of 76 bytes, each in
        // its own DCS (the sequence is ASCII, so any cut falls between characters).
        Wrap::Screen => {
            let mut out = Vec::new();
            for piece in inner.as_bytes().chunks(76) {
                out.extend_from_slice(b"\x1bP");
                out.extend_from_slice(piece);
                out.extend_from_slice(b"\x1b\\");
            }
            out
        }
    }
}

impl Env {
    /// What this process's environment offers. Reads tmux's options when inside tmux
    /// (one short `tmux show-options` each).
    pub fn from_system() -> Env {
        let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        let programs: Vec<&'static str> = PROGRAMS
            .iter()
            .chain(&["tmux"])
            .copied()
            .filter(|p| on_path(p))
            .collect();
        let tmux = set("TMUX").then(|| TmuxOptions {
            set_clipboard: tmux_option("set-clipboard"),
            allow_passthrough: tmux_option("allow-passthrough"),
        });
        Env {
            ssh: set("SSH_TTY") || set("SSH_CONNECTION") || set("SSH_CLIENT"),
            tmux,
            screen: set("STY"),
            wayland: set("WAYLAND_DISPLAY"),
            x11: set("DISPLAY"),
            macos: cfg!(target_os = "macos"),
            programs,
        }
    }
}

/// True when an executable file named `program` is in a folder of `PATH`.
fn on_path(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        std::fs::metadata(dir.join(program))
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

/// A global option of the tmux the app runs in, or `None` when it cannot be read.
fn tmux_option(name: &str) -> Option<String> {
    let out = Command::new("tmux")
        .args(["show-options", "-gv", name])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !value.is_empty()).then_some(value)
}

/// Puts `text` where the environment allows, trying the plan's ways in order; says where
/// it went, or why it went nowhere.
pub fn copy(text: &str, env: &Env) -> Result<Via, NotCopied> {
    let methods = plan(env);
    // Inside tmux without an OSC 52 way, the reason is tmux's settings, whatever the
    // fallbacks answered.
    let tmux_drops =
        env.tmux.is_some() && !methods.iter().any(|m| matches!(m, Method::Osc52 { .. }));
    let mut last = NotCopied::TmuxDrops;
    for method in methods {
        let result = match &method {
            Method::Program { program, args, via } => run(program, args, text).map(|()| *via),
            Method::Library => library(text).map(|()| Via::System),
            Method::Osc52 { wraps, through } => {
                let bytes: Vec<u8> = wraps.iter().flat_map(|w| osc52(text, *w)).collect();
                let mut out = std::io::stdout();
                out.write_all(&bytes)
                    .and_then(|()| out.flush())
                    .map(|()| Via::Osc52(*through))
                    .map_err(|e| e.to_string())
            }
        };
        match result {
            Ok(via) => return Ok(via),
            Err(e) => last = NotCopied::Failed(e),
        }
    }
    Err(if tmux_drops {
        NotCopied::TmuxDrops
    } else {
        last
    })
}

/// How long a clipboard program may take (they read their input and return; `xclip`
/// and `wl-copy` leave a child behind to serve the selection).
const PROGRAM_PATIENCE: Duration = Duration::from_secs(2);

/// Runs a clipboard program with `text` on its standard input; fine when it exits with
/// success in time.
fn run(program: &str, args: &[&str], text: &str) -> Result<(), String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| labelled(program, &e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(|e| labelled(program, &e.to_string()))?;
    }
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(labelled(program, &status.to_string())),
            Ok(None) if start.elapsed() > PROGRAM_PATIENCE => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(labelled(program, crate::i18n::t().inbox.copy_no_answer));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(labelled(program, &e.to_string())),
        }
    }
}

/// The X clipboard through `arboard`. X hands the text out only while its owner lives,
/// so the clipboard object is kept for the life of the app.
#[cfg(all(unix, not(target_os = "macos")))]
fn library(text: &str) -> Result<(), String> {
    static KEPT: std::sync::Mutex<Option<arboard::Clipboard>> = std::sync::Mutex::new(None);
    let mut kept = KEPT.lock().map_err(|e| e.to_string())?;
    if kept.is_none() {
        *kept = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
    }
    match kept.as_mut() {
        Some(c) => c.set_text(text.to_string()).map_err(|e| e.to_string()),
        None => Err("no clipboard".into()),
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn library(_text: &str) -> Result<(), String> {
    Err("no clipboard library on this system".into())
}

#[cfg(test)]
mod tests;
