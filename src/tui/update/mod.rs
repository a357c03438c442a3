//! `update` is the only function that changes the model. It returns the effects (writes,
//! the external editor) for the executor to run; their answers come back as actions.

mod calendar;
mod forms;
mod inbox;
mod inbox_list;
mod post_form;
mod report;
mod strategy;
mod strategy_forms;
mod switcher;
mod today;

pub use strategy_forms::objective_label;

/// Asks the calendar for fresh posts (after a write made outside `update`, in tests).
pub fn calendar_stale(m: &mut Model) {
    calendar::stale(m);
}

use chrono::Duration;
use ratatui::crossterm::event::KeyEvent;

use super::action::{Action, Command, Data, Outcome};
use super::effect::Effect;
use super::model::{HelpState, Model, Overlay, Status, StatusKind, Tab, Undo};
use super::widgets::confirm::{Confirm, ConfirmKind};
use crate::i18n::{fill, t};

/// How long a status message stays.
const STATUS_SECONDS: i64 = 6;

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
            vec![Effect::CheckDataVersion]
        }
        Action::DataVersion(v) => {
            let changed = m.data_version.is_some_and(|old| old != v);
            m.data_version = Some(v);
            if changed {
                // Another window wrote: everything on screen is read again.
                refresh_all(m);
                return vec![Effect::Reload];
            }
            vec![]
        }
        Action::Loaded(data) => {
            loaded(m, data);
            vec![]
        }
        Action::PlanLoaded(plan) => {
            if m.plan.client_id != plan.client_id {
                m.strategy = Default::default();
                // A jump from Today chose the section, month and row: keep them.
                if let Some((month, jump, open, pane)) = m.strategy_after_load.take() {
                    m.strategy.month = month;
                    m.strategy.jump = jump;
                    m.strategy.open = open;
                    m.strategy.pane = pane;
                }
            }
            m.plan = plan;
            if let Some((part, id)) = m.strategy.jump.take()
                && let Some(i) = crate::tui::strategy::ids(m, part)
                    .iter()
                    .position(|x| *x == id)
            {
                m.strategy.cursor_mut(part).select(i);
            }
            strategy::clamp(m);
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
        Action::EditorClosed(result) => {
            forms::editor_closed(m, result);
            vec![]
        }
        Action::Input(key) => input(m, key),
        Action::Cmd(cmd) => command(m, cmd),
    }
}

/// Marks everything loaded as old, so each tab reads it again.
fn refresh_all(m: &mut Model) {
    m.plan_requested = None;
    m.plan.client_id = 0;
    inbox::stale(m);
    calendar::stale(m);
    report::stale(m);
    today::stale(m);
}

/// Shows a message in the status bar for a few seconds.
pub(crate) fn say(m: &mut Model, kind: StatusKind, text: String) {
    m.status = Some(Status {
        text,
        kind,
        until: m.now + Duration::seconds(STATUS_SECONDS),
    });
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

fn done(m: &mut Model, outcome: Outcome) -> Vec<Effect> {
    let s = t();
    // Anything written may change the check-in and the report (posts, replies, figures,
    // objectives all count in it).
    today::stale(m);
    report::stale(m);
    let name_of = |m: &Model, id| m.client(id).map(|c| c.name.clone()).unwrap_or_default();
    match outcome {
        Outcome::ClientSaved { id, created } => {
            forms::close_form(m);
            let name = name_of(m, id);
            if created || m.current.is_none() {
                m.current = Some(id);
                say(
                    m,
                    StatusKind::Success,
                    fill(s.client_created, &[("name", &name)]),
                );
                return vec![Effect::RememberClient(id)];
            }
            say(
                m,
                StatusKind::Success,
                fill(s.client_saved, &[("name", &name)]),
            );
        }
        Outcome::ClientArchived { id, archived } => {
            let name = name_of(m, id);
            if archived {
                m.undo.push(Undo::ClientArchived(id));
                say(
                    m,
                    StatusKind::Info,
                    fill(s.client_archived, &[("name", &name)]),
                );
            } else {
                say(
                    m,
                    StatusKind::Success,
                    fill(s.client_restored, &[("name", &name)]),
                );
            }
        }
        Outcome::AccountSaved { created, .. } => {
            forms::close_form(m);
            let msg = if created {
                s.account_created
            } else {
                s.account_saved
            };
            say(m, StatusKind::Success, msg.to_string());
        }
        Outcome::AccountDeleted { id, deleted } => {
            if deleted {
                m.undo.push(Undo::AccountDeleted(id));
                say(m, StatusKind::Info, s.account_deleted.to_string());
            } else {
                say(m, StatusKind::Success, s.account_restored.to_string());
            }
        }
        Outcome::StrategySaved { part, created } => {
            forms::close_form(m);
            let what = part.map_or(s.tone_saved_name, crate::i18n::part_name);
            let msg = if created {
                s.part_created
            } else {
                s.part_saved
            };
            say(
                m,
                StatusKind::Success,
                fill(msg, &[("part", &capitalize(what))]),
            );
        }
        Outcome::Trashed { part, id, deleted } => {
            let what = capitalize(crate::i18n::part_name(part));
            if deleted {
                m.undo.push(Undo::Trashed(part, id));
                say(
                    m,
                    StatusKind::Info,
                    fill(s.part_trashed, &[("part", &what)]),
                );
            } else {
                say(
                    m,
                    StatusKind::Success,
                    fill(s.part_restored, &[("part", &what)]),
                );
            }
        }
        Outcome::InboxChanged { before, op } => {
            forms::close_form(m);
            let n = before.len();
            if n == 0 {
                return vec![];
            }
            m.undo.push(Undo::InboxItems(before));
            let msg = match op {
                crate::domain::inbox::Op::MarkReplied => {
                    fill(s.marked_replied, &[("n", &n.to_string())])
                }
                crate::domain::inbox::Op::Ignore => {
                    fill(s.marked_ignored, &[("n", &n.to_string())])
                }
                crate::domain::inbox::Op::FollowUp => {
                    fill(s.marked_follow_up, &[("n", &n.to_string())])
                }
                crate::domain::inbox::Op::SetReply(_) => s.reply_saved.to_string(),
                _ => s.item_saved.to_string(),
            };
            say(m, StatusKind::Success, msg);
            // Items that leave the list leave the selection; after a tag or a flag the
            // same items stay selected for the next action.
            if matches!(
                op,
                crate::domain::inbox::Op::MarkReplied
                    | crate::domain::inbox::Op::Ignore
                    | crate::domain::inbox::Op::FollowUp
                    | crate::domain::inbox::Op::Reopen
            ) {
                inbox::after_change(&mut m.inbox);
            }
            inbox::stale(m);
        }
        Outcome::InboxRestored { count } => {
            say(
                m,
                StatusKind::Success,
                fill(s.items_restored, &[("n", &count.to_string())]),
            );
            inbox::stale(m);
        }
        Outcome::InboxTrashed { ids, deleted } => {
            let n = ids.len().to_string();
            if deleted {
                m.undo.push(Undo::InboxTrashed(ids));
                say(m, StatusKind::Info, fill(s.items_trashed, &[("n", &n)]));
            } else {
                say(m, StatusKind::Success, fill(s.items_restored, &[("n", &n)]));
            }
            inbox::after_change(&mut m.inbox);
            inbox::stale(m);
        }
        Outcome::ItemAdded { added } => {
            forms::close_form(m);
            say(
                m,
                StatusKind::Success,
                if added {
                    s.item_added
                } else {
                    s.item_already_there
                }
                .to_string(),
            );
            inbox::stale(m);
        }
        Outcome::SavedReplySaved { .. } | Outcome::SavedReplyTrashed { .. } => {
            forms::close_form(m);
            if let Outcome::SavedReplyTrashed { id, deleted: true } = outcome {
                m.undo.push(Undo::SavedReplyTrashed(id));
            }
            say(m, StatusKind::Success, s.saved_reply_saved.to_string());
            // Refresh the picker under the form, if one is open.
            if let Some(Overlay::Picker(p)) = m.overlays.last() {
                let (client, then) = match &p.purpose {
                    crate::tui::widgets::picker::PickPurpose::ReplyTemplate { client, .. } => (
                        *client,
                        crate::tui::widgets::picker::PickPurpose::SavedReplies { client: *client },
                    ),
                    crate::tui::widgets::picker::PickPurpose::SavedReplies { client } => {
                        (*client, p.purpose.clone())
                    }
                };
                if matches!(
                    p.purpose,
                    crate::tui::widgets::picker::PickPurpose::ReplyTemplate { .. }
                ) {
                    m.overlays.pop();
                }
                return vec![Effect::LoadSavedReplies { client, then }];
            }
        }
        Outcome::PostSaved { before, .. } => {
            forms::close_form(m);
            let msg = match &before {
                Some(b) => {
                    m.undo.push(Undo::PostChanged(b.clone()));
                    s.post_saved
                }
                None => s.post_added,
            };
            say(m, StatusKind::Success, msg.to_string());
            calendar::stale(m);
        }
        Outcome::PostTrashed { id, deleted } => {
            if deleted {
                m.undo.push(Undo::PostTrashed(id));
                say(m, StatusKind::Info, s.post_trashed.to_string());
            } else {
                say(m, StatusKind::Success, s.post_restored.to_string());
            }
            calendar::stale(m);
        }
        Outcome::FiguresSaved { values } => {
            forms::close_form(m);
            say(
                m,
                StatusKind::Success,
                fill(s.figures_saved, &[("n", &values.to_string())]),
            );
            report::stale(m);
            // Objectives on the Strategy tab read the same figures.
            m.plan_requested = None;
            m.plan.client_id = 0;
        }
        Outcome::Exported { path, folder } => {
            forms::close_form(m);
            m.report.export_folder = folder;
            say(
                m,
                StatusKind::Success,
                fill(s.report_exported, &[("path", &path)]),
            );
        }
        Outcome::ExportExists { path } => report::ask_replace(m, &path),
        Outcome::DemoLoaded { clients } => {
            say(
                m,
                StatusKind::Success,
                fill(s.demo_loaded, &[("n", &clients.to_string())]),
            );
        }
    }
    vec![]
}

fn failed(m: &mut Model, msg: String) {
    if let Some(Overlay::Form(f)) = m.overlays.last_mut()
        && f.saving
    {
        f.saving = false;
        f.form.error = Some(msg);
        return;
    }
    say(m, StatusKind::Error, msg);
}

fn input(m: &mut Model, key: KeyEvent) -> Vec<Effect> {
    match m.overlays.last_mut() {
        Some(Overlay::Form(f)) if !f.saving => {
            let format_key = f.purpose == crate::tui::model::FormPurpose::ReportExport
                && f.form
                    .fields
                    .get(f.form.focus)
                    .is_some_and(|x| x.key == "format");
            f.form.input(key);
            f.form.error = None;
            f.confirmed = false;
            if format_key {
                report::follow_format(&mut f.form);
            }
            post_form::refresh_counters(m);
        }
        Some(Overlay::Switcher(_)) => switcher::filter_input(m, key),
        _ => {}
    }
    vec![]
}

fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    match m.overlays.last_mut() {
        Some(Overlay::Help(h)) => {
            match cmd {
                Command::Back | Command::Help => {
                    m.overlays.pop();
                }
                Command::Down => h.scroll = h.scroll.saturating_add(1),
                Command::Up => h.scroll = h.scroll.saturating_sub(1),
                _ => {}
            }
            vec![]
        }
        Some(Overlay::Confirm(c)) => {
            let kind = c.kind;
            m.overlays.pop();
            if cmd == Command::Yes {
                match kind {
                    ConfirmKind::DiscardForm => forms::close_form(m),
                    ConfirmKind::SaveAnyway => {
                        if let Some(Overlay::Form(f)) = m.overlays.last_mut() {
                            f.confirmed = true;
                        }
                        return forms::save(m);
                    }
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
        Command::ToggleAllClients => {
            m.all_clients = !m.all_clients;
            let text = if m.all_clients {
                s.showing_all_clients.to_string()
            } else {
                let name = m
                    .current_client()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                fill(s.showing_one_client, &[("name", &name)])
            };
            say(m, StatusKind::Info, text);
        }
        Command::LoadDemo => return vec![Effect::LoadDemo],
        Command::Undo => return undo(m),
        Command::New if m.data.clients.is_empty() => forms::open_client_form(m, None),
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

/// Takes back the last archive or delete.
pub(crate) fn undo(m: &mut Model) -> Vec<Effect> {
    match m.undo.pop() {
        Some(Undo::ClientArchived(id)) => vec![Effect::SetClientArchived {
            id,
            archived: false,
        }],
        Some(Undo::AccountDeleted(id)) => vec![Effect::SetAccountDeleted { id, deleted: false }],
        Some(Undo::InboxItems(before)) => vec![Effect::RestoreItems(before)],
        Some(Undo::PostTrashed(id)) => vec![Effect::TrashPost { id, deleted: false }],
        Some(Undo::PostChanged(before)) => vec![Effect::SavePost {
            post: before,
            before: None,
        }],
        Some(Undo::InboxTrashed(ids)) => vec![Effect::TrashItems {
            ids,
            deleted: false,
        }],
        Some(Undo::SavedReplyTrashed(id)) => vec![Effect::TrashSavedReply { id, deleted: false }],
        Some(Undo::Trashed(part, id)) => vec![Effect::Trash {
            part,
            id,
            deleted: false,
        }],
        None => {
            say(m, StatusKind::Info, t().nothing_to_undo.to_string());
            vec![]
        }
    }
}

/// `Target` from `target`, for the start of a message.
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Asks before a form with changes is closed.
pub(crate) fn ask_discard(m: &mut Model) {
    m.overlays.push(Overlay::Confirm(Confirm {
        kind: ConfirmKind::DiscardForm,
        question: t().discard_changes.to_string(),
    }));
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
