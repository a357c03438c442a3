//! The only place that speaks SQL. `Store::open` sets the pragmas, refuses databases it
//! must not touch, and migrates; one module per aggregate holds its typed queries. Errors
//! are values ([`StoreError`]); the edges put them into words.

mod accounts;
mod bulk;
mod clients;
mod connections;
mod error;
mod inbox;
mod inbox_links;
mod inbox_list;
mod kpi;
mod kpi_months;
mod kpi_sums;
mod migrations;
mod posts;
mod safety;
mod saved_replies;
mod sends;
mod settings;
pub use settings::peek_setting;
mod strategy;

use std::fs::{DirBuilder, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

pub use connections::{ConnState, ConnectionRow, NewConnection, ReplyTargetRow};
pub use error::{Conflict, Entity, StoreError};
pub(crate) use error::{bad_value, not_found};
pub use kpi::Upserted;
pub use migrations::{APPLICATION_ID, LATEST_VERSION};
pub use posts::PostFilter;
pub use safety::{TrashRow, check_twohats_file, migration_backup_path, restore_keep_path};
pub use sends::{SendOutcome, SendRow, SendState};

use crate::files::Problem;

/// How long a write waits for another twohats instance holding the lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Pages kept in memory per connection, in KiB (the TUI's memory target is 60 MB).
const PAGE_CACHE_KIB: i64 = 8 * 1024;

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

pub type Result<T> = std::result::Result<T, StoreError>;

/// One open twohats database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Figures already summed, while the data has not changed (see `kpi.rs`).
    kpi_cache: std::cell::RefCell<kpi::KpiCache>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path`. A new file is created 0600 and a
    /// new folder 0700, because the file holds clients' data. `path` is a path: a name
    /// SQLite would read as a URI or a special database is refused. On a file system
    /// mounted read-only the database opens for reading (nothing there can change it).
    pub fn open(path: &Path) -> Result<Store> {
        if crate::files::is_special_name(path.as_os_str()) {
            return Err(StoreError::File(Problem::NotAPath {
                given: path.display().to_string(),
            }));
        }
        // Absolute, so SQLite never reads it as a URI, and messages give the full path.
        let path = std::path::absolute(path).map_err(|source| StoreError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::open_at(&path).map_err(|e| diagnose(Some(&path), e))
    }

    fn open_at(path: &Path) -> Result<Store> {
        let io = |source: std::io::Error| match Problem::of_io(path, &source) {
            Some(p) => StoreError::File(p),
            None => StoreError::Io {
                path: path.display().to_string(),
                source,
            },
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(io)?;
        }
        if !path.exists() {
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
            {
                Ok(_) => {}
                // Another instance created it between our check and our open: fine.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(e)),
            }
        }
        if read_only_medium(path) {
            return Self::prepare(open_immutable(path)?, Some(path.to_path_buf()), true);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::prepare(conn, Some(path.to_path_buf()), false)
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::prepare(Connection::open_in_memory()?, None, false)
    }

    /// Checks and sets up a new connection; `immutable`: opened on a read-only file
    /// system, to be read as it is.
    fn prepare(mut conn: Connection, path: Option<PathBuf>, immutable: bool) -> Result<Store> {
        let shown = path
            .as_ref()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string());
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // A write transaction takes the write lock when it begins, waiting out the busy
        // timeout for it; a deferred one that read first would fail at once on its first
        // write while another process writes (SQLite cannot wait there without risking
        // a deadlock).
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        // A report alone runs some twenty distinct statements; rusqlite keeps 16 by
        // default, and a statement prepared again costs more than running it.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.pragma_update(None, "foreign_keys", true)?;
        // Everything before the migration only reads, so a file we refuse stays
        // byte-for-byte as it was.
        let (version, app_id, tables) = match read_identity(&conn) {
            Ok(v) => v,
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::NotADatabase =>
            {
                return Err(StoreError::NotTwohats { path: shown });
            }
            Err(e) => return Err(e.into()),
        };
        if version > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: shown,
                found: version,
                supported: LATEST_VERSION,
            });
        }
        let foreign = if version == 0 {
            tables > 0
        } else {
            app_id != APPLICATION_ID
        };
        if foreign {
            return Err(StoreError::NotTwohats { path: shown });
        }
        if immutable {
            if version < LATEST_VERSION {
                return Err(StoreError::File(Problem::ReadOnly {
                    path: path.unwrap_or_default(),
                    why: crate::files::ReadOnly::NeedsUpgrade,
                }));
            }
            return Ok(Store {
                conn,
                path,
                kpi_cache: Default::default(),
            });
        }
        if path.is_some() {
            // WAL lets a second instance read while this one writes. A file system that
            // refuses it answers with the old mode, and the rollback journal still keeps
            // the data safe, so the answer is not checked; nor is a busy answer (another
            // process inside a transaction on a file left in the old mode): the next
            // open switches.
            match conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(())) {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy => {}
                other => other?,
            }
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // SQLite keeps 2 MiB of pages by default: less than one month of all clients'
        // posts, so flipping back and forth read the same pages from the file again.
        conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
        // Before changing the schema of a database that holds data, keep a copy of it:
        // one already there counts only when it is whole and of this version.
        let migrating = version < LATEST_VERSION;
        if version > 0
            && migrating
            && let Some(p) = &path
        {
            let backup = safety::migration_backup_path(p, version);
            if !safety::is_whole_copy(&backup, version) {
                safety::copy_database(&conn, &backup, true)?;
            }
        }
        let _busy = path
            .as_deref()
            .filter(|_| migrating)
            .and_then(|p| crate::files::announce(p, crate::files::Work::Migration));
        migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path,
            kpi_cache: Default::default(),
        })
    }

    /// The database file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Runs the reads of `f` as one read transaction: they see one state of the
    /// database, and take SQLite's shared lock once instead of once per statement.
    pub fn reading<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.conn.execute_batch("BEGIN")?;
        let out = f();
        // Nothing was written: ending it cannot lose anything, whatever `f` returned.
        let end = self.conn.execute_batch("COMMIT");
        let out = out?;
        end?;
        Ok(out)
    }

    /// Runs `f` in one transaction: all of it lands, or none of it.
    pub fn transaction<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.transaction_or(f)
    }

    /// [`Store::transaction`] for work that can also fail outside the database (a file
    /// read while it is stored): any error of `f` undoes everything.
    pub fn transaction_or<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Tx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction_doing(None, f)
    }

    /// [`Store::transaction_or`] for long work: while it holds the write lock it says
    /// what it is doing beside the file, so a command kept waiting can name it.
    pub fn transaction_doing<T, E: From<StoreError>>(
        &mut self,
        work: Option<crate::files::Work>,
        f: impl FnOnce(&Tx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        // After `begin`: only the holder of the lock announces itself.
        let busy = work.and_then(|w| {
            self.path
                .as_deref()
                .and_then(|p| crate::files::announce(p, w))
        });
        let out = f(&Tx { conn: &tx })?;
        drop(busy);
        tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    pub(crate) fn tx(&self) -> Tx<'_> {
        Tx { conn: &self.conn }
    }
}

/// Queries run on a connection or inside a transaction; the aggregate modules add their
/// methods to this type, and `Store` forwards single calls to it.
pub struct Tx<'c> {
    conn: &'c Connection,
}

impl Tx<'_> {
    /// The id of the row the last INSERT made.
    pub fn last_insert_id(&self) -> i64 {
        self.conn.last_insert_rowid()
    }

    /// Why an `UPDATE ... WHERE {key} = id AND version = ?` changed nothing: the row is
    /// there at another version (it changed since it was read), or it is gone.
    pub(crate) fn refused(&self, table: &str, key: &str, entity: Entity, id: i64) -> StoreError {
        self.refused_where(table, &format!("{key} = ?1"), [id], (entity, id))
    }

    /// [`Tx::refused`] for a row found by `condition` (its id and its owner).
    pub(crate) fn refused_where(
        &self,
        table: &str,
        condition: &str,
        params: impl rusqlite::Params,
        (entity, id): (Entity, i64),
    ) -> StoreError {
        let there = self
            .conn
            .prepare_cached(&format!("SELECT 1 FROM {table} WHERE {condition}"))
            .and_then(|mut st| st.exists(params));
        match there {
            Ok(true) => StoreError::Stale { entity, id },
            Ok(false) => not_found(entity, id),
            Err(e) => e.into(),
        }
    }
}

/// Puts a SQLite failure on the database at `db` into a [`Problem`] the user can act on:
/// busy past the timeout (and what holds it), a full disk, a read-only file system,
/// folder or file. Other errors come back as they were.
pub fn diagnose(db: Option<&Path>, e: StoreError) -> StoreError {
    let (Some(db), StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))) = (db, &e) else {
        return e;
    };
    match problem_of(db, f.code) {
        Some(p) => StoreError::File(p),
        None => e,
    }
}

/// Free bytes under which an I/O error is taken for a full disk: SQLite needs 32 KiB
/// for the shared-memory file, and a page or a log frame at a time for the rest.
pub(super) const LOW_ROOM: u64 = 1024 * 1024;

fn problem_of(db: &Path, code: rusqlite::ErrorCode) -> Option<Problem> {
    use crate::files::{ReadOnly, folder_of};
    use rusqlite::ErrorCode as C;
    let path = db.to_path_buf();
    let folder = folder_of(db);
    let full = || crate::files::room_left(&folder).is_some_and(|n| n < LOW_ROOM);
    match code {
        C::DatabaseBusy => Some(Problem::Busy {
            path,
            work: crate::files::announced(db),
        }),
        C::DiskFull => Some(Problem::DiskFull { path }),
        // A full disk often shows as an I/O error (the shared-memory file could not
        // grow, even for a read).
        C::SystemIoFailure | C::CannotOpen if full() => Some(Problem::DiskFull { path }),
        C::ReadOnly | C::CannotOpen | C::PermissionDenied | C::SystemIoFailure => {
            let why = if crate::files::whole_fs_read_only(&folder) {
                ReadOnly::FileSystem
            } else if !crate::files::folder_writable(&folder) {
                ReadOnly::Folder
            } else if db.exists() && !crate::files::file_writable(db) {
                ReadOnly::File
            } else {
                return None;
            };
            Some(Problem::ReadOnly { path, why })
        }
        _ => None,
    }
}

/// True when `db` sits on a file system mounted read-only and nothing beside it holds
/// changes SQLite would have to read (a log or a journal).
fn read_only_medium(db: &Path) -> bool {
    let folder = crate::files::folder_of(db);
    crate::files::whole_fs_read_only(&folder)
        && ["-wal", "-journal"].iter().all(|suffix| {
            let mut side = db.as_os_str().to_os_string();
            side.push(suffix);
            !Path::new(&side).exists()
        })
}

/// Opens `db` read-only with SQLite's `immutable` flag: without it SQLite must create
/// `-shm` beside a WAL database even to read it, which a read-only file system refuses.
/// Only for a read-only file system: nothing can change the file while it is read.
fn open_immutable(db: &Path) -> rusqlite::Result<Connection> {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let mut uri = b"file:".to_vec();
    for &b in db.as_os_str().as_bytes() {
        match b {
            b'%' | b'?' | b'#' => uri.extend_from_slice(format!("%{b:02x}").as_bytes()),
            _ => uri.push(b),
        }
    }
    uri.extend_from_slice(b"?mode=ro&immutable=1");
    Connection::open_with_flags(
        PathBuf::from(std::ffi::OsString::from_vec(uri)),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

fn read_identity(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    Ok((version, app_id, tables))
}

/// Instants are stored as UTC Unix seconds.
pub(crate) fn to_ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_ts(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// True when an error is a UNIQUE constraint violation.
pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

#[cfg(test)]
impl Store {
    /// Runs one statement with one text parameter (tests that poison stored text).
    pub fn execute_for_tests(&self, sql: &str, text: &str) {
        self.conn.execute(sql, [text]).expect("test statement");
    }

    /// Hands each statement run to `f` as it starts (`None` stops), for the test of the
    /// hot paths' query plans.
    pub(crate) fn trace_statements(&self, f: Option<fn(rusqlite::trace::TraceEvent<'_>)>) {
        let codes = match f {
            Some(_) => rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
            None => rusqlite::trace::TraceEventCodes::empty(),
        };
        self.conn.trace_v2(codes, f);
    }

    /// SQLite's plan of a statement, one line per step.
    pub(crate) fn query_plan(&self, sql: &str) -> Vec<String> {
        let mut st = self
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("a statement the store ran");
        st.query_map([], |r| r.get::<_, String>(3))
            .expect("its plan")
            .map(|r| r.expect("a step"))
            .collect()
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_strategy;

#[cfg(test)]
mod tests_inbox;

#[cfg(test)]
mod tests_bulk;

#[cfg(test)]
mod tests_posts;

#[cfg(test)]
mod tests_kpi_months;

#[cfg(test)]
mod tests_files;

#[cfg(test)]
mod tests_versions;

#[cfg(test)]
mod tests_connections;
