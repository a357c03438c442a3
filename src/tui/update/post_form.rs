//! The post form (with live counters per platform), marking published, duplicating to
//! other accounts, and the agenda filter.

use super::shared::open_form_on;
use super::shared::say;
use chrono::NaiveDateTime;

use crate::domain::Platform;
use crate::domain::count::count;
use crate::domain::post::{Post, PostStatus, is_skipped, slug, tagged_link};
use crate::i18n::{self, fill, format, t};
use crate::store::PostFilter;
use crate::tui::calendar::selected_day;
use crate::tui::effect::Effect;
use crate::tui::model::{FormPurpose, Model, Opened, Overlay};
use crate::tui::widgets::form::{Form, Opt, Value};

/// What saving a post form leads to.
pub enum Save {
    /// A field is wrong; its message is on the form.
    Invalid,
    /// Over a platform's limit and marked ready: ask first.
    Confirm(String),
    Effects(Vec<Effect>),
}

fn push(m: &mut Model, purpose: FormPurpose, form: Form) {
    push_on(m, purpose, form, Opened::Nothing);
}

fn push_on(m: &mut Model, purpose: FormPurpose, form: Form, opened: Opened) {
    open_form_on(m, purpose, form, opened);
    refresh_counters(m);
}

fn account_opts(m: &Model, client: i64, except: &[i64]) -> Vec<Opt> {
    m.accounts_of(client)
        .filter(|a| !except.contains(&a.id))
        .map(|a| {
            Opt::new(
                a.id.to_string(),
                format!("{} {}", a.platform.mark().trim(), a.handle),
            )
        })
        .collect()
}

fn id_opts<'a>(none: &str, items: impl Iterator<Item = (i64, &'a str)>) -> Vec<Opt> {
    std::iter::once(Opt::new("", none))
        .chain(items.map(|(id, name)| Opt::new(id.to_string(), name)))
        .collect()
}

fn id_str(id: Option<i64>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

fn form_for(m: &Model, title: String, p: &Post) -> Form {
    let s = t();
    let plan = &m.plan;
    // `publishing` is the engine's to set (a post being sent): offered only to a post
    // that has it, so its form opens as it is.
    let statuses = PostStatus::ALL
        .iter()
        .filter(|x| **x != PostStatus::Publishing || p.status == PostStatus::Publishing)
        .map(|x| Opt::new(x.key(), i18n::post_status(*x)))
        .collect();
    let chosen: Vec<String> = p.accounts.iter().map(|a| a.to_string()).collect();
    let chosen: Vec<&str> = chosen.iter().map(String::as_str).collect();
    // Pillars, campaigns, targets and objectives are the current client's plan.
    let same_client = plan.client_id == p.client_id;
    fn pick(same_client: bool, v: Vec<(i64, &str)>) -> Vec<(i64, &str)> {
        if same_client { v } else { vec![] }
    }
    let objectives: Vec<(i64, String)> = plan
        .objectives
        .iter()
        .map(|o| (o.id, crate::tui::strategy::objective_label(m, o.id)))
        .collect();
    Form::new(title)
        .multi(
            "accounts",
            s.calendar.field_accounts,
            account_opts(m, p.client_id, &[]),
            &chosen,
        )
        .hint(s.strategy.hint_multi)
        .datetime("when", s.calendar.field_when, p.local, false)
        .hint(s.calendar.hint_when)
        .choice("status", s.strategy.field_status, statuses, p.status.key())
        .text("title", s.calendar.field_title, &p.title, false)
        .multiline_h("body", s.calendar.field_body, &p.body, 6)
        .hint(s.calendar.hint_body)
        .text(
            "first_comment",
            s.calendar.field_first_comment,
            &p.first_comment,
            false,
        )
        .text("media", s.calendar.field_media, &p.media, false)
        .choice(
            "pillar",
            s.calendar.field_pillar,
            id_opts(
                s.strategy.none,
                pick(
                    same_client,
                    plan.pillars
                        .iter()
                        .map(|x| (x.id, x.name.as_str()))
                        .collect(),
                )
                .into_iter(),
            ),
            &id_str(p.pillar_id),
        )
        .choice(
            "campaign",
            s.strategy.field_campaign,
            id_opts(
                s.strategy.none_fem,
                pick(
                    same_client,
                    plan.campaigns
                        .iter()
                        .map(|x| (x.id, x.name.as_str()))
                        .collect(),
                )
                .into_iter(),
            ),
            &id_str(p.campaign_id),
        )
        .choice(
            "target",
            s.calendar.field_persona,
            id_opts(
                s.strategy.none_fem,
                pick(
                    same_client,
                    plan.targets
                        .iter()
                        .map(|x| (x.id, x.name.as_str()))
                        .collect(),
                )
                .into_iter(),
            ),
            &id_str(p.target_id),
        )
        .choice(
            "objective",
            s.strategy.field_objective,
            id_opts(
                s.strategy.none,
                pick(
                    same_client,
                    objectives.iter().map(|(id, l)| (*id, l.as_str())).collect(),
                )
                .into_iter(),
            ),
            &id_str(p.objective_id),
        )
        .text("link", s.calendar.field_link, &p.link, false)
        .hint(s.calendar.hint_link)
        .text(
            "utm_medium",
            s.calendar.field_utm_medium,
            &p.utm_medium,
            false,
        )
        .text(
            "utm_campaign",
            s.calendar.field_utm_campaign,
            &p.utm_campaign,
            false,
        )
        .hint(s.calendar.hint_utm_campaign)
        .text(
            "permalink",
            s.calendar.field_published_link,
            &p.permalink,
            false,
        )
        .multiline_h("notes", s.forms.field_notes, &p.notes, 2)
}

/// A new post on the selected day at 09:00 (or undated in the agenda).
pub fn open_new(m: &mut Model) {
    let Some(client) = m.current_client().cloned() else {
        return;
    };
    let day = selected_day(m);
    let local = day.and_hms_opt(9, 0, 0);
    let mut p = Post {
        client_id: client.id,
        utm_medium: "social".into(),
        ..Post::default()
    };
    p.schedule(local, client.tz());
    let title = fill(t().calendar.form_new_post, &[("client", &client.name)]);
    let form = form_for(m, title, &p);
    push(
        m,
        FormPurpose::Post {
            id: 0,
            client: client.id,
        },
        form,
    );
}

pub fn open_edit(m: &mut Model, p: &Post) {
    let form = edit_form(m, p);
    push_on(
        m,
        FormPurpose::Post {
            id: p.id,
            client: p.client_id,
        },
        form,
        Opened::Post(Box::new(p.clone())),
    );
}

/// The edit form of a post as given.
pub fn edit_form(m: &Model, p: &Post) -> Form {
    let name = m
        .client(p.client_id)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let mut title = fill(t().calendar.form_edit_post, &[("client", &name)]);
    // A post a server holds says so: moving or deleting it changes the server's copy.
    if m.data.held.contains(&p.id) {
        title = format!("{title} · {}", t().live.post_held_detail);
    }
    form_for(m, title, p)
}

pub fn open_published(m: &mut Model, p: &Post) {
    push_on(
        m,
        FormPurpose::Published(p.id),
        published_form(p),
        Opened::Post(Box::new(p.clone())),
    );
}

/// The form that marks a post published: its link.
pub fn published_form(p: &Post) -> Form {
    let s = t();
    // The title names the post: from Today, the post is not on screen behind the form.
    let post = crate::domain::text::truncate(&crate::domain::text::sanitize_line(p.label()), 40);
    let title = if post.trim().is_empty() {
        s.calendar.form_published.to_string()
    } else {
        fill(s.calendar.form_published_named, &[("post", &post)])
    };
    Form::new(title)
        .text(
            "permalink",
            s.calendar.field_published_link,
            &p.permalink,
            false,
        )
        .hint(s.calendar.hint_permalink)
}

pub fn open_duplicate(m: &mut Model, p: &Post) {
    let s = t();
    let opts = account_opts(m, p.client_id, &p.accounts);
    if opts.is_empty() {
        say(
            m,
            crate::tui::model::StatusKind::Info,
            s.calendar.no_other_accounts.to_string(),
        );
        return;
    }
    let form = Form::new(s.calendar.form_duplicate)
        .multi("accounts", s.calendar.field_accounts, opts, &[])
        .hint(s.calendar.hint_duplicate);
    push_on(
        m,
        FormPurpose::Duplicate(p.id),
        form,
        Opened::Post(Box::new(p.clone())),
    );
}

pub fn open_filter(m: &mut Model) {
    let s = t();
    let f = &m.calendar.filter;
    let mut platforms = vec![Opt::new("", s.strategy.all_platforms)];
    platforms.extend(Platform::ALL.iter().map(|p| Opt::new(p.key(), p.name())));
    let mut statuses = vec![Opt::new("", s.calendar.all_statuses)];
    statuses.extend(
        PostStatus::ALL
            .iter()
            .map(|x| Opt::new(x.key(), i18n::post_status(*x))),
    );
    let plan = &m.plan;
    let form = Form::new(s.calendar.form_post_filter)
        .text(
            "text",
            s.inbox.field_search,
            f.text.as_deref().unwrap_or(""),
            false,
        )
        .date("from", s.calendar.field_from, f.from, false)
        .choice(
            "platform",
            s.forms.field_platform,
            platforms,
            f.platform.map_or("", Platform::key),
        )
        .choice(
            "status",
            s.strategy.field_status,
            statuses,
            f.status.map_or("", PostStatus::key),
        )
        .choice(
            "pillar",
            s.calendar.field_pillar,
            id_opts(
                s.calendar.all_pillars,
                plan.pillars.iter().map(|x| (x.id, x.name.as_str())),
            ),
            &id_str(f.pillar),
        )
        .choice(
            "campaign",
            s.strategy.field_campaign,
            id_opts(
                s.calendar.all_campaigns,
                plan.campaigns.iter().map(|x| (x.id, x.name.as_str())),
            ),
            &id_str(f.campaign),
        );
    push(m, FormPurpose::PostFilter, form);
}

fn chosen_accounts(form: &Form) -> Vec<i64> {
    match form.value("accounts") {
        Value::Multi(v) => v.iter().filter_map(|x| x.parse().ok()).collect(),
        _ => vec![],
    }
}

/// The distinct platforms of some accounts, in catalogue order.
fn platforms_of(m: &Model, accounts: &[i64]) -> Vec<Platform> {
    let mut out: Vec<Platform> = m
        .data
        .accounts
        .iter()
        .filter(|a| accounts.contains(&a.id))
        .map(|a| a.platform)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The counter line of a body on some platforms: (text, over the limit).
pub fn counters(body: &str, platforms: &[Platform]) -> Vec<(String, bool)> {
    platforms
        .iter()
        .map(|p| {
            let c = count(body, *p);
            let mut text = match c.limit {
                Some(l) => format!(
                    "{} {}/{}",
                    p.mark().trim(),
                    format::count(c.used as i64),
                    format::count(l as i64)
                ),
                None => format!("{} {}", p.mark().trim(), format::count(c.used as i64)),
            };
            if let Some(h) = c.hashtag_limit {
                text.push_str(&format!(" #{}/{h}", c.hashtags));
            }
            if c.bytes_over {
                text.push_str(" >3000B");
            }
            (text, c.is_over())
        })
        .collect()
}

/// Recomputes the live counters of the post form on top.
pub fn refresh_counters(m: &mut Model) {
    let Some(Overlay::Form(f)) = m.overlays.last() else {
        return;
    };
    if !matches!(f.purpose, FormPurpose::Post { .. }) {
        return;
    }
    let body = f.form.text_value("body");
    let platforms = platforms_of(m, &chosen_accounts(&f.form));
    let footer = counters(&body, &platforms);
    if let Some(Overlay::Form(f)) = m.overlays.last_mut() {
        f.form.footer = footer;
    }
}

/// The text to paste on a platform: the body, and the link tagged for the post's first
/// platform. Returns the text and that platform's name.
pub fn text_to_publish(m: &Model, p: &Post) -> (String, String) {
    let platform = platforms_of(m, &p.accounts).first().copied();
    let mut text = p.body.clone();
    if !p.link.trim().is_empty() {
        // An empty medium is the usual one for organic posts.
        let medium = if p.utm_medium.trim().is_empty() {
            "social"
        } else {
            p.utm_medium.as_str()
        };
        let link = tagged_link(
            &p.link,
            platform.map_or("", Platform::key),
            medium,
            &p.utm_campaign,
        );
        text = format!("{}\n\n{link}", text.trim_end());
    }
    (
        text,
        platform.map_or_else(String::new, |p| p.name().to_string()),
    )
}

fn id_of(form: &Form, key: &str) -> Option<i64> {
    form.choice_value(key).and_then(|v| v.parse().ok())
}

/// Reads a post form back, to be written over the post as it was `opened`. Over a
/// platform's limit while marked ready asks first, unless `confirmed`.
pub fn save(
    m: &Model,
    purpose: &FormPurpose,
    form: &mut Form,
    (fields_ok, confirmed): (bool, bool),
    opened: &Opened,
) -> Save {
    let opened_post = match opened {
        Opened::Post(p) => Some((**p).clone()),
        _ => None,
    };
    let s = t();
    match purpose {
        FormPurpose::Post { id, client } => {
            let Some(c) = m.client(*client) else {
                return Save::Invalid;
            };
            let tz = c.tz();
            let local: Option<NaiveDateTime> = match form.value("when") {
                Value::DateTime(l) => Some(l),
                _ => None,
            };
            if let Some(l) = local
                && is_skipped(l, tz)
            {
                form.set_error("when", s.inbox.err_no_such_time.to_string());
                return Save::Invalid;
            }
            let status = form
                .choice_value("status")
                .and_then(|x| PostStatus::parse(&x))
                .unwrap_or_default();
            let accounts = chosen_accounts(form);
            if status.is_go() && accounts.is_empty() {
                form.set_error("accounts", s.calendar.err_no_account.to_string());
            }
            if matches!(status, PostStatus::Scheduled | PostStatus::Published) && local.is_none() {
                form.set_error("when", s.calendar.err_needs_time.to_string());
            }
            if !fields_ok || form.fields.iter().any(|f| f.error.is_some()) {
                return Save::Invalid;
            }
            // Undo puts back the post the form was opened on.
            let before = opened_post.filter(|p| p.id == *id && *id != 0);
            let campaign_id = id_of(form, "campaign");
            let mut utm_campaign = form.text_value("utm_campaign").trim().to_string();
            if utm_campaign.is_empty()
                && let Some(c) =
                    campaign_id.and_then(|cid| m.plan.campaigns.iter().find(|x| x.id == cid))
            {
                utm_campaign = slug(&c.name);
            }
            let mut post = Post {
                id: *id,
                client_id: *client,
                accounts,
                status,
                title: form.text_value("title").trim().to_string(),
                body: form.text_value("body").trim_end().to_string(),
                first_comment: form.text_value("first_comment").trim().to_string(),
                media: form.text_value("media").trim().to_string(),
                pillar_id: id_of(form, "pillar"),
                campaign_id,
                target_id: id_of(form, "target"),
                objective_id: id_of(form, "objective"),
                link: form.text_value("link").trim().to_string(),
                utm_medium: form.text_value("utm_medium").trim().to_string(),
                utm_campaign,
                permalink: form.text_value("permalink").trim().to_string(),
                notes: form.text_value("notes").trim_end().to_string(),
                version: opened.version(),
                ..Post::default()
            };
            post.schedule(local, tz);
            let over: Vec<String> = counters(&post.body, &platforms_of(m, &post.accounts))
                .into_iter()
                .filter(|(_, bad)| *bad)
                .map(|(t, _)| t)
                .collect();
            if status.is_go() && !over.is_empty() && !confirmed {
                return Save::Confirm(fill(
                    s.calendar.confirm_over_limit,
                    &[("counts", &over.join(", "))],
                ));
            }
            Save::Effects(vec![Effect::SavePost {
                post: Box::new(post),
                before: before.map(Box::new),
            }])
        }
        FormPurpose::Published(id) => {
            // The post as the form was opened on it: its other fields are written back as
            // they were, over that version only.
            let Some(p) = opened_post.filter(|p| p.id == *id) else {
                return Save::Invalid;
            };
            let link = form.text_value("permalink").trim().to_string();
            if !(link.is_empty() || link.starts_with("https://") || link.starts_with("http://")) {
                form.set_error("permalink", s.calendar.err_url.to_string());
                return Save::Invalid;
            }
            let mut post = p.clone();
            post.status = PostStatus::Published;
            post.permalink = link;
            Save::Effects(vec![Effect::SavePost {
                post: Box::new(post),
                before: Some(Box::new(p)),
            }])
        }
        FormPurpose::Duplicate(id) => {
            // The post as the form was opened on it, wherever it was listed.
            let Some(p) = opened_post.filter(|p| p.id == *id) else {
                return Save::Invalid;
            };
            let accounts = chosen_accounts(form);
            if accounts.is_empty() {
                form.set_error("accounts", s.calendar.err_no_account.to_string());
                return Save::Invalid;
            }
            let copy = Post {
                id: 0,
                accounts,
                status: PostStatus::Draft,
                permalink: String::new(),
                ..p
            };
            Save::Effects(vec![Effect::SavePost {
                post: Box::new(copy),
                before: None,
            }])
        }
        FormPurpose::PostFilter => Save::Effects(vec![]),
        _ => Save::Invalid,
    }
}

/// Applies the agenda filter form.
pub fn apply_filter(m: &mut Model, form: &Form) {
    let text = form.text_value("text").trim().to_string();
    m.calendar.filter = PostFilter {
        client: None,
        from: match form.value("from") {
            Value::Date(d) => Some(d),
            _ => None,
        },
        platform: form
            .choice_value("platform")
            .and_then(|p| Platform::parse(&p)),
        status: form
            .choice_value("status")
            .and_then(|x| PostStatus::parse(&x)),
        pillar: id_of(form, "pillar"),
        campaign: id_of(form, "campaign"),
        text: (!text.is_empty()).then_some(text),
    };
    m.calendar.list_cursor.top();
}
