//! Effects: what `update` asks the outside world to do. The executor runs them against
//! the store and answers with actions; it never touches the model.

use crate::domain::client::AccountId;
use crate::domain::inbox::{Filter, Item, ItemDraft, ItemId, Op, SavedReply};
use crate::domain::post::Post;
use crate::domain::strategy::{BudgetLine, Id, Part};
use crate::domain::{AccountDraft, ClientDraft, ClientId, Clock, Version};
use crate::explain::Explain;
use crate::store::PostFilter;
use crate::store::Store;
use crate::tui::widgets::picker::PickPurpose;

use super::action::{Action, Clip, Outcome};
pub use super::loads::load;
use super::loads::{load_inbox, load_plan};

mod export;
mod strategy;

pub use export::EXPORT_FOLDER;
use export::export_report;
pub use strategy::StrategyItem;
use strategy::save_item;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save a client: a new one (`id` `None`), or one over its row at `version`.
    SaveClient {
        id: Option<ClientId>,
        version: Version,
        draft: ClientDraft,
    },
    SetClientArchived {
        id: ClientId,
        archived: bool,
    },
    /// Save an account: a new one (`id` `None`), or one over its row at `version`.
    SaveAccount {
        id: Option<AccountId>,
        client: ClientId,
        version: Version,
        draft: AccountDraft,
    },
    SetAccountDeleted {
        id: AccountId,
        deleted: bool,
    },
    LoadDemo,
    /// Remove the demo clients and everything of theirs.
    RemoveDemo,
    LoadPlan(ClientId),
    SaveStrategy {
        client: ClientId,
        item: StrategyItem,
    },
    Trash {
        part: Part,
        id: Id,
        deleted: bool,
    },
    /// Copies the lines of last month's budget plan (`from`) a month lacks.
    CopyBudget {
        client: ClientId,
        lines: Vec<BudgetLine>,
        from: chrono::NaiveDate,
    },
    /// Takes back the lines of a copy (to the trash).
    UncopyBudget {
        client: ClientId,
        ids: Vec<Id>,
    },
    LoadInbox {
        filter: Filter,
        /// The cursor's index, to load the rows around it.
        around: usize,
        /// Count pending, overdue and reply times again.
        recount: bool,
    },
    LoadInboxRows(Vec<ItemId>),
    /// What a text search looks in, for each item of a list (read ahead).
    LoadSearchables(Filter),
    InboxOp {
        ids: Vec<ItemId>,
        op: Op,
    },
    /// A form's change to items; those in `at` are written only over these versions
    /// (the ones the form was opened on).
    InboxOpAt {
        ids: Vec<ItemId>,
        at: Vec<(ItemId, Version)>,
        op: Op,
    },
    /// Undo: items put back as they were, each over the version the change left.
    RestoreItems(Vec<Item>),
    TrashItems {
        ids: Vec<ItemId>,
        deleted: bool,
    },
    AddItem {
        client: ClientId,
        draft: ItemDraft,
    },
    LoadSavedReplies {
        client: ClientId,
        then: PickPurpose,
    },
    SaveSavedReply(SavedReply),
    TrashSavedReply {
        id: i64,
        deleted: bool,
    },
    /// What the calendar grid draws of the posts of `from..to`.
    LoadGrid {
        client: Option<ClientId>,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    /// The posts of the calendar's selected day, in full.
    LoadDay {
        client: Option<ClientId>,
        day: chrono::NaiveDate,
    },
    LoadAgenda(PostFilter),
    LoadToday,
    /// Ask SQLite whether another window wrote (cheap; on every tick).
    CheckDataVersion,
    /// Load clients and accounts again.
    Reload,
    LoadReport {
        client: ClientId,
        period: crate::domain::report::Period,
    },
    /// Read a week's stored figures, to show them in the form that types them.
    LoadWeekFigures {
        client: ClientId,
        week: crate::domain::report::Period,
    },
    /// Make each value the week's figure of its metric on the platform (`None`: none).
    SaveWeek {
        client: ClientId,
        platform: crate::domain::Platform,
        week: crate::domain::report::Period,
        changes: Vec<(crate::domain::metric::Metric, Option<i64>)>,
    },
    /// Write the report to `path`; `replace`: the user agreed to replace a file there.
    ExportReport {
        client: ClientId,
        period: crate::domain::report::Period,
        format: crate::io::report::Format,
        path: String,
        replace: bool,
    },
    /// Save a post; `before` is how it was, for undo (`None`: a new post).
    SavePost {
        post: Box<Post>,
        before: Option<Box<Post>>,
    },
    TrashPost {
        id: i64,
        deleted: bool,
    },
    /// Put text on the clipboard: the system's, else the terminal's (OSC 52).
    Copy {
        text: String,
        clip: Clip,
    },
    /// Open a web address in the browser (run by the event loop).
    OpenUrl(String),
    /// Remember the current client for the next start.
    RememberClient(ClientId),
    /// Edit this text in `$EDITOR` (run by the event loop, which owns the terminal).
    OpenEditor(String),
    /// Network work, run by the event loop's worker thread.
    Live(super::live::Job),
    /// Ask whether an item can be answered live.
    CheckCanSend(ItemId),
    /// Keep how often the app syncs, in minutes.
    SaveSyncMinutes(u32),
}

/// The setting that remembers the last client used.
pub const LAST_CLIENT: &str = "last_client";

/// The failure of an effect, in words: a full disk, a database busy past the timeout or
/// a read-only file say so and name the file. A save refused because its row changed
/// since it was read answers with the row as it is now, for the user to choose.
fn failed(
    store: &Store,
    now: chrono::DateTime<chrono::Utc>,
    e: crate::store::StoreError,
) -> Action {
    if let crate::store::StoreError::Stale { entity, id } = e {
        return super::fresh::read(store, entity, id, now);
    }
    Action::Failed(crate::store::diagnose(store.path(), e).explain())
}

/// Runs an effect that only reads (the first frame's loads); the store is not changed.
pub fn execute_read(store: &Store, clock: &dyn Clock, effect: Effect) -> Vec<Action> {
    let now = clock.now();
    match effect {
        Effect::LoadPlan(client) => match store.reading(|| load_plan(store, client, now)) {
            Ok(plan) => vec![Action::PlanLoaded(plan)],
            Err(e) => vec![failed(store, now, e)],
        },
        Effect::LoadToday => match store.reading(|| crate::today::build(store, now)) {
            Ok(t) => vec![Action::TodayLoaded(Box::new(t))],
            Err(e) => vec![failed(store, now, e)],
        },
        _ => vec![],
    }
}

/// Runs one effect. Writes are followed by a reload, then by what was done.
pub fn execute(store: &mut Store, clock: &dyn Clock, effect: Effect) -> Vec<Action> {
    let now = clock.now();
    let result = match effect {
        Effect::SaveClient {
            id: None, draft, ..
        } => store
            .insert_client(&draft, now)
            .map(|id| Outcome::ClientSaved { id, created: true }),
        Effect::SaveClient {
            id: Some(id),
            version,
            draft,
        } => store
            .update_client(id, version, &draft)
            .map(|_| Outcome::ClientSaved { id, created: false }),
        Effect::SetClientArchived { id, archived } => store
            .set_client_archived(id, archived.then_some(now))
            .map(|()| Outcome::ClientArchived { id, archived }),
        Effect::SaveAccount {
            id: None,
            client,
            draft,
            ..
        } => store
            .insert_account(client, &draft, now)
            .map(|id| Outcome::AccountSaved { id, created: true }),
        Effect::SaveAccount {
            id: Some(id),
            version,
            draft,
            ..
        } => store
            .update_account(id, version, &draft)
            .map(|_| Outcome::AccountSaved { id, created: false }),
        Effect::SetAccountDeleted { id, deleted } => store
            .set_account_deleted(id, deleted.then_some(now))
            .map(|()| Outcome::AccountDeleted { id, deleted }),
        Effect::LoadDemo => match crate::demo::load(store, now, false) {
            Ok(clients) => Ok(Outcome::DemoLoaded { clients }),
            Err(crate::demo::DemoError::Store(e)) => Err(e),
            Err(e) => return vec![Action::Failed(e.explain())],
        },
        Effect::RemoveDemo => {
            crate::demo::remove(store).map(|names| Outcome::DemoRemoved { names })
        }
        Effect::LoadPlan(client) => {
            return match store.reading(|| load_plan(store, client, now)) {
                Ok(plan) => vec![Action::PlanLoaded(plan)],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::SaveStrategy { client, item } => {
            let (part, id) = item.part_and_id();
            return match save_item(store, client, &item, now)
                .and_then(|()| load_plan(store, client, now))
            {
                Ok(plan) => vec![
                    Action::PlanLoaded(plan),
                    Action::Done(Outcome::StrategySaved {
                        part,
                        created: id == 0,
                    }),
                ],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::Trash { part, id, deleted } => {
            let client = store.owner_of(part, id);
            return match store
                .set_deleted(part, id, deleted.then_some(now))
                .and_then(|()| client.and_then(|c| load_plan(store, c, now)))
            {
                Ok(plan) => vec![
                    Action::PlanLoaded(plan),
                    Action::Done(Outcome::Trashed { part, id, deleted }),
                ],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::CopyBudget {
            client,
            lines,
            from,
        } => {
            let copied = store.transaction(|tx| {
                lines
                    .iter()
                    .map(|l| tx.save_budget_line(client, l, now))
                    .collect::<crate::store::Result<Vec<Id>>>()
            });
            return match copied.and_then(|ids| load_plan(store, client, now).map(|p| (ids, p))) {
                Ok((ids, plan)) => vec![
                    Action::PlanLoaded(plan),
                    Action::Done(Outcome::BudgetCopied { ids, from }),
                ],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::UncopyBudget { client, ids } => {
            let count = ids.len();
            let trashed = store.transaction(|tx| {
                ids.iter()
                    .try_for_each(|id| tx.set_deleted(Part::BudgetLine, *id, Some(now)))
            });
            return match trashed.and_then(|()| load_plan(store, client, now)) {
                Ok(plan) => vec![
                    Action::PlanLoaded(plan),
                    Action::Done(Outcome::BudgetUncopied { count }),
                ],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::LoadInbox {
            filter,
            around,
            recount,
        } => {
            return match store.reading(|| load_inbox(store, &filter, around, recount, now)) {
                Ok(a) => vec![a],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::LoadInboxRows(ids) => {
            return match store.items(&ids) {
                Ok(rows) => vec![Action::InboxRows { asked: ids, rows }],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::LoadSearchables(filter) => {
            return match store.searchables(&filter) {
                Ok(items) => vec![Action::SearchablesLoaded { filter, items }],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::InboxOp { ids, op } => store
            .apply_to_items(&ids, &op, now)
            .map(|before| Outcome::InboxChanged { before, op }),
        Effect::InboxOpAt { ids, at, op } => store
            .apply_to_items_at(&ids, &at, &op, now)
            .map(|before| Outcome::InboxChanged { before, op }),
        Effect::RestoreItems(items) => store
            .restore_items(&items)
            .map(|()| Outcome::InboxRestored { count: items.len() }),
        Effect::TrashItems { ids, deleted } => store
            .set_items_deleted(&ids, deleted.then_some(now))
            .map(|()| Outcome::InboxTrashed { ids, deleted }),
        Effect::AddItem { client, draft } => store
            .transaction(|tx| tx.insert_item(client, &draft, now))
            .map(|added| Outcome::ItemAdded { added }),
        Effect::LoadSavedReplies { client, then } => {
            return match store.saved_replies(client) {
                Ok(replies) => vec![Action::SavedRepliesLoaded { replies, then }],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::SaveSavedReply(r) => store
            .transaction(|tx| tx.save_saved_reply(&r, now))
            .map(|_| Outcome::SavedReplySaved { created: r.id == 0 }),
        Effect::TrashSavedReply { id, deleted } => store
            .transaction(|tx| tx.set_saved_reply_deleted(id, deleted.then_some(now)))
            .map(|()| Outcome::SavedReplyTrashed { id, deleted }),
        Effect::LoadGrid { client, from, to } => {
            return match store.post_cells_between(client, from, to) {
                Ok(cells) => vec![Action::GridLoaded {
                    key: (client, from, to),
                    cells,
                }],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::LoadDay { client, day } => {
            return match store.posts_between(client, day, day + chrono::Duration::days(1)) {
                Ok(posts) => vec![Action::DayLoaded {
                    key: (client, day),
                    posts,
                }],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::CheckDataVersion => {
            return match store.data_version() {
                Ok(v) => vec![Action::DataVersion(v)],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::Reload => {
            return match load(store) {
                Ok(data) => vec![Action::Loaded(data)],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::LoadToday => {
            return match store.reading(|| crate::today::build(store, now)) {
                Ok(t) => vec![Action::TodayLoaded(Box::new(t))],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::LoadReport { client, period } => {
            return match store.reading(|| {
                store
                    .client(client)
                    .and_then(|c| crate::report::build(store, &c, period, now))
            }) {
                Ok(r) => vec![Action::ReportLoaded {
                    key: (client, period),
                    report: Box::new(r),
                }],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::LoadWeekFigures { client, week } => {
            return match store.reading(|| crate::report::week::stored(store, client, &week)) {
                Ok(stored) => vec![Action::WeekFiguresLoaded {
                    client,
                    week,
                    stored,
                }],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::SaveWeek {
            client,
            platform,
            week,
            changes,
        } => store
            .transaction(|tx| tx.set_week(client, platform, (week.from, week.to), &changes))
            .map(|values| Outcome::FiguresSaved { values }),
        Effect::ExportReport {
            client,
            period,
            format,
            path,
            replace,
        } => return export_report(store, (client, period, format), &path, replace, now),
        Effect::LoadAgenda(filter) => {
            return match store.posts_matching(&filter) {
                Ok(posts) => vec![Action::AgendaLoaded { filter, posts }],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        Effect::SavePost { post, before } => store
            .transaction(|tx| {
                let id = tx.save_post(&post, now)?;
                Ok((id, tx.post_version(id)?))
            })
            .map(|(id, version)| Outcome::PostSaved {
                id,
                // Undo writes it back only over this save.
                before: before.map(|mut b| {
                    b.version = version;
                    b
                }),
            }),
        Effect::TrashPost { id, deleted } => store
            .transaction(|tx| tx.set_post_deleted(id, deleted.then_some(now)))
            .map(|()| Outcome::PostTrashed { id, deleted }),
        Effect::Copy { text, clip } => {
            let result = super::clipboard::copy(&text, &super::clipboard::Env::from_system());
            return vec![Action::Done(Outcome::Copied { clip, result })];
        }
        Effect::OpenUrl(_) => return vec![],
        Effect::RememberClient(id) => {
            return match store.set_setting(LAST_CLIENT, &id.to_string()) {
                Ok(()) => vec![],
                Err(e) => vec![failed(store, now, e)],
            };
        }
        // Run by the event loop (the editor owns the terminal; jobs go to the worker).
        Effect::OpenEditor(_) | Effect::Live(_) => return vec![],
        e @ (Effect::CheckCanSend(_) | Effect::SaveSyncMinutes(_)) => {
            return super::loads::live(store, e);
        }
    };
    match result {
        Ok(outcome) => match load(store) {
            Ok(data) => vec![Action::Loaded(data), Action::Done(outcome)],
            Err(e) => vec![failed(store, now, e)],
        },
        Err(e) => vec![failed(store, now, e)],
    }
}
