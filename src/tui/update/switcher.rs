//! The client switcher: type to filter, pick, and manage clients and their accounts.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::shared::say;
use super::undo::undo;
use super::{client_forms, connect, live};
use crate::domain::text::sanitize_line;
use crate::i18n::{fill, t};
use crate::tui::action::Command;
use crate::tui::effect::Effect;
use crate::tui::model::{HelpState, Model, Overlay, StatusKind, Switcher, SwitcherFocus};
use crate::tui::widgets::confirm::{Confirm, ConfirmKind};

fn switcher_mut(m: &mut Model) -> Option<&mut Switcher> {
    match m.overlays.last_mut() {
        Some(Overlay::Switcher(s)) => Some(s),
        _ => None,
    }
}

/// Opens the switcher with the cursor on the current client.
pub fn open(m: &mut Model) {
    let mut s = Switcher::new();
    if let Some(cur) = m.current {
        let rows = s.matches(&m.data.clients);
        if let Some(i) = rows.iter().position(|c| c.id == cur) {
            s.clients.select(i);
        }
    }
    m.overlays.push(Overlay::Switcher(s));
}

/// Makes `id` the current client and says so.
pub fn make_current(m: &mut Model, id: i64) -> Vec<Effect> {
    m.current = Some(id);
    let name = m.client(id).map(|c| c.name.clone()).unwrap_or_default();
    say(
        m,
        StatusKind::Info,
        fill(t().forms.now_working_on, &[("name", &name)]),
    );
    vec![Effect::RememberClient(id)]
}

pub fn clamp_accounts(m: &mut Model) {
    let n = m
        .switcher_client()
        .map(|c| m.accounts_of(c.id).count())
        .unwrap_or(0);
    for o in &mut m.overlays {
        if let Overlay::Switcher(s) = o {
            s.accounts.clamp(n);
        }
    }
}

pub fn filter_input(m: &mut Model, key: KeyEvent) {
    let Some(s) = switcher_mut(m) else { return };
    if s.focus != SwitcherFocus::Filter {
        return;
    }
    match key.code {
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => s.filter.clear(),
        KeyCode::Char(c) if !c.is_control() && !key.modifiers.contains(KeyModifiers::CONTROL) => {
            s.filter.push(c)
        }
        KeyCode::Backspace => {
            s.filter.pop();
        }
        _ => return,
    }
    s.clients.top();
    s.accounts.top();
}

pub fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(s) = m.switcher() else {
        return vec![];
    };
    let focus = s.focus;
    let n_clients = s.matches(&m.data.clients).len();
    let picked = m.switcher_client().map(|c| (c.id, c.is_archived()));
    let n_accounts = picked.map_or(0, |(id, _)| m.accounts_of(id).count());
    let Some(s) = switcher_mut(m) else {
        return vec![];
    };
    match (focus, cmd) {
        (_, Command::FocusNext) => {
            s.focus = match s.focus {
                SwitcherFocus::Filter => SwitcherFocus::Clients,
                SwitcherFocus::Clients => SwitcherFocus::Accounts,
                SwitcherFocus::Accounts => SwitcherFocus::Filter,
            }
        }
        (_, Command::FocusPrev) => {
            s.focus = match s.focus {
                SwitcherFocus::Filter => SwitcherFocus::Accounts,
                SwitcherFocus::Clients => SwitcherFocus::Filter,
                SwitcherFocus::Accounts => SwitcherFocus::Clients,
            }
        }
        (_, Command::Filter) => s.focus = SwitcherFocus::Filter,
        (SwitcherFocus::Filter, Command::Back) if !s.filter.is_empty() => {
            s.filter.clear();
            s.clients.top();
        }
        (_, Command::Back) => {
            m.overlays.pop();
        }
        (SwitcherFocus::Accounts, c) if s.accounts.moved(c, n_accounts) => {}
        (_, Command::Up) => {
            s.clients.up();
            s.accounts.top();
        }
        (_, Command::Down) => {
            s.clients.down(n_clients);
            s.accounts.top();
        }
        (_, c) if s.clients.moved(c, n_clients) => {}
        (_, Command::Open) => {
            if let Some((id, archived)) = picked {
                if archived {
                    say(
                        m,
                        StatusKind::Error,
                        t().forms.client_is_archived.to_string(),
                    );
                    return vec![];
                }
                m.overlays.pop();
                return make_current(m, id);
            }
        }
        (_, Command::New) => client_forms::open_client(m, None),
        (SwitcherFocus::Clients, Command::Edit) => {
            if let Some((id, _)) = picked {
                client_forms::open_client(m, Some(id));
            }
        }
        (SwitcherFocus::Clients, Command::Archive) => {
            if let Some((id, archived)) = picked {
                return vec![Effect::SetClientArchived {
                    id,
                    archived: !archived,
                }];
            }
        }
        (SwitcherFocus::Clients, Command::RemoveDemo) => ask_remove_demo(m),
        // The switcher's own keys, the demo's removal among them.
        (_, Command::Help) => m.overlays.push(Overlay::Help(HelpState::default())),
        (SwitcherFocus::Clients, Command::ToggleArchived) => {
            s.show_archived = !s.show_archived;
            s.clients.top();
        }
        (_, Command::NewAccount) => {
            if let Some((id, _)) = picked {
                client_forms::open_account(m, id, None);
            }
        }
        (SwitcherFocus::Accounts, Command::Edit) => {
            if let Some(acc) = selected_account(m) {
                client_forms::open_account(m, acc.client_id, Some(acc.id));
            }
        }
        (SwitcherFocus::Accounts, Command::Delete) => {
            if let Some(acc) = selected_account(m) {
                return vec![Effect::SetAccountDeleted {
                    id: acc.id,
                    deleted: true,
                }];
            }
        }
        (SwitcherFocus::Clients, Command::BringBack) => {
            if let Some((id, true)) = picked {
                s.restoring = Some(id);
                return vec![Effect::SetClientArchived {
                    id,
                    archived: false,
                }];
            }
            return undo(m);
        }
        (SwitcherFocus::Accounts, Command::Connect) => {
            if let Some(acc) = selected_account(m) {
                connect::open(m, &acc);
            }
        }
        (SwitcherFocus::Accounts, Command::Disconnect) => {
            if let Some(acc) = selected_account(m) {
                connect::ask_disconnect(m, &acc);
            }
        }
        (_, Command::SyncInterval) => connect::open_interval(m),
        (_, Command::Sync) => return live::sync_now(m),
        (_, Command::Undo) => return undo(m),
        _ => {}
    }
    vec![]
}

/// Asks before the demo clients go, naming them; says so when there are none.
fn ask_remove_demo(m: &mut Model) {
    let s = t();
    let names: Vec<String> = m
        .data
        .clients
        .iter()
        .filter(|c| c.is_demo)
        .map(|c| sanitize_line(&c.name))
        .collect();
    if names.is_empty() {
        say(m, StatusKind::Info, s.forms.demo_none.to_string());
        return;
    }
    m.overlays.push(Overlay::Confirm(Confirm {
        kind: ConfirmKind::RemoveDemo,
        question: fill(s.forms.confirm_remove_demo, &[("names", &names.join(", "))]),
    }));
}

/// A client is active again: when `u` brought it back from the switcher, it becomes the
/// current client and the switcher closes, as after picking it.
pub fn restored(m: &mut Model, id: i64) -> Vec<Effect> {
    let asked = m.overlays.iter_mut().any(|o| match o {
        Overlay::Switcher(s) if s.restoring == Some(id) => {
            s.restoring = None;
            true
        }
        _ => false,
    });
    if !asked {
        return vec![];
    }
    while m
        .overlays
        .pop()
        .is_some_and(|o| !matches!(o, Overlay::Switcher(_)))
    {}
    make_current(m, id)
}

/// The account under the cursor of the switcher's account list.
pub fn selected_account(m: &Model) -> Option<crate::domain::Account> {
    let client = m.switcher_client()?;
    let s = m.switcher()?;
    m.accounts_of(client.id).nth(s.accounts.selected).cloned()
}
