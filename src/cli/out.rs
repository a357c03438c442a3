//! What the command line prints. Text from files and the database goes through the
//! screens' sanitizer ([`crate::domain::text`]) before it reaches a terminal, JSON has its
//! C1 and bidi controls escaped, and a closed pipe (`twohats inbox list | head`) ends the
//! command quietly instead of a panic.

use std::io::Write;

use super::Failure;
use crate::domain::text::{json_safe, sanitize_multiline};

/// Writes to standard output; a reader that went away ends the command quietly.
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Failure::quiet()
            } else {
                Failure::failed(e.to_string())
            }
        })
}

/// A message or plain-text output, one or more lines: control characters and escape
/// sequences are made visible; a line break ends it.
pub fn line(text: &str) -> Result<(), Failure> {
    let mut safe = sanitize_multiline(text);
    safe.push('\n');
    write_stdout(safe.as_bytes())
}

/// Plain text that already ends its lines (`today`'s check-in), made harmless the same way.
pub fn text(text: &str) -> Result<(), Failure> {
    write_stdout(sanitize_multiline(text).as_bytes())
}

/// JSON for scripts: the serializer escapes C0 controls; C1 and bidi controls are escaped
/// here.
pub fn json(text: &str) -> Result<(), Failure> {
    let mut safe = json_safe(text);
    safe.push('\n');
    write_stdout(safe.as_bytes())
}

/// A file's bytes asked for on standard output (`export ics`, `report`): written as they
/// are when piped; on a terminal, shown like any other text.
pub fn data(text: &str) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        write_stdout(sanitize_multiline(text).as_bytes())
    } else {
        write_stdout(text.as_bytes())
    }
}

/// An error or warning on standard error, made harmless; a closed stderr is ignored.
pub fn error(text: &str) {
    let mut safe = sanitize_multiline(text);
    safe.push('\n');
    let _ = std::io::stderr().lock().write_all(safe.as_bytes());
}
