//! Backups, restore, the automatic backup before a migration, the trash, and noticing
//! writes made by another twohats on the same file.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, params};
use serde::Serialize;

use super::migrations::{APPLICATION_ID, LATEST_VERSION};
use super::{Conflict, Result, Store, StoreError, from_ts};

/// Every table whose rows go to the trash, with the column that names a row.
const TRASH_TABLES: [(&str, &str); 13] = [
    ("accounts", "handle"),
    ("targets", "name"),
    ("objectives", "metric"),
    ("campaigns", "name"),
    ("budget_lines", "kind"),
    ("expenses", "note"),
    ("pillars", "name"),
    ("hashtag_sets", "name"),
    ("competitors", "name"),
    ("competitor_notes", "text"),
    ("inbox_items", "text"),
    ("saved_replies", "name"),
    ("posts", "title"),
];

/// A row in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrashRow {
    /// The table, as `twohats trash restore` names it.
    pub kind: &'static str,
    pub id: i64,
    pub label: String,
    pub deleted_at: DateTime<Utc>,
}

fn make_private(path: &Path) -> std::io::Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source: e,
    }
}

/// Checks that a file is a twohats database this binary can read, without changing it.
pub fn check_twohats_file(path: &Path) -> Result<i64> {
    let shown = path.display().to_string();
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|_| {
            StoreError::NotTwohats {
                path: shown.clone(),
            }
        })?;
    let read = || -> rusqlite::Result<(i64, i64)> {
        Ok((
            conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
            conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        ))
    };
    match read() {
        Ok((app, version)) if app == APPLICATION_ID && version > 0 => {
            if version > LATEST_VERSION {
                Err(StoreError::NewerSchema {
                    path: shown,
                    found: version,
                    supported: LATEST_VERSION,
                })
            } else {
                Ok(version)
            }
        }
        _ => Err(StoreError::NotTwohats { path: shown }),
    }
}

impl Store {
    /// Writes a consistent copy of the database to `dest` (created 0600), even while
    /// other windows use it. Refuses to overwrite an existing file.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Conflict(Conflict::FileExists(
                dest.display().to_string(),
            )));
        }
        // Created empty and private first, so the copy is never readable by others.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dest)
            .and_then(|_| make_private(dest))
            .and_then(|()| std::fs::remove_file(dest))
            .map_err(|e| io_error(dest, e))?;
        self.conn
            .execute("VACUUM INTO ?1", [dest.display().to_string()])?;
        make_private(dest).map_err(|e| io_error(dest, e))
    }

    /// Replaces the whole database with a backup, after checking it is a twohats file;
    /// an older backup is brought up to date. Returns the version it had.
    pub fn restore_from(&mut self, src: &Path) -> Result<i64> {
        let version = check_twohats_file(src)?;
        self.conn.restore(
            rusqlite::MAIN_DB,
            src,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        super::migrations::migrate(&mut self.conn)?;
        Ok(version)
    }

    /// Rows in the trash, newest first.
    pub fn trash(&self) -> Result<Vec<TrashRow>> {
        let mut out = Vec::new();
        for (table, label) in TRASH_TABLES {
            let mut st = self.conn.prepare_cached(&format!(
                "SELECT id, {label}, deleted_at FROM {table} WHERE deleted_at IS NOT NULL"
            ))?;
            let rows = st.query_map([], |r| {
                Ok(TrashRow {
                    kind: table,
                    id: r.get(0)?,
                    label: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    deleted_at: from_ts(r.get(2)?),
                })
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        out.sort_by_key(|r| std::cmp::Reverse(r.deleted_at));
        Ok(out)
    }

    /// Takes a row out of the trash.
    pub fn restore_row(&self, kind: &str, id: i64) -> Result<()> {
        let Some((table, _)) = TRASH_TABLES.iter().find(|(t, _)| *t == kind) else {
            return Err(StoreError::UnknownTrashKind {
                kind: kind.to_string(),
                known: TRASH_TABLES.map(|(t, _)| t).to_vec(),
            });
        };
        let n = self.conn.execute(
            &format!(
                "UPDATE {table} SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL"
            ),
            params![id],
        );
        match n {
            Ok(0) => Err(StoreError::NotInTrash {
                kind: kind.to_string(),
                id,
            }),
            Ok(_) => Ok(()),
            Err(e) if super::is_unique_violation(&e) => {
                Err(StoreError::Conflict(Conflict::TrashedRowTaken {
                    kind: kind.to_string(),
                    id,
                }))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// A number SQLite changes when another connection commits to the file: watched on
    /// the tick so a second window's writes show without a restart.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }
}

/// Where the automatic backup before migrating from `version` goes.
pub fn migration_backup_path(db: &Path, version: i64) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".before-v{}.bak", version + 1));
    db.with_file_name(name)
}
