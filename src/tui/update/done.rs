//! What the executor answered: a write done (close its form, say so, remember how to
//! undo it, mark what it changed as old) or a failure (on the form that was saving, else
//! in the status bar). Above the tab modules: it calls into them, they never call here.

use super::shared::{capitalize, close_form, say};
use super::{calendar, inbox, live, report, switcher, today};
use crate::i18n::{fill, t};
use crate::tui::action::{Clip, Outcome};
use crate::tui::clipboard::{NotCopied, Through, Via};
use crate::tui::effect::Effect;
use crate::tui::model::{Model, Overlay, StatusKind, Undo};

pub fn done(m: &mut Model, outcome: Outcome) -> Vec<Effect> {
    let s = t();
    // Anything written may change the check-in and the report (posts, replies, figures,
    // objectives all count in it).
    today::stale(m);
    report::stale(m);
    let name_of = |m: &Model, id| m.client(id).map(|c| c.name.clone()).unwrap_or_default();
    // A post's copies held on a server, kept in step with it.
    let mut held = vec![];
    match outcome {
        Outcome::ClientSaved { id, created } => {
            close_form(m);
            let name = name_of(m, id);
            if created || m.current.is_none() {
                m.current = Some(id);
                say(
                    m,
                    StatusKind::Success,
                    fill(s.forms.client_created, &[("name", &name)]),
                );
                return vec![Effect::RememberClient(id)];
            }
            say(
                m,
                StatusKind::Success,
                fill(s.forms.client_saved, &[("name", &name)]),
            );
        }
        Outcome::ClientArchived { id, archived } => {
            let name = name_of(m, id);
            if archived {
                m.undo.push(Undo::ClientArchived(id));
                say(
                    m,
                    StatusKind::Info,
                    fill(s.forms.client_archived, &[("name", &name)]),
                );
            } else {
                say(
                    m,
                    StatusKind::Success,
                    fill(s.forms.client_restored, &[("name", &name)]),
                );
                let effects = switcher::restored(m, id);
                if !effects.is_empty() {
                    // "Now working on …" says both.
                    let now = m
                        .status
                        .as_ref()
                        .map(|st| st.text.clone())
                        .unwrap_or_default();
                    let back = fill(s.forms.client_restored, &[("name", &name)]);
                    say(m, StatusKind::Success, format!("{back} {now}"));
                }
                return effects;
            }
        }
        Outcome::AccountSaved { created, .. } => {
            close_form(m);
            let msg = if created {
                s.forms.account_created
            } else {
                s.forms.account_saved
            };
            say(m, StatusKind::Success, msg.to_string());
        }
        Outcome::AccountDeleted { id, deleted } => {
            if deleted {
                m.undo.push(Undo::AccountDeleted(id));
                say(m, StatusKind::Info, s.forms.account_deleted.to_string());
            } else {
                say(m, StatusKind::Success, s.forms.account_restored.to_string());
            }
        }
        Outcome::StrategySaved { part, created } => {
            close_form(m);
            // A part's own message: in French the word agrees with the part's gender.
            let msg = match (part, created) {
                (Some(p), true) => s.strategy.parts_created[p.index()].to_string(),
                (Some(p), false) => s.strategy.parts_saved[p.index()].to_string(),
                (None, true) => fill(
                    s.strategy.part_created,
                    &[("part", &capitalize(s.strategy.tone_saved_name))],
                ),
                (None, false) => fill(
                    s.strategy.part_saved,
                    &[("part", &capitalize(s.strategy.tone_saved_name))],
                ),
            };
            say(m, StatusKind::Success, msg);
        }
        Outcome::Trashed { part, id, deleted } => {
            let what = capitalize(crate::i18n::part_name(part));
            if deleted {
                m.undo.push(Undo::Trashed(part, id));
                say(
                    m,
                    StatusKind::Info,
                    fill(s.strategy.part_trashed, &[("part", &what)]),
                );
            } else {
                say(
                    m,
                    StatusKind::Success,
                    fill(s.strategy.part_restored, &[("part", &what)]),
                );
            }
        }
        Outcome::InboxChanged { before, op } => {
            close_form(m);
            let mut copy = None;
            let n = before.len();
            if n == 0 {
                return vec![];
            }
            m.undo.push(Undo::InboxItems(before));
            let msg = match op {
                crate::domain::inbox::Op::MarkReplied => s.inbox.marked_replied.n(n),
                crate::domain::inbox::Op::Ignore => s.inbox.marked_ignored.n(n),
                crate::domain::inbox::Op::FollowUp => s.inbox.marked_follow_up.n(n),
                crate::domain::inbox::Op::SetReply(_) => s.inbox.reply_saved_copying.to_string(),
                _ => s.inbox.item_saved.to_string(),
            };
            say(m, StatusKind::Success, msg);
            // A reply is copied once it is saved; the copy's answer says where it went.
            // One saved to be sent goes out instead.
            if let crate::domain::inbox::Op::SetReply(text) = &op {
                let send = live::after_reply_saved(m, text);
                copy = if send.is_empty() {
                    Some(Effect::Copy {
                        text: text.clone(),
                        clip: Clip::SavedReply,
                    })
                } else {
                    send.into_iter().next()
                };
            }
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
            return copy.into_iter().collect();
        }
        Outcome::InboxRestored { count } => {
            say(m, StatusKind::Success, s.inbox.items_restored.n(count));
            inbox::stale(m);
        }
        Outcome::InboxTrashed { ids, deleted } => {
            let n = ids.len();
            if deleted {
                m.undo.push(Undo::InboxTrashed(ids));
                say(m, StatusKind::Info, s.inbox.items_trashed.n(n));
            } else {
                say(m, StatusKind::Success, s.inbox.items_restored.n(n));
            }
            inbox::after_change(&mut m.inbox);
            inbox::stale(m);
        }
        Outcome::ItemAdded { added } => {
            close_form(m);
            say(
                m,
                StatusKind::Success,
                if added {
                    s.inbox.item_added
                } else {
                    s.inbox.item_already_there
                }
                .to_string(),
            );
            inbox::stale(m);
        }
        Outcome::SavedReplySaved { .. } | Outcome::SavedReplyTrashed { .. } => {
            close_form(m);
            if let Outcome::SavedReplyTrashed { id, deleted: true } = outcome {
                m.undo.push(Undo::SavedReplyTrashed(id));
            }
            say(
                m,
                StatusKind::Success,
                s.inbox.saved_reply_saved.to_string(),
            );
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
        Outcome::PostSaved { id, before } => {
            close_form(m);
            let was_scheduled = before
                .as_ref()
                .is_some_and(|b| b.status == crate::domain::post::PostStatus::Scheduled);
            held = live::keep_in_step(m, id, was_scheduled);
            let msg = match &before {
                Some(b) => {
                    m.undo.push(Undo::PostChanged(b.clone()));
                    s.calendar.post_saved
                }
                None => s.calendar.post_added,
            };
            say(m, StatusKind::Success, msg.to_string());
            calendar::stale(m);
        }
        Outcome::PostTrashed { id, deleted } => {
            // Trashed or brought back: a copy held on a server follows.
            held = live::keep_in_step(m, id, true);
            if deleted {
                m.undo.push(Undo::PostTrashed(id));
                say(m, StatusKind::Info, s.calendar.post_trashed.to_string());
            } else {
                say(m, StatusKind::Success, s.calendar.post_restored.to_string());
            }
            calendar::stale(m);
        }
        Outcome::FiguresSaved { values } => {
            close_form(m);
            say(m, StatusKind::Success, s.report.figures_saved.n(values));
            report::stale(m);
            // Objectives on the Strategy tab read the same figures.
            m.plan_requested = None;
            m.plan.client_id = 0;
        }
        Outcome::Exported { path, folder } => {
            close_form(m);
            m.report.export_folder = folder;
            say(
                m,
                StatusKind::Success,
                fill(s.report.report_exported, &[("path", &path)]),
            );
        }
        Outcome::ExportExists { path } => report::ask_replace(m, &path),
        Outcome::BudgetCopied { ids, from } => {
            let month = crate::i18n::format::month(from);
            say(
                m,
                StatusKind::Success,
                s.strategy
                    .budget_copied
                    .with(ids.len(), &[("month", &month)]),
            );
            m.undo.push(Undo::BudgetCopied(ids));
        }
        Outcome::BudgetUncopied { count } => {
            say(m, StatusKind::Success, s.strategy.budget_uncopied.n(count));
        }
        Outcome::Copied { clip, result } => {
            let (kind, text) = copy_message(&clip, &result);
            say(m, kind, text);
        }
        Outcome::DemoLoaded { clients } => {
            say(m, StatusKind::Success, s.forms.demo_loaded.n(clients));
        }
        Outcome::DemoRemoved { names } => {
            // Whatever was on screen may have belonged to them, and so may what undo
            // would bring back.
            let effects = refresh_all(m);
            m.undo.clear();
            if m.data.clients.is_empty() {
                // Nothing left to switch to: back to the welcome screen.
                m.overlays.clear();
            }
            let names: Vec<String> = names
                .iter()
                .map(|n| crate::domain::text::sanitize_line(n))
                .collect();
            say(
                m,
                StatusKind::Success,
                fill(s.forms.demo_removed, &[("names", &names.join(", "))]),
            );
            return effects;
        }
    }
    held
}

/// Where a copy went, in words: copied (the system clipboard, tmux's buffer), sent to
/// the terminal (OSC 52: the terminal may or may not honour it), or not copied and why.
fn copy_message(clip: &Clip, result: &Result<Via, NotCopied>) -> (StatusKind, String) {
    let s = t();
    let [done, sent, failed] = match clip {
        Clip::Reply => [
            s.inbox.copied_reply,
            s.inbox.sent_reply,
            s.inbox.not_copied_reply,
        ],
        Clip::Message => [
            s.inbox.copied_text,
            s.inbox.sent_text,
            s.inbox.not_copied_text,
        ],
        Clip::Post { .. } => [
            s.calendar.post_copied,
            s.inbox.post_sent,
            s.inbox.post_not_copied,
        ],
        Clip::SavedReply => [
            s.inbox.reply_saved,
            s.inbox.reply_saved_sent,
            s.inbox.reply_saved_not_copied,
        ],
    };
    let platform = match clip {
        Clip::Post { platform } => platform.as_str(),
        _ => "",
    };
    let (kind, template, via, why) = match result {
        Ok(Via::System) => (StatusKind::Success, done, s.inbox.copy_via[0], ""),
        Ok(Via::TmuxBuffer) => (StatusKind::Success, done, s.inbox.copy_via[1], ""),
        Ok(Via::Osc52(through)) => {
            let via = match through {
                Through::Direct => s.inbox.copy_via[2],
                Through::Tmux => s.inbox.copy_via[3],
                Through::Screen => s.inbox.copy_via[4],
            };
            (StatusKind::Info, sent, via, "")
        }
        Err(NotCopied::TmuxDrops) => (StatusKind::Error, failed, "", s.inbox.copy_tmux_drops),
        Err(NotCopied::Failed(e)) => (StatusKind::Error, failed, "", e.as_str()),
    };
    let text = fill(
        template,
        &[("platform", platform), ("via", via), ("why", why)],
    );
    (kind, text)
}

pub fn failed(m: &mut Model, msg: String) {
    if let Some(Overlay::Form(f)) = m.overlays.last_mut()
        && f.saving
    {
        f.saving = false;
        f.form.error = Some(msg);
        return;
    }
    say(m, StatusKind::Error, msg);
}

/// Marks everything loaded as old, so each tab reads it again. The current client's
/// strategy is read again in place: its open section and rows stay where they are
/// (another window's write must not close the section under a form).
pub(super) fn refresh_all(m: &mut Model) -> Vec<Effect> {
    inbox::stale(m);
    calendar::stale(m);
    report::stale(m);
    today::stale(m);
    m.plan_requested = m.current;
    m.current.map(Effect::LoadPlan).into_iter().collect()
}
