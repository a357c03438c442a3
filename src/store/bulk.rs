//! Many rows per `INSERT`: an import of a million values run one statement per row spends
//! more time starting and resetting statements than storing (see `cargo bench`).

use rusqlite::{CachedStatement, Connection, ToSql};

use super::{Result, Store, StoreError, Tx};

impl Store {
    /// [`Store::transaction_or`] for an import: it says it is importing while it holds
    /// the write lock, so a command kept waiting can name it. It stays in the
    /// write-ahead log: others keep reading while it writes (a rollback journal saved
    /// a sixth of a million-item import, but shut readers out until the commit).
    pub fn bulk_transaction<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Tx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction_doing(Some(crate::files::Work::Import), f)
    }
}

/// Rows per statement. The widest row (11 values, inbox items) keeps a chunk far under
/// SQLite's limit of 32,766 parameters.
const CHUNK: usize = 256;

/// `{head} VALUES (?, ...), (?, ...) {tail}` with `rows` groups of `width` parameters.
fn statement(head: &str, width: usize, rows: usize, tail: &str) -> String {
    let group = format!("({})", vec!["?"; width].join(", "));
    format!("{head} VALUES {} {tail}", vec![group; rows].join(", "))
}

/// Binds one row's values, left to right, into the chunk's statement.
pub(super) struct Binder<'a, 'c> {
    st: &'a mut CachedStatement<'c>,
    at: usize,
}

impl Binder<'_, '_> {
    pub(super) fn bind<T: ToSql + ?Sized>(&mut self, value: &T) -> rusqlite::Result<()> {
        self.at += 1;
        self.st.raw_bind_parameter(self.at, value)
    }
}

/// Runs `head VALUES ... tail` over `rows` in chunks; `bind` gives a row's `width`
/// values and `done` hears each chunk's row count and the rows SQLite reports changed.
pub(super) fn insert<T>(
    conn: &Connection,
    (head, width, tail): (&str, usize, &str),
    rows: &[T],
    mut bind: impl FnMut(&mut Binder<'_, '_>, &T) -> rusqlite::Result<()>,
    mut done: impl FnMut(usize, usize),
) -> Result<()> {
    // Made once: a single-row caller (typing an item) must not pay for the long text.
    let full = (rows.len() >= CHUNK).then(|| statement(head, width, CHUNK, tail));
    for chunk in rows.chunks(CHUNK) {
        let mut st = match &full {
            Some(sql) if chunk.len() == CHUNK => conn.prepare_cached(sql)?,
            _ => conn.prepare_cached(&statement(head, width, chunk.len(), tail))?,
        };
        let mut b = Binder { st: &mut st, at: 0 };
        for row in chunk {
            bind(&mut b, row)?;
        }
        debug_assert_eq!(b.at, width * chunk.len(), "a row bound the wrong count");
        let changed = st.raw_execute()?;
        done(chunk.len(), changed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::statement;

    #[test]
    fn groups_of_parameters() {
        assert_eq!(
            statement("INSERT INTO t (a, b)", 2, 3, "ON CONFLICT DO NOTHING"),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?) ON CONFLICT DO NOTHING"
        );
    }
}
