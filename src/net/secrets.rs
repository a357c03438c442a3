//! Where connections' credentials live: the system keyring when one answers (Secret
//! Service on Linux and the BSDs, Keychain on macOS, Credential Manager on Windows),
//! else one `0600` file per connection in a `0700` folder of the user's config folder.
//! Never the database: backups and exports must not carry them.
//!
//! `TWOHATS_SECRETS_DIR` puts them in files in that folder and never touches the
//! keyring (tests, portable setups); `TWOHATS_SECRETS=file` keeps the default folder
//! but skips the keyring.

use std::fs::{self, DirBuilder, File};
use std::io::{ErrorKind, Read, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ConnectionKey;
use super::secret::Secret;

/// The keyring's service name.
const SERVICE: &str = "twohats";

/// A connection's credentials, stored as one JSON value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", rename_all = "snake_case")]
pub enum Credentials {
    Mastodon {
        access_token: Secret,
        /// The app registered on the server, to revoke the token on disconnect.
        #[serde(default)]
        client_id: Option<String>,
        #[serde(default)]
        client_secret: Option<Secret>,
    },
    Bluesky {
        access_jwt: Secret,
        refresh_jwt: Secret,
    },
}

/// Why the secrets could not be read or written. Holds paths, never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretsError {
    /// The system has no home folder to keep the file in.
    NoConfigDir,
    Io {
        path: PathBuf,
        kind: ErrorKind,
    },
    /// A stored file is not what this app writes.
    Corrupt {
        path: PathBuf,
    },
    /// The keyring answered with an error it should not (a bad entry).
    Keyring,
    /// Another store's lock (the database's, in the app) could not be taken.
    Lock {
        detail: String,
    },
}

/// Where a secret went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Keyring,
    File(PathBuf),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backend {
    /// The keyring, falling back to files.
    System,
    /// Files only.
    Files,
}

#[derive(Debug, Clone)]
pub struct SecretsStore {
    dir: PathBuf,
    backend: Backend,
}

#[derive(Serialize, Deserialize)]
struct FileEntry {
    connection: String,
    credentials: Credentials,
}

impl SecretsStore {
    /// The store the app uses: see the module's notes for the environment variables.
    pub fn from_env() -> Result<SecretsStore, SecretsError> {
        if let Some(dir) = std::env::var_os("TWOHATS_SECRETS_DIR").filter(|d| !d.is_empty()) {
            return Ok(SecretsStore::files_in(PathBuf::from(dir)));
        }
        let dir = directories::ProjectDirs::from("", "", "twohats")
            .map(|d| d.config_dir().join("secrets"))
            .ok_or(SecretsError::NoConfigDir)?;
        let backend = match std::env::var("TWOHATS_SECRETS").as_deref() {
            Ok("file") => Backend::Files,
            _ => Backend::System,
        };
        Ok(SecretsStore { dir, backend })
    }

    /// Files in `dir` only, never the keyring.
    pub fn files_in(dir: PathBuf) -> SecretsStore {
        SecretsStore {
            dir,
            backend: Backend::Files,
        }
    }

    /// The folder of the files (and of the refresh locks).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A connection's credentials. Ones stored under the name of before scopes
    /// ([`ConnectionKey::legacy`]) are moved to the connection's own name on the way.
    pub fn get(&self, key: &ConnectionKey) -> Result<Option<Credentials>, SecretsError> {
        if let Some(creds) = self.get_exact(key)? {
            return Ok(Some(creds));
        }
        let Some(old) = key.legacy() else {
            return Ok(None);
        };
        let Some(creds) = self.get_exact(&old)? else {
            return Ok(None);
        };
        self.put(key, &creds)?;
        self.delete(&old)?;
        Ok(Some(creds))
    }

    fn get_exact(&self, key: &ConnectionKey) -> Result<Option<Credentials>, SecretsError> {
        if self.backend == Backend::System
            && let Some(creds) = keyring_get(key)
        {
            return Ok(Some(creds));
        }
        self.file_get(key)
    }

    /// Stores (or replaces) a connection's credentials.
    pub fn put(&self, key: &ConnectionKey, creds: &Credentials) -> Result<Location, SecretsError> {
        if self.backend == Backend::System && keyring_put(key, creds) {
            // One copy only: a file left from a time without a keyring goes.
            self.file_delete(key)?;
            return Ok(Location::Keyring);
        }
        self.file_put(key, creds).map(Location::File)
    }

    /// Deletes a connection's credentials wherever they are; true if there were any.
    pub fn delete(&self, key: &ConnectionKey) -> Result<bool, SecretsError> {
        let in_keyring = self.backend == Backend::System && keyring_delete(key);
        let in_file = self.file_delete(key)?;
        Ok(in_keyring || in_file)
    }

    /// The file a connection's credentials go to when the keyring does not answer.
    pub fn file_path(&self, key: &ConnectionKey) -> PathBuf {
        self.dir.join(format!("{}.json", file_stem(key)))
    }

    /// The lock file that makes token refreshes one at a time across processes.
    pub fn lock_path(&self, key: &ConnectionKey) -> Result<PathBuf, SecretsError> {
        self.ensure_dir()?;
        Ok(self.dir.join(format!("{}.lock", file_stem(key))))
    }

    fn ensure_dir(&self) -> Result<(), SecretsError> {
        let io = |e: std::io::Error| SecretsError::Io {
            path: self.dir.clone(),
            kind: e.kind(),
        };
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)
            .map_err(io)?;
        // A folder made earlier by hand, or by an umask, is narrowed.
        let mode = fs::metadata(&self.dir).map_err(io)?.permissions().mode();
        if mode & 0o077 != 0 {
            fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o700)).map_err(io)?;
        }
        Ok(())
    }

    fn file_get(&self, key: &ConnectionKey) -> Result<Option<Credentials>, SecretsError> {
        let path = self.file_path(key);
        let mut text = String::new();
        match File::open(&path) {
            Ok(mut f) => f.read_to_string(&mut text).map_err(|e| SecretsError::Io {
                path: path.clone(),
                kind: e.kind(),
            })?,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(SecretsError::Io {
                    path,
                    kind: e.kind(),
                });
            }
        };
        let entry: FileEntry = serde_json::from_str(&text)
            .map_err(|_| SecretsError::Corrupt { path: path.clone() })?;
        if entry.connection != key.name() {
            return Err(SecretsError::Corrupt { path });
        }
        Ok(Some(entry.credentials))
    }

    /// Written private from its first byte in a temporary beside the target, then
    /// renamed over it (a symlink there is replaced, never followed).
    fn file_put(&self, key: &ConnectionKey, creds: &Credentials) -> Result<PathBuf, SecretsError> {
        self.ensure_dir()?;
        let path = self.file_path(key);
        let io = |e: std::io::Error| SecretsError::Io {
            path: path.clone(),
            kind: e.kind(),
        };
        let entry = FileEntry {
            connection: key.name(),
            credentials: creds.clone(),
        };
        let text = serde_json::to_string(&entry)
            .map_err(|_| SecretsError::Corrupt { path: path.clone() })?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".secret-")
            .permissions(fs::Permissions::from_mode(0o600))
            .tempfile_in(&self.dir)
            .map_err(io)?;
        tmp.write_all(text.as_bytes()).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(&path).map_err(|e| io(e.error))?;
        Ok(path)
    }

    fn file_delete(&self, key: &ConnectionKey) -> Result<bool, SecretsError> {
        let path = self.file_path(key);
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(SecretsError::Io {
                path,
                kind: e.kind(),
            }),
        }
    }
}

/// A file name that says nothing about the account: 32 hex digits of its key's hash.
fn file_stem(key: &ConnectionKey) -> String {
    let digest = Sha256::digest(key.name().as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

fn entry(key: &ConnectionKey) -> Option<keyring::Entry> {
    keyring::Entry::new(SERVICE, &key.name()).ok()
}

/// The keyring's copy, if a keyring answers and holds one. Its errors are dropped
/// unread: some carry the stored bytes.
fn keyring_get(key: &ConnectionKey) -> Option<Credentials> {
    let text = Secret::new(entry(key)?.get_password().ok()?);
    serde_json::from_str(text.expose()).ok()
}

fn keyring_put(key: &ConnectionKey, creds: &Credentials) -> bool {
    let Ok(text) = serde_json::to_string(creds).map(Secret::new) else {
        return false;
    };
    entry(key).is_some_and(|e| e.set_password(text.expose()).is_ok())
}

fn keyring_delete(key: &ConnectionKey) -> bool {
    entry(key).is_some_and(|e| e.delete_credential().is_ok())
}
