//! A row read again after a save was refused because it changed since it was read
//! (another window or a command saved it first): `update` shows the user what changed and
//! lets them choose.

use chrono::{DateTime, Utc};

use crate::store::{Entity, Store};
use crate::tui::action::{Action, Fresh};

/// The row of `entity` `id` as it is now, as an action; a row in the trash or gone is
/// [`Fresh::Gone`].
pub fn read(store: &Store, entity: Entity, id: i64, now: DateTime<Utc>) -> Action {
    let gone = |row: Option<Fresh>| row.unwrap_or(Fresh::Gone);
    let fresh = match entity {
        Entity::Client => store.client(id).map(Fresh::Client),
        Entity::Account => store.live_account(id).map(|a| gone(a.map(Fresh::Account))),
        Entity::Post => store
            .live_post(id)
            .map(|p| gone(p.map(|p| Fresh::Post(Box::new(p))))),
        Entity::InboxItem => store
            .live_item(id)
            .map(|i| gone(i.map(|i| Fresh::Item(Box::new(i))))),
        Entity::SavedReply => store
            .live_saved_reply(id)
            .map(|r| gone(r.map(Fresh::SavedReply))),
        // The row's own place in its plan says whether it is still there.
        Entity::Strategy(part) => store
            .owner_of(part, id)
            .and_then(|client| plan(store, client, now)),
        Entity::Tone => plan(store, id, now),
    };
    match fresh {
        Ok(f) => Action::Stale(f),
        Err(e) => Action::Failed(crate::explain::Explain::explain(&crate::store::diagnose(
            store.path(),
            e,
        ))),
    }
}

/// A client's strategy as the Strategy tab shows it, objectives measured as of now.
fn plan(store: &Store, client: i64, now: DateTime<Utc>) -> crate::store::Result<Fresh> {
    let plan = store.reading(|| super::loads::load_plan(store, client, now))?;
    Ok(Fresh::Plan(Box::new(plan)))
}
