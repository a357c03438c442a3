//! What the screens read from the store, for the executor: the clients and accounts,
//! an inbox list with its counters, a client's strategy with its objectives measured.

use crate::domain::ClientId;
use crate::domain::inbox::Filter;
use crate::store::Store;
use crate::tui::action::{Action, Data};
use crate::tui::inbox::{Counters, InboxState};

/// Everything the screens show, fresh from the store.
pub fn load(store: &Store) -> crate::store::Result<Data> {
    Ok(Data {
        clients: store.clients()?,
        accounts: store.accounts()?,
        connections: store.connections(None)?,
        held: store
            .sends_in_state(crate::store::SendState::Held)?
            .into_iter()
            .map(|s| s.post_id)
            .collect(),
    })
}

/// The small reads and writes of live work: whether an item can be answered live, the
/// sync interval.
pub(super) fn live(store: &Store, effect: super::effect::Effect) -> Vec<Action> {
    use super::effect::Effect;
    match effect {
        Effect::CheckCanSend(item) => match crate::sync::can_send(store, item) {
            Ok(yes) => vec![Action::CanSend { item, yes }],
            Err(e) => vec![Action::Failed(crate::explain::Explain::explain(&e))],
        },
        Effect::SaveSyncMinutes(n) => {
            match store.set_setting(super::live::SYNC_MINUTES, &n.to_string()) {
                Ok(()) => vec![],
                Err(e) => vec![Action::Failed(crate::explain::Explain::explain(&e))],
            }
        }
        _ => vec![],
    }
}

/// The inbox list of a filter: ids, the rows around `around`, and the counters.
pub(super) fn load_inbox(
    store: &Store,
    filter: &Filter,
    around: usize,
    recount: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::store::Result<Action> {
    let ids = store.item_ids(filter)?;
    let rows = store.items(&InboxState::window(&ids, around))?;
    if !recount {
        return Ok(Action::InboxLoaded {
            filter: filter.clone(),
            ids,
            rows,
            counters: None,
        });
    }
    // All time: only the pending and overdue counts (sorting every replied item for an
    // all-time median would cost more than the whole list); medians over 7 and 30 days.
    let (pending, overdue) = match filter.client {
        Some(c) => store.pending_counts(c, now)?,
        // Across clients, as the list: archived clients left out.
        None => store
            .clients()?
            .iter()
            .filter(|c| !c.is_archived())
            .try_fold((0, 0), |(p, o), c| {
                store
                    .pending_counts(c.id, now)
                    .map(|(p2, o2)| (p + p2, o + o2))
            })?,
    };
    let counters = Counters {
        all: crate::domain::inbox::ReplyStats {
            pending,
            overdue,
            replied: 0,
            reply_rate: None,
            median_minutes: None,
            p90_minutes: None,
        },
        last7: store.reply_stats(filter.client, now, Some(now - chrono::Duration::days(7)))?,
        last30: store.reply_stats(filter.client, now, Some(now - chrono::Duration::days(30)))?,
    };
    Ok(Action::InboxLoaded {
        filter: filter.clone(),
        ids,
        rows,
        counters: Some(counters),
    })
}

/// A client's strategy, with each objective measured from the KPIs as of today.
pub(super) fn load_plan(
    store: &Store,
    client: ClientId,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::store::Result<crate::domain::strategy::Plan> {
    let mut plan = store.plan(client)?;
    let c = store.client(client)?;
    let today = now.with_timezone(&c.tz()).date_naive();
    for o in &plan.objectives {
        if let Some(m) = crate::report::measure::measure(store, &c, o, today)? {
            plan.measures.insert(o.id, m);
        }
    }
    Ok(plan)
}
