//! `twohats backup FILE`, `twohats restore FILE`, `twohats trash [restore KIND ID]`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Failure;
use crate::domain::Clock;
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::{fill, t};
use crate::store::{Store, check_twohats_file, restore_keep_path};

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
    // An existing file is replaced, as `cp` does: the copy is whole before it takes the
    // name, so a failed backup never costs the old one.
    store.backup_to(&file, true)?;
    super::out::line(&fill(
        t().cli.cli_backup_done,
        &[("path", &file.display().to_string())],
    ))
}

/// `restore FILE [--yes]`: checks the backup, keeps the database it replaces beside it,
/// asks on a terminal, then replaces. Without a terminal and without `--yes` nothing is
/// replaced: a script must say so.
pub fn restore(
    store: &mut Store,
    clock: &dyn Clock,
    file: PathBuf,
    yes: bool,
) -> Result<(), Failure> {
    let shown = file.display().to_string();
    // A FIFO would hang the check below, a device feed it without end: only a regular
    // file is a backup.
    crate::io::source::check_regular(&file).map_err(|e| super::import::source_failure(&file, e))?;
    let version = check_twohats_file(&file)?;
    let db = store.path().map(Path::to_path_buf).unwrap_or_default();
    let keep = restore_keep_path(&db, clock.now());
    let keep_shown = keep.display().to_string();
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Failure::usage(fill(
                t().cli.cli_restore_no_terminal,
                &[("path", &db.display().to_string())],
            )));
        }
        eprint!(
            "{}",
            fill(
                t().cli.cli_restore_ask,
                &[
                    ("db", &db.display().to_string()),
                    ("file", &shown),
                    ("version", &version.to_string()),
                    ("keep", &keep_shown),
                ]
            )
        );
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|e| Failure::failed(e.to_string()))?;
        if !is_yes(&answer) {
            return super::out::line(t().cli.cli_restore_cancelled);
        }
    }
    store.backup_to(&keep, false)?;
    super::out::line(&fill(t().cli.cli_restore_kept, &[("path", &keep_shown)]))?;
    let version = store.restore_from(&file)?;
    super::out::line(&fill(
        t().cli.cli_restore_done,
        &[("path", &shown), ("version", &version.to_string())],
    ))
}

/// A yes to a question on the terminal, in English or French.
fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "o" | "oui"
    )
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
                super::out::line(t().cli.cli_trash_empty)?;
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
                t().cli.cli_trash_restored,
                &[("kind", &kind), ("id", &id.to_string())],
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn yes_in_both_languages_and_nothing_else() {
        for a in ["y\n", "Y", " yes ", "o", "Oui\n"] {
            assert!(super::is_yes(a), "{a:?}");
        }
        for a in ["", "\n", "n", "no", "non", "yep", "ok"] {
            assert!(!super::is_yes(a), "{a:?}");
        }
    }
}
