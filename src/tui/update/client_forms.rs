//! The client and account forms: built from the row being edited (or defaults for a new
//! one), and read back into a validated draft; the domain's errors land on their fields.

use super::shared::open_form_on;
use crate::domain::client::{DEFAULT_CURRENCY, DEFAULT_REPLY_HOURS};
use crate::domain::{Account, AccountDraft, Client, ClientDraft, ClientId, Platform};
use crate::explain::Explain;
use crate::i18n::{fill, t};
use crate::tui::effect::Effect;
use crate::tui::model::{FormPurpose, Model, Opened};
use crate::tui::widgets::form::{Form, Opt};

/// The new-client form (`None`) or the edit form of a client.
pub fn open_client(m: &mut Model, id: Option<ClientId>) {
    let existing = id.and_then(|id| m.client(id)).cloned();
    let (purpose, form) = client_form(m, existing.as_ref());
    let opened = existing.map_or(Opened::Nothing, |c| Opened::Version(c.version));
    open_form_on(m, purpose, form, opened);
}

/// The form of a new client (`None`) or of a client as given.
pub fn client_form(m: &Model, existing: Option<&Client>) -> (FormPurpose, Form) {
    let s = t();
    let (title, purpose) = match existing {
        Some(c) => (
            fill(s.forms.form_edit_client, &[("name", &c.name)]),
            FormPurpose::EditClient(c.id),
        ),
        None => (s.forms.form_new_client.to_string(), FormPurpose::NewClient),
    };
    let tz = m.default_timezone.clone();
    let (name, currency, timezone, hours, notes) = match existing {
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
        .text("name", s.forms.field_name, name, true)
        .text("currency", s.forms.field_currency, currency, true)
        .hint(s.forms.hint_currency)
        .text("timezone", s.forms.field_timezone, timezone, true)
        .hint(s.forms.hint_timezone)
        .integer(
            "reply_target_hours",
            s.forms.field_reply_target,
            Some(i64::from(hours)),
            1,
            24 * 14,
        )
        .hint(s.forms.hint_reply_target)
        .multiline("notes", s.forms.field_notes, notes);
    (purpose, form)
}

/// The new-account form (`None`) or the edit form of an account of `client`.
pub fn open_account(m: &mut Model, client: ClientId, id: Option<i64>) {
    let existing = id
        .and_then(|id| m.data.accounts.iter().find(|a| a.id == id))
        .cloned();
    let (purpose, form) = account_form(m, client, existing.as_ref());
    let opened = existing.map_or(Opened::Nothing, |a| Opened::Version(a.version));
    open_form_on(m, purpose, form, opened);
}

/// The form of a new account of `client` (`None`) or of an account as given.
pub fn account_form(
    m: &Model,
    client: ClientId,
    existing: Option<&Account>,
) -> (FormPurpose, Form) {
    let s = t();
    let client_name = m.client(client).map(|c| c.name.clone()).unwrap_or_default();
    let (title, purpose) = match existing {
        Some(a) => (
            s.forms.form_edit_account.to_string(),
            FormPurpose::EditAccount(a.id),
        ),
        None => (
            fill(s.forms.form_new_account, &[("name", &client_name)]),
            FormPurpose::NewAccount(client),
        ),
    };
    let options = Platform::ALL
        .iter()
        .map(|p| Opt::new(p.key(), p.name()))
        .collect();
    let platform = existing.map_or("instagram", |a| a.platform.key());
    let handle = existing.map_or("", |a| a.handle.as_str());
    let form = Form::new(title)
        .choice("platform", s.forms.field_platform, options, platform)
        .hint(s.forms.hint_choice)
        .text("handle", s.forms.field_handle, handle, true)
        .hint(s.forms.hint_handle);
    (purpose, form)
}

/// The effect that saves the client form, or `None` with its fields told what is wrong.
pub fn save_client(
    purpose: &FormPurpose,
    form: &mut Form,
    fields_ok: bool,
    opened: &Opened,
) -> Option<Effect> {
    let draft = ClientDraft {
        name: form.text_value("name"),
        currency: form.text_value("currency"),
        timezone: form.text_value("timezone"),
        reply_target_hours: form
            .int_value("reply_target_hours")
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0),
        notes: form.text_value("notes"),
    };
    match draft.validate() {
        Ok(_) if !fields_ok => None,
        Ok(draft) => Some(Effect::SaveClient {
            id: match *purpose {
                FormPurpose::EditClient(id) => Some(id),
                _ => None,
            },
            version: opened.version(),
            draft,
        }),
        Err(errors) => {
            for e in errors {
                if form.field(e.field()).is_some_and(|x| x.error.is_none()) {
                    form.set_error(e.field(), e.explain());
                }
            }
            None
        }
    }
}

/// The effect that saves the account form, or `None` with its field told what is wrong.
pub fn save_account(
    m: &Model,
    purpose: &FormPurpose,
    form: &mut Form,
    fields_ok: bool,
    opened: &Opened,
) -> Option<Effect> {
    let platform = form
        .choice_value("platform")
        .and_then(|p| Platform::parse(&p))
        .unwrap_or(Platform::Instagram);
    let draft = AccountDraft {
        platform,
        handle: form.text_value("handle"),
    };
    match draft.validate() {
        Ok(_) if !fields_ok => None,
        Ok(draft) => match *purpose {
            FormPurpose::NewAccount(client) => Some(Effect::SaveAccount {
                id: None,
                client,
                version: 0,
                draft,
            }),
            FormPurpose::EditAccount(id) => {
                let client = m.data.accounts.iter().find(|a| a.id == id)?.client_id;
                Some(Effect::SaveAccount {
                    id: Some(id),
                    client,
                    version: opened.version(),
                    draft,
                })
            }
            _ => None,
        },
        Err(e) => {
            if form.field("handle").is_some_and(|x| x.error.is_none()) {
                form.set_error("handle", e.explain());
            }
            None
        }
    }
}
