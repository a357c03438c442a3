//! Errors put into words: the one renderer the edges share. The floors below return
//! typed errors (which entity, which id, which field, why) and never choose words; `cli`
//! and `tui` call [`Explain::explain`] on them and get a message in the interface's
//! language, which the edge chose once at start (`i18n::set_lang`).

use crate::demo::DemoError;
use crate::domain::client::{AccountError, ClientError};
use crate::domain::money::MoneyError;
use crate::domain::objective::ObjectiveError;
use crate::domain::strategy::CampaignError;
use crate::i18n::{self, fill, t};
use crate::io::ImportError;
use crate::store::{Conflict, Entity, StoreError};

/// An error the edges can show.
pub trait Explain {
    /// The error in the interface's language, for a status bar, a form or stderr.
    fn explain(&self) -> String;
}

impl Explain for StoreError {
    fn explain(&self) -> String {
        let s = t();
        let not_found = |what: String| fill(s.store_not_found, &[("what", &what)]);
        match self {
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => fill(
                s.store_newer_schema,
                &[
                    ("path", path),
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            StoreError::NotTwohats { path } => fill(s.store_not_twohats, &[("path", path)]),
            StoreError::Io { path, source } => {
                crate::i18n::format::labelled(path, &source.to_string())
            }
            StoreError::Sqlite(e) => fill(s.store_database, &[("e", &e.to_string())]),
            StoreError::Migration(e) => fill(s.store_migration, &[("e", &e.to_string())]),
            StoreError::NotFound { entity, id } => not_found(entity_id(*entity, *id)),
            StoreError::Stale { entity, id } => {
                fill(s.store_stale, &[("what", &entity_id(*entity, *id))])
            }
            StoreError::NoClientNamed(name) => not_found(fill(s.nf_client_named, &[("id", name)])),
            StoreError::UnknownTrashKind { kind, known } => not_found(fill(
                s.nf_trash_kind,
                &[("kind", kind), ("list", &known.join(", "))],
            )),
            StoreError::NotInTrash { kind, id } => not_found(fill(
                s.nf_trash_row,
                &[("kind", kind), ("id", &id.to_string())],
            )),
            StoreError::Conflict(c) => c.explain(),
            StoreError::Unreadable { what } => fill(s.store_unexpected, &[("what", what)]),
            StoreError::File(p) => p.explain(),
        }
    }
}

/// `post 12`, `client 3`, `target 5`: a row named by its kind and id.
fn entity_id(entity: Entity, id: i64) -> String {
    let s = t();
    let template = match entity {
        Entity::Client => s.nf_client,
        Entity::Account => s.nf_account,
        Entity::Post => s.nf_post,
        Entity::InboxItem => s.nf_inbox_item,
        Entity::SavedReply => s.nf_saved_reply,
        Entity::Tone => s.nf_tone,
        Entity::Strategy(part) => return format!("{} {id}", i18n::part_name(part)),
    };
    fill(template, &[("id", &id.to_string())])
}

impl Explain for Conflict {
    fn explain(&self) -> String {
        let s = t();
        match self {
            Conflict::ClientName(name) => fill(s.conflict_client_name, &[("name", name)]),
            Conflict::Account { platform, handle } => fill(
                s.conflict_account,
                &[("platform", platform.name()), ("handle", handle)],
            ),
            Conflict::AccountCreatedSince => s.conflict_account_since.to_string(),
            Conflict::FileExists(path) => fill(s.conflict_file_exists, &[("path", path)]),
            Conflict::TrashedRowTaken { kind, id } => {
                fill(s.conflict_trash, &[("kind", kind), ("id", &id.to_string())])
            }
        }
    }
}

impl Explain for DemoError {
    fn explain(&self) -> String {
        match self {
            DemoError::NotEmpty(n) => t().cli_demo_refused.n(*n as usize),
            DemoError::Store(e) => e.explain(),
        }
    }
}

/// `file:line: field: what`, worded by the importer as it read the file.
impl Explain for ImportError {
    fn explain(&self) -> String {
        self.to_string()
    }
}

impl Explain for crate::files::Problem {
    fn explain(&self) -> String {
        i18n::files::file_problem(self)
    }
}

impl Explain for MoneyError {
    fn explain(&self) -> String {
        i18n::money_error(self)
    }
}

impl Explain for ClientError {
    fn explain(&self) -> String {
        i18n::client_error(self)
    }
}

impl Explain for AccountError {
    fn explain(&self) -> String {
        i18n::account_error(self)
    }
}

impl Explain for ObjectiveError {
    fn explain(&self) -> String {
        i18n::objective_error(*self)
    }
}

impl Explain for CampaignError {
    fn explain(&self) -> String {
        i18n::campaign_error(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;
    use crate::domain::strategy::Part;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn store_errors_in_both_languages() {
        let e = StoreError::NotFound {
            entity: Entity::Post,
            id: 12,
        };
        assert_eq!(e.explain(), "post 12 not found");
        assert_eq!(
            with_lang(Lang::Fr, || e.explain()),
            "publication 12 introuvable"
        );
        let e = StoreError::NotFound {
            entity: Entity::Strategy(Part::Target),
            id: 5,
        };
        assert!(e.explain().ends_with(" 5 not found"), "{}", e.explain());
        let e = StoreError::Stale {
            entity: Entity::Client,
            id: 3,
        };
        assert_eq!(
            e.explain(),
            "client 3 changed elsewhere (another window or a command) since it was read: \
             nothing was written over it; read it again and retry"
        );
        assert!(
            with_lang(Lang::Fr, || e.explain()).starts_with("client 3 a changé ailleurs"),
            "{}",
            with_lang(Lang::Fr, || e.explain())
        );
        assert!(e.is_bad_input());
        let e = StoreError::NoClientNamed("Nobody".into());
        assert_eq!(e.explain(), "client \"Nobody\" not found");
        let e = StoreError::Conflict(Conflict::Account {
            platform: Platform::Instagram,
            handle: "@a".into(),
        });
        assert!(e.explain().contains("@a"), "{}", e.explain());
        assert!(e.is_bad_input());
        let e = StoreError::NewerSchema {
            path: "f.db".into(),
            found: 999,
            supported: 12,
        };
        assert!(e.explain().contains("newer twohats"), "{}", e.explain());
        let e = StoreError::Unreadable { what: "platform" };
        assert_eq!(e.explain(), "unexpected platform in the database");
        assert!(!e.is_bad_input());
    }

    #[test]
    fn domain_errors_in_both_languages() {
        assert_eq!(
            MoneyError::TooManyDecimals(2).explain(),
            "at most 2 decimals for this currency"
        );
        assert_eq!(
            with_lang(Lang::Fr, || MoneyError::Empty.explain()),
            "un montant est obligatoire"
        );
        assert_eq!(
            DemoError::Store(StoreError::NotTwohats { path: "x".into() }).explain(),
            "x: not a twohats database; it was not modified"
        );
    }
}
