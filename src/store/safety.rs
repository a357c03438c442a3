//! Backups, restore, the automatic backup before a migration, the trash, and noticing
//! writes made by another twohats on the same file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, params};
use serde::Serialize;

use super::migrations::{APPLICATION_ID, LATEST_VERSION};
use super::{Conflict, Result, Store, StoreError, from_ts};
use crate::files::{Problem, WriteError};

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

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    match Problem::of_io(path, &e) {
        Some(p) => StoreError::File(p),
        None => StoreError::Io {
            path: path.display().to_string(),
            source: e,
        },
    }
}

/// Copies the database `conn` reads into `dest` with `VACUUM INTO`, through a private
/// temporary beside it (SQLite writes into the empty `0600` file, and its journal takes
/// the file's mode), checked whole with `quick_check` before it takes the name.
pub(super) fn copy_database(conn: &Connection, dest: &Path, replace: bool) -> Result<()> {
    crate::files::write_private(dest, replace, |tmp, _| -> Result<()> {
        let name = tmp.to_str().ok_or_else(|| {
            io_error(
                dest,
                std::io::Error::new(std::io::ErrorKind::InvalidFilename, "not UTF-8"),
            )
        })?;
        conn.execute("VACUUM INTO ?1", [name])
            .map_err(|e| copy_failed(dest, e))?;
        let copy = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check == "ok" {
            Ok(())
        } else {
            Err(StoreError::NotTwohats {
                path: dest.display().to_string(),
            })
        }
    })
    .map_err(|e| match e {
        WriteError::Io(e) => io_error(dest, e),
        WriteError::Fill(e) => e,
    })
}

/// A failure of `VACUUM INTO`: a full disk is the copy's, not the database's.
fn copy_failed(dest: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        let room = crate::files::room_left(&crate::files::folder_of(dest));
        if f.code == C::DiskFull
            || (f.code == C::SystemIoFailure && room.is_some_and(|n| n < super::LOW_ROOM))
        {
            return StoreError::File(Problem::DiskFull {
                path: dest.to_path_buf(),
            });
        }
    }
    e.into()
}

/// True when `path` is a whole copy of a twohats database at `version`: a regular file
/// that passes `quick_check`. A copy cut short by a crash (an older twohats wrote it in
/// place) is not one.
pub(super) fn is_whole_copy(path: &Path, version: i64) -> bool {
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file()) {
        return false;
    }
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    let read = || -> rusqlite::Result<bool> {
        let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        Ok(app == APPLICATION_ID && v == version && check == "ok")
    };
    read().unwrap_or(false)
}

/// Where `restore` keeps the database it replaces: `FILE.before-restore-<time>.bak`,
/// with `-2`, `-3`... when that name is taken.
pub fn restore_keep_path(db: &Path, at: DateTime<Utc>) -> PathBuf {
    let stamp = at.format("%Y%m%d-%H%M%S");
    (1..)
        .map(|n| {
            let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
            match n {
                1 => name.push(format!(".before-restore-{stamp}.bak")),
                n => name.push(format!(".before-restore-{stamp}-{n}.bak")),
            }
            db.with_file_name(name)
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| db.with_extension("before-restore.bak"))
}

/// True when `dest` names the database `db` or one of the files SQLite keeps beside it.
fn is_database_file(dest: &Path, db: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    if let (Ok(a), Ok(b)) = (std::fs::symlink_metadata(dest), std::fs::metadata(db))
        && a.ino() == b.ino()
        && a.dev() == b.dev()
    {
        return true;
    }
    let resolve = |p: &Path| {
        let folder = crate::files::folder_of(p);
        std::fs::canonicalize(&folder)
            .ok()
            .zip(p.file_name().map(|n| n.to_os_string()))
    };
    let (Some((dest_dir, dest_name)), Some((db_dir, db_name))) = (resolve(dest), resolve(db))
    else {
        return false;
    };
    dest_dir == db_dir
        && ["", "-wal", "-shm", "-journal", "-busy"]
            .iter()
            .any(|suffix| {
                let mut n = db_name.clone();
                n.push(suffix);
                n == dest_name
            })
}

/// Checks that a file is a twohats database this binary can read, without changing it.
pub fn check_twohats_file(path: &Path) -> Result<i64> {
    let shown = path.display().to_string();
    // Absolute, so SQLite never reads the name as a URI.
    let at = std::path::absolute(path).map_err(|e| io_error(path, e))?;
    let conn =
        Connection::open_with_flags(&at, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|_| {
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
    /// Writes a consistent copy of the database to `dest`, even while other windows use
    /// it: private from its first byte, whole or absent (see [`crate::files`]). With
    /// `replace` an existing file is replaced, as `cp` does; never the database itself.
    pub fn backup_to(&self, dest: &Path, replace: bool) -> Result<()> {
        self.refuse_own_file(dest)?;
        copy_database(&self.conn, dest, replace)
    }

    /// Refuses `dest` when it is the database or a file SQLite keeps beside it: every
    /// file twohats writes (backups, exports, reports) asks this first, so a report named
    /// after the database never replaces it.
    pub fn refuse_own_file(&self, dest: &Path) -> Result<()> {
        match &self.path {
            Some(db) if is_database_file(dest, db) => {
                Err(StoreError::File(Problem::OntoDatabase {
                    path: dest.to_path_buf(),
                }))
            }
            _ => Ok(()),
        }
    }

    /// Replaces the whole database with a backup, after checking it is a twohats file;
    /// an older backup is brought up to date. Returns the version it had.
    pub fn restore_from(&mut self, src: &Path) -> Result<i64> {
        // Absolute, so SQLite never reads the name as a URI.
        let src = std::path::absolute(src).map_err(|e| io_error(src, e))?;
        let version = check_twohats_file(&src)?;
        let _busy = self
            .path
            .as_deref()
            .and_then(|p| crate::files::announce(p, crate::files::Work::Restore));
        let replaced = self.highest_row_versions()?;
        self.conn.restore(
            rusqlite::MAIN_DB,
            &src,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        super::migrations::migrate(&mut self.conn)?;
        self.raise_row_versions(&replaced)?;
        Ok(version)
    }

    /// The tables whose rows carry a version.
    fn versioned_tables(&self) -> Result<Vec<String>> {
        Ok(self
            .conn
            .prepare(
                "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
                 WHERE m.type = 'table' AND c.name = 'version'",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The highest row version of each table that has one.
    fn highest_row_versions(&self) -> Result<Vec<(String, i64)>> {
        let tables = self.versioned_tables()?;
        let mut out = Vec::with_capacity(tables.len());
        for table in tables {
            let max: i64 = self.conn.query_row(
                &format!("SELECT coalesce(max(version), 0) FROM \"{table}\""),
                [],
                |r| r.get(0),
            )?;
            out.push((table, max));
        }
        Ok(out)
    }

    /// After a restore, every row's version is raised above the highest the replaced
    /// database had: a form another window opened before the restore then finds its row
    /// changed and asks, instead of writing over a restored row that happens to share its
    /// id and version.
    fn raise_row_versions(&mut self, replaced: &[(String, i64)]) -> Result<()> {
        let now = self.versioned_tables()?;
        let tx = self.conn.transaction()?;
        for (table, max) in replaced {
            if *max > 0 && now.contains(table) {
                tx.execute(
                    &format!("UPDATE \"{table}\" SET version = version + ?1"),
                    params![max],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
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
