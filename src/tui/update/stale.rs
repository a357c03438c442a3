//! A save refused because its row changed since the form opened (another window or a
//! command saved it first). The form stays open and the user is told what changed there
//! and chooses: reload (the other window's values for the fields it changed, their own
//! other changes kept), overwrite (save the form over it), or cancel (close the form,
//! nothing saved). A write that was no form's (an undo, a move, a key on a list) is not
//! made, and says so. Never a silent revert.

use super::done::refresh_all;
use super::shared::{close_form, say};
use super::{client_forms, forms, inbox, post_form, strategy, strategy_forms};
use crate::i18n::{fill, t};
use crate::tui::action::{Command, Fresh};
use crate::tui::effect::Effect;
use crate::tui::model::{FormPurpose, Model, Opened, Overlay, StatusKind};
use crate::tui::widgets::confirm::{Confirm, ConfirmKind};
use crate::tui::widgets::form::Form;

/// The executor answered a save with the row as it is now.
pub fn stale(m: &mut Model, fresh: Fresh) -> Vec<Effect> {
    let saving = matches!(m.overlays.last(), Some(Overlay::Form(f)) if f.saving);
    if !saving {
        say(m, StatusKind::Error, t().forms.stale_not_done.to_string());
        let mut effects = refresh_all(m);
        effects.push(Effect::Reload);
        return effects;
    }
    let Some(Overlay::Form(mut f)) = m.overlays.pop() else {
        return vec![];
    };
    f.saving = false;
    match theirs(m, &f.purpose, &f.opened, fresh) {
        None => {
            f.form.error = Some(t().forms.stale_gone.to_string());
            m.overlays.push(Overlay::Form(f));
        }
        Some((form, opened)) => {
            let changed = f.form.differences(&form);
            f.theirs = Some(Box::new((form, opened)));
            m.overlays.push(Overlay::Form(f));
            m.overlays.push(Overlay::Confirm(Confirm {
                kind: ConfirmKind::Stale,
                question: fill(t().forms.stale_question, &[("fields", &fields(&changed))]),
            }));
        }
    }
    // The lists under the form catch up on the next tick, as after any other window's
    // write.
    vec![]
}

/// The user's answer to the question; other keys leave it asked.
pub fn answer(m: &mut Model, cmd: Command) -> Vec<Effect> {
    if !matches!(
        cmd,
        Command::Reload | Command::Overwrite | Command::CancelEdit
    ) {
        return vec![];
    }
    m.overlays.pop();
    let Some(Overlay::Form(f)) = m.overlays.last_mut() else {
        return vec![];
    };
    let Some(theirs) = f.theirs.take() else {
        return vec![];
    };
    let (form, opened) = *theirs;
    match cmd {
        Command::Reload => {
            f.opened = opened;
            let taken = f.form.reload_from(form);
            let text = fill(t().forms.stale_reloaded, &[("fields", &fields(&taken))]);
            say(m, StatusKind::Info, text);
            post_form::refresh_counters(m);
            vec![]
        }
        Command::Overwrite => {
            f.opened = opened;
            forms::save(m)
        }
        _ => {
            close_form(m);
            say(m, StatusKind::Info, t().forms.stale_cancelled.to_string());
            vec![]
        }
    }
}

/// `reply target, notes`, or that nothing the form shows changed.
fn fields(labels: &[String]) -> String {
    if labels.is_empty() {
        t().forms.stale_nothing_shown.to_string()
    } else {
        labels.join(", ")
    }
}

/// The form of `purpose` as it opens on the row as it is now, and what it is opened on;
/// `None` when the row is gone.
fn theirs(
    m: &mut Model,
    purpose: &FormPurpose,
    opened: &Opened,
    fresh: Fresh,
) -> Option<(Form, Opened)> {
    match (purpose, fresh) {
        (FormPurpose::EditClient(id), Fresh::Client(c)) if c.id == *id => {
            let (_, form) = client_forms::client_form(m, Some(&c));
            Some((form, Opened::Version(c.version)))
        }
        (FormPurpose::EditAccount(id), Fresh::Account(a)) if a.id == *id => {
            let (_, form) = client_forms::account_form(m, a.client_id, Some(&a));
            Some((form, Opened::Version(a.version)))
        }
        (FormPurpose::Strategy(part, id), Fresh::Plan(plan)) => {
            let version = strategy_forms::version_of(&plan, *part, *id)?;
            // The forms read their rows (and the lists they offer) from the plan on screen.
            if m.plan.client_id == plan.client_id {
                strategy::plan_loaded(m, *plan);
            }
            let form = strategy_forms::form(m, *part, *id);
            Some((form, Opened::Version(version)))
        }
        (FormPurpose::Tone, Fresh::Plan(plan)) => {
            let form = strategy_forms::tone_form(&plan);
            let version = plan.tone_version;
            if m.plan.client_id == plan.client_id {
                strategy::plan_loaded(m, *plan);
            }
            Some((form, Opened::Version(version)))
        }
        (FormPurpose::Post { id, .. }, Fresh::Post(p)) if p.id == *id => {
            Some((post_form::edit_form(m, &p), Opened::Post(p)))
        }
        (FormPurpose::Published(id), Fresh::Post(p)) if p.id == *id => {
            Some((post_form::published_form(&p), Opened::Post(p)))
        }
        (FormPurpose::Reply(items) | FormPurpose::Tags(items), Fresh::Item(it)) => {
            let at = match opened {
                Opened::Items(at) => at
                    .iter()
                    .map(|&(id, v)| (id, if id == it.id { it.version } else { v }))
                    .collect(),
                _ => vec![(it.id, it.version)],
            };
            m.inbox.rows.insert(it.id, (*it).clone());
            let first = m.inbox.rows.get(items.first()?)?.clone();
            let form = match purpose {
                FormPurpose::Reply(_) => inbox::reply_form(m, items, &first, None),
                _ => inbox::tags_form(items, Some(&first)),
            };
            Some((form, Opened::Items(at)))
        }
        (FormPurpose::SavedReply(_, id), Fresh::SavedReply(r)) if r.id == *id => Some((
            inbox::saved_reply_form(*id, Some(&r)),
            Opened::Version(r.version),
        )),
        _ => None,
    }
}
