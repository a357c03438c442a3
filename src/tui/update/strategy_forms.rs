//! One form per strategy part, built from the row being edited (or sensible defaults for
//! a new one); `strategy_save.rs` reads it back.

use chrono::Duration;

use super::shared::open_form_on;
use crate::domain::metric::Metric;
use crate::domain::money::Money;
use crate::domain::strategy::{
    BudgetKind, BudgetLine, Campaign, CampaignStatus, Expense, Id, Part, Pillar, Plan, Priority,
    Target, format_handles, month_of,
};
use crate::domain::{Platform, Version};
use crate::i18n::{self, fill, format, t};
use crate::tui::model::{FormPurpose, Model, Opened};
use crate::tui::strategy::{budget_month, client_today, currency, objective_label};
use crate::tui::widgets::form::{Form, Opt};

fn platform_opts(none_label: &str) -> Vec<Opt> {
    std::iter::once(Opt::new("", none_label))
        .chain(Platform::ALL.iter().map(|p| Opt::new(p.key(), p.name())))
        .collect()
}

fn multi_platform_opts() -> Vec<Opt> {
    Platform::ALL
        .iter()
        .map(|p| Opt::new(p.key(), p.name()))
        .collect()
}

fn kind_opts() -> Vec<Opt> {
    BudgetKind::ALL
        .iter()
        .map(|k| Opt::new(k.key(), i18n::budget_kind(*k)))
        .collect()
}

fn title(part: Part, id: Id) -> String {
    let s = t();
    let name = i18n::part_name(part);
    if id == 0 {
        fill(s.strategy.form_new_part, &[("part", name)])
    } else {
        fill(s.strategy.form_edit_part, &[("part", name)])
    }
}

/// Opens the form of a strategy row (`id` 0: a new one).
pub fn open(m: &mut Model, part: Part, id: Id) {
    if m.current.is_none() {
        return;
    }
    let form = form(m, part, id);
    let opened = match version_of(&m.plan, part, id) {
        Some(v) if id != 0 => Opened::Version(v),
        _ => Opened::Nothing,
    };
    open_form_on(m, FormPurpose::Strategy(part, id), form, opened);
}

/// The version of a row of the plan, if the plan holds it.
pub fn version_of(plan: &Plan, part: Part, id: Id) -> Option<Version> {
    fn find<T>(rows: &[T], id: Id, key: impl Fn(&T) -> (Id, Version)) -> Option<Version> {
        rows.iter().map(key).find(|(x, _)| *x == id).map(|(_, v)| v)
    }
    match part {
        Part::Target => find(&plan.targets, id, |x| (x.id, x.version)),
        Part::Objective => find(&plan.objectives, id, |x| (x.id, x.version)),
        Part::Campaign => find(&plan.campaigns, id, |x| (x.id, x.version)),
        Part::BudgetLine => find(&plan.budget_lines, id, |x| (x.id, x.version)),
        Part::Expense => find(&plan.expenses, id, |x| (x.id, x.version)),
        Part::Pillar => find(&plan.pillars, id, |x| (x.id, x.version)),
        Part::HashtagSet => find(&plan.hashtag_sets, id, |x| (x.id, x.version)),
        Part::Competitor => find(&plan.competitors, id, |x| (x.id, x.version)),
        Part::CompetitorNote => find(&plan.notes, id, |x| (x.id, x.version)),
    }
}

/// The form of a strategy row as the plan on screen holds it (`id` 0: a new one).
pub fn form(m: &Model, part: Part, id: Id) -> Form {
    let s = t();
    let today = client_today(m);
    let cur = currency(m);
    let form = Form::new(title(part, id));
    match part {
        Part::Target => {
            let t0 = m.plan.targets.iter().find(|x| x.id == id).cloned();
            let t0 = t0.unwrap_or(Target {
                id: 0,
                version: 0,
                name: String::new(),
                description: String::new(),
                age_min: None,
                age_max: None,
                locations: String::new(),
                interests: String::new(),
                pains: String::new(),
                platforms: vec![],
                priority: Priority::Medium,
            });
            let prio = Priority::ALL
                .iter()
                .map(|p| Opt::new(p.key(), i18n::priority(*p)))
                .collect();
            let chosen: Vec<&str> = t0.platforms.iter().map(|p| p.key()).collect();
            form.text("name", s.forms.field_name, &t0.name, true)
                .choice(
                    "priority",
                    s.strategy.field_priority,
                    prio,
                    t0.priority.key(),
                )
                .integer(
                    "age_min",
                    s.strategy.field_age_min,
                    t0.age_min.map(i64::from),
                    0,
                    120,
                )
                .optional()
                .integer(
                    "age_max",
                    s.strategy.field_age_max,
                    t0.age_max.map(i64::from),
                    0,
                    120,
                )
                .optional()
                .multi(
                    "platforms",
                    s.strategy.field_platforms,
                    multi_platform_opts(),
                    &chosen,
                )
                .hint(s.strategy.hint_multi)
                .text(
                    "locations",
                    s.strategy.field_locations,
                    &t0.locations,
                    false,
                )
                .multiline_h(
                    "description",
                    s.strategy.field_description,
                    &t0.description,
                    3,
                )
                .multiline_h("interests", s.strategy.field_interests, &t0.interests, 3)
                .multiline_h("pains", s.strategy.field_pains, &t0.pains, 3)
        }
        Part::Objective => {
            let o = m.plan.objectives.iter().find(|x| x.id == id).cloned();
            let code = cur.code();
            let metrics = Metric::ALL
                .iter()
                .map(|x| Opt::new(x.key(), i18n::metric_name(*x)))
                .collect();
            let (platform, metric, baseline, target, start, deadline, note) = match &o {
                Some(o) => (
                    o.platform.map_or("", Platform::key),
                    o.metric,
                    format::metric_input(o.metric, o.baseline, code),
                    format::metric_input(o.metric, o.target, code),
                    o.start,
                    o.deadline,
                    o.note.as_str(),
                ),
                None => (
                    "",
                    Metric::Followers,
                    String::new(),
                    String::new(),
                    today,
                    today + Duration::days(90),
                    "",
                ),
            };
            form.choice(
                "platform",
                s.forms.field_platform,
                platform_opts(s.strategy.all_platforms),
                platform,
            )
            .choice("metric", s.strategy.field_metric, metrics, metric.key())
            .hint(s.strategy.hint_metric)
            .text("baseline", s.strategy.field_baseline, &baseline, true)
            .hint(s.strategy.hint_metric_value)
            .text("target", s.strategy.field_target, &target, true)
            .date("start", s.strategy.field_start, Some(start), true)
            .date("deadline", s.strategy.field_deadline, Some(deadline), true)
            .text("note", s.strategy.field_note, note, false)
        }
        Part::Campaign => {
            let c = m.plan.campaigns.iter().find(|x| x.id == id).cloned();
            let c = c.unwrap_or(Campaign {
                id: 0,
                version: 0,
                name: String::new(),
                platforms: vec![],
                start: today,
                end: today + Duration::days(30),
                budget: None,
                objective_id: None,
                status: CampaignStatus::Planned,
            });
            let statuses = CampaignStatus::ALL
                .iter()
                .map(|x| Opt::new(x.key(), i18n::campaign_status(*x)))
                .collect();
            let mut objectives = vec![Opt::new("", s.strategy.none)];
            for o in &m.plan.objectives {
                objectives.push(Opt::new(o.id.to_string(), objective_label(m, o.id)));
            }
            let chosen: Vec<&str> = c.platforms.iter().map(|p| p.key()).collect();
            let objective = c.objective_id.map(|i| i.to_string()).unwrap_or_default();
            form.text("name", s.forms.field_name, &c.name, true)
                .choice("status", s.strategy.field_status, statuses, c.status.key())
                .date("start", s.strategy.field_start, Some(c.start), true)
                .date("end", s.strategy.field_end, Some(c.end), true)
                .multi(
                    "platforms",
                    s.strategy.field_platforms,
                    multi_platform_opts(),
                    &chosen,
                )
                .hint(s.strategy.hint_multi)
                .money(
                    "budget",
                    s.strategy.field_budget,
                    c.budget.map(|b| Money::new(b, cur)),
                    cur,
                )
                .optional()
                .choice(
                    "objective",
                    s.strategy.field_objective,
                    objectives,
                    &objective,
                )
        }
        Part::BudgetLine => {
            let b = m.plan.budget_lines.iter().find(|x| x.id == id).cloned();
            let b = b.unwrap_or(BudgetLine {
                id: 0,
                version: 0,
                month: budget_month(m),
                platform: None,
                kind: BudgetKind::PaidAds,
                amount: 0,
                note: String::new(),
            });
            let amount = (b.id != 0).then(|| Money::new(b.amount, cur));
            form.text(
                "month",
                s.strategy.field_month,
                &b.month.format("%Y-%m").to_string(),
                true,
            )
            .hint(s.strategy.hint_month)
            .choice("kind", s.strategy.field_kind, kind_opts(), b.kind.key())
            .choice(
                "platform",
                s.forms.field_platform,
                platform_opts(s.strategy.no_platform),
                b.platform.map_or("", Platform::key),
            )
            .money("amount", s.strategy.field_amount, amount, cur)
            .text("note", s.strategy.field_note, &b.note, false)
        }
        Part::Expense => {
            let e = m.plan.expenses.iter().find(|x| x.id == id).cloned();
            let month = budget_month(m);
            let default_day = if month_of(today) == month {
                today
            } else {
                month
            };
            let e = e.unwrap_or(Expense {
                id: 0,
                version: 0,
                date: default_day,
                amount: 0,
                kind: BudgetKind::PaidAds,
                platform: None,
                campaign_id: None,
                note: String::new(),
            });
            let mut campaigns = vec![Opt::new("", s.strategy.none_fem)];
            for c in &m.plan.campaigns {
                campaigns.push(Opt::new(c.id.to_string(), c.name.clone()));
            }
            let amount = (e.id != 0).then(|| Money::new(e.amount, cur));
            let campaign = e.campaign_id.map(|i| i.to_string()).unwrap_or_default();
            form.date("date", s.strategy.field_date, Some(e.date), true)
                .money("amount", s.strategy.field_amount, amount, cur)
                .choice("kind", s.strategy.field_kind, kind_opts(), e.kind.key())
                .choice(
                    "platform",
                    s.forms.field_platform,
                    platform_opts(s.strategy.no_platform),
                    e.platform.map_or("", Platform::key),
                )
                .choice("campaign", s.strategy.field_campaign, campaigns, &campaign)
                .text("note", s.strategy.field_note, &e.note, false)
        }
        Part::Pillar => {
            let p = m.plan.pillars.iter().find(|x| x.id == id).cloned();
            let left = 100u32.saturating_sub(
                m.plan
                    .pillars
                    .iter()
                    .filter(|x| x.id != id)
                    .map(|x| x.share)
                    .sum(),
            );
            let p = p.unwrap_or(Pillar {
                id: 0,
                version: 0,
                name: String::new(),
                share: left,
                description: String::new(),
            });
            form.text("name", s.forms.field_name, &p.name, true)
                .integer(
                    "share",
                    s.strategy.field_share,
                    Some(i64::from(p.share)),
                    0,
                    100,
                )
                .hint(&fill(s.strategy.hint_share, &[("left", &left.to_string())]))
                .text(
                    "description",
                    s.strategy.field_description,
                    &p.description,
                    false,
                )
        }
        Part::HashtagSet => {
            let h = m.plan.hashtag_sets.iter().find(|x| x.id == id).cloned();
            let (name, tags) = h.map_or((String::new(), String::new()), |h| {
                (h.name, h.tags.join(" "))
            });
            form.text("name", s.forms.field_name, &name, true)
                .multiline_h("tags", s.strategy.field_tags, &tags, 3)
                .hint(s.strategy.hint_tags)
        }
        Part::Competitor => {
            let c = m.plan.competitors.iter().find(|x| x.id == id).cloned();
            let (name, handles) = c.map_or((String::new(), String::new()), |c| {
                (c.name, format_handles(&c.handles))
            });
            form.text("name", s.forms.field_name, &name, true)
                .multiline_h("handles", s.strategy.field_handles, &handles, 4)
                .hint(s.strategy.hint_handles)
        }
        Part::CompetitorNote => {
            let n = m.plan.notes.iter().find(|x| x.id == id).cloned();
            let (date, text) = n.map_or((today, String::new()), |n| (n.date, n.text));
            form.date("date", s.strategy.field_date, Some(date), true)
                .multiline_h("text", s.strategy.field_note, &text, 4)
        }
    }
}

/// Opens the tone-of-voice form of the current client.
pub fn open_tone(m: &mut Model) {
    if m.current.is_none() {
        return;
    }
    let opened = Opened::Version(m.plan.tone_version);
    open_form_on(m, FormPurpose::Tone, tone_form(&m.plan), opened);
}

/// The tone-of-voice form of a plan.
pub fn tone_form(plan: &Plan) -> Form {
    let s = t();
    Form::new(s.strategy.form_tone).multiline_h("tone", s.strategy.field_tone, &plan.tone, 8)
}
