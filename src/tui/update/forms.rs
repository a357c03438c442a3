//! The keys of the form on top, and its save: the one dispatcher above the modules that
//! build and read each kind of form. A form's purpose carries what it edits, so saving
//! hands the form to its module and gets back the effects to run.

use super::shared::{ask_discard, close_form, say};
use super::{client_forms, connect, inbox, live, post_form, report, strategy_save};
use crate::i18n::t;
use crate::tui::action::Command;
use crate::tui::effect::Effect;
use crate::tui::model::{FormPurpose, Model, Overlay, StatusKind};
use crate::tui::widgets::confirm::{Confirm, ConfirmKind};

pub fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Overlay::Form(f)) = m.overlays.last_mut() else {
        return vec![];
    };
    if f.saving {
        return vec![];
    }
    match cmd {
        Command::FocusNext => f.form.focus_next(),
        Command::FocusPrev => f.form.focus_prev(),
        Command::Back => {
            if f.form.is_dirty() {
                ask_discard(m);
            } else {
                close_form(m);
            }
        }
        Command::ExternalEditor => match f.form.focused_multiline() {
            Some(text) => return vec![Effect::OpenEditor(text)],
            None => say(
                m,
                StatusKind::Info,
                t().forms.editor_only_long_text.to_string(),
            ),
        },
        Command::Save => return save(m),
        Command::SaveAndSend => {
            if !live::prepare_send(m) {
                return vec![];
            }
            let effects = save(m);
            if effects.is_empty() {
                // Not saved (a field to fix): nothing to send.
                m.live.send_after_save = None;
            }
            return effects;
        }
        _ => {}
    }
    vec![]
}

pub fn save(m: &mut Model) -> Vec<Effect> {
    // The form leaves the stack while it is read, so the rest of the model can be read
    // beside it; it goes back on top whatever the outcome.
    let Some(Overlay::Form(mut f)) = m.overlays.pop() else {
        return vec![];
    };
    f.form.error = None;
    // Field-level problems and the domain's are shown together, in one pass.
    let fields_ok = f.form.check();
    let effects: Option<Vec<Effect>> = match f.purpose.clone() {
        p @ (FormPurpose::NewClient | FormPurpose::EditClient(_)) => {
            client_forms::save_client(&p, &mut f.form, fields_ok, &f.opened).map(|e| vec![e])
        }
        p @ (FormPurpose::NewAccount(_) | FormPurpose::EditAccount(_)) => {
            client_forms::save_account(m, &p, &mut f.form, fields_ok, &f.opened).map(|e| vec![e])
        }
        p @ (FormPurpose::Strategy(..) | FormPurpose::Tone) => {
            match strategy_save::rebalance(m, &p, &mut f.form, fields_ok, (f.confirmed, &f.opened))
            {
                strategy_save::Rebalance::No => {
                    strategy_save::save(m, p, &mut f.form, fields_ok, &f.opened).map(|e| vec![e])
                }
                strategy_save::Rebalance::Save(e) => Some(vec![e]),
                strategy_save::Rebalance::Ask(question) => {
                    m.overlays.push(Overlay::Form(f));
                    m.overlays.push(Overlay::Confirm(Confirm {
                        kind: ConfirmKind::RebalancePillars,
                        question,
                    }));
                    return vec![];
                }
            }
        }
        p @ (FormPurpose::Post { .. }
        | FormPurpose::Published(_)
        | FormPurpose::Duplicate(_)
        | FormPurpose::PostFilter) => {
            match post_form::save(m, &p, &mut f.form, (fields_ok, f.confirmed), &f.opened) {
                post_form::Save::Invalid => None,
                post_form::Save::Effects(e) => {
                    if p == FormPurpose::PostFilter {
                        post_form::apply_filter(m, &f.form);
                    }
                    Some(e)
                }
                post_form::Save::Confirm(question) => {
                    m.overlays.push(Overlay::Form(f));
                    m.overlays.push(Overlay::Confirm(Confirm {
                        kind: ConfirmKind::SaveAnyway,
                        question,
                    }));
                    return vec![];
                }
            }
        }
        p
        @ (FormPurpose::Connect { .. } | FormPurpose::ConnectCode | FormPurpose::SyncInterval) => {
            // Live work answers in the status line, not as a save: the form (and the
            // secret typed in it) goes at once.
            return match connect::save(m, &p, &mut f.form, fields_ok) {
                Some(e) => e,
                None => {
                    m.overlays.push(Overlay::Form(f));
                    vec![]
                }
            };
        }
        p @ (FormPurpose::ReportPeriod | FormPurpose::KpiWeek(_) | FormPurpose::ReportExport) => {
            report::save(m, &p, &mut f.form, fields_ok, f.confirmed)
        }
        p => inbox::save(m, &p, &mut f.form, fields_ok, &f.opened),
    };
    match effects {
        // Nothing to write (a filter): done at once.
        Some(e) if e.is_empty() => e,
        Some(e) => {
            f.saving = true;
            m.overlays.push(Overlay::Form(f));
            e
        }
        None => {
            m.overlays.push(Overlay::Form(f));
            vec![]
        }
    }
}

/// `$EDITOR` gave back the text of the focused field, or an error.
pub fn editor_closed(m: &mut Model, result: Result<String, String>) {
    match result {
        Ok(text) => {
            if let Some(Overlay::Form(f)) = m.overlays.last_mut() {
                f.form.set_focused_text(&text);
            }
        }
        Err(e) => say(m, StatusKind::Error, e),
    }
}
