//! The inbox list in step with its filter: loading it, its rows near the cursor, and the
//! text search read ahead for it.

use crate::domain::inbox::{Filter, ItemId, finds};
use crate::tui::effect::Effect;
use crate::tui::inbox::{SEARCH_AHEAD, effective_filter};
use crate::tui::model::{Model, Tab};

/// Effects that keep the inbox list in step with its filter and its rows near the cursor.
pub fn sync(m: &mut Model) -> Vec<Effect> {
    if m.tab != Tab::Inbox {
        return vec![];
    }
    let filter = effective_filter(m);
    if m.inbox.loaded.as_ref() != Some(&filter) {
        // The counters depend on the client only: a change of text, status, platform,
        // kind or tag keeps them (after a change of data, `loaded` is `None`).
        let recount = m.inbox.counters.is_none()
            || m.inbox
                .loaded
                .as_ref()
                .is_none_or(|l| l.client != filter.client);
        m.inbox.loaded = Some(filter.clone());
        if let Some(ids) = search_kept(m, &filter) {
            // Words searched in a list read ahead: only the rows on screen are read.
            loaded(m, filter, ids, vec![], None);
            return vec![Effect::LoadInboxRows(m.inbox.missing_near_cursor())];
        }
        return vec![Effect::LoadInbox {
            filter,
            around: m.inbox.cursor.selected,
            recount,
        }];
    }
    let missing = m.inbox.missing_near_cursor();
    if missing.is_empty() {
        vec![]
    } else {
        vec![Effect::LoadInboxRows(missing)]
    }
}

/// The ids of a search for words within a list read ahead, in its order; `None` when
/// the filter is not one.
fn search_kept(m: &Model, filter: &Filter) -> Option<Vec<ItemId>> {
    let words = filter.text.as_deref()?;
    match &m.inbox.search {
        Some((base, Some(items))) if *base == filter.without_text() => Some(
            items
                .iter()
                .filter(|(_, s)| finds(words, s))
                .map(|(id, _)| *id)
                .collect(),
        ),
        _ => None,
    }
}

/// Work for the time the user is not typing: what a text search looks in, for each
/// item of the list on screen when it has no words and is not too long.
pub fn idle(m: &mut Model) -> Vec<Effect> {
    let st = &m.inbox;
    let Some(filter) = st.loaded.as_ref() else {
        return vec![];
    };
    if m.tab != Tab::Inbox
        || filter.text.is_some()
        || st.ids.len() > SEARCH_AHEAD
        || st.search.as_ref().is_some_and(|(f, _)| f == filter)
    {
        return vec![];
    }
    let filter = filter.clone();
    m.inbox.search = Some((filter.clone(), None));
    vec![Effect::LoadSearchables(filter)]
}

pub fn searchables_loaded(m: &mut Model, filter: Filter, items: Vec<(ItemId, String)>) {
    if let Some((f, slot @ None)) = &mut m.inbox.search
        && *f == filter
    {
        *slot = Some(items);
    }
}

/// Asks for a fresh list (after a change).
pub fn stale(m: &mut Model) {
    m.inbox.loaded = None;
    m.inbox.search = None;
}

pub fn loaded(
    m: &mut Model,
    filter: Filter,
    ids: Vec<i64>,
    rows: Vec<crate::domain::inbox::Item>,
    counters: Option<crate::tui::inbox::Counters>,
) {
    // A reply to an older request is dropped; the newest one is on its way.
    if m.inbox.loaded.as_ref() != Some(&filter) {
        return;
    }
    let keep = m.inbox.selected_id();
    let st = &mut m.inbox;
    st.ids = ids;
    st.rows.clear();
    st.take_rows(rows);
    if counters.is_some() {
        st.counters = counters;
    }
    st.selected
        .retain(|id| st.rows.contains_key(id) || st.ids.contains(id));
    // A jump from Today selects its item; otherwise stay on the same item when it is
    // still listed, else at the same place.
    let want = st.jump.take().or(keep);
    if let Some(i) = want.and_then(|k| st.ids.iter().position(|x| *x == k)) {
        st.cursor.select(i);
    }
    st.cursor.clamp(st.ids.len());
}

pub fn rows(m: &mut Model, asked: Vec<i64>, rows: Vec<crate::domain::inbox::Item>) {
    let found: std::collections::HashSet<i64> = rows.iter().map(|r| r.id).collect();
    let gone: Vec<i64> = asked.into_iter().filter(|id| !found.contains(id)).collect();
    if !gone.is_empty() {
        // Deleted elsewhere (another window): drop them rather than ask again.
        m.inbox.ids.retain(|id| !gone.contains(id));
        m.inbox.cursor.clamp(m.inbox.ids.len());
    }
    m.inbox.take_rows(rows);
}
