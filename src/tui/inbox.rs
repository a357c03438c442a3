//! The Inbox tab's state. The list holds the ids that match the filter, in order, and a
//! cache of the rows near the cursor: a list of 500,000 items costs a few megabytes and
//! draws as fast as a short one.

use std::collections::{BTreeSet, HashMap};

use super::model::Model;
use super::widgets::table::ListCursor;
use crate::domain::inbox::{Filter, Item, ItemId, ReplyStats, SavedReply};

/// Rows kept around the cursor, each way.
pub const MARGIN: usize = 150;

/// The counters on top of the inbox.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counters {
    /// Every item, all time: pending and overdue.
    pub all: ReplyStats,
    pub last7: ReplyStats,
    pub last30: ReplyStats,
}

#[derive(Debug, Clone, Default)]
pub struct InboxState {
    /// Status, platform, kind, tag and text; the client comes from the `a` toggle.
    pub filter: Filter,
    /// The filter the list on screen was loaded with; `None` asks for a reload.
    pub loaded: Option<Filter>,
    pub ids: Vec<ItemId>,
    pub rows: HashMap<ItemId, Item>,
    pub cursor: ListCursor,
    pub selected: BTreeSet<ItemId>,
    pub counters: Option<Counters>,
    /// Saved replies of the clients they were asked for.
    pub saved_replies: Vec<SavedReply>,
    /// An item to select once the list is loaded (a jump from Today).
    pub jump: Option<ItemId>,
    /// A list without words, with what a text search looks in for each of its items
    /// (read while no key waits; `None` inside while on its way), so that a search in it
    /// reads nothing. Dropped with any change of items.
    pub search: Option<(Filter, Option<Searchables>)>,
}

/// Each item of a list with what a text search looks in, in list order.
pub type Searchables = Vec<(ItemId, String)>;

/// The longest list read ahead for searching in (some 3 MB of text).
pub const SEARCH_AHEAD: usize = 20_000;

impl InboxState {
    pub fn selected_id(&self) -> Option<ItemId> {
        self.ids.get(self.cursor.selected).copied()
    }

    /// The items an action applies to: the ticked ones, else the one under the cursor.
    pub fn targets(&self) -> Vec<ItemId> {
        if self.selected.is_empty() {
            self.selected_id().into_iter().collect()
        } else {
            self.selected.iter().copied().collect()
        }
    }

    /// The ids near the cursor whose rows are not loaded yet.
    pub fn missing_near_cursor(&self) -> Vec<ItemId> {
        let lo = self.cursor.selected.saturating_sub(MARGIN / 2);
        let hi = (self.cursor.selected + MARGIN).min(self.ids.len());
        self.ids[lo.min(hi)..hi]
            .iter()
            .filter(|id| !self.rows.contains_key(id))
            .copied()
            .collect()
    }

    /// The ids to load around `index`, for a fresh list.
    pub fn window(ids: &[ItemId], index: usize) -> Vec<ItemId> {
        let lo = index.saturating_sub(MARGIN);
        let hi = (index + MARGIN * 2).min(ids.len());
        ids[lo.min(hi)..hi].to_vec()
    }

    /// Takes fresh rows, keeping the cache small by dropping rows far from the cursor.
    pub fn take_rows(&mut self, items: Vec<Item>) {
        if self.rows.len() > MARGIN * 8 {
            let keep: std::collections::HashSet<ItemId> =
                Self::window(&self.ids, self.cursor.selected)
                    .into_iter()
                    .collect();
            self.rows.retain(|id, _| keep.contains(id));
        }
        for it in items {
            self.rows.insert(it.id, it);
        }
    }
}

/// The filter the list should be loaded with now.
pub fn effective_filter(m: &Model) -> Filter {
    Filter {
        client: if m.all_clients { None } else { m.current },
        ..m.inbox.filter.clone()
    }
}

/// The item under the cursor, when loaded.
pub fn current_item(m: &Model) -> Option<&Item> {
    m.inbox.selected_id().and_then(|id| m.inbox.rows.get(&id))
}

/// The reply-time target of an item's client, in hours.
pub fn target_hours(m: &Model, item: &Item) -> u32 {
    m.client(item.client_id)
        .map_or(crate::domain::client::DEFAULT_REPLY_HOURS, |c| {
            c.reply_target_hours
        })
}
