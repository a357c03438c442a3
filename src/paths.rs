//! Where the database lives when neither `--db` nor `TWOHATS_DB` says otherwise.

use std::path::PathBuf;

/// File name of the database inside the data folder.
pub const DB_FILE: &str = "twohats.db";

/// Where reports are exported until the user picks a folder: documents, else downloads,
/// else home, else the current folder.
pub fn default_export_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .or(u.download_dir())
                .map(PathBuf::from)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The default database path: the platform's data folder for "twohats" (for example
/// `~/.local/share/twohats/twohats.db` on Linux), or `None` when the system has no home.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "twohats").map(|d| d.data_dir().join(DB_FILE))
}
