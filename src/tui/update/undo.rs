//! `u`: takes back the last archive, delete or change, from the undo stack.

use super::shared::say;
use crate::i18n::t;
use crate::tui::effect::Effect;
use crate::tui::model::{Model, StatusKind, Undo};

/// Takes back the last archive or delete.
pub fn undo(m: &mut Model) -> Vec<Effect> {
    match m.undo.pop() {
        Some(Undo::ClientArchived(id)) => vec![Effect::SetClientArchived {
            id,
            archived: false,
        }],
        Some(Undo::AccountDeleted(id)) => vec![Effect::SetAccountDeleted { id, deleted: false }],
        Some(Undo::InboxItems(before)) => vec![Effect::RestoreItems(before)],
        Some(Undo::PostTrashed(id)) => vec![Effect::TrashPost { id, deleted: false }],
        Some(Undo::PostChanged(before)) => vec![Effect::SavePost {
            post: before,
            before: None,
        }],
        Some(Undo::InboxTrashed(ids)) => vec![Effect::TrashItems {
            ids,
            deleted: false,
        }],
        Some(Undo::SavedReplyTrashed(id)) => vec![Effect::TrashSavedReply { id, deleted: false }],
        Some(Undo::Trashed(part, id)) => vec![Effect::Trash {
            part,
            id,
            deleted: false,
        }],
        Some(Undo::BudgetCopied(ids)) => match m.current {
            Some(client) => vec![Effect::UncopyBudget { client, ids }],
            None => vec![],
        },
        None => {
            say(m, StatusKind::Info, t().forms.nothing_to_undo.to_string());
            vec![]
        }
    }
}
