//! Long work on the database (an import, a demo load, a restore, a migration) announces
//! itself in `FILE-busy` beside the database while it holds the write lock, so a command
//! that waited out the busy timeout can say what holds the file. The announcement is
//! locked (`flock`) for as long as the work runs: the kernel drops the lock when the
//! process ends, however it ends, so one left by a killed process is known to be stale.

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::problem::Work;

/// Where the work on `db` is announced.
fn record_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push("-busy");
    PathBuf::from(name)
}

/// Work announced while this lives; the announcement goes when it is dropped.
#[derive(Debug)]
pub struct Announcement {
    path: PathBuf,
    file: File,
}

impl Drop for Announcement {
    fn drop(&mut self) {
        // Only our own: another process may have put its announcement in its place.
        let ours = match (std::fs::symlink_metadata(&self.path), self.file.metadata()) {
            (Ok(there), Ok(mine)) => there.ino() == mine.ino() && there.dev() == mine.dev(),
            _ => false,
        };
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Announces `work` on `db`. Best effort: work that cannot announce itself (a folder
/// it cannot write to) still runs, and a waiting command then names no work.
pub fn announce(db: &Path, work: Work) -> Option<Announcement> {
    let path = record_of(db);
    let folder = super::folder_of(&path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".twohats-busy.")
        .permissions(std::fs::Permissions::from_mode(0o600))
        .tempfile_in(folder)
        .ok()?;
    // Locked before it is visible: a reader never sees it unlocked while we live.
    tmp.as_file().lock().ok()?;
    tmp.write_all(work.key().as_bytes()).ok()?;
    let file = tmp.persist(&path).ok()?;
    Some(Announcement { path, file })
}

/// The work announced on `db` by a process still running it.
pub fn announced(db: &Path) -> Option<Work> {
    let mut file = File::open(record_of(db)).ok()?;
    match file.try_lock_shared() {
        // Nobody holds it: left by a process that ended.
        Ok(()) => None,
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            file.read_to_string(&mut text).ok()?;
            Work::parse(&text)
        }
        Err(std::fs::TryLockError::Error(_)) => None,
    }
}
