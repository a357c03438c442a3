//! What can happen to the model: a command from the keymap, typed input, time passing,
//! or the answer of an effect.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::domain::client::AccountId;
use chrono::NaiveDate;

use crate::domain::inbox::{Filter, Item, ItemId, Op, SavedReply};
use crate::domain::post::{Post, PostCell};
use crate::domain::strategy::{Id, Part, Plan};
use crate::domain::{Account, Client, ClientId};
use crate::store::PostFilter;
use crate::tui::inbox::Counters;
use crate::tui::widgets::picker::PickPurpose;

/// A command a key is bound to. The keymap maps keys to commands per context; the help
/// screen lists the same table, so it never disagrees with what keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    NextTab,
    PrevTab,
    GoToday,
    GoStrategy,
    GoCalendar,
    GoInbox,
    GoReport,
    Help,
    SwitchClient,
    ToggleAllClients,
    Back,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    New,
    Edit,
    Delete,
    Archive,
    Undo,
    Filter,
    FocusNext,
    FocusPrev,
    Save,
    ExternalEditor,
    ToggleArchived,
    NewAccount,
    Left,
    Right,
    PrevMonth,
    NextMonth,
    EditTone,
    Reply,
    MarkReplied,
    Ignore,
    FollowUp,
    TogglePriority,
    CycleSentiment,
    EditTags,
    ToggleSelect,
    SelectAll,
    Copy,
    OpenLink,
    SavedReplies,
    Today,
    ViewMonth,
    ViewWeek,
    ViewList,
    MovePostBack,
    MovePostForward,
    NextPost,
    PrevPost,
    MarkPublished,
    Duplicate,
    PrevPeriod,
    NextPeriod,
    PeriodWeek,
    PeriodMonth,
    PeriodCustom,
    EnterFigures,
    Export,
    LoadDemo,
    Yes,
    No,
}

/// Everything `update` reacts to.
#[derive(Debug, Clone)]
pub enum Action {
    Cmd(Command),
    /// A key that no binding took, for the focused text field or filter.
    Input(KeyEvent),
    Resize(u16, u16),
    Tick(DateTime<Utc>),
    /// Fresh data from the store.
    Loaded(Data),
    /// The strategy of a client, fresh from the store.
    PlanLoaded(Plan),
    /// The inbox list for a filter: ids in order, the rows around the cursor, counters.
    InboxLoaded {
        filter: Filter,
        ids: Vec<ItemId>,
        rows: Vec<Item>,
        /// `None` when the counters on screen still hold (only the filter's other
        /// fields changed).
        counters: Option<Counters>,
    },
    /// Rows asked for by id; ids asked for but absent are gone from the database.
    InboxRows {
        asked: Vec<ItemId>,
        rows: Vec<Item>,
    },
    /// A list's items with what a text search looks in, in list order.
    SearchablesLoaded {
        filter: Filter,
        items: Vec<(ItemId, String)>,
    },
    GridLoaded {
        key: (Option<i64>, NaiveDate, NaiveDate),
        cells: Vec<PostCell>,
    },
    DayLoaded {
        key: (Option<i64>, NaiveDate),
        posts: Vec<Post>,
    },
    TodayLoaded(Box<crate::today::Today>),
    /// SQLite's data_version now.
    DataVersion(i64),
    ReportLoaded {
        key: (i64, crate::domain::report::Period),
        report: Box<crate::report::Report>,
    },
    AgendaLoaded {
        filter: PostFilter,
        posts: Vec<Post>,
    },
    SavedRepliesLoaded {
        replies: Vec<SavedReply>,
        then: PickPurpose,
    },
    Done(Outcome),
    /// An effect failed; the text says what and why.
    Failed(String),
    /// `$EDITOR` closed: the edited text, or why it could not run.
    EditorClosed(Result<String, String>),
}

/// The data the screens show, as loaded from the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Data {
    pub clients: Vec<Client>,
    pub accounts: Vec<Account>,
}

/// What a successful write did, so `update` can say so and offer undo.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    ClientSaved {
        id: ClientId,
        created: bool,
    },
    ClientArchived {
        id: ClientId,
        archived: bool,
    },
    AccountSaved {
        id: AccountId,
        created: bool,
    },
    AccountDeleted {
        id: AccountId,
        deleted: bool,
    },
    DemoLoaded {
        clients: usize,
    },
    /// A strategy row (or the tone, `None`) was saved.
    StrategySaved {
        part: Option<Part>,
        created: bool,
    },
    Trashed {
        part: Part,
        id: Id,
        deleted: bool,
    },
    /// Inbox items changed; `before` is how they were.
    InboxChanged {
        before: Vec<Item>,
        op: Op,
    },
    InboxRestored {
        count: usize,
    },
    InboxTrashed {
        ids: Vec<ItemId>,
        deleted: bool,
    },
    ItemAdded {
        added: bool,
    },
    SavedReplySaved {
        created: bool,
    },
    SavedReplyTrashed {
        id: i64,
        deleted: bool,
    },
    /// A post was saved; `before` is how it was (for undo), `None` when new.
    PostSaved {
        id: i64,
        before: Option<Box<Post>>,
    },
    PostTrashed {
        id: i64,
        deleted: bool,
    },
    /// Figures typed for a week were stored.
    FiguresSaved {
        values: usize,
    },
    /// The report was written to a file (its full path) in `folder`.
    Exported {
        path: String,
        folder: String,
    },
    /// A file is already there: the app asks before replacing it.
    ExportExists {
        path: String,
    },
}
