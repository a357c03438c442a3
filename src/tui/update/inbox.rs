//! Keys on the Inbox tab, the inbox's forms and the saved-reply picker.

pub use super::inbox_list::{idle, loaded, rows, searchables_loaded, stale, sync};

use super::shared::{open_form, open_form_on};
use chrono::TimeZone;

use super::shared::say;
use crate::domain::Platform;
use crate::domain::inbox::{
    Filter, Item, ItemDraft, ItemId, Kind, Op, PLACEHOLDERS, SavedReply, Sentiment, StatusFilter,
    fill_reply, parse_tags, unknown_placeholders,
};
use crate::i18n::{self, fill, t};
use crate::tui::action::{Clip, Command};
use crate::tui::effect::Effect;
use crate::tui::inbox::{InboxState, current_item};
use crate::tui::model::{FormPurpose, Model, Opened, Overlay, StatusKind};
use crate::tui::widgets::form::{Form, Opt, Value};
use crate::tui::widgets::picker::{PickPurpose, Picker};

fn op(m: &mut Model, op: Op) -> Vec<Effect> {
    let ids = m.inbox.targets();
    if ids.is_empty() {
        return vec![];
    }
    vec![Effect::InboxOp { ids, op }]
}

pub fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let len = m.inbox.ids.len();
    let c = &mut m.inbox.cursor;
    match cmd {
        _ if c.moved(cmd, len) => {}
        Command::ToggleSelect => {
            if let Some(id) = m.inbox.selected_id() {
                if !m.inbox.selected.remove(&id) {
                    m.inbox.selected.insert(id);
                }
                m.inbox.cursor.down(len);
            }
        }
        Command::SelectAll => {
            if m.inbox.selected.is_empty() {
                m.inbox.selected = m.inbox.ids.iter().copied().collect();
            } else {
                m.inbox.selected.clear();
            }
        }
        Command::MarkReplied => return op(m, Op::MarkReplied),
        Command::Ignore => return op(m, Op::Ignore),
        Command::FollowUp => return op(m, Op::FollowUp),
        Command::TogglePriority => {
            let flag = !current_item(m).is_some_and(|i| i.priority);
            return op(m, Op::SetPriority(flag));
        }
        Command::CycleSentiment => {
            let Some(it) = current_item(m) else {
                return vec![];
            };
            let next = match it.sentiment() {
                Sentiment::Positive => Sentiment::Neutral,
                Sentiment::Neutral => Sentiment::Negative,
                Sentiment::Negative => Sentiment::Positive,
            };
            return op(m, Op::SetSentiment(Some(next)));
        }
        Command::Delete => {
            let ids = m.inbox.targets();
            if !ids.is_empty() {
                return vec![Effect::TrashItems { ids, deleted: true }];
            }
        }
        Command::Reply | Command::Open => return start_reply(m),
        Command::EditTags => open_tags(m),
        Command::New => open_new_item(m),
        Command::Filter => open_filter(m),
        Command::Copy => {
            if let Some(it) = current_item(m) {
                let (text, clip) = if it.reply.is_empty() {
                    (it.text.clone(), Clip::Message)
                } else {
                    (it.reply.clone(), Clip::Reply)
                };
                return vec![Effect::Copy { text, clip }];
            }
        }
        Command::OpenLink => return open_link(m),
        Command::CycleOrder => {
            // The list is read again in the new order; the cursor stays on its item.
            m.inbox.filter.order = m.inbox.filter.order.next();
            let order = i18n::inbox_order(m.inbox.filter.order);
            say(
                m,
                StatusKind::Info,
                fill(t().inbox.inbox_sorted, &[("order", order)]),
            );
        }
        Command::ClearFilter => {
            let cleared = m.inbox.filter.cleared();
            if m.inbox.filter != cleared {
                m.inbox.filter = cleared;
                m.inbox.selected.clear();
                m.inbox.cursor.top();
                say(m, StatusKind::Info, t().inbox.filter_cleared.to_string());
            }
        }
        Command::SavedReplies => {
            if let Some(client) = current_item(m).map(|i| i.client_id).or(m.current) {
                return vec![Effect::LoadSavedReplies {
                    client,
                    then: PickPurpose::SavedReplies { client },
                }];
            }
        }
        _ => {}
    }
    vec![]
}

fn open_link(m: &mut Model) -> Vec<Effect> {
    let Some(it) = current_item(m) else {
        return vec![];
    };
    let url = it.permalink.trim().to_string();
    // Only web addresses go to the browser: a file: or javascript: link from a
    // stranger's comment must not run anything.
    if url.starts_with("https://") || url.starts_with("http://") {
        say(
            m,
            StatusKind::Info,
            fill(t().inbox.opening_link, &[("url", &url)]),
        );
        vec![Effect::OpenUrl(url)]
    } else {
        say(m, StatusKind::Error, t().inbox.no_link.to_string());
        vec![]
    }
}

fn start_reply(m: &mut Model) -> Vec<Effect> {
    let Some(it) = current_item(m) else {
        return vec![];
    };
    let client = it.client_id;
    let items = m.inbox.targets();
    vec![Effect::LoadSavedReplies {
        client,
        then: PickPurpose::ReplyTemplate { items, client },
    }]
}

/// Saved replies arrived: pick one to start a reply, or manage them.
pub fn saved_replies_loaded(m: &mut Model, replies: Vec<SavedReply>, then: PickPurpose) {
    let s = t();
    m.inbox.saved_replies = replies;
    match &then {
        PickPurpose::ReplyTemplate { items, .. } if m.inbox.saved_replies.is_empty() => {
            open_reply_form(m, items.clone(), None)
        }
        PickPurpose::ReplyTemplate { .. } => {
            let mut entries = vec![(0, s.inbox.blank_reply.to_string(), String::new())];
            entries.extend(
                m.inbox
                    .saved_replies
                    .iter()
                    .map(|r| (r.id, r.name.clone(), r.text.clone())),
            );
            m.overlays.push(Overlay::Picker(Picker {
                title: s.inbox.pick_saved_reply.to_string(),
                entries,
                cursor: Default::default(),
                purpose: then,
            }));
        }
        PickPurpose::SavedReplies { client } => {
            let name = m
                .client(*client)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            let entries = m
                .inbox
                .saved_replies
                .iter()
                .map(|r| (r.id, r.name.clone(), r.text.clone()))
                .collect();
            // Replace a manager already open (after an edit) rather than stack another.
            if let Some(Overlay::Picker(p)) = m.overlays.last_mut()
                && matches!(p.purpose, PickPurpose::SavedReplies { .. })
            {
                p.entries = entries;
                let n = p.entries.len();
                p.cursor.clamp(n);
                return;
            }
            m.overlays.push(Overlay::Picker(Picker {
                title: fill(s.inbox.saved_replies_of, &[("client", &name)]),
                entries,
                cursor: Default::default(),
                purpose: then,
            }));
        }
    }
}

/// Keys in the picker.
pub fn picker_command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Overlay::Picker(p)) = m.overlays.last_mut() else {
        return vec![];
    };
    let len = p.entries.len();
    match cmd {
        Command::Up => p.cursor.up(),
        Command::Down => p.cursor.down(len),
        Command::Top => p.cursor.top(),
        Command::Bottom => p.cursor.bottom(len),
        Command::Back => {
            m.overlays.pop();
        }
        Command::Open => {
            let value = p.value();
            match p.purpose.clone() {
                PickPurpose::ReplyTemplate { items, .. } => {
                    m.overlays.pop();
                    let template = m
                        .inbox
                        .saved_replies
                        .iter()
                        .find(|r| Some(r.id) == value)
                        .map(|r| r.text.clone());
                    open_reply_form(m, items, template);
                }
                PickPurpose::SavedReplies { client } => {
                    if let Some(id) = value {
                        open_saved_reply_form(m, client, id);
                    }
                }
            }
        }
        Command::New => {
            let client = match &p.purpose {
                PickPurpose::ReplyTemplate { client, .. }
                | PickPurpose::SavedReplies { client } => *client,
            };
            open_saved_reply_form(m, client, 0);
        }
        Command::Edit => {
            if let (PickPurpose::SavedReplies { client }, Some(id)) = (p.purpose.clone(), p.value())
            {
                open_saved_reply_form(m, client, id);
            }
        }
        Command::Delete => {
            if let (PickPurpose::SavedReplies { .. }, Some(id)) = (&p.purpose, p.value()) {
                return vec![Effect::TrashSavedReply { id, deleted: true }];
            }
        }
        _ => {}
    }
    vec![]
}

fn open_reply_form(m: &mut Model, items: Vec<i64>, template: Option<String>) {
    let Some(first) = items.first().and_then(|id| m.inbox.rows.get(id)).cloned() else {
        return;
    };
    let form = reply_form(m, &items, &first, template);
    let opened = versions(m, &items);
    open_form_on(m, FormPurpose::Reply(items), form, opened);
}

/// The versions of the items on screen among `items`, as a form opens on them.
fn versions(m: &Model, items: &[ItemId]) -> Opened {
    Opened::Items(
        items
            .iter()
            .filter_map(|id| m.inbox.rows.get(id).map(|it| (*id, it.version)))
            .collect(),
    )
}

/// The reply form for `items`, showing the reply of `first` (or a saved reply's text).
pub fn reply_form(m: &Model, items: &[ItemId], first: &Item, template: Option<String>) -> Form {
    let s = t();
    let client = m
        .client(first.client_id)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let text = match template {
        Some(tpl) => fill_reply(&tpl, first, &client),
        None if !first.reply.is_empty() => first.reply.clone(),
        None => String::new(),
    };
    let title = if items.len() > 1 {
        s.inbox.form_reply_many.n(items.len())
    } else {
        fill(
            s.inbox.form_reply,
            &[("author", &crate::domain::text::sanitize_line(&first.author))],
        )
    };
    Form::new(title)
        .multiline_h("reply", s.inbox.field_reply, &text, 6)
        .started_from(&first.reply)
        .hint(s.inbox.hint_reply)
}

fn open_tags(m: &mut Model) {
    let items = m.inbox.targets();
    if items.is_empty() {
        return;
    }
    let first = m.inbox.rows.get(&items[0]).cloned();
    let form = tags_form(&items, first.as_ref());
    // Tags added to many items take nothing away; tags set on one replace its own.
    let opened = if items.len() == 1 {
        versions(m, &items)
    } else {
        Opened::Nothing
    };
    open_form_on(m, FormPurpose::Tags(items), form, opened);
}

/// The tags form for `items`: the tags of the one item (`first`), or empty for many.
pub fn tags_form(items: &[ItemId], first: Option<&Item>) -> Form {
    let s = t();
    let current = match first {
        Some(it) if items.len() == 1 => it.tags.join(" "),
        _ => String::new(),
    };
    let title = s.inbox.form_tags.n(items.len());
    let hint = if items.len() > 1 {
        s.inbox.hint_tags_many
    } else {
        s.inbox.hint_tags_one
    };
    Form::new(title)
        .text("tags", s.inbox.field_tags_inbox, &current, false)
        .hint(hint)
}

fn platform_opts() -> Vec<Opt> {
    Platform::ALL
        .iter()
        .map(|p| Opt::new(p.key(), p.name()))
        .collect()
}

fn kind_opts() -> Vec<Opt> {
    Kind::ALL
        .iter()
        .map(|k| Opt::new(k.key(), i18n::inbox_kind(*k)))
        .collect()
}

fn open_new_item(m: &mut Model) {
    let s = t();
    let Some(client) = m.current_client() else {
        return;
    };
    let title = fill(s.inbox.form_new_item, &[("client", &client.name)]);
    let local = m.now.with_timezone(&client.tz()).naive_local();
    let platform = m
        .accounts_of(client.id)
        .next()
        .map_or("instagram", |a| a.platform.key());
    let form = Form::new(title)
        .choice(
            "platform",
            s.forms.field_platform,
            platform_opts(),
            platform,
        )
        .choice("kind", s.inbox.field_item_kind, kind_opts(), "comment")
        .text("author", s.inbox.field_author, "", true)
        .text("author_name", s.inbox.field_author_name, "", false)
        .multiline_h("text", s.inbox.field_text, "", 4)
        .datetime("received_at", s.inbox.field_received, Some(local), true)
        .hint(s.inbox.hint_local_time)
        .text("permalink", s.inbox.field_permalink, "", false);
    open_form(m, FormPurpose::NewItem, form);
}

fn open_filter(m: &mut Model) {
    let s = t();
    let f = &m.inbox.filter;
    let statuses = StatusFilter::ALL
        .iter()
        .map(|x| Opt::new(x.key(), i18n::status_filter(*x)))
        .collect();
    let mut platforms = vec![Opt::new("", s.strategy.all_platforms)];
    platforms.extend(platform_opts());
    let mut kinds = vec![Opt::new("", s.inbox.all_kinds)];
    kinds.extend(kind_opts());
    let form = Form::new(s.inbox.form_filter)
        .text(
            "text",
            s.inbox.field_search,
            f.text.as_deref().unwrap_or(""),
            false,
        )
        .choice("status", s.strategy.field_status, statuses, f.status.key())
        .choice(
            "platform",
            s.forms.field_platform,
            platforms,
            f.platform.map_or("", Platform::key),
        )
        .choice(
            "kind",
            s.inbox.field_item_kind,
            kinds,
            f.kind.map_or("", Kind::key),
        )
        .text(
            "tag",
            s.inbox.field_tag,
            f.tag.as_deref().unwrap_or(""),
            false,
        );
    open_form(m, FormPurpose::InboxFilter, form);
}

fn open_saved_reply_form(m: &mut Model, client: i64, id: i64) {
    let r = m.inbox.saved_replies.iter().find(|r| r.id == id).cloned();
    let opened = r
        .as_ref()
        .map_or(Opened::Nothing, |r| Opened::Version(r.version));
    let form = saved_reply_form(id, r.as_ref());
    open_form_on(m, FormPurpose::SavedReply(client, id), form, opened);
}

/// The form of saved reply `id` (0: a new one), as given.
pub fn saved_reply_form(id: i64, r: Option<&SavedReply>) -> Form {
    let s = t();
    let (name, text) = r.map_or(("", ""), |r| (r.name.as_str(), r.text.as_str()));
    let title = if id == 0 {
        s.inbox.form_new_saved_reply
    } else {
        s.inbox.form_edit_saved_reply
    };
    Form::new(title)
        .text("name", s.forms.field_name, name, true)
        .multiline_h("text", s.inbox.field_text, text, 5)
        .hint(s.inbox.hint_placeholders)
}

/// The effects of saving an inbox form, or `None` with the messages set.
pub fn save(
    m: &mut Model,
    purpose: &FormPurpose,
    form: &mut Form,
    fields_ok: bool,
    opened: &Opened,
) -> Option<Vec<Effect>> {
    if !fields_ok {
        return None;
    }
    let s = t();
    match purpose {
        FormPurpose::Reply(items) => {
            let text = form.text_value("reply").trim_end().to_string();
            // Copied once saved (see `done`), so a failed save copies nothing.
            Some(vec![change(items, opened, Op::SetReply(text))])
        }
        FormPurpose::Tags(items) => {
            let tags = parse_tags(&form.text_value("tags"));
            let op = if items.len() > 1 {
                Op::AddTags(tags)
            } else {
                Op::SetTags(tags)
            };
            Some(vec![change(items, opened, op)])
        }
        FormPurpose::NewItem => {
            let client = m.current_client()?.clone();
            let Value::DateTime(local) = form.value("received_at") else {
                return None;
            };
            let received_at = match client.tz().from_local_datetime(&local) {
                chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                    t.with_timezone(&chrono::Utc)
                }
                chrono::LocalResult::None => {
                    form.set_error("received_at", s.inbox.err_no_such_time.to_string());
                    return None;
                }
            };
            let draft = ItemDraft {
                platform: form
                    .choice_value("platform")
                    .and_then(|p| Platform::parse(&p))
                    .unwrap_or(Platform::Instagram),
                kind: form
                    .choice_value("kind")
                    .and_then(|k| Kind::parse(&k))
                    .unwrap_or(Kind::Comment),
                author: form.text_value("author").trim().to_string(),
                author_name: form.text_value("author_name").trim().to_string(),
                text: form.text_value("text").trim_end().to_string(),
                received_at,
                permalink: form.text_value("permalink").trim().to_string(),
                external_id: None,
            };
            Some(vec![Effect::AddItem {
                client: client.id,
                draft,
            }])
        }
        FormPurpose::InboxFilter => {
            let text = form.text_value("text").trim().to_string();
            let tag = form
                .text_value("tag")
                .trim()
                .trim_start_matches('#')
                .to_lowercase();
            m.inbox.filter = Filter {
                client: None,
                status: form
                    .choice_value("status")
                    .and_then(|x| StatusFilter::parse(&x))
                    .unwrap_or_default(),
                platform: form
                    .choice_value("platform")
                    .and_then(|p| Platform::parse(&p)),
                kind: form.choice_value("kind").and_then(|k| Kind::parse(&k)),
                tag: (!tag.is_empty()).then_some(tag),
                text: (!text.is_empty()).then_some(text),
                order: m.inbox.filter.order,
            };
            m.inbox.selected.clear();
            m.inbox.cursor.top();
            Some(vec![])
        }
        FormPurpose::SavedReply(client, id) => {
            let text = form.text_value("text").trim_end().to_string();
            // A misspelt placeholder would reach the customer as it is.
            let unknown = unknown_placeholders(&text);
            if !unknown.is_empty() {
                let msg = s.inbox.err_placeholder.with(
                    unknown.len(),
                    // `known` first: a `{known}` typed by mistake stays as typed.
                    &[
                        ("known", &PLACEHOLDERS.join(", ")),
                        ("found", &unknown.join(", ")),
                    ],
                );
                form.set_error("text", msg);
                return None;
            }
            Some(vec![Effect::SaveSavedReply(SavedReply {
                id: *id,
                client_id: *client,
                name: form.text_value("name").trim().to_string(),
                text,
                version: opened.version(),
            })])
        }
        _ => None,
    }
}

/// A form's change to items: written only over the versions the form was opened on (of
/// the items it had read); the others as they are.
fn change(items: &[ItemId], opened: &Opened, op: Op) -> Effect {
    match opened {
        Opened::Items(at) if !at.is_empty() => Effect::InboxOpAt {
            ids: items.to_vec(),
            at: at.clone(),
            op,
        },
        _ => Effect::InboxOp {
            ids: items.to_vec(),
            op,
        },
    }
}

/// Keeps selections and cursors sane after the list changed.
pub fn after_change(st: &mut InboxState) {
    st.selected.clear();
}
