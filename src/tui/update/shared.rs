//! What every update module uses: the status message, a form put on top of the screen
//! or taken off, the question before a changed form is thrown away. Below all the tab
//! modules: it imports none of them.

use chrono::Duration;

use crate::i18n::t;
use crate::tui::model::{FormOverlay, FormPurpose, Model, Opened, Overlay, Status, StatusKind};
use crate::tui::widgets::confirm::{Confirm, ConfirmKind};
use crate::tui::widgets::form::Form;

/// How long a status message stays.
const STATUS_SECONDS: i64 = 6;

/// Shows a message in the status bar for a few seconds.
pub fn say(m: &mut Model, kind: StatusKind, text: String) {
    m.status = Some(Status {
        text,
        kind,
        until: m.now + Duration::seconds(STATUS_SECONDS),
    });
}

/// Puts a form on top of the screen. The purpose says what the form edits (which row,
/// of which client): the form carries it, so saving needs nothing else.
pub fn open_form(m: &mut Model, purpose: FormPurpose, form: Form) {
    open_form_on(m, purpose, form, Opened::Nothing);
}

/// [`open_form`] for a form that edits stored rows, as they are in `opened`.
pub fn open_form_on(m: &mut Model, purpose: FormPurpose, form: Form, opened: Opened) {
    m.overlays.push(Overlay::Form(FormOverlay {
        purpose,
        form,
        saving: false,
        confirmed: false,
        opened,
        theirs: None,
    }));
}

/// Closes the form on top, if the top is a form.
pub fn close_form(m: &mut Model) {
    if matches!(m.overlays.last(), Some(Overlay::Form(_))) {
        m.overlays.pop();
    }
}

/// Asks before a form with changes is closed.
pub fn ask_discard(m: &mut Model) {
    m.overlays.push(Overlay::Confirm(Confirm {
        kind: ConfirmKind::DiscardForm,
        question: t().forms.discard_changes.to_string(),
    }));
}

/// `Target` from `target`, for the start of a message.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
