//! The report's export, run by the executor: a private file, never one replaced
//! without asking.

use crate::domain::ClientId;
use crate::explain::Explain;
use crate::store::Store;
use crate::tui::action::{Action, Outcome};

use super::failed;

/// Where the report's `x` key writes, when no export has said yet: the user's documents
/// folder, else downloads, else home.
pub const EXPORT_FOLDER: &str = "export_folder";

/// Writes a report to `path` through a private temporary (it holds a client's figures).
/// Without `replace`, an existing file is not touched and the answer asks first.
pub(super) fn export_report(
    store: &Store,
    (client, period, format): (
        ClientId,
        crate::domain::report::Period,
        crate::io::report::Format,
    ),
    path: &str,
    replace: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Action> {
    let at = std::path::absolute(path).unwrap_or_else(|_| path.into());
    let shown = at.display().to_string();
    if let Err(e) = store.refuse_own_file(&at) {
        return vec![failed(store, now, e)];
    }
    let text = match store
        .client(client)
        .and_then(|c| crate::report::build(store, &c, period, now))
    {
        Ok(r) => crate::io::report::write(&r, format),
        Err(e) => return vec![failed(store, now, e)],
    };
    match crate::files::write_bytes(&at, replace, text.as_bytes()) {
        Ok(()) => {
            let folder = crate::files::folder_of(&at).display().to_string();
            // The folder is remembered for the next export; the report is written
            // whatever happens to the setting.
            let _ = store.set_setting(EXPORT_FOLDER, &folder);
            vec![Action::Done(Outcome::Exported {
                path: shown,
                folder,
            })]
        }
        Err(e) if !replace && e.kind() == std::io::ErrorKind::AlreadyExists => {
            vec![Action::Done(Outcome::ExportExists { path: shown })]
        }
        Err(e) => vec![Action::Failed(
            crate::files::Problem::of_io(&at, &e).map_or_else(
                || crate::i18n::format::labelled(&shown, &e.to_string()),
                |p| p.explain(),
            ),
        )],
    }
}
