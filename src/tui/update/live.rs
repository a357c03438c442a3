//! Live work in the app: starting a sync (on the key, at start and every few minutes,
//! never twice), and what the worker thread answers: progress in the status line, then a
//! summary; a reply sent or not; a post published; an account connected.

use chrono::Duration;

use super::shared::say;
use crate::domain::Platform;
use crate::domain::inbox::ItemId;
use crate::domain::post::{Post, PostId, PostStatus};
use crate::domain::text::sanitize_line;
use crate::i18n::{fill, t};
use crate::tui::effect::Effect;
use crate::tui::live::{AccountLine, Heard, Job};
use crate::tui::model::{FormPurpose, Model, Overlay, Status, StatusKind};
use crate::tui::widgets::confirm::{Confirm, ConfirmKind};

/// How long a progress message stays (it is replaced when the work ends).
const PROGRESS_SECONDS: i64 = 3600;
/// How long a message about live work stays: long enough to read an error's advice.
const RESULT_SECONDS: i64 = 15;

fn show(m: &mut Model, kind: StatusKind, text: String, seconds: i64) {
    m.status = Some(Status {
        text,
        kind,
        until: m.now + Duration::seconds(seconds),
    });
}

/// The sync key: starts a sync of every connected account, unless one runs.
pub fn sync_now(m: &mut Model) -> Vec<Effect> {
    let s = t();
    if m.live.syncing {
        say(m, StatusKind::Info, s.live.live_sync_running.to_string());
        return vec![];
    }
    if m.data.connections.is_empty() {
        say(m, StatusKind::Info, s.live.live_sync_none.to_string());
        return vec![];
    }
    start_sync(m)
}

fn start_sync(m: &mut Model) -> Vec<Effect> {
    m.live.syncing = true;
    if m.live.minutes > 0 {
        m.live.next_sync = Some(m.now + Duration::minutes(i64::from(m.live.minutes)));
    }
    show(
        m,
        StatusKind::Info,
        t().live.live_sync_starting.to_string(),
        PROGRESS_SECONDS,
    );
    vec![Effect::Live(Job::Sync { client: None })]
}

/// At start and on ticks: the sync that runs every few minutes, when its time came.
pub fn due(m: &mut Model) -> Vec<Effect> {
    let due = m.live.minutes > 0 && m.live.next_sync.is_some_and(|t| t <= m.now);
    if !due || m.live.syncing || m.data.connections.is_empty() {
        return vec![];
    }
    start_sync(m)
}

/// What the worker heard.
pub fn heard(m: &mut Model, h: Heard) -> Vec<Effect> {
    let s = t();
    match h {
        Heard::SyncAccount {
            index,
            total,
            account,
        } => {
            let text = fill(
                s.live.sync_progress,
                &[
                    ("account", &sanitize_line(&account)),
                    ("i", &index.to_string()),
                    ("n", &total.to_string()),
                ],
            );
            show(m, StatusKind::Info, text, PROGRESS_SECONDS);
            vec![]
        }
        Heard::SyncDone(lines) => {
            m.live.syncing = false;
            let failed = lines.iter().any(|l| l.error.is_some());
            let kind = if failed {
                StatusKind::Error
            } else {
                StatusKind::Success
            };
            show(m, kind, sync_summary(&lines), RESULT_SECONDS);
            // What the worker stored moved the file's data version: the screens read again.
            vec![Effect::CheckDataVersion]
        }
        Heard::SyncFailed(e) => {
            m.live.syncing = false;
            show(m, StatusKind::Error, e, RESULT_SECONDS);
            vec![Effect::CheckDataVersion]
        }
        Heard::ReplySent {
            item,
            platform,
            url,
        } => {
            m.live.sending.remove(&item);
            let text = fill(
                s.live.live_reply_sent,
                &[("platform", platform), ("url", &sanitize_line(&url))],
            );
            show(m, StatusKind::Success, text, RESULT_SECONDS);
            vec![Effect::CheckDataVersion]
        }
        Heard::ReplyFailed { item, error } => {
            m.live.sending.remove(&item);
            let text = fill(s.live.live_reply_failed, &[("error", &error)]);
            show(m, StatusKind::Error, text, RESULT_SECONDS);
            vec![Effect::CheckDataVersion]
        }
        Heard::Published {
            post,
            lines,
            failed,
        } => {
            let asked = m.live.publishing.remove(&post);
            let text = if !lines.is_empty() {
                lines.join(" · ")
            } else if asked {
                s.live.live_publish_nothing.to_string()
            } else {
                // A post kept in step that had nothing held: nothing to say.
                return vec![];
            };
            let kind = if failed {
                StatusKind::Error
            } else {
                StatusKind::Success
            };
            show(m, kind, text, RESULT_SECONDS);
            vec![Effect::CheckDataVersion]
        }
        Heard::Authorizing(a) => {
            m.live.connecting = false;
            let url = a.url.clone();
            super::connect::code_form(m, a);
            vec![Effect::OpenUrl(url)]
        }
        Heard::Connected { account, place } => {
            m.live.connecting = false;
            let text = fill(
                s.live.live_connected,
                &[("account", &account), ("place", &sanitize_line(&place))],
            );
            show(m, StatusKind::Success, text, RESULT_SECONDS);
            // Its first sync comes with the next tick.
            m.live.next_sync = Some(m.now);
            vec![Effect::Reload, Effect::CheckDataVersion]
        }
        Heard::Disconnected { account, unrevoked } => {
            m.live.connecting = false;
            let mut text = fill(s.live.live_disconnected, &[("account", &account)]);
            if let Some(w) = unrevoked {
                text = format!("{text} {w}");
            }
            show(m, StatusKind::Success, text, RESULT_SECONDS);
            vec![Effect::Reload, Effect::CheckDataVersion]
        }
        Heard::ConnectFailed(e) => {
            m.live.connecting = false;
            show(m, StatusKind::Error, e, RESULT_SECONDS);
            vec![Effect::Reload]
        }
    }
}

/// One line for the status bar: new items per account, and each failure in words (they
/// name the account and say what to do).
pub fn sync_summary(lines: &[AccountLine]) -> String {
    let s = t();
    if lines.is_empty() {
        return s.live.live_sync_none.to_string();
    }
    let errors: Vec<&str> = lines.iter().filter_map(|l| l.error.as_deref()).collect();
    let news: Vec<String> = lines
        .iter()
        .filter(|l| l.error.is_none() && l.new > 0)
        .map(|l| format!("{} {}", sanitize_line(&l.account), s.live.sync_new.n(l.new)))
        .collect();
    let mut parts = Vec::new();
    if news.is_empty() && errors.len() < lines.len() {
        parts.push(s.live.live_sync_nothing_new.to_string());
    } else if !news.is_empty() {
        parts.push(news.join(", "));
    }
    parts.extend(errors.iter().map(|e| e.to_string()));
    fill(s.live.live_sync_done, &[("parts", &parts.join(" · "))])
}

/// Asks whether the item of the reply form on top can be answered live, once per form.
pub fn sync(m: &mut Model) -> Vec<Effect> {
    let Some(Overlay::Form(f)) = m.overlays.last() else {
        return vec![];
    };
    let FormPurpose::Reply(items) = &f.purpose else {
        return vec![];
    };
    let [item] = items.as_slice() else {
        return vec![];
    };
    if m.live.checked == Some(*item) || m.data.connections.is_empty() {
        return vec![];
    }
    m.live.checked = Some(*item);
    vec![Effect::CheckCanSend(*item)]
}

/// The answer: the reply form says it can send.
pub fn can_send(m: &mut Model, item: ItemId, yes: bool) {
    if !yes {
        m.live.can_send.remove(&item);
        return;
    }
    m.live.can_send.insert(item);
    let platform = m.inbox.rows.get(&item).map_or("", |it| it.platform.name());
    if let Some(Overlay::Form(f)) = m.overlays.last_mut()
        && f.purpose == FormPurpose::Reply(vec![item])
    {
        let send = fill(t().live.hint_reply_send, &[("platform", platform)]);
        if let Some(field) = f.form.fields.last_mut() {
            field.hint = Some(match field.hint.take() {
                Some(h) => format!("{send} · {h}"),
                None => send,
            });
        }
    }
}

/// `Ctrl-t` in a reply form: whether its reply is to be sent once saved (the caller
/// saves it); says why not otherwise.
pub fn prepare_send(m: &mut Model) -> bool {
    let item = match m.overlays.last() {
        Some(Overlay::Form(f)) => match f.purpose.clone() {
            FormPurpose::Reply(items) if items.len() == 1 => Some(items[0]),
            _ => None,
        },
        _ => None,
    };
    match item {
        Some(id) if m.live.can_send.contains(&id) => {
            if m.live.sending.contains(&id) {
                say(m, StatusKind::Info, t().live.live_reply_sending.to_string());
                return false;
            }
            m.live.send_after_save = Some(id);
            true
        }
        _ => {
            say(m, StatusKind::Info, t().live.live_cannot_send.to_string());
            false
        }
    }
}

/// A reply was saved: when it was saved to be sent, send it.
pub fn after_reply_saved(m: &mut Model, text: &str) -> Vec<Effect> {
    let Some(id) = m.live.send_after_save.take() else {
        return vec![];
    };
    let Some(item) = m.inbox.rows.get(&id).cloned() else {
        return vec![];
    };
    m.live.sending.insert(id);
    show(
        m,
        StatusKind::Info,
        t().live.live_reply_sending.to_string(),
        PROGRESS_SECONDS,
    );
    vec![Effect::Live(Job::SendReply {
        item: Box::new(item),
        text: text.to_string(),
    })]
}

/// The handles of a post's accounts that are connected.
fn connected_accounts(m: &Model, p: &Post) -> Vec<(String, Platform)> {
    p.accounts
        .iter()
        .filter_map(|a| m.data.accounts.iter().find(|x| x.id == *a))
        .filter(|a| m.data.connections.iter().any(|c| c.account_id == a.id))
        .map(|a| (sanitize_line(&a.handle), a.platform))
        .collect()
}

/// `P` on a post: asks before sending it now, naming its connected accounts.
pub fn ask_publish(m: &mut Model, p: &Post) {
    let s = t();
    if !crate::sync::can_publish_now(p.status) {
        say(
            m,
            StatusKind::Info,
            fill(
                s.live.live_cannot_publish,
                &[("status", crate::i18n::post_status(p.status))],
            ),
        );
        return;
    }
    let accounts = connected_accounts(m, p);
    if accounts.is_empty() {
        say(
            m,
            StatusKind::Info,
            s.live.live_post_not_connected.to_string(),
        );
        return;
    }
    let names: Vec<String> = accounts.into_iter().map(|(h, _)| h).collect();
    m.live.asked = Some(p.id);
    m.overlays.push(Overlay::Confirm(Confirm {
        kind: ConfirmKind::PublishNow,
        question: fill(
            s.live.confirm_publish_now,
            &[("accounts", &names.join(", "))],
        ),
    }));
}

/// The publish was confirmed.
pub fn publish_confirmed(m: &mut Model) -> Vec<Effect> {
    let Some(post) = m.live.asked.take() else {
        return vec![];
    };
    m.live.publishing.insert(post);
    show(
        m,
        StatusKind::Info,
        t().live.live_publishing.to_string(),
        PROGRESS_SECONDS,
    );
    vec![Effect::Live(Job::PublishNow { post })]
}

/// How far ahead Mastodon holds a post at the least.
const HOLD_AHEAD_MINUTES: i64 = 5;

/// `H` on a scheduled post: holds it on its Mastodon servers, so it goes out while the
/// computer sleeps.
pub fn hold(m: &mut Model, p: &Post) -> Vec<Effect> {
    let s = t();
    let ahead =
        p.at.is_some_and(|at| at > m.now + Duration::minutes(HOLD_AHEAD_MINUTES));
    if p.status != PostStatus::Scheduled || !ahead {
        say(m, StatusKind::Info, s.live.live_hold_when.to_string());
        return vec![];
    }
    let mastodon = connected_accounts(m, p)
        .iter()
        .any(|(_, pl)| *pl == Platform::Mastodon);
    if !mastodon {
        say(m, StatusKind::Info, s.live.live_hold_mastodon.to_string());
        return vec![];
    }
    m.live.publishing.insert(p.id);
    show(
        m,
        StatusKind::Info,
        s.live.live_holding.to_string(),
        PROGRESS_SECONDS,
    );
    vec![Effect::Live(Job::Hold { post: p.id })]
}

/// A post was saved, moved or trashed: its copies held on a server follow (a post that
/// was scheduled, when an account is connected; nothing goes out when none is held).
pub fn keep_in_step(m: &Model, post: PostId, was_scheduled: bool) -> Vec<Effect> {
    if !was_scheduled || m.data.connections.is_empty() {
        return vec![];
    }
    vec![Effect::Live(Job::KeepInStep { post })]
}
