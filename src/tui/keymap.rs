//! Keys to commands, per context. This table is the single truth: `resolve` reads it to
//! handle a key, and the help screen and the hint bar are generated from it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command};
use super::model::{Model, Overlay, SwitcherFocus};
use super::widgets::confirm::ConfirmKind;

/// Where a binding applies. The active contexts are tried in order; the first match wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ctx {
    Global,
    /// The empty database: nothing to show until a client exists.
    Welcome,
    List,
    Today,
    StrategyOverview,
    StrategySection,
    StrategyBudget,
    StrategyEditorial,
    Inbox,
    Calendar,
    Report,
    Picker,
    SwitcherFilter,
    SwitcherClients,
    SwitcherAccounts,
    Form,
    Confirm,
    /// The question asked when another window saved the row of the form under it.
    Stale,
    Help,
    TooSmall,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const TAB: Key = code(KeyCode::Tab);
const BACKTAB: Key = code(KeyCode::BackTab);

pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub cmd: Command,
    /// Shown in the one-line hint bar as well as in the help screen.
    pub hint: bool,
}

const fn b(ctx: Ctx, keys: &'static [Key], cmd: Command, hint: bool) -> Binding {
    Binding {
        ctx,
        keys,
        cmd,
        hint,
    }
}

use Command as C;
use Ctx::*;

pub static BINDINGS: &[Binding] = &[
    b(TooSmall, &[k('q'), ctrl('c')], C::Quit, true),
    b(Help, &[ESC, k('?'), k('q')], C::Back, true),
    b(Help, &[k('j'), DOWN], C::Down, false),
    b(Help, &[k('k'), UP], C::Up, false),
    b(Help, &[code(KeyCode::PageDown), k(' ')], C::PageDown, false),
    b(Help, &[code(KeyCode::PageUp)], C::PageUp, false),
    b(Help, &[k('g'), code(KeyCode::Home)], C::Top, false),
    b(Help, &[k('G'), code(KeyCode::End)], C::Bottom, false),
    b(Confirm, &[k('y'), ENTER], C::Yes, true),
    b(Confirm, &[k('n'), ESC], C::No, true),
    b(Stale, &[k('r')], C::Reload, true),
    b(Stale, &[k('o')], C::Overwrite, true),
    b(Stale, &[ESC], C::CancelEdit, true),
    b(Form, &[ctrl('s')], C::Save, true),
    b(Form, &[ESC], C::Back, true),
    b(Form, &[TAB], C::FocusNext, true),
    b(Form, &[BACKTAB], C::FocusPrev, false),
    b(Form, &[ctrl('e')], C::ExternalEditor, false),
    b(Form, &[ctrl('t')], C::SaveAndSend, false),
    b(SwitcherFilter, &[ENTER], C::Open, true),
    b(SwitcherFilter, &[UP], C::Up, false),
    b(SwitcherFilter, &[DOWN], C::Down, false),
    b(SwitcherFilter, &[TAB], C::FocusNext, true),
    b(SwitcherFilter, &[BACKTAB], C::FocusPrev, false),
    b(SwitcherFilter, &[ESC], C::Back, true),
    b(SwitcherFilter, &[ctrl('n')], C::New, true),
    b(SwitcherClients, &[ENTER], C::Open, true),
    b(SwitcherClients, &[k('n')], C::New, true),
    b(SwitcherClients, &[k('e')], C::Edit, true),
    b(SwitcherClients, &[k('d')], C::Archive, true),
    b(SwitcherClients, &[k('u')], C::BringBack, false),
    b(SwitcherClients, &[k('A')], C::NewAccount, true),
    b(SwitcherClients, &[k('z')], C::ToggleArchived, false),
    b(SwitcherClients, &[k('D')], C::RemoveDemo, false),
    b(SwitcherClients, &[k('?')], C::Help, false),
    b(SwitcherClients, &[k('/')], C::Filter, false),
    b(SwitcherClients, &[TAB], C::FocusNext, true),
    b(SwitcherClients, &[BACKTAB], C::FocusPrev, false),
    b(SwitcherClients, &[ESC, k('q')], C::Back, true),
    b(SwitcherAccounts, &[k('n'), k('A')], C::NewAccount, true),
    b(SwitcherAccounts, &[k('e'), ENTER], C::Edit, true),
    b(SwitcherAccounts, &[k('d')], C::Delete, true),
    b(SwitcherAccounts, &[k('u')], C::Undo, false),
    b(SwitcherAccounts, &[k('C')], C::Connect, true),
    b(SwitcherAccounts, &[k('X')], C::Disconnect, false),
    b(SwitcherAccounts, &[k('i')], C::SyncInterval, false),
    b(SwitcherAccounts, &[ctrl('r')], C::Sync, false),
    b(SwitcherAccounts, &[k('/')], C::Filter, false),
    b(SwitcherAccounts, &[k('?')], C::Help, false),
    b(SwitcherAccounts, &[TAB], C::FocusNext, true),
    b(SwitcherAccounts, &[BACKTAB], C::FocusPrev, false),
    b(SwitcherAccounts, &[ESC, k('q')], C::Back, true),
    b(Welcome, &[k('n')], C::New, true),
    b(Welcome, &[k('D')], C::LoadDemo, true),
    b(StrategyOverview, &[ENTER], C::Open, true),
    b(
        StrategyOverview,
        &[k('h'), code(KeyCode::Left)],
        C::Left,
        false,
    ),
    b(
        StrategyOverview,
        &[k('l'), code(KeyCode::Right)],
        C::Right,
        false,
    ),
    b(StrategyOverview, &[k('n')], C::New, true),
    b(StrategyOverview, &[k('v')], C::EditTone, false),
    b(StrategySection, &[k('n')], C::New, true),
    b(StrategySection, &[k('e'), ENTER], C::Edit, true),
    b(StrategySection, &[k('d')], C::Delete, true),
    b(
        StrategySection,
        &[k('h'), code(KeyCode::Left)],
        C::Left,
        false,
    ),
    b(
        StrategySection,
        &[k('l'), code(KeyCode::Right)],
        C::Right,
        false,
    ),
    b(StrategySection, &[ESC], C::Back, true),
    b(StrategyBudget, &[k('[')], C::PrevMonth, true),
    b(StrategyBudget, &[k(']')], C::NextMonth, true),
    b(StrategyBudget, &[ctrl('d')], C::CopyLastMonth, true),
    b(StrategyEditorial, &[k('v')], C::EditTone, true),
    b(Inbox, &[k('r'), ENTER], C::Reply, true),
    b(Inbox, &[k('m')], C::MarkReplied, true),
    b(Inbox, &[k('i')], C::Ignore, true),
    b(Inbox, &[k('w')], C::FollowUp, false),
    b(Inbox, &[k('!')], C::TogglePriority, false),
    b(Inbox, &[k('s')], C::CycleSentiment, false),
    b(Inbox, &[k('t')], C::EditTags, false),
    b(Inbox, &[k(' ')], C::ToggleSelect, false),
    b(Inbox, &[k('*')], C::SelectAll, false),
    b(Inbox, &[k('y')], C::Copy, false),
    b(Inbox, &[k('o')], C::CycleOrder, true),
    b(Inbox, &[k('b')], C::OpenLink, true),
    b(Inbox, &[k('n')], C::New, false),
    b(Inbox, &[k('d')], C::Delete, false),
    b(Inbox, &[k('/')], C::Filter, true),
    b(Inbox, &[k('S')], C::SavedReplies, false),
    b(Inbox, &[k('a')], C::ToggleAllClients, false),
    b(Inbox, &[ESC], C::ClearFilter, false),
    b(Calendar, &[ENTER], C::Open, true),
    b(Calendar, &[k('n')], C::New, true),
    b(Calendar, &[k('e')], C::Edit, false),
    b(Calendar, &[k('d')], C::Delete, false),
    b(Calendar, &[k('h'), code(KeyCode::Left)], C::Left, false),
    b(Calendar, &[k('l'), code(KeyCode::Right)], C::Right, false),
    b(Calendar, &[k('t')], C::Today, true),
    b(Calendar, &[k('m')], C::ViewMonth, false),
    b(Calendar, &[k('w')], C::ViewWeek, false),
    b(Calendar, &[k('L')], C::ViewList, false),
    b(Calendar, &[k('[')], C::PrevMonth, false),
    b(Calendar, &[k(']')], C::NextMonth, false),
    b(Calendar, &[k('<')], C::MovePostBack, true),
    b(Calendar, &[k('>')], C::MovePostForward, true),
    b(Calendar, &[k('J')], C::NextPost, false),
    b(Calendar, &[k('K')], C::PrevPost, false),
    b(Calendar, &[k('y')], C::Copy, true),
    b(Calendar, &[k('p')], C::MarkPublished, true),
    b(Calendar, &[k('D')], C::Duplicate, false),
    b(Calendar, &[k('P')], C::PublishNow, false),
    b(Calendar, &[k('H')], C::HoldOnServer, false),
    b(Calendar, &[k('/')], C::Filter, false),
    b(Calendar, &[k('a')], C::ToggleAllClients, false),
    b(
        Report,
        &[k('['), k('h'), code(KeyCode::Left)],
        C::PrevPeriod,
        true,
    ),
    b(
        Report,
        &[k(']'), k('l'), code(KeyCode::Right)],
        C::NextPeriod,
        true,
    ),
    b(Report, &[k('w')], C::PeriodWeek, true),
    b(Report, &[k('m')], C::PeriodMonth, true),
    b(Report, &[k('p')], C::PeriodCustom, false),
    b(Report, &[k('t')], C::LatestPeriod, false),
    b(Report, &[k('e')], C::EnterFigures, true),
    b(Report, &[k('x')], C::Export, true),
    b(Picker, &[ENTER], C::Open, true),
    b(Picker, &[k('j'), DOWN], C::Down, false),
    b(Picker, &[k('k'), UP], C::Up, false),
    b(Picker, &[k('n')], C::New, true),
    b(Picker, &[k('e')], C::Edit, true),
    b(Picker, &[k('d')], C::Delete, true),
    b(Picker, &[ESC, k('q')], C::Back, true),
    b(Today, &[ENTER], C::Open, true),
    b(Today, &[k('y')], C::Copy, true),
    b(Today, &[k('p')], C::MarkPublished, true),
    b(List, &[k('j'), DOWN], C::Down, false),
    b(List, &[k('k'), UP], C::Up, false),
    b(List, &[k('g'), code(KeyCode::Home)], C::Top, false),
    b(List, &[k('G'), code(KeyCode::End)], C::Bottom, false),
    b(List, &[code(KeyCode::PageUp)], C::PageUp, false),
    b(List, &[code(KeyCode::PageDown)], C::PageDown, false),
    b(List, &[k('u')], C::Undo, false),
    b(Global, &[k('1')], C::GoToday, false),
    b(Global, &[k('2')], C::GoStrategy, false),
    b(Global, &[k('3')], C::GoCalendar, false),
    b(Global, &[k('4')], C::GoInbox, false),
    b(Global, &[k('5')], C::GoReport, false),
    b(Global, &[TAB], C::NextTab, false),
    b(Global, &[BACKTAB], C::PrevTab, false),
    b(Global, &[k('c')], C::SwitchClient, true),
    b(Global, &[ctrl('r')], C::Sync, false),
    b(Global, &[k('?')], C::Help, true),
    b(Global, &[k('q'), ctrl('c')], C::Quit, true),
];

/// The contexts that take keys right now, most specific first.
pub fn active_contexts(model: &Model) -> Vec<Ctx> {
    contexts_below(model, model.overlays.len())
}

/// The contexts as they are with only the first `depth` overlays open; the help screen
/// uses this to describe what was under it.
pub fn contexts_below(model: &Model, depth: usize) -> Vec<Ctx> {
    if model.too_small() {
        return vec![TooSmall];
    }
    match model.overlays[..depth.min(model.overlays.len())].last() {
        Some(Overlay::Help(_)) => vec![Help],
        Some(Overlay::Picker(_)) => vec![Picker],
        Some(Overlay::Confirm(c)) if c.kind == ConfirmKind::Stale => vec![Stale],
        Some(Overlay::Confirm(_)) => vec![Confirm],
        Some(Overlay::Form(_)) => vec![Form],
        Some(Overlay::Switcher(s)) => match s.focus {
            SwitcherFocus::Filter => vec![SwitcherFilter],
            SwitcherFocus::Clients => vec![SwitcherClients, List],
            SwitcherFocus::Accounts => vec![SwitcherAccounts, List],
        },
        None if model.data.clients.is_empty() => vec![Welcome, Global],
        None => {
            let mut ctxs = match model.tab {
                super::model::Tab::Today => vec![Today],
                super::model::Tab::Strategy => match model.strategy.open {
                    None => vec![StrategyOverview],
                    Some(super::model::Section::Budget) => vec![StrategyBudget, StrategySection],
                    Some(super::model::Section::Editorial) => {
                        vec![StrategyEditorial, StrategySection]
                    }
                    Some(_) => vec![StrategySection],
                },
                super::model::Tab::Inbox => vec![Inbox],
                super::model::Tab::Calendar => vec![Calendar],
                super::model::Tab::Report => vec![Report],
            };
            ctxs.extend([List, Global]);
            ctxs
        }
    }
}

/// Ignores Shift on characters (the character already says it: `G`, `?`), so terminals
/// that report Shift and those that do not behave the same.
fn normalize(key: KeyEvent) -> Key {
    let mut mods =
        key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: key.code,
        mods,
    }
}

/// Turns a key press into an action, or `None` when nothing takes it.
pub fn resolve(model: &Model, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctxs = active_contexts(model);
    let pressed = normalize(key);
    for ctx in &ctxs {
        if let Some(bnd) = BINDINGS
            .iter()
            .find(|b| b.ctx == *ctx && b.keys.contains(&pressed))
        {
            return Some(Action::Cmd(bnd.cmd));
        }
    }
    // Text fields take what no binding took.
    if ctxs.iter().any(|c| matches!(c, Form | SwitcherFilter)) {
        return Some(Action::Input(key));
    }
    None
}

/// The bindings of one context, in table order.
pub fn bindings(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.ctx == ctx)
}

/// How a key is written in help: `q`, `Ctrl-s`, `Tab`, `↑`.
pub fn key_label(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => crate::i18n::t().cli.key_space.to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => crate::i18n::t().cli.key_enter.into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => crate::i18n::t().cli.key_backtab.into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// All keys of a binding: `j/↓`.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(key_label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen = HashSet::new();
        for bnd in BINDINGS {
            for key in bnd.keys {
                assert!(
                    seen.insert((bnd.ctx, key.code, key.mods)),
                    "{:?} {} bound twice",
                    bnd.ctx,
                    key_label(key)
                );
            }
        }
    }

    #[test]
    fn the_questions_answers_are_the_keys_bound() {
        for (kind, ctx) in [
            (ConfirmKind::Stale, Stale),
            (ConfirmKind::DiscardForm, Confirm),
        ] {
            let shown: Vec<&str> = crate::tui::widgets::confirm::answers(kind)
                .iter()
                .map(|(key, _)| *key)
                .collect();
            let bound: Vec<String> = bindings(ctx).map(|b| key_label(&b.keys[0])).collect();
            assert_eq!(shown, bound, "{ctx:?}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(key_label(&ctrl('s')), "Ctrl-s");
        assert_eq!(key_label(&BACKTAB), "Shift-Tab");
        assert_eq!(keys_label(&BINDINGS[0]), "q/Ctrl-c");
    }
}
