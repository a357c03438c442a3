//! `update` is the only function that changes the model. It returns the effects (writes,
//! the external editor) for the executor to run; their answers come back as actions.
//!
//! One direction inside too: this file dispatches an action to the module of its tab,
//! form or answer; those use `shared` (and `undo`), and a tab may use a form's module,
//! never the other way. `tests/floors.rs` fails on a loop.

// Below the tab modules: what they all use.
mod shared;
mod undo;

// One module per tab and per kind of form.
mod calendar;
mod client_forms;
mod connect;
mod inbox;
mod inbox_list;
mod post_form;
mod report;
mod strategy;
mod strategy_forms;
mod strategy_save;
mod switcher;
mod today;

// Live work: starts the sync, answers the worker; uses the sign-in forms.
mod live;

// Above the tab modules: the dispatchers of a form's keys and save, and of what the
// executor answered (a save done, or refused because another window saved first).
mod done;
mod forms;
mod stale;

/// Asks the calendar for fresh posts (after a write made outside `update`, in tests).
pub fn calendar_stale(m: &mut Model) {
    calendar::stale(m);
}

use ratatui::crossterm::event::KeyEvent;

use super::action::{Action, Command, Data};
use super::effect::Effect;
use super::model::{HelpState, Model, Overlay, StatusKind, Tab};
use super::widgets::confirm::ConfirmKind;
use crate::i18n::{fill, t};
use done::{done, failed};
use shared::say;
use undo::undo;

/// Work for the time the user is not typing: reads ahead what the next keys are likely
/// to show. The event loop asks for it when no key is waiting; the answers come back as
/// actions like any effect's.
pub fn idle(m: &mut Model) -> Vec<Effect> {
    let mut out = calendar::idle(m);
    out.extend(inbox::idle(m));
    out.extend(report::idle(m));
    out
}

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let mut effects = dispatch(m, action);
    // The strategy on screen always belongs to the current client.
    if let Some(id) = m.current
        && m.plan.client_id != id
        && m.plan_requested != Some(id)
    {
        m.plan_requested = Some(id);
        effects.push(Effect::LoadPlan(id));
    }
    effects.extend(inbox::sync(m));
    effects.extend(calendar::sync(m));
    effects.extend(report::sync(m));
    effects.extend(today::sync(m));
    effects.extend(live::sync(m));
    effects
}

fn dispatch(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize(w, h) => {
            m.size = (w, h);
            vec![]
        }
        Action::Tick(now) => {
            m.now = now;
            if m.status.as_ref().is_some_and(|s| s.until <= now) {
                m.status = None;
            }
            let mut effects = vec![Effect::CheckDataVersion];
            effects.extend(live::due(m));
            effects
        }
        Action::SyncDue => live::due(m),
        Action::Live(heard) => {
            let stored = heard.stored();
            let mut effects = live::heard(m, heard);
            if stored {
                // The screens read again now; the data version the worker's write moved
                // is taken as it is then, not as another window's write to read again.
                m.data_version = None;
                effects.insert(0, Effect::CheckDataVersion);
                effects.extend(done::refresh_all(m));
                if !effects.contains(&Effect::Reload) {
                    effects.push(Effect::Reload);
                }
            }
            effects
        }
        Action::CanSend { item, yes } => {
            live::can_send(m, item, yes);
            vec![]
        }
        Action::DataVersion(v) => {
            let changed = m.data_version.is_some_and(|old| old != v);
            m.data_version = Some(v);
            if changed {
                // Another window wrote: everything on screen is read again.
                let mut effects = done::refresh_all(m);
                effects.push(Effect::Reload);
                return effects;
            }
            vec![]
        }
        Action::Loaded(data) => {
            loaded(m, data);
            vec![]
        }
        Action::PlanLoaded(plan) => {
            strategy::plan_loaded(m, plan);
            vec![]
        }
        Action::InboxLoaded {
            filter,
            ids,
            rows,
            counters,
        } => {
            inbox::loaded(m, filter, ids, rows, counters);
            vec![]
        }
        Action::SearchablesLoaded { filter, items } => {
            inbox::searchables_loaded(m, filter, items);
            vec![]
        }
        Action::InboxRows { asked, rows } => {
            inbox::rows(m, asked, rows);
            vec![]
        }
        Action::GridLoaded { key, cells } => {
            calendar::grid_loaded(m, key, cells);
            vec![]
        }
        Action::DayLoaded { key, posts } => {
            calendar::day_loaded(m, key, posts);
            vec![]
        }
        Action::TodayLoaded(t) => {
            today::loaded(m, t);
            vec![]
        }
        Action::ReportLoaded { key, report } => {
            report::loaded(m, key, report);
            vec![]
        }
        Action::WeekFiguresLoaded {
            client,
            week,
            stored,
        } => {
            report::week_loaded(m, client, week, stored);
            vec![]
        }
        Action::AgendaLoaded { filter, posts } => {
            calendar::agenda_loaded(m, filter, posts);
            vec![]
        }
        Action::SavedRepliesLoaded { replies, then } => {
            inbox::saved_replies_loaded(m, replies, then);
            vec![]
        }
        Action::Done(outcome) => done(m, outcome),
        Action::Failed(msg) => {
            failed(m, msg);
            vec![]
        }
        Action::Stale(fresh) => stale::stale(m, fresh),
        Action::EditorClosed(result) => {
            forms::editor_closed(m, result);
            vec![]
        }
        Action::Input(key) => input(m, key),
        Action::Cmd(cmd) => command(m, cmd),
    }
}

fn loaded(m: &mut Model, data: Data) {
    m.data = data;
    let current_ok = m.current_client().is_some_and(|c| !c.is_archived());
    if !current_ok {
        let first = m.active_clients().next().map(|c| c.id);
        m.current = first;
    }
    for o in &mut m.overlays {
        if let Overlay::Switcher(s) = o {
            let len = s.matches(&m.data.clients).len();
            s.clients.clamp(len);
        }
    }
    switcher::clamp_accounts(m);
}

fn input(m: &mut Model, key: KeyEvent) -> Vec<Effect> {
    match m.overlays.last_mut() {
        Some(Overlay::Form(f)) if !f.saving => {
            let format_key = f.purpose == crate::tui::model::FormPurpose::ReportExport
                && f.form
                    .fields
                    .get(f.form.focus)
                    .is_some_and(|x| x.key == "format");
            let changed = f.form.input(key) == crate::tui::widgets::form::Input::Changed;
            f.form.error = None;
            f.confirmed = false;
            if format_key {
                report::follow_format(&mut f.form);
            }
            post_form::refresh_counters(m);
            if changed {
                report::week_platform_changed(m);
            }
        }
        Some(Overlay::Switcher(_)) => switcher::filter_input(m, key),
        _ => {}
    }
    vec![]
}

fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    match m.overlays.last() {
        Some(Overlay::Help(h)) => {
            if matches!(cmd, Command::Back | Command::Help) {
                m.overlays.pop();
                return vec![];
            }
            let depth = m.overlays.len() - 1;
            let mut h = h.clone();
            if crate::tui::help::scroll(m, depth, &mut h, cmd)
                && let Some(Overlay::Help(open)) = m.overlays.last_mut()
            {
                *open = h;
            }
            vec![]
        }
        Some(Overlay::Confirm(c)) if c.kind == ConfirmKind::Stale => stale::answer(m, cmd),
        Some(Overlay::Confirm(c)) => {
            let kind = c.kind;
            m.overlays.pop();
            if cmd == Command::Yes {
                match kind {
                    ConfirmKind::DiscardForm => shared::close_form(m),
                    ConfirmKind::SaveAnyway | ConfirmKind::RebalancePillars => {
                        if let Some(Overlay::Form(f)) = m.overlays.last_mut() {
                            f.confirmed = true;
                        }
                        return forms::save(m);
                    }
                    ConfirmKind::RemoveDemo => return vec![Effect::RemoveDemo],
                    ConfirmKind::PublishNow => return live::publish_confirmed(m),
                    ConfirmKind::Disconnect => return connect::disconnect(m),
                    // Answered above, with its own keys.
                    ConfirmKind::Stale => {}
                }
            }
            vec![]
        }
        Some(Overlay::Form(_)) => forms::command(m, cmd),
        Some(Overlay::Picker(_)) => inbox::picker_command(m, cmd),
        Some(Overlay::Switcher(_)) => switcher::command(m, cmd),
        None => screen_command(m, cmd),
    }
}

/// A command with no overlay open: global keys and the current tab's list.
fn screen_command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let s = t();
    match cmd {
        Command::Quit => m.quit = true,
        Command::NextTab => m.tab = m.tab.next(),
        Command::PrevTab => m.tab = m.tab.prev(),
        Command::GoToday => m.tab = Tab::Today,
        Command::GoStrategy => m.tab = Tab::Strategy,
        Command::GoCalendar => m.tab = Tab::Calendar,
        Command::GoInbox => m.tab = Tab::Inbox,
        Command::GoReport => m.tab = Tab::Report,
        Command::Help => m.overlays.push(Overlay::Help(HelpState::default())),
        Command::SwitchClient => switcher::open(m),
        // Bound only where a tab can show both (the keymap's Inbox and Calendar).
        Command::ToggleAllClients if m.tab.shows_all_clients() => {
            m.all_clients = !m.all_clients;
            let text = if m.all_clients {
                s.forms.showing_all_clients.to_string()
            } else {
                let name = m
                    .current_client()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                fill(s.forms.showing_one_client, &[("name", &name)])
            };
            say(m, StatusKind::Info, text);
        }
        Command::LoadDemo => return vec![Effect::LoadDemo],
        Command::Sync => return live::sync_now(m),
        Command::Undo => return undo(m),
        Command::New if m.data.clients.is_empty() => client_forms::open_client(m, None),
        _ if m.data.clients.is_empty() => {}
        _ if m.tab == Tab::Today => return today::command(m, cmd),
        _ if m.tab == Tab::Strategy => return strategy::command(m, cmd),
        _ if m.tab == Tab::Inbox => return inbox::command(m, cmd),
        _ if m.tab == Tab::Calendar => return calendar::command(m, cmd),
        _ if m.tab == Tab::Report => return report::command(m, cmd),
        _ => {}
    }
    vec![]
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_strategy;

#[cfg(test)]
mod tests_inbox;

#[cfg(test)]
mod tests_calendar;

#[cfg(test)]
mod tests_report;

#[cfg(test)]
mod tests_export;

#[cfg(test)]
mod tests_today;

#[cfg(test)]
mod tests_stale;

#[cfg(test)]
mod tests_live;
