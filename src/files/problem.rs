//! What went wrong with a file, in types a user can act on; `i18n` words them.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};

/// A problem with the database file or a file being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The disk holding `path` is full; nothing was written.
    DiskFull { path: PathBuf },
    /// Another twohats holds `path`'s write lock and kept it past the busy timeout;
    /// `work` is what it said it was doing, when it said so.
    Busy { path: PathBuf, work: Option<Work> },
    /// `path` cannot be written (or, for `Folder`, not even read): see [`ReadOnly`].
    ReadOnly { path: PathBuf, why: ReadOnly },
    /// `--db` was given something SQLite reads as a URI or a special name, not a path.
    NotAPath { given: String },
    /// A copy was asked onto the database itself.
    OntoDatabase { path: PathBuf },
    /// A file to write exists already (the app asks before replacing).
    Exists { path: PathBuf },
}

/// Why a file cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// The whole file system is mounted read-only: reads work, nothing can be written.
    FileSystem,
    /// The folder is not writable by this user: SQLite must create `FILE-wal` and
    /// `FILE-shm` beside the database to read it while others may write.
    Folder,
    /// The file itself is read-only for this user: reads work, writes cannot.
    File,
    /// The database is on a read-only file system and must be upgraded before use.
    NeedsUpgrade,
}

/// Long work that holds the database's write lock, as it announces itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Import,
    Demo,
    Restore,
    Migration,
}

impl Work {
    pub const ALL: [Work; 4] = [Work::Import, Work::Demo, Work::Restore, Work::Migration];

    /// The word written in the announcement file.
    pub fn key(self) -> &'static str {
        match self {
            Work::Import => "import",
            Work::Demo => "demo",
            Work::Restore => "restore",
            Work::Migration => "migration",
        }
    }

    pub fn parse(s: &str) -> Option<Work> {
        Work::ALL.into_iter().find(|w| w.key() == s.trim())
    }
}

impl Problem {
    /// The problem an I/O error on `path` stands for, when it is one a user can act on.
    pub fn of_io(path: &Path, e: &io::Error) -> Option<Problem> {
        let path = path.to_path_buf();
        match e.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                Some(Problem::DiskFull { path })
            }
            io::ErrorKind::ReadOnlyFilesystem => Some(Problem::ReadOnly {
                path,
                why: ReadOnly::FileSystem,
            }),
            io::ErrorKind::AlreadyExists => Some(Problem::Exists { path }),
            _ => None,
        }
    }

    /// True when the problem lies in what the user gave (exit code 2).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Problem::NotAPath { .. } | Problem::OntoDatabase { .. } | Problem::Exists { .. }
        )
    }
}

/// Names SQLite does not read as a plain file: `""` (a private temporary database),
/// `:memory:`, and URIs (`file:...`, in any case; the bundled SQLite reads URIs always).
pub fn is_special_name(given: &OsStr) -> bool {
    let bytes = given.as_encoded_bytes();
    bytes.is_empty()
        || bytes == b":memory:"
        || bytes
            .get(..5)
            .is_some_and(|head| head.eq_ignore_ascii_case(b"file:"))
}

/// Bytes an unprivileged user may still write on the file system holding `dir`.
pub fn room_left(dir: &Path) -> Option<u64> {
    let s = rustix::fs::statvfs(dir).ok()?;
    Some(s.f_bavail.saturating_mul(s.f_frsize))
}

/// True when the file system holding `dir` is mounted read-only (nobody can write
/// to it, so a file there cannot change while it is read).
pub fn whole_fs_read_only(dir: &Path) -> bool {
    rustix::fs::statvfs(dir).is_ok_and(|s| s.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY))
}

/// True when this user may create files in `dir`.
pub fn folder_writable(dir: &Path) -> bool {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok()
}

/// True when this user may write `file`.
pub fn file_writable(file: &Path) -> bool {
    rustix::fs::access(file, rustix::fs::Access::WRITE_OK).is_ok()
}
