//! Opening, saving and closing the client and account forms.

use super::{ask_discard, inbox, post_form, report, say, strategy_forms};
use crate::domain::client::{DEFAULT_CURRENCY, DEFAULT_REPLY_HOURS};
use crate::domain::{AccountDraft, ClientDraft, ClientId, Platform};
use crate::i18n::{account_error, client_error, fill, t};
use crate::tui::action::Command;
use crate::tui::effect::Effect;
use crate::tui::model::{FormOverlay, FormPurpose, Model, Overlay, StatusKind};
use crate::tui::widgets::form::{Form, Opt};

/// Puts a form on top of the screen.
pub fn open(m: &mut Model, purpose: FormPurpose, form: Form) {
    m.overlays.push(Overlay::Form(FormOverlay {
        purpose,
        form,
        saving: false,
        confirmed: false,
    }));
}

/// Closes the form on top, if the top is a form.
pub fn close_form(m: &mut Model) {
    if matches!(m.overlays.last(), Some(Overlay::Form(_))) {
        m.overlays.pop();
    }
}

/// The new-client form (`None`) or the edit form of a client.
pub fn open_client_form(m: &mut Model, id: Option<ClientId>) {
    let s = t();
    let existing = id.and_then(|id| m.client(id)).cloned();
    let (title, purpose) = match &existing {
        Some(c) => (
            fill(s.form_edit_client, &[("name", &c.name)]),
            FormPurpose::EditClient(c.id),
        ),
        None => (s.form_new_client.to_string(), FormPurpose::NewClient),
    };
    let tz = m.default_timezone.clone();
    let (name, currency, timezone, hours, notes) = match &existing {
        Some(c) => (
            c.name.as_str(),
            c.currency.as_str(),
            c.timezone.as_str(),
            c.reply_target_hours,
            c.notes.as_str(),
        ),
        None => ("", DEFAULT_CURRENCY, tz.as_str(), DEFAULT_REPLY_HOURS, ""),
    };
    let form = Form::new(title)
        .text("name", s.field_name, name, true)
        .text("currency", s.field_currency, currency, true)
        .hint(s.hint_currency)
        .text("timezone", s.field_timezone, timezone, true)
        .hint(s.hint_timezone)
        .integer(
            "reply_target_hours",
            s.field_reply_target,
            Some(i64::from(hours)),
            1,
            24 * 14,
        )
        .hint(s.hint_reply_target)
        .multiline("notes", s.field_notes, notes);
    open(m, purpose, form);
}

/// The new-account form (`None`) or the edit form of an account of `client`.
pub fn open_account_form(m: &mut Model, client: ClientId, id: Option<i64>) {
    let s = t();
    let existing = id
        .and_then(|id| m.data.accounts.iter().find(|a| a.id == id))
        .cloned();
    let client_name = m.client(client).map(|c| c.name.clone()).unwrap_or_default();
    let (title, purpose) = match &existing {
        Some(a) => (
            s.form_edit_account.to_string(),
            FormPurpose::EditAccount(a.id),
        ),
        None => (
            fill(s.form_new_account, &[("name", &client_name)]),
            FormPurpose::NewAccount(client),
        ),
    };
    let options = Platform::ALL
        .iter()
        .map(|p| Opt::new(p.key(), p.name()))
        .collect();
    let platform = existing.as_ref().map_or("instagram", |a| a.platform.key());
    let handle = existing.as_ref().map_or("", |a| a.handle.as_str());
    let form = Form::new(title)
        .choice("platform", s.field_platform, options, platform)
        .hint(s.hint_choice)
        .text("handle", s.field_handle, handle, true)
        .hint(s.hint_handle);
    open(m, purpose, form);
}

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
            None => say(m, StatusKind::Info, t().editor_only_long_text.to_string()),
        },
        Command::Save => return save(m),
        _ => {}
    }
    vec![]
}

pub(super) fn save(m: &mut Model) -> Vec<Effect> {
    // The form leaves the stack while it is read, so the rest of the model can be read
    // beside it; it goes back on top whatever the outcome.
    let Some(Overlay::Form(mut f)) = m.overlays.pop() else {
        return vec![];
    };
    f.form.error = None;
    // Field-level problems and the domain's are shown together, in one pass.
    let fields_ok = f.form.check();
    let effects: Option<Vec<Effect>> = match f.purpose.clone() {
        FormPurpose::NewClient | FormPurpose::EditClient(_) => {
            client_effect(&mut f, fields_ok).map(|e| vec![e])
        }
        FormPurpose::NewAccount(_) | FormPurpose::EditAccount(_) => {
            account_effect(m, &mut f, fields_ok).map(|e| vec![e])
        }
        p @ (FormPurpose::Strategy(..) | FormPurpose::Tone) => {
            strategy_forms::save(m, p, &mut f.form, fields_ok).map(|e| vec![e])
        }
        p @ (FormPurpose::Post { .. }
        | FormPurpose::Published(_)
        | FormPurpose::Duplicate(_)
        | FormPurpose::PostFilter) => {
            match post_form::save(m, &p, &mut f.form, fields_ok, f.confirmed) {
                post_form::Save::Invalid => None,
                post_form::Save::Effects(e) => {
                    if p == FormPurpose::PostFilter {
                        post_form::apply_filter(m, &f.form);
                    }
                    Some(e)
                }
                post_form::Save::Confirm(question) => {
                    m.overlays.push(Overlay::Form(f));
                    m.overlays
                        .push(Overlay::Confirm(crate::tui::widgets::confirm::Confirm {
                            kind: crate::tui::widgets::confirm::ConfirmKind::SaveAnyway,
                            question,
                        }));
                    return vec![];
                }
            }
        }
        p @ (FormPurpose::ReportPeriod | FormPurpose::KpiWeek(_) | FormPurpose::ReportExport) => {
            report::save(m, &p, &mut f.form, fields_ok, f.confirmed)
        }
        p => inbox::save(m, &p, &mut f.form, fields_ok),
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

fn client_effect(f: &mut FormOverlay, fields_ok: bool) -> Option<Effect> {
    let draft = ClientDraft {
        name: f.form.text_value("name"),
        currency: f.form.text_value("currency"),
        timezone: f.form.text_value("timezone"),
        reply_target_hours: f
            .form
            .int_value("reply_target_hours")
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0),
        notes: f.form.text_value("notes"),
    };
    match draft.validate() {
        Ok(_) if !fields_ok => None,
        Ok(draft) => Some(Effect::SaveClient {
            id: match f.purpose {
                FormPurpose::EditClient(id) => Some(id),
                _ => None,
            },
            draft,
        }),
        Err(errors) => {
            for e in errors {
                if f.form.field(e.field()).is_some_and(|x| x.error.is_none()) {
                    f.form.set_error(e.field(), client_error(&e));
                }
            }
            None
        }
    }
}

fn account_effect(m: &Model, f: &mut FormOverlay, fields_ok: bool) -> Option<Effect> {
    let platform = f
        .form
        .choice_value("platform")
        .and_then(|p| Platform::parse(&p))
        .unwrap_or(Platform::Instagram);
    let draft = AccountDraft {
        platform,
        handle: f.form.text_value("handle"),
    };
    match draft.validate() {
        Ok(_) if !fields_ok => None,
        Ok(draft) => match f.purpose {
            FormPurpose::NewAccount(client) => Some(Effect::SaveAccount {
                id: None,
                client,
                draft,
            }),
            FormPurpose::EditAccount(id) => {
                let client = m.data.accounts.iter().find(|a| a.id == id)?.client_id;
                Some(Effect::SaveAccount {
                    id: Some(id),
                    client,
                    draft,
                })
            }
            _ => None,
        },
        Err(e) => {
            if f.form.field("handle").is_some_and(|x| x.error.is_none()) {
                f.form.set_error("handle", account_error(&e));
            }
            None
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
