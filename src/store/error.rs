//! What can go wrong in the store, as values: which entity, which id, which conflict.
//! The store never chooses words; the edges put these into the user's language through
//! `crate::explain`.

use crate::domain::Platform;
use crate::domain::strategy::Part;

/// The kind of row an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Client,
    Account,
    Post,
    InboxItem,
    SavedReply,
    /// A row of one of a client's strategy lists.
    Strategy(Part),
    /// The tone of voice of the client with this id.
    Tone,
}

/// A change that clashes with data already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Another client has this name (names compare in any case).
    ClientName(String),
    /// The client already has this account.
    Account { platform: Platform, handle: String },
    /// A trashed account cannot come back: one with its platform and handle was created
    /// since.
    AccountCreatedSince,
    /// A copy would overwrite this file.
    FileExists(String),
    /// A trashed row cannot come back: a row like it was created since.
    TrashedRowTaken { kind: String, id: i64 },
    /// This account (on this server) is already connected for another client.
    Connection { handle: String },
}

#[derive(Debug)]
pub enum StoreError {
    /// The file was written by a newer twohats; it was not touched.
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    /// The file is not a twohats database; it was not touched.
    NotTwohats {
        path: String,
    },
    Io {
        path: String,
        source: std::io::Error,
    },
    Sqlite(rusqlite::Error),
    Migration(rusqlite_migration::Error),
    /// No row of `entity` has this id.
    NotFound {
        entity: Entity,
        id: i64,
    },
    /// The row changed since it was read (another window or a command saved it first):
    /// nothing was written over it. The caller reads it again and decides.
    Stale {
        entity: Entity,
        id: i64,
    },
    /// No client has this name, nor this id.
    NoClientNamed(String),
    /// The trash holds no rows of this kind; `known` are the kinds it holds.
    UnknownTrashKind {
        kind: String,
        known: Vec<&'static str>,
    },
    /// No row of this kind and id is in the trash.
    NotInTrash {
        kind: String,
        id: i64,
    },
    /// The change clashes with data already there.
    Conflict(Conflict),
    /// A stored value this version cannot read (a damaged file): which column.
    Unreadable {
        what: &'static str,
    },
    /// A problem with the file a user can act on: a full disk, a database busy past
    /// the timeout, a read-only file or folder, a `--db` that is not a path.
    File(crate::files::Problem),
}

impl StoreError {
    /// Errors caused by what the user gave us (exit code 2) rather than by the system.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            StoreError::NewerSchema { .. }
                | StoreError::NotTwohats { .. }
                | StoreError::Conflict(_)
                | StoreError::NotFound { .. }
                | StoreError::Stale { .. }
                | StoreError::NoClientNamed(_)
                | StoreError::UnknownTrashKind { .. }
                | StoreError::NotInTrash { .. }
        ) || matches!(self, StoreError::File(p) if p.is_bad_input())
    }
}

/// No row of `entity` has id `id`.
pub(crate) fn not_found(entity: Entity, id: i64) -> StoreError {
    StoreError::NotFound { entity, id }
}

/// Why a stored value could not be read: the source of the `rusqlite` error a row reader
/// returns, turned into [`StoreError::Unreadable`] on its way out of the store.
#[derive(Debug)]
pub(crate) struct BadValue(&'static str);

/// Shown by nothing: `From` below takes the column name out.
impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for BadValue {}

/// A row reader's error for the value of column `col` (`what` names it) that this
/// version cannot read.
pub(crate) fn bad_value(col: usize, what: &'static str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        Box::new(BadValue(what)),
    )
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, source) = &e
            && let Some(BadValue(what)) = source.downcast_ref::<BadValue>()
        {
            return StoreError::Unreadable { what };
        }
        StoreError::Sqlite(e)
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> StoreError {
        StoreError::Migration(e)
    }
}
