//! Effects: what `update` asks the outside world to do. The executor runs them against
//! the store and answers with actions; it never touches the model.

use crate::domain::client::AccountId;
use crate::domain::{AccountDraft, ClientDraft, ClientId, Clock};
use crate::store::Store;

use super::action::{Action, Data, Outcome};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveClient {
        id: Option<ClientId>,
        draft: ClientDraft,
    },
    SetClientArchived {
        id: ClientId,
        archived: bool,
    },
    SaveAccount {
        id: Option<AccountId>,
        client: ClientId,
        draft: AccountDraft,
    },
    SetAccountDeleted {
        id: AccountId,
        deleted: bool,
    },
    LoadDemo,
    /// Remember the current client for the next start.
    RememberClient(ClientId),
    /// Edit this text in `$EDITOR` (run by the event loop, which owns the terminal).
    OpenEditor(String),
}

/// The setting that remembers the last client used.
pub const LAST_CLIENT: &str = "last_client";

/// Everything the screens show, fresh from the store.
pub fn load(store: &Store) -> crate::store::Result<Data> {
    Ok(Data {
        clients: store.clients()?,
        accounts: store.accounts()?,
    })
}

/// Runs one effect. Writes are followed by a reload, then by what was done.
pub fn execute(store: &mut Store, clock: &dyn Clock, effect: Effect) -> Vec<Action> {
    let now = clock.now();
    let result = match effect {
        Effect::SaveClient { id: None, draft } => store
            .insert_client(&draft, now)
            .map(|id| Outcome::ClientSaved { id, created: true }),
        Effect::SaveClient {
            id: Some(id),
            draft,
        } => store
            .update_client(id, &draft)
            .map(|()| Outcome::ClientSaved { id, created: false }),
        Effect::SetClientArchived { id, archived } => store
            .set_client_archived(id, archived.then_some(now))
            .map(|()| Outcome::ClientArchived { id, archived }),
        Effect::SaveAccount {
            id: None,
            client,
            draft,
        } => store
            .insert_account(client, &draft, now)
            .map(|id| Outcome::AccountSaved { id, created: true }),
        Effect::SaveAccount {
            id: Some(id),
            draft,
            ..
        } => store
            .update_account(id, &draft)
            .map(|()| Outcome::AccountSaved { id, created: false }),
        Effect::SetAccountDeleted { id, deleted } => store
            .set_account_deleted(id, deleted.then_some(now))
            .map(|()| Outcome::AccountDeleted { id, deleted }),
        Effect::LoadDemo => crate::demo::load(store, now, false)
            .map(|clients| Outcome::DemoLoaded { clients })
            .map_err(|e| match e {
                crate::demo::DemoError::Store(e) => e,
                other => crate::store::StoreError::Conflict(other.to_string()),
            }),
        Effect::RememberClient(id) => {
            return match store.set_setting(LAST_CLIENT, &id.to_string()) {
                Ok(()) => vec![],
                Err(e) => vec![Action::Failed(e.to_string())],
            };
        }
        Effect::OpenEditor(_) => return vec![],
    };
    match result {
        Ok(outcome) => match load(store) {
            Ok(data) => vec![Action::Loaded(data), Action::Done(outcome)],
            Err(e) => vec![Action::Failed(e.to_string())],
        },
        Err(e) => vec![Action::Failed(e.to_string())],
    }
}
