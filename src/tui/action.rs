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
    CycleOrder,
    ClearFilter,
    BringBack,
    CopyLastMonth,
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
    /// The last complete period (week or month) of the report.
    LatestPeriod,
    EnterFigures,
    Export,
    LoadDemo,
    Yes,
    No,
    /// Remove the demo clients (after a confirmation).
    RemoveDemo,
    /// Another window saved the form's row: take its values into the form.
    Reload,
    /// Another window saved the form's row: save the form over it anyway.
    Overwrite,
    /// Another window saved the form's row: close the form, saving nothing.
    CancelEdit,
    /// Pull what is new from every connected account now.
    Sync,
    /// Connect the account under the cursor (the switcher's accounts pane).
    Connect,
    /// Forget the connection of the account under the cursor (after a confirmation).
    Disconnect,
    /// How often the app syncs by itself.
    SyncInterval,
    /// Send the post under the cursor now on its connected accounts (after a confirmation).
    PublishNow,
    /// Hold the scheduled post under the cursor on its Mastodon servers.
    HoldOnServer,
    /// Save the reply and send it through the item's connection.
    SaveAndSend,
}

impl Command {
    /// What the command does, in a few words, for help and hints (the catalogue's
    /// `cmd_*` entries).
    pub fn text(self) -> &'static str {
        let s = crate::i18n::t();
        match self {
            Command::Quit => s.shell.cmd_quit,
            Command::NextTab => s.shell.cmd_next_tab,
            Command::PrevTab => s.shell.cmd_prev_tab,
            Command::GoToday => s.shell.cmd_go_today,
            Command::GoStrategy => s.shell.cmd_go_strategy,
            Command::GoCalendar => s.shell.cmd_go_calendar,
            Command::GoInbox => s.shell.cmd_go_inbox,
            Command::GoReport => s.shell.cmd_go_report,
            Command::Help => s.shell.cmd_help,
            Command::SwitchClient => s.shell.cmd_switch_client,
            Command::ToggleAllClients => s.shell.cmd_toggle_all,
            Command::Back => s.shell.cmd_back,
            Command::Up => s.shell.cmd_up,
            Command::Down => s.shell.cmd_down,
            Command::Top => s.shell.cmd_top,
            Command::Bottom => s.shell.cmd_bottom,
            Command::PageUp => s.shell.cmd_page_up,
            Command::PageDown => s.shell.cmd_page_down,
            Command::Open => s.shell.cmd_open,
            Command::New => s.shell.cmd_new,
            Command::Edit => s.shell.cmd_edit,
            Command::Delete => s.shell.cmd_delete,
            Command::Archive => s.shell.cmd_archive,
            Command::Undo => s.shell.cmd_undo,
            Command::Filter => s.shell.cmd_filter,
            Command::FocusNext => s.shell.cmd_focus_next,
            Command::FocusPrev => s.shell.cmd_focus_prev,
            Command::Save => s.shell.cmd_save,
            Command::ExternalEditor => s.shell.cmd_external_editor,
            Command::ToggleArchived => s.shell.cmd_toggle_archived,
            Command::NewAccount => s.shell.cmd_new_account,
            Command::Left => s.strategy.cmd_left,
            Command::Right => s.strategy.cmd_right,
            Command::PrevMonth => s.strategy.cmd_prev_month,
            Command::NextMonth => s.strategy.cmd_next_month,
            Command::EditTone => s.strategy.cmd_edit_tone,
            Command::Reply => s.inbox.cmd_reply,
            Command::MarkReplied => s.inbox.cmd_mark_replied,
            Command::Ignore => s.inbox.cmd_ignore,
            Command::FollowUp => s.inbox.cmd_follow_up,
            Command::TogglePriority => s.inbox.cmd_toggle_priority,
            Command::CycleSentiment => s.inbox.cmd_cycle_sentiment,
            Command::EditTags => s.inbox.cmd_edit_tags,
            Command::ToggleSelect => s.inbox.cmd_toggle_select,
            Command::SelectAll => s.inbox.cmd_select_all,
            Command::Copy => s.inbox.cmd_copy,
            Command::OpenLink => s.inbox.cmd_open_link,
            Command::SavedReplies => s.inbox.cmd_saved_replies,
            Command::CycleOrder => s.inbox.cmd_cycle_order,
            Command::ClearFilter => s.inbox.cmd_clear_filter,
            Command::BringBack => s.shell.cmd_bring_back,
            Command::CopyLastMonth => s.strategy.cmd_copy_last_month,
            Command::Today => s.calendar.cmd_today,
            Command::ViewMonth => s.calendar.cmd_view_month,
            Command::ViewWeek => s.calendar.cmd_view_week,
            Command::ViewList => s.calendar.cmd_view_list,
            Command::MovePostBack => s.calendar.cmd_move_back,
            Command::MovePostForward => s.calendar.cmd_move_forward,
            Command::NextPost => s.calendar.cmd_next_post,
            Command::PrevPost => s.calendar.cmd_prev_post,
            Command::MarkPublished => s.calendar.cmd_mark_published,
            Command::Duplicate => s.calendar.cmd_duplicate,
            Command::PrevPeriod => s.report.cmd_prev_period,
            Command::NextPeriod => s.report.cmd_next_period,
            Command::PeriodWeek => s.report.cmd_period_week,
            Command::PeriodMonth => s.report.cmd_period_month,
            Command::PeriodCustom => s.report.cmd_period_custom,
            Command::LatestPeriod => s.report.cmd_latest_period,
            Command::EnterFigures => s.report.cmd_enter_figures,
            Command::Export => s.report.cmd_export,
            Command::LoadDemo => s.shell.cmd_load_demo,
            Command::Yes => s.shell.cmd_yes,
            Command::No => s.shell.cmd_no,
            Command::RemoveDemo => s.shell.cmd_remove_demo,
            Command::Reload => s.shell.cmd_reload,
            Command::Overwrite => s.shell.cmd_overwrite,
            Command::CancelEdit => s.shell.cmd_cancel_edit,
            Command::Sync => s.live.cmd_sync,
            Command::Connect => s.live.cmd_connect,
            Command::Disconnect => s.live.cmd_disconnect,
            Command::SyncInterval => s.live.cmd_sync_interval,
            Command::PublishNow => s.live.cmd_publish_now,
            Command::HoldOnServer => s.live.cmd_hold_on_server,
            Command::SaveAndSend => s.live.cmd_save_and_send,
        }
    }
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
    /// A week's stored figures, for the form that types them by hand.
    WeekFiguresLoaded {
        client: ClientId,
        week: crate::domain::report::Period,
        stored: crate::report::week::WeekFigures,
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
    /// A save was refused: its row changed since it was read (another window or a
    /// command saved it first). Here is the row as it is now.
    Stale(Fresh),
    /// `$EDITOR` closed: the edited text, or why it could not run.
    EditorClosed(Result<String, String>),
    /// What the worker thread heard (a sync's progress, a send's outcome).
    Live(crate::tui::live::Heard),
    /// The time may have come for the sync that runs every few minutes (at start, on ticks).
    SyncDue,
    /// Whether an item can be answered live (read when its reply form opens).
    CanSend {
        item: ItemId,
        yes: bool,
    },
}

/// A row as it is now, read again after a save found that it had changed since it was
/// read.
#[derive(Debug, Clone, PartialEq)]
pub enum Fresh {
    Client(Client),
    Account(Account),
    Post(Box<Post>),
    /// A strategy row or the tone: the client's strategy as it is now.
    Plan(Box<Plan>),
    Item(Box<Item>),
    SavedReply(SavedReply),
    /// The row is gone, or in the trash.
    Gone,
}

/// The data the screens show, as loaded from the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Data {
    pub clients: Vec<Client>,
    pub accounts: Vec<Account>,
    /// The live connections (no secrets: those never leave the keyring or their file).
    pub connections: Vec<crate::store::ConnectionRow>,
    /// Posts a server holds until their time (Mastodon `scheduled_at`).
    pub held: std::collections::BTreeSet<crate::domain::post::PostId>,
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
    /// The demo clients of these names are gone, with everything of theirs.
    DemoRemoved {
        names: Vec<String>,
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
    /// Last month's budget plan was copied into `to`: the new lines.
    BudgetCopied {
        ids: Vec<crate::domain::strategy::Id>,
        from: chrono::NaiveDate,
    },
    /// Lines copied by the last copy were taken back.
    BudgetUncopied {
        count: usize,
    },
    /// Text was put on a clipboard (and where), or could not be.
    Copied {
        clip: Clip,
        result: Result<crate::tui::clipboard::Via, crate::tui::clipboard::NotCopied>,
    },
}

/// What a copy holds, so its message can name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clip {
    /// An item's reply.
    Reply,
    /// An item's text.
    Message,
    /// A post's text, ready for a platform.
    Post { platform: String },
    /// A reply just saved: its message says what to do next.
    SavedReply,
}
