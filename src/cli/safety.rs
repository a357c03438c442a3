//! `twohats backup FILE`, `twohats restore FILE`, `twohats trash [restore KIND ID]`.

use std::path::PathBuf;

use clap::Subcommand;

use super::Failure;
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::{fill, t};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum TrashCmd {
    /// List what was deleted (the default).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Bring a row back: `twohats trash restore posts 42`.
    Restore { kind: String, id: i64 },
}

pub fn backup(store: &Store, file: PathBuf) -> Result<(), Failure> {
    store.backup_to(&file)?;
    super::out::line(&fill(
        t().cli_backup_done,
        &[("path", &file.display().to_string())],
    ))
}

pub fn restore(store: &mut Store, file: PathBuf) -> Result<(), Failure> {
    if !file.exists() {
        return Err(Failure::usage(crate::i18n::fill(
            crate::i18n::t().cli_no_such_file,
            &[("path", &file.display().to_string())],
        )));
    }
    let version = store.restore_from(&file)?;
    super::out::line(&fill(
        t().cli_restore_done,
        &[
            ("path", &file.display().to_string()),
            ("version", &version.to_string()),
        ],
    ))
}

pub fn trash(store: &Store, cmd: Option<TrashCmd>) -> Result<(), Failure> {
    match cmd.unwrap_or(TrashCmd::List { json: false }) {
        TrashCmd::List { json } => {
            let rows = store.trash()?;
            if json {
                let text = serde_json::to_string_pretty(&rows)
                    .map_err(|e| Failure::failed(e.to_string()))?;
                super::out::json(&text)?;
            } else if rows.is_empty() {
                super::out::line(t().cli_trash_empty)?;
            } else {
                for r in rows {
                    super::out::line(&format!(
                        "{:<17} {:>7}  {}  {}",
                        r.kind,
                        r.id,
                        r.deleted_at.format("%Y-%m-%d %H:%M"),
                        truncate(&sanitize_line(&r.label), 60)
                    ))?;
                }
            }
            Ok(())
        }
        TrashCmd::Restore { kind, id } => {
            store.restore_row(&kind, id)?;
            super::out::line(&fill(
                t().cli_trash_restored,
                &[("kind", &kind), ("id", &id.to_string())],
            ))
        }
    }
}
