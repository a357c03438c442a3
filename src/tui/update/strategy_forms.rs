//! One form per strategy part: built from the row being edited (or sensible defaults for
//! a new one), and read back into a validated row. Domain errors land on their fields.

use chrono::{Duration, NaiveDate};
use iso_currency::Currency;

use crate::domain::Platform;
use crate::domain::metric::{Metric, Unit, parse_scaled};
use crate::domain::money::{self, Money};
use crate::domain::objective::ObjectiveDraft;
use crate::domain::strategy::{
    BudgetKind, BudgetLine, Campaign, CampaignStatus, Competitor, CompetitorNote, Expense,
    HashtagSet, Id, Part, Pillar, Priority, Target, format_handles, month_of, parse_handles,
    parse_hashtags,
};
use crate::i18n::{self, fill, format, t};
use crate::tui::effect::{Effect, StrategyItem};
use crate::tui::model::{FormPurpose, Model};
use crate::tui::strategy::{budget_month, client_today, selected_competitor};
use crate::tui::widgets::form::{Form, Opt, Value};

fn currency(m: &Model) -> Currency {
    m.current_client()
        .and_then(|c| money::currency(&c.currency))
        .or_else(|| money::currency("EUR"))
        .unwrap_or(Currency::EUR)
}

fn currency_code(m: &Model) -> String {
    currency(m).code().to_string()
}

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

/// One line naming an objective: `Instagram followers → 2,000 by Dec 31, 2026`.
pub fn objective_label(m: &Model, id: Id) -> String {
    let cur = currency_code(m);
    m.plan
        .objectives
        .iter()
        .find(|o| o.id == id)
        .map(|o| {
            fill(
                t().objective_line,
                &[
                    (
                        "scope",
                        o.platform.map_or(t().all_platforms, Platform::name),
                    ),
                    ("metric", i18n::metric_name(o.metric)),
                    ("target", &format::metric_value(o.metric, o.target, &cur)),
                    ("deadline", &format::date(o.deadline)),
                ],
            )
        })
        .unwrap_or_default()
}

fn title(part: Part, id: Id) -> String {
    let s = t();
    let name = i18n::part_name(part);
    if id == 0 {
        fill(s.form_new_part, &[("part", name)])
    } else {
        fill(s.form_edit_part, &[("part", name)])
    }
}

/// Opens the form of a strategy row (`id` 0: a new one).
pub fn open(m: &mut Model, part: Part, id: Id) {
    if m.current.is_none() {
        return;
    }
    let s = t();
    let today = client_today(m);
    let cur = currency(m);
    let form = Form::new(title(part, id));
    let form = match part {
        Part::Target => {
            let t0 = m.plan.targets.iter().find(|x| x.id == id).cloned();
            let t0 = t0.unwrap_or(Target {
                id: 0,
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
            form.text("name", s.field_name, &t0.name, true)
                .choice("priority", s.field_priority, prio, t0.priority.key())
                .integer(
                    "age_min",
                    s.field_age_min,
                    t0.age_min.map(i64::from),
                    0,
                    120,
                )
                .optional()
                .integer(
                    "age_max",
                    s.field_age_max,
                    t0.age_max.map(i64::from),
                    0,
                    120,
                )
                .optional()
                .multi(
                    "platforms",
                    s.field_platforms,
                    multi_platform_opts(),
                    &chosen,
                )
                .hint(s.hint_multi)
                .text("locations", s.field_locations, &t0.locations, false)
                .multiline_h("description", s.field_description, &t0.description, 3)
                .multiline_h("interests", s.field_interests, &t0.interests, 3)
                .multiline_h("pains", s.field_pains, &t0.pains, 3)
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
                s.field_platform,
                platform_opts(s.all_platforms),
                platform,
            )
            .choice("metric", s.field_metric, metrics, metric.key())
            .hint(s.hint_metric)
            .text("baseline", s.field_baseline, &baseline, true)
            .hint(s.hint_metric_value)
            .text("target", s.field_target, &target, true)
            .date("start", s.field_start, Some(start), true)
            .date("deadline", s.field_deadline, Some(deadline), true)
            .text("note", s.field_note, note, false)
        }
        Part::Campaign => {
            let c = m.plan.campaigns.iter().find(|x| x.id == id).cloned();
            let c = c.unwrap_or(Campaign {
                id: 0,
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
            let mut objectives = vec![Opt::new("", s.none)];
            for o in &m.plan.objectives {
                objectives.push(Opt::new(o.id.to_string(), objective_label(m, o.id)));
            }
            let chosen: Vec<&str> = c.platforms.iter().map(|p| p.key()).collect();
            let objective = c.objective_id.map(|i| i.to_string()).unwrap_or_default();
            form.text("name", s.field_name, &c.name, true)
                .choice("status", s.field_status, statuses, c.status.key())
                .date("start", s.field_start, Some(c.start), true)
                .date("end", s.field_end, Some(c.end), true)
                .multi(
                    "platforms",
                    s.field_platforms,
                    multi_platform_opts(),
                    &chosen,
                )
                .hint(s.hint_multi)
                .money(
                    "budget",
                    s.field_budget,
                    c.budget.map(|b| Money::new(b, cur)),
                    cur,
                )
                .optional()
                .choice("objective", s.field_objective, objectives, &objective)
        }
        Part::BudgetLine => {
            let b = m.plan.budget_lines.iter().find(|x| x.id == id).cloned();
            let b = b.unwrap_or(BudgetLine {
                id: 0,
                month: budget_month(m),
                platform: None,
                kind: BudgetKind::PaidAds,
                amount: 0,
                note: String::new(),
            });
            let amount = (b.id != 0).then(|| Money::new(b.amount, cur));
            form.text(
                "month",
                s.field_month,
                &b.month.format("%Y-%m").to_string(),
                true,
            )
            .hint(s.hint_month)
            .choice("kind", s.field_kind, kind_opts(), b.kind.key())
            .choice(
                "platform",
                s.field_platform,
                platform_opts(s.no_platform),
                b.platform.map_or("", Platform::key),
            )
            .money("amount", s.field_amount, amount, cur)
            .text("note", s.field_note, &b.note, false)
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
                date: default_day,
                amount: 0,
                kind: BudgetKind::PaidAds,
                platform: None,
                campaign_id: None,
                note: String::new(),
            });
            let mut campaigns = vec![Opt::new("", s.none)];
            for c in &m.plan.campaigns {
                campaigns.push(Opt::new(c.id.to_string(), c.name.clone()));
            }
            let amount = (e.id != 0).then(|| Money::new(e.amount, cur));
            let campaign = e.campaign_id.map(|i| i.to_string()).unwrap_or_default();
            form.date("date", s.field_date, Some(e.date), true)
                .money("amount", s.field_amount, amount, cur)
                .choice("kind", s.field_kind, kind_opts(), e.kind.key())
                .choice(
                    "platform",
                    s.field_platform,
                    platform_opts(s.no_platform),
                    e.platform.map_or("", Platform::key),
                )
                .choice("campaign", s.field_campaign, campaigns, &campaign)
                .text("note", s.field_note, &e.note, false)
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
                name: String::new(),
                share: left,
                description: String::new(),
            });
            form.text("name", s.field_name, &p.name, true)
                .integer("share", s.field_share, Some(i64::from(p.share)), 0, 100)
                .hint(&fill(s.hint_share, &[("left", &left.to_string())]))
                .text("description", s.field_description, &p.description, false)
        }
        Part::HashtagSet => {
            let h = m.plan.hashtag_sets.iter().find(|x| x.id == id).cloned();
            let (name, tags) = h.map_or((String::new(), String::new()), |h| {
                (h.name, h.tags.join(" "))
            });
            form.text("name", s.field_name, &name, true)
                .multiline_h("tags", s.field_tags, &tags, 3)
                .hint(s.hint_tags)
        }
        Part::Competitor => {
            let c = m.plan.competitors.iter().find(|x| x.id == id).cloned();
            let (name, handles) = c.map_or((String::new(), String::new()), |c| {
                (c.name, format_handles(&c.handles))
            });
            form.text("name", s.field_name, &name, true)
                .multiline_h("handles", s.field_handles, &handles, 4)
                .hint(s.hint_handles)
        }
        Part::CompetitorNote => {
            let n = m.plan.notes.iter().find(|x| x.id == id).cloned();
            let (date, text) = n.map_or((today, String::new()), |n| (n.date, n.text));
            form.date("date", s.field_date, Some(date), true)
                .multiline_h("text", s.field_note, &text, 4)
        }
    };
    super::forms::open(m, FormPurpose::Strategy(part, id), form);
}

/// Opens the tone-of-voice form of the current client.
pub fn open_tone(m: &mut Model) {
    if m.current.is_none() {
        return;
    }
    let s = t();
    let form = Form::new(s.form_tone).multiline_h("tone", s.field_tone, &m.plan.tone.clone(), 8);
    super::forms::open(m, FormPurpose::Tone, form);
}

fn date_of(form: &Form, key: &str) -> Option<NaiveDate> {
    match form.value(key) {
        Value::Date(d) => Some(d),
        _ => None,
    }
}

fn money_of(form: &Form, key: &str) -> Option<i64> {
    match form.value(key) {
        Value::Money(m) => Some(m.minor),
        _ => None,
    }
}

fn platform_of(form: &Form, key: &str) -> Option<Platform> {
    form.choice_value(key).and_then(|p| Platform::parse(&p))
}

fn platforms_of(form: &Form, key: &str) -> Vec<Platform> {
    match form.value(key) {
        Value::Multi(v) => v.iter().filter_map(|p| Platform::parse(p)).collect(),
        _ => vec![],
    }
}

fn id_of(form: &Form, key: &str) -> Option<Id> {
    form.choice_value(key).and_then(|v| v.parse().ok())
}

/// Parses a value typed for `metric`: money in the client's currency, others in their unit.
fn metric_value(input: &str, metric: Metric, cur: Currency) -> Option<i64> {
    match metric.unit() {
        Unit::Money => Money::parse(input, cur)
            .ok()
            .filter(|m| m.minor >= 0)
            .map(|m| m.minor),
        unit => parse_scaled(input, unit),
    }
}

/// Reads the form back into a row. `None` when a field is wrong (its message is set).
pub fn item(
    m: &Model,
    part: Part,
    id: Id,
    form: &mut Form,
    fields_ok: bool,
) -> Option<StrategyItem> {
    let s = t();
    let cur = currency(m);
    let text = |f: &Form, k: &str| f.text_value(k).trim().to_string();
    let item = match part {
        Part::Target => {
            let t0 = Target {
                id,
                name: text(form, "name"),
                description: form.text_value("description").trim_end().to_string(),
                age_min: form
                    .int_value("age_min")
                    .and_then(|n| u32::try_from(n).ok()),
                age_max: form
                    .int_value("age_max")
                    .and_then(|n| u32::try_from(n).ok()),
                locations: text(form, "locations"),
                interests: form.text_value("interests").trim_end().to_string(),
                pains: form.text_value("pains").trim_end().to_string(),
                platforms: platforms_of(form, "platforms"),
                priority: form
                    .choice_value("priority")
                    .and_then(|p| Priority::parse(&p))
                    .unwrap_or(Priority::Medium),
            };
            if let Err(errs) = t0.validate() {
                for e in errs {
                    match e {
                        crate::domain::strategy::TargetError::NameEmpty => {
                            form.set_error("name", s.err_required.into())
                        }
                        crate::domain::strategy::TargetError::AgesReversed => {
                            form.set_error("age_max", s.err_ages.into())
                        }
                    }
                }
                return None;
            }
            StrategyItem::Target(t0)
        }
        Part::Objective => {
            let metric = form
                .choice_value("metric")
                .and_then(|k| Metric::parse(&k))
                .unwrap_or(Metric::Followers);
            let baseline = metric_value(&form.text_value("baseline"), metric, cur);
            let target = metric_value(&form.text_value("target"), metric, cur);
            let unit_hint = i18n::unit_hint(metric.unit(), cur.code());
            for (key, v) in [("baseline", baseline), ("target", target)] {
                if v.is_none() && !form.text_value(key).trim().is_empty() {
                    form.set_error(key, fill(s.err_metric_value, &[("unit", &unit_hint)]));
                }
            }
            let (Some(baseline), Some(target), Some(start), Some(deadline)) = (
                baseline,
                target,
                date_of(form, "start"),
                date_of(form, "deadline"),
            ) else {
                return None;
            };
            let draft = ObjectiveDraft {
                platform: platform_of(form, "platform"),
                metric,
                baseline,
                target,
                start,
                deadline,
                note: text(form, "note"),
            };
            if let Err(errs) = draft.validate() {
                for e in errs {
                    form.set_error(e.field(), i18n::objective_error(e));
                }
                return None;
            }
            StrategyItem::Objective(id, draft)
        }
        Part::Campaign => {
            let (Some(start), Some(end)) = (date_of(form, "start"), date_of(form, "end")) else {
                return None;
            };
            let c = Campaign {
                id,
                name: text(form, "name"),
                platforms: platforms_of(form, "platforms"),
                start,
                end,
                budget: money_of(form, "budget"),
                objective_id: id_of(form, "objective"),
                status: form
                    .choice_value("status")
                    .and_then(|x| CampaignStatus::parse(&x))
                    .unwrap_or(CampaignStatus::Planned),
            };
            if let Err(errs) = c.validate() {
                for e in errs {
                    form.set_error(e.field(), i18n::campaign_error(e));
                }
                return None;
            }
            StrategyItem::Campaign(c)
        }
        Part::BudgetLine => {
            let month =
                NaiveDate::parse_from_str(&format!("{}-01", text(form, "month")), "%Y-%m-%d").ok();
            if month.is_none() {
                form.set_error("month", s.err_month.into());
            }
            let amount = money_of(form, "amount");
            if amount.is_some_and(|a| a < 0) {
                form.set_error("amount", s.err_negative.into());
                return None;
            }
            let (Some(month), Some(amount)) = (month, amount) else {
                return None;
            };
            StrategyItem::BudgetLine(BudgetLine {
                id,
                month,
                platform: platform_of(form, "platform"),
                kind: form
                    .choice_value("kind")
                    .and_then(|k| BudgetKind::parse(&k))
                    .unwrap_or(BudgetKind::PaidAds),
                amount,
                note: text(form, "note"),
            })
        }
        Part::Expense => {
            let amount = money_of(form, "amount");
            if amount.is_some_and(|a| a < 0) {
                form.set_error("amount", s.err_negative.into());
                return None;
            }
            let (Some(date), Some(amount)) = (date_of(form, "date"), amount) else {
                return None;
            };
            StrategyItem::Expense(Expense {
                id,
                date,
                amount,
                kind: form
                    .choice_value("kind")
                    .and_then(|k| BudgetKind::parse(&k))
                    .unwrap_or(BudgetKind::PaidAds),
                platform: platform_of(form, "platform"),
                campaign_id: id_of(form, "campaign"),
                note: text(form, "note"),
            })
        }
        Part::Pillar => {
            let share = u32::try_from(form.int_value("share")?).ok()?;
            let others: u32 = m
                .plan
                .pillars
                .iter()
                .filter(|p| p.id != id)
                .map(|p| p.share)
                .sum();
            if others + share > 100 {
                form.set_error(
                    "share",
                    fill(
                        s.err_pillars_over,
                        &[
                            ("total", &(others + share).to_string()),
                            ("left", &(100u32.saturating_sub(others)).to_string()),
                        ],
                    ),
                );
                return None;
            }
            StrategyItem::Pillar(Pillar {
                id,
                name: text(form, "name"),
                share,
                description: text(form, "description"),
            })
        }
        Part::HashtagSet => match parse_hashtags(&form.text_value("tags")) {
            Ok(tags) => StrategyItem::HashtagSet(HashtagSet {
                id,
                name: text(form, "name"),
                tags,
            }),
            Err(bad) => {
                form.set_error("tags", fill(s.err_hashtag, &[("tag", &bad)]));
                return None;
            }
        },
        Part::Competitor => match parse_handles(&form.text_value("handles")) {
            Ok(handles) => StrategyItem::Competitor(Competitor {
                id,
                name: text(form, "name"),
                handles,
            }),
            Err((line, bad)) => {
                form.set_error(
                    "handles",
                    fill(
                        s.err_handle_line,
                        &[("line", &line.to_string()), ("text", &bad)],
                    ),
                );
                return None;
            }
        },
        Part::CompetitorNote => {
            let competitor_id = match m.plan.notes.iter().find(|n| n.id == id) {
                Some(n) => n.competitor_id,
                None => selected_competitor(m)?.id,
            };
            StrategyItem::Note(CompetitorNote {
                id,
                competitor_id,
                date: date_of(form, "date")?,
                text: form.text_value("text").trim_end().to_string(),
            })
        }
    };
    fields_ok.then_some(item)
}

/// The save effect of a strategy form, or `None` with the messages set on the form.
pub fn save(m: &Model, purpose: FormPurpose, form: &mut Form, fields_ok: bool) -> Option<Effect> {
    let client = m.current?;
    let item = match purpose {
        FormPurpose::Tone => StrategyItem::Tone(form.text_value("tone").trim_end().to_string()),
        FormPurpose::Strategy(part, id) => item(m, part, id, form, fields_ok)?,
        _ => return None,
    };
    Some(Effect::SaveStrategy { client, item })
}
