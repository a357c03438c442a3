//! Sending a reply to an item a connection brought, through that connection: as a
//! reply on the platform (Mastodon `in_reply_to_id`, the author's `@acct` first, the
//! item's visibility; Bluesky `reply.root`/`reply.parent`), with an idempotency key
//! from the item and the text, recorded before sending.

use super::{SyncEnv, SyncError, Who, open_connection, store_failure};
use crate::domain::inbox::{Item, ItemId};
use crate::net::{IdempotencyKey, Outgoing, ReplyTarget, Sent};
use crate::store::Store;

/// Whether an item can be answered live: it came from a connection still there.
pub fn can_send(store: &Store, item: ItemId) -> Result<bool, SyncError> {
    Ok(match store.reply_target(item)? {
        Some(t) => store.connection_of_account(t.account_id)?.is_some(),
        None => false,
    })
}

/// Sends `text` as a reply to `item` and records the reply's address with it. The
/// caller marks the item replied. An item that did not come from a connection is
/// refused ([`SyncError::NoReplyTarget`]).
pub fn send_reply(
    store: &mut Store,
    env: &SyncEnv,
    item: &Item,
    text: &str,
) -> Result<Sent, SyncError> {
    let now = env.net.clock.now();
    let target_row = store
        .reply_target(item.id)?
        .ok_or(SyncError::NoReplyTarget { item: item.id })?;
    let target: ReplyTarget = serde_json::from_str(&target_row.target)
        .map_err(|_| SyncError::NoReplyTarget { item: item.id })?;
    let row = store
        .connection_of_account(target_row.account_id)?
        .ok_or(SyncError::NoReplyTarget { item: item.id })?;
    let client = super::client_names(store)?
        .get(&row.client_id)
        .cloned()
        .unwrap_or_default();
    let who = Who::of(&row, &client);
    let key = IdempotencyKey::derive(&["reply", &item.id.to_string(), text]);
    let (sent_at, resume) = store.begin_reply(item.id, key.as_str(), now)?;
    let message = Outgoing {
        text: text.to_string(),
        language: None,
        key,
        sent_at,
        resume,
    };
    let sent = open_connection(store, env, &row, &who, now).and_then(|mut c| {
        c.reply(&target, &message)
            .map_err(|e| SyncError::from((who.clone(), e)))
    });
    match sent {
        Ok(s) => {
            store.finish_reply(item.id, &s.id, &s.url)?;
            Ok(s)
        }
        Err(e) => {
            store_failure(store, row.id, &e, now)?;
            Err(e)
        }
    }
}
