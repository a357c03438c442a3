//! The state of the app. Only `update` changes it; views read it.

use chrono::{DateTime, Utc};

use super::action::Data;
use super::theme::Theme;
use super::widgets::confirm::Confirm;
use super::widgets::form::Form;
use super::widgets::table::ListCursor;
use crate::domain::client::AccountId;
use crate::domain::inbox::ItemId;
use crate::domain::post::Post;
use crate::domain::strategy::{Id, Part, Plan};
use crate::domain::text::fold;
use crate::domain::{Account, Client, ClientId, Version};

pub use super::strategy::{Section, StrategyState};

/// Below this size the app shows a "terminal too small" message instead of its screens.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Today,
    Strategy,
    Calendar,
    Inbox,
    Report,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Today,
        Tab::Strategy,
        Tab::Calendar,
        Tab::Inbox,
        Tab::Report,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }
    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
    /// Whether the tab can show every client's items or the current client's (`a`):
    /// the inbox and the calendar. Today is always every client's; strategy and report
    /// are one client's.
    pub fn shows_all_clients(self) -> bool {
        matches!(self, Tab::Inbox | Tab::Calendar)
    }
}

/// What a jump from Today sets on the Strategy tab: month, row, section, pane.
pub type StrategyJump = (
    Option<chrono::NaiveDate>,
    Option<(Part, Id)>,
    Option<Section>,
    usize,
);

/// What a form on screen is for, so a save knows what to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    NewClient,
    EditClient(ClientId),
    NewAccount(ClientId),
    EditAccount(AccountId),
    /// A row of the strategy; id 0 is a new one.
    Strategy(Part, Id),
    /// The tone of voice of the current client.
    Tone,
    /// A reply to these inbox items (the first one is answered; others get the same).
    Reply(Vec<i64>),
    /// Tags for these inbox items.
    Tags(Vec<i64>),
    /// An inbox item typed by hand, for the current client.
    NewItem,
    /// The inbox filter.
    InboxFilter,
    /// A saved reply of a client (id 0: new).
    SavedReply(i64, i64),
    /// A post of a client (id 0: new).
    Post {
        id: i64,
        client: i64,
    },
    /// Mark a post published: ask its permalink. The post itself travels in the form's
    /// `Opened`, so the save works wherever the post was listed (Today, the calendar).
    Published(i64),
    /// Copy a post to other accounts of its client (the post travels in `Opened`).
    Duplicate(i64),
    /// The agenda filter.
    PostFilter,
    /// A custom report period.
    ReportPeriod,
    /// A week's figures typed by hand, for one platform, with what is stored for it.
    KpiWeek(Box<crate::tui::report::WeekEntry>),
    /// Export the report on screen to a file.
    ReportExport,
    /// Sign an account of a client in.
    Connect {
        client: ClientId,
        account: AccountId,
        platform: crate::domain::Platform,
    },
    /// Mastodon's sign-in: the code shown after approving twohats.
    ConnectCode,
    /// How often the app syncs by itself.
    SyncInterval,
}

/// The state of the row(s) a form was opened on: its save writes only over that state,
/// so a change saved meanwhile by another window or a command is never silently undone.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Opened {
    /// A new row, or a form that edits no row (a filter): nothing to compare.
    #[default]
    Nothing,
    /// One row at this version.
    Version(Version),
    /// A post as it was (marking it published keeps its other fields; undo puts it back).
    Post(Box<Post>),
    /// Inbox items, each at its version.
    Items(Vec<(ItemId, Version)>),
}

impl Opened {
    /// The version of the one row the form edits (0: none).
    pub fn version(&self) -> Version {
        match self {
            Opened::Version(v) => *v,
            Opened::Post(p) => p.version,
            Opened::Nothing | Opened::Items(_) => 0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct FormOverlay {
    pub purpose: FormPurpose,
    pub form: Form,
    /// A save is under way; keys wait for its answer.
    pub saving: bool,
    /// The user confirmed a save the form would otherwise question (a post over a
    /// platform's limit marked ready).
    pub confirmed: bool,
    /// What the form was opened on.
    pub opened: Opened,
    /// Another window saved the row since the form opened: the form as it would open
    /// now and what it would be opened on, kept while the user is asked what to do.
    pub theirs: Option<Box<(Form, Opened)>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitcherFocus {
    Filter,
    Clients,
    Accounts,
}

/// The client switcher: type to filter, pick a client, manage clients and accounts.
#[derive(Debug, Clone)]
pub struct Switcher {
    pub filter: String,
    pub focus: SwitcherFocus,
    pub clients: ListCursor,
    pub accounts: ListCursor,
    pub show_archived: bool,
    /// A client brought back with `u`: it becomes the current client once restored.
    pub restoring: Option<ClientId>,
}

impl Switcher {
    pub fn new() -> Switcher {
        Switcher {
            filter: String::new(),
            focus: SwitcherFocus::Filter,
            clients: ListCursor::default(),
            accounts: ListCursor::default(),
            show_archived: false,
            restoring: None,
        }
    }

    /// The clients the filter lets through: names that start with it first, then names
    /// that contain it, each group by name. Case and accents do not count ("velo" finds
    /// "Vélo").
    pub fn matches<'a>(&self, clients: &'a [Client]) -> Vec<&'a Client> {
        let f = fold(self.filter.trim());
        let mut starts = Vec::new();
        let mut contains = Vec::new();
        for c in clients {
            if c.is_archived() && !self.show_archived {
                continue;
            }
            let name = fold(&c.name);
            if name.starts_with(&f) {
                starts.push(c);
            } else if name.contains(&f) {
                contains.push(c);
            }
        }
        starts.extend(contains);
        starts
    }
}

impl Default for Switcher {
    fn default() -> Self {
        Switcher::new()
    }
}

#[derive(Debug, Clone, Default)]
pub struct HelpState {
    pub scroll: u16,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help(HelpState),
    Picker(super::widgets::picker::Picker),
    Switcher(Switcher),
    Form(FormOverlay),
    Confirm(Confirm),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
    /// The message goes away after this instant.
    pub until: DateTime<Utc>,
}

/// Something `u` can take back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    ClientArchived(ClientId),
    AccountDeleted(AccountId),
    Trashed(Part, Id),
    /// Inbox items as they were before a change or a delete.
    InboxItems(Vec<crate::domain::inbox::Item>),
    InboxTrashed(Vec<i64>),
    SavedReplyTrashed(i64),
    PostTrashed(i64),
    /// A post as it was before a change (a move, a status).
    PostChanged(Box<crate::domain::post::Post>),
    /// Budget lines copied from last month.
    BudgetCopied(Vec<Id>),
}

#[derive(Debug, Clone)]
pub struct Model {
    pub tab: Tab,
    pub data: Data,
    pub current: Option<ClientId>,
    /// Show every client's items rather than the current client's, where a tab can.
    pub all_clients: bool,
    pub overlays: Vec<Overlay>,
    pub status: Option<Status>,
    pub undo: Vec<Undo>,
    pub now: DateTime<Utc>,
    pub size: (u16, u16),
    pub theme: Theme,
    /// Where the data lives, shown in help.
    pub db_label: String,
    pub today: super::today::TodayState,
    /// The current client's strategy.
    pub plan: Plan,
    /// The client whose plan was last asked for, so it is asked once.
    pub plan_requested: Option<ClientId>,
    pub strategy: StrategyState,
    /// Section, month, row and pane chosen by a jump from Today, to restore once the
    /// jumped-to client's plan is loaded.
    pub strategy_after_load: Option<StrategyJump>,
    pub inbox: super::inbox::InboxState,
    pub calendar: super::calendar::CalendarState,
    pub report: super::report::ReportState,
    /// SQLite's data_version when last checked: it moves when another window commits.
    pub data_version: Option<i64>,
    /// The time zone a new client starts with (the system's, read once at start-up).
    pub default_timezone: String,
    /// Live work: the sync, sends, connects under way.
    pub live: super::live::LiveState,
    pub quit: bool,
}

impl Model {
    pub fn new(now: DateTime<Utc>, size: (u16, u16), theme: Theme, db_label: String) -> Model {
        Model {
            tab: Tab::Today,
            data: Data::default(),
            current: None,
            all_clients: true,
            overlays: Vec::new(),
            status: None,
            undo: Vec::new(),
            now,
            size,
            theme,
            db_label,
            today: Default::default(),
            plan: Plan::default(),
            plan_requested: None,
            strategy: StrategyState::default(),
            strategy_after_load: None,
            inbox: Default::default(),
            calendar: Default::default(),
            report: Default::default(),
            default_timezone: crate::domain::client::FALLBACK_TIMEZONE.to_string(),
            data_version: None,
            live: Default::default(),
            quit: false,
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    pub fn client(&self, id: ClientId) -> Option<&Client> {
        self.data.clients.iter().find(|c| c.id == id)
    }

    pub fn current_client(&self) -> Option<&Client> {
        self.current.and_then(|id| self.client(id))
    }

    /// Clients in daily use (not archived), by name.
    pub fn active_clients(&self) -> impl Iterator<Item = &Client> {
        self.data.clients.iter().filter(|c| !c.is_archived())
    }

    pub fn accounts_of(&self, client: ClientId) -> impl Iterator<Item = &Account> {
        self.data
            .accounts
            .iter()
            .filter(move |a| a.client_id == client)
    }

    pub fn switcher(&self) -> Option<&Switcher> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Switcher(s) => Some(s),
            _ => None,
        })
    }

    /// The client under the switcher's cursor.
    pub fn switcher_client(&self) -> Option<&Client> {
        let s = self.switcher()?;
        let rows = s.matches(&self.data.clients);
        rows.get(s.clients.selected.min(rows.len().saturating_sub(1)))
            .copied()
    }
}
