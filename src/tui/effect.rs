//! Effects: what `update` asks the outside world to do. The executor runs them against
//! the store and answers with actions; it never touches the model.

use crate::domain::client::AccountId;
use crate::domain::inbox::{Filter, Item, ItemDraft, ItemId, Op, SavedReply};
use crate::domain::objective::ObjectiveDraft;
use crate::domain::post::Post;
use crate::domain::strategy::{
    BudgetLine, Campaign, Competitor, CompetitorNote, Expense, HashtagSet, Id, Part, Pillar, Target,
};
use crate::domain::{AccountDraft, ClientDraft, ClientId, Clock};
use crate::explain::Explain;
use crate::store::PostFilter;
use crate::store::Store;
use crate::tui::inbox::{Counters, InboxState};
use crate::tui::widgets::picker::PickPurpose;

use super::action::{Action, Clip, Data, Outcome};

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
    SaveFigures {
        client: ClientId,
        values: Vec<crate::domain::kpi::DailyValue>,
    },
    ExportReport {
        client: ClientId,
        period: crate::domain::report::Period,
        format: crate::io::report::Format,
        path: String,
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
}

/// A strategy row to write (id 0: a new one).
#[derive(Debug, Clone, PartialEq)]
pub enum StrategyItem {
    Target(Target),
    Objective(Id, ObjectiveDraft),
    Campaign(Campaign),
    BudgetLine(BudgetLine),
    Expense(Expense),
    Pillar(Pillar),
    /// A pillar with the others rescaled to make room for it (the pillar first).
    Pillars(Vec<Pillar>),
    HashtagSet(HashtagSet),
    Competitor(Competitor),
    Note(CompetitorNote),
    Tone(String),
}

impl StrategyItem {
    fn part_and_id(&self) -> (Option<Part>, Id) {
        match self {
            StrategyItem::Target(x) => (Some(Part::Target), x.id),
            StrategyItem::Objective(id, _) => (Some(Part::Objective), *id),
            StrategyItem::Campaign(x) => (Some(Part::Campaign), x.id),
            StrategyItem::BudgetLine(x) => (Some(Part::BudgetLine), x.id),
            StrategyItem::Expense(x) => (Some(Part::Expense), x.id),
            StrategyItem::Pillar(x) => (Some(Part::Pillar), x.id),
            StrategyItem::Pillars(x) => (Some(Part::Pillar), x.first().map_or(0, |p| p.id)),
            StrategyItem::HashtagSet(x) => (Some(Part::HashtagSet), x.id),
            StrategyItem::Competitor(x) => (Some(Part::Competitor), x.id),
            StrategyItem::Note(x) => (Some(Part::CompetitorNote), x.id),
            StrategyItem::Tone(_) => (None, 0),
        }
    }
}

fn save_item(
    store: &mut Store,
    client: ClientId,
    item: &StrategyItem,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::store::Result<()> {
    store.transaction(|tx| {
        match item {
            StrategyItem::Target(x) => tx.save_target(client, x, now)?,
            StrategyItem::Objective(id, d) => tx.save_objective(client, *id, d, now)?,
            StrategyItem::Campaign(x) => tx.save_campaign(client, x, now)?,
            StrategyItem::BudgetLine(x) => tx.save_budget_line(client, x, now)?,
            StrategyItem::Expense(x) => tx.save_expense(client, x, now)?,
            StrategyItem::Pillar(x) => tx.save_pillar(client, x, now)?,
            StrategyItem::Pillars(x) => {
                for p in x {
                    tx.save_pillar(client, p, now)?;
                }
                0
            }
            StrategyItem::HashtagSet(x) => tx.save_hashtag_set(client, x, now)?,
            StrategyItem::Competitor(x) => tx.save_competitor(client, x, now)?,
            StrategyItem::Note(x) => tx.save_note(x, now)?,
            StrategyItem::Tone(t) => {
                tx.set_tone(client, t)?;
                0
            }
        };
        Ok(())
    })
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

/// The inbox list of a filter: ids, the rows around `around`, and the counters.
fn load_inbox(
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
        None => store.clients()?.iter().try_fold((0, 0), |(p, o), c| {
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
fn load_plan(
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

/// Writes a file only its owner can read (it holds a client's figures).
fn write_private(path: &str, text: &str) -> Result<(), String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| crate::i18n::format::labelled(path, &e.to_string()))
}

/// Runs an effect that only reads (the first frame's loads); the store is not changed.
pub fn execute_read(store: &Store, clock: &dyn Clock, effect: Effect) -> Vec<Action> {
    match effect {
        Effect::LoadPlan(client) => match store.reading(|| load_plan(store, client, clock.now())) {
            Ok(plan) => vec![Action::PlanLoaded(plan)],
            Err(e) => vec![Action::Failed(e.explain())],
        },
        Effect::LoadToday => match store.reading(|| crate::today::build(store, clock.now())) {
            Ok(t) => vec![Action::TodayLoaded(Box::new(t))],
            Err(e) => vec![Action::Failed(e.explain())],
        },
        _ => vec![],
    }
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
        Effect::LoadDemo => match crate::demo::load(store, now, false) {
            Ok(clients) => Ok(Outcome::DemoLoaded { clients }),
            Err(crate::demo::DemoError::Store(e)) => Err(e),
            Err(e) => return vec![Action::Failed(e.explain())],
        },
        Effect::LoadPlan(client) => {
            return match store.reading(|| load_plan(store, client, now)) {
                Ok(plan) => vec![Action::PlanLoaded(plan)],
                Err(e) => vec![Action::Failed(e.explain())],
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
                Err(e) => vec![Action::Failed(e.explain())],
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
                Err(e) => vec![Action::Failed(e.explain())],
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
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::LoadInboxRows(ids) => {
            return match store.items(&ids) {
                Ok(rows) => vec![Action::InboxRows { asked: ids, rows }],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::LoadSearchables(filter) => {
            return match store.searchables(&filter) {
                Ok(items) => vec![Action::SearchablesLoaded { filter, items }],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::InboxOp { ids, op } => store
            .apply_to_items(&ids, &op, now)
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
                Err(e) => vec![Action::Failed(e.explain())],
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
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::LoadDay { client, day } => {
            return match store.posts_between(client, day, day + chrono::Duration::days(1)) {
                Ok(posts) => vec![Action::DayLoaded {
                    key: (client, day),
                    posts,
                }],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::CheckDataVersion => {
            return match store.data_version() {
                Ok(v) => vec![Action::DataVersion(v)],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::Reload => {
            return match load(store) {
                Ok(data) => vec![Action::Loaded(data)],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::LoadToday => {
            return match store.reading(|| crate::today::build(store, now)) {
                Ok(t) => vec![Action::TodayLoaded(Box::new(t))],
                Err(e) => vec![Action::Failed(e.explain())],
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
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::SaveFigures { client, values } => store
            .transaction(|tx| tx.upsert_daily(client, &values, |_| {}))
            .map(|u| Outcome::FiguresSaved {
                values: u.stored + u.unchanged,
            }),
        Effect::ExportReport {
            client,
            period,
            format,
            path,
        } => {
            let written = store
                .client(client)
                .and_then(|c| crate::report::build(store, &c, period, now))
                .map_err(|e| e.explain())
                .and_then(|r| write_private(&path, &crate::io::report::write(&r, format)));
            return match written {
                Ok(()) => vec![Action::Done(Outcome::Exported { path })],
                Err(e) => vec![Action::Failed(e)],
            };
        }
        Effect::LoadAgenda(filter) => {
            return match store.posts_matching(&filter) {
                Ok(posts) => vec![Action::AgendaLoaded { filter, posts }],
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::SavePost { post, before } => store
            .transaction(|tx| tx.save_post(&post, now))
            .map(|id| Outcome::PostSaved { id, before }),
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
                Err(e) => vec![Action::Failed(e.explain())],
            };
        }
        Effect::OpenEditor(_) => return vec![],
    };
    match result {
        Ok(outcome) => match load(store) {
            Ok(data) => vec![Action::Loaded(data), Action::Done(outcome)],
            Err(e) => vec![Action::Failed(e.explain())],
        },
        Err(e) => vec![Action::Failed(e.explain())],
    }
}
