//! Every file twohats writes beside the database (backups, the copies kept before a
//! migration or a restore, exports, reports) goes through [`write_private`]: the bytes go
//! into a new temporary in the target's folder, created `0600` from its first byte,
//! synced, then renamed over the target. A reader never sees a half-written file or a
//! moment where others may read it, a symlink at the target is replaced (never followed),
//! an existing `0644` file ends `0600`, and a killed or failed write leaves the target as
//! it was (at worst a private `.NAME.XXXXXX.tmp` beside it, which a later write to the
//! same target clears once it is an hour old).
//!
//! The ground floor beside `domain`: no words here. [`Problem`] says in types what went
//! wrong with a file; `i18n` words it.

mod busy;
mod problem;

pub use busy::{Announcement, announce, announced};
pub use problem::{
    Problem, ReadOnly, Work, file_writable, folder_writable, is_special_name, room_left,
    whole_fs_read_only,
};

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A write that failed: on the way to the file, or in what the caller wrote into it.
#[derive(Debug)]
pub enum WriteError<E> {
    Io(io::Error),
    Fill(E),
}

/// The folder a file named `target` lives in (`.` for a bare name).
pub fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `target` through a private temporary beside it. `fill` gets the temporary's
/// absolute path (for SQLite's `VACUUM INTO`, which writes into an empty file) and the
/// open file. With `replace` false an existing target (a symlink included) is refused
/// with [`io::ErrorKind::AlreadyExists`], atomically.
pub fn write_private<E>(
    target: &Path,
    replace: bool,
    fill: impl FnOnce(&Path, &mut File) -> Result<(), E>,
) -> Result<(), WriteError<E>> {
    let folder = folder_of(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The temporary is named after the target when the name leaves room for the suffix.
    let prefix = if !name.is_empty() && name.len() <= 200 {
        format!(".{name}.")
    } else {
        ".twohats.".to_string()
    };
    clear_stale(&folder, &prefix);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o600))
        .tempfile_in(&folder)
        .map_err(WriteError::Io)?;
    // An absolute path, so SQLite never reads a folder named `file:...` as a URI.
    let at = std::path::absolute(tmp.path()).map_err(WriteError::Io)?;
    fill(&at, tmp.as_file_mut()).map_err(WriteError::Fill)?;
    let file = tmp.as_file_mut();
    file.flush().map_err(WriteError::Io)?;
    // A umask can only take bits away; this puts back the owner's write bit it may
    // have removed, and nothing more.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .and_then(|()| file.sync_all())
        .map_err(WriteError::Io)?;
    let kept = if replace {
        tmp.persist(target)
    } else {
        tmp.persist_noclobber(target)
    };
    kept.map_err(|e| WriteError::Io(e.error))?;
    // The rename itself must survive a power cut: sync the folder's entry. Some file
    // systems cannot sync a folder; the file is already whole, so that is not an error.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// How old a temporary must be before a later write takes it for a killed write's.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Removes the temporaries that killed writes to the same target left in `folder`
/// (`PREFIX` + tempfile's six random characters + `.tmp`, or SQLite's `-journal` of one),
/// private and untouched for an hour: retries after kills never pile up copies. A
/// temporary that a write still running fills is younger, and stays.
fn clear_stale(folder: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let Some(before) = SystemTime::now().checked_sub(STALE_AFTER) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(random) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|r| {
                r.strip_suffix(".tmp")
                    .or_else(|| r.strip_suffix(".tmp-journal"))
            })
        else {
            continue;
        };
        if random.len() != 6 || !random.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        // DirEntry's metadata does not follow a symlink: only our own private files go.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let ours = meta.is_file() && meta.permissions().mode() & 0o077 == 0;
        if ours && meta.modified().is_ok_and(|m| m < before) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// [`write_private`] of bytes already in memory.
pub fn write_bytes(target: &Path, replace: bool, bytes: &[u8]) -> io::Result<()> {
    write_private(target, replace, |_, f| f.write_all(bytes)).map_err(|e| match e {
        WriteError::Io(e) | WriteError::Fill(e) => e,
    })
}

#[cfg(test)]
mod tests;
