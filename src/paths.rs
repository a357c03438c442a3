//! Where the database lives when neither `--db` nor `TWOHATS_DB` says otherwise.

use std::path::PathBuf;

/// File name of the database inside the data folder.
pub const DB_FILE: &str = "twohats.db";

/// The default database path: the platform's data folder for "twohats" (for example
/// `~/.local/share/twohats/twohats.db` on Linux), or `None` when the system has no home.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "twohats").map(|d| d.data_dir().join(DB_FILE))
}
