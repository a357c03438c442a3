//! Connecting an account from the client switcher's accounts pane: the sign-in forms
//! (Mastodon: a token, or approve twohats in a browser and paste the code; Bluesky: an
//! app password), the disconnect question, and the form of the sync interval. The
//! network work runs on the worker; its answer comes back in the status line.

use super::shared::{open_form, say};
use crate::domain::text::sanitize_line;
use crate::domain::{Account, Platform};
use crate::i18n::{fill, t};
use crate::net::Secret;
use crate::tui::effect::Effect;
use crate::tui::live::{Authorizing, ConnectJob, Job, MAX_SYNC_MINUTES, SignIn};
use crate::tui::model::{FormPurpose, Model, Overlay, StatusKind};
use crate::tui::widgets::confirm::{Confirm, ConfirmKind};
use crate::tui::widgets::form::Form;

/// The connection of an account, if it has one.
pub fn connection_of(m: &Model, account: i64) -> Option<&crate::store::ConnectionRow> {
    m.data.connections.iter().find(|c| c.account_id == account)
}

/// `C` on an account: the sign-in form of its platform.
pub fn open(m: &mut Model, acc: &Account) {
    let s = t();
    if m.live.connecting {
        say(m, StatusKind::Info, s.live.live_connect_running.to_string());
        return;
    }
    let handle = sanitize_line(&acc.handle);
    let purpose = FormPurpose::Connect {
        client: acc.client_id,
        account: acc.id,
        platform: acc.platform,
    };
    let form = match acc.platform {
        Platform::Mastodon => {
            let server = crate::net::mastodon::server_for(&acc.handle, None)
                .map(|b| b.as_str().to_string())
                .unwrap_or_default();
            Form::new(fill(s.live.form_connect_mastodon, &[("account", &handle)]))
                .text("server", s.live.field_server, &server, true)
                .text("token", s.live.field_token, "", false)
                .secret()
                .hint(s.live.hint_connect_mastodon)
        }
        Platform::Bluesky => Form::new(fill(s.live.form_connect_bluesky, &[("account", &handle)]))
            .text("pds", s.live.field_pds, "", false)
            .text("password", s.live.field_app_password, "", true)
            .secret()
            .hint(s.live.hint_connect_bluesky),
        other => {
            say(
                m,
                StatusKind::Info,
                fill(s.live.live_cannot_connect, &[("platform", other.name())]),
            );
            return;
        }
    };
    open_form(m, purpose, form);
}

/// Mastodon's second step: the address to approve twohats at, and the code to paste.
pub fn code_form(m: &mut Model, a: Box<Authorizing>) {
    let s = t();
    let form = Form::new(s.live.form_connect_code.to_string())
        .text("code", s.live.field_code, "", true)
        .secret()
        .hint(&fill(
            s.live.hint_connect_code,
            &[("url", &sanitize_line(&a.url))],
        ));
    m.live.authorizing = Some(a);
    open_form(m, FormPurpose::ConnectCode, form);
}

/// The effects of a sign-in form, or of the sync interval's; `None` keeps the form open
/// with its messages.
pub fn save(
    m: &mut Model,
    purpose: &FormPurpose,
    form: &mut Form,
    fields_ok: bool,
) -> Option<Vec<Effect>> {
    if !fields_ok {
        return None;
    }
    let s = t();
    let job = match purpose {
        FormPurpose::SyncInterval => {
            let n = form.int_value("minutes")?;
            let n = u32::try_from(n).ok()?.min(MAX_SYNC_MINUTES);
            m.live.minutes = n;
            m.live.next_sync = (n > 0).then(|| m.now + chrono::Duration::minutes(i64::from(n)));
            let text = if n == 0 {
                s.live.live_interval_off.to_string()
            } else {
                s.live.live_interval_set.n(n as usize)
            };
            say(m, StatusKind::Success, text);
            return Some(vec![Effect::SaveSyncMinutes(n)]);
        }
        FormPurpose::Connect {
            client,
            account,
            platform: Platform::Mastodon,
        } => {
            let server = form.text_value("server").trim().to_string();
            let token = Secret::new(form.text_value("token").trim().to_string());
            if token.is_empty() {
                Job::Authorize {
                    account: *account,
                    server,
                }
            } else {
                Job::Connect(Box::new(ConnectJob {
                    client: *client,
                    account: *account,
                    how: SignIn::MastodonToken { server, token },
                }))
            }
        }
        FormPurpose::Connect {
            client, account, ..
        } => Job::Connect(Box::new(ConnectJob {
            client: *client,
            account: *account,
            how: SignIn::Bluesky {
                pds: form.text_value("pds").trim().to_string(),
                password: Secret::new(form.text_value("password").trim().to_string()),
            },
        })),
        FormPurpose::ConnectCode => {
            let pending = m.live.authorizing.take()?;
            let client = m
                .data
                .accounts
                .iter()
                .find(|a| a.id == pending.account)
                .map(|a| a.client_id)?;
            Job::Connect(Box::new(ConnectJob {
                client,
                account: pending.account,
                how: SignIn::MastodonCode {
                    pending,
                    code: Secret::new(form.text_value("code").trim().to_string()),
                },
            }))
        }
        _ => return None,
    };
    m.live.connecting = true;
    say(m, StatusKind::Info, s.live.live_connecting.to_string());
    Some(vec![Effect::Live(job)])
}

/// `X` on a connected account: asks first, naming it.
pub fn ask_disconnect(m: &mut Model, acc: &Account) {
    let s = t();
    let Some(row) = connection_of(m, acc.id) else {
        say(
            m,
            StatusKind::Info,
            fill(
                s.live.live_not_connected,
                &[("account", &sanitize_line(&acc.handle))],
            ),
        );
        return;
    };
    m.live.asked = Some(row.id);
    m.overlays.push(Overlay::Confirm(Confirm {
        kind: ConfirmKind::Disconnect,
        question: fill(
            s.live.confirm_disconnect,
            &[("account", &sanitize_line(&acc.handle))],
        ),
    }));
}

/// The disconnect was confirmed.
pub fn disconnect(m: &mut Model) -> Vec<Effect> {
    let Some(connection) = m.live.asked.take() else {
        return vec![];
    };
    m.live.connecting = true;
    say(m, StatusKind::Info, t().live.live_disconnecting.to_string());
    vec![Effect::Live(Job::Disconnect { connection })]
}

/// `i`: how often the app syncs by itself.
pub fn open_interval(m: &mut Model) {
    let s = t();
    let form = Form::new(s.live.form_sync_interval.to_string())
        .integer(
            "minutes",
            s.live.field_sync_minutes,
            Some(i64::from(m.live.minutes)),
            0,
            i64::from(MAX_SYNC_MINUTES),
        )
        .hint(s.live.hint_sync_interval);
    open_form(m, FormPurpose::SyncInterval, form);
}
