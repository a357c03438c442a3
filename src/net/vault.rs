//! The hook between a connection and its stored credentials. Bluesky's refresh tokens
//! are single-use: two windows refreshing with the same one would leave one of them
//! signed out. So a refresh takes the connection's lock, reads the stored tokens again
//! (another process may have refreshed already) and refreshes at most once. The net
//! layer never assumes it holds the only copy.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;

use super::ConnectionKey;
use super::error::{NetError, NetErrorKind};
use super::secrets::{Credentials, SecretsError, SecretsStore};

/// A step run under the lock: gets the latest stored credentials, returns new ones to
/// store (or `None` to keep them).
pub type Update<'a> = dyn FnMut(Option<&Credentials>) -> Result<Option<Credentials>, NetError> + 'a;

/// Stored credentials of one connection, and the lock that orders their updates.
pub trait Vault: Send + Sync {
    /// The latest stored credentials (no lock).
    fn load(&self) -> Result<Option<Credentials>, NetError>;

    /// Holds the connection's lock while `step` runs on the latest stored credentials;
    /// what it returns is stored before the lock is released. Returns the credentials
    /// stored when the lock is released.
    fn update(&self, step: &mut Update<'_>) -> Result<Option<Credentials>, NetError>;
}

/// The secrets store, with a lock file beside it (`flock`, released when the file
/// closes, even if the process dies) ordering updates across threads and processes.
pub struct SecretsVault {
    store: SecretsStore,
    key: ConnectionKey,
}

impl SecretsVault {
    pub fn new(store: SecretsStore, key: ConnectionKey) -> SecretsVault {
        SecretsVault { store, key }
    }

    fn err(&self, e: SecretsError) -> NetError {
        NetError::new(self.key.label(), NetErrorKind::Secrets(e))
    }
}

impl Vault for SecretsVault {
    fn load(&self) -> Result<Option<Credentials>, NetError> {
        self.store.get(&self.key).map_err(|e| self.err(e))
    }

    fn update(&self, step: &mut Update<'_>) -> Result<Option<Credentials>, NetError> {
        let path = self.store.lock_path(&self.key).map_err(|e| self.err(e))?;
        let io = |e: std::io::Error| {
            self.err(SecretsError::Io {
                path: path.clone(),
                kind: e.kind(),
            })
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&path)
            .map_err(io)?;
        lock.lock().map_err(io)?;
        let current = self.load()?;
        let result = match step(current.as_ref())? {
            Some(new) => {
                self.store.put(&self.key, &new).map_err(|e| self.err(e))?;
                Some(new)
            }
            None => current,
        };
        // Dropping the file releases the lock.
        drop(lock);
        Ok(result)
    }
}
