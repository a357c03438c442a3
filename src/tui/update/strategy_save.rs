//! A strategy form read back into a validated row, and the effect that saves it. Domain
//! errors land on their fields.

use chrono::NaiveDate;
use iso_currency::Currency;

use crate::domain::metric::{Metric, Unit, parse_scaled};
use crate::domain::money::Money;
use crate::domain::objective::ObjectiveDraft;
use crate::domain::strategy::{
    BudgetKind, BudgetLine, Campaign, CampaignStatus, Competitor, CompetitorNote, Expense,
    HashtagSet, Id, Part, Pillar, Priority, Target, parse_handles, parse_hashtags,
};
use crate::domain::{Platform, Version};
use crate::explain::Explain;
use crate::i18n::{self, fill, t};
use crate::tui::effect::{Effect, StrategyItem};
use crate::tui::model::{FormPurpose, Model, Opened};
use crate::tui::strategy::{currency, selected_competitor};
use crate::tui::widgets::form::{Form, Value};

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
    (id, version): (Id, Version),
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
                version,
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
                            form.set_error("name", s.forms.err_required.into())
                        }
                        crate::domain::strategy::TargetError::AgesReversed => {
                            form.set_error("age_max", s.strategy.err_ages.into())
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
                    form.set_error(
                        key,
                        fill(s.strategy.err_metric_value, &[("unit", &unit_hint)]),
                    );
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
                    form.set_error(e.field(), e.explain());
                }
                return None;
            }
            StrategyItem::Objective(id, version, draft)
        }
        Part::Campaign => {
            let (Some(start), Some(end)) = (date_of(form, "start"), date_of(form, "end")) else {
                return None;
            };
            let c = Campaign {
                id,
                version,
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
                    form.set_error(e.field(), e.explain());
                }
                return None;
            }
            StrategyItem::Campaign(c)
        }
        Part::BudgetLine => {
            let month =
                NaiveDate::parse_from_str(&format!("{}-01", text(form, "month")), "%Y-%m-%d").ok();
            if month.is_none() {
                form.set_error("month", s.strategy.err_month.into());
            }
            let amount = money_of(form, "amount");
            if amount.is_some_and(|a| a < 0) {
                form.set_error("amount", s.strategy.err_negative.into());
                return None;
            }
            let (Some(month), Some(amount)) = (month, amount) else {
                return None;
            };
            StrategyItem::BudgetLine(BudgetLine {
                id,
                version,
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
                form.set_error("amount", s.strategy.err_negative.into());
                return None;
            }
            let (Some(date), Some(amount)) = (date_of(form, "date"), amount) else {
                return None;
            };
            StrategyItem::Expense(Expense {
                id,
                version,
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
                        s.strategy.err_pillars_over,
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
                version,
                name: text(form, "name"),
                share,
                description: text(form, "description"),
            })
        }
        Part::HashtagSet => match parse_hashtags(&form.text_value("tags")) {
            Ok(tags) => StrategyItem::HashtagSet(HashtagSet {
                id,
                version,
                name: text(form, "name"),
                tags,
            }),
            Err(bad) => {
                form.set_error("tags", fill(s.strategy.err_hashtag, &[("tag", &bad)]));
                return None;
            }
        },
        Part::Competitor => match parse_handles(&form.text_value("handles")) {
            Ok(handles) => StrategyItem::Competitor(Competitor {
                id,
                version,
                name: text(form, "name"),
                handles,
            }),
            Err((line, bad)) => {
                form.set_error(
                    "handles",
                    fill(
                        s.strategy.err_handle_line,
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
                version,
                competitor_id,
                date: date_of(form, "date")?,
                text: form.text_value("text").trim_end().to_string(),
            })
        }
    };
    fields_ok.then_some(item)
}

/// What a pillar's save does when the pillars would add up to more than 100%.
pub enum Rebalance {
    /// Not a pillar over 100%: the usual save.
    No,
    /// Ask whether to scale the other pillars down (the share field says why).
    Ask(String),
    /// Asked and agreed: the pillar, and the others scaled down.
    Save(Effect),
}

/// A pillar whose share, with the others', goes over 100%: asks first, then saves it
/// with the other pillars scaled down to the room left, in their proportions.
pub fn rebalance(
    m: &Model,
    purpose: &FormPurpose,
    form: &mut Form,
    fields_ok: bool,
    (confirmed, opened): (bool, &Opened),
) -> Rebalance {
    let (FormPurpose::Strategy(Part::Pillar, id), true, Some(client)) =
        (purpose, fields_ok, m.current)
    else {
        return Rebalance::No;
    };
    let Some(share) = form.int_value("share").and_then(|v| u32::try_from(v).ok()) else {
        return Rebalance::No;
    };
    let text = |f: &Form, k: &str| f.text_value(k).trim().to_string();
    let others: Vec<Pillar> = m
        .plan
        .pillars
        .iter()
        .filter(|p| p.id != *id)
        .cloned()
        .collect();
    let total: u32 = others.iter().map(|p| p.share).sum();
    if total + share <= 100 || total == 0 || text(form, "name").is_empty() {
        return Rebalance::No;
    }
    let s = t();
    let room = 100 - share;
    if !confirmed {
        form.set_error(
            "share",
            fill(
                s.strategy.err_pillars_over,
                &[
                    ("total", &(total + share).to_string()),
                    ("left", &(100u32.saturating_sub(total)).to_string()),
                ],
            ),
        );
        return Rebalance::Ask(fill(
            s.strategy.pillars_rebalance,
            &[
                ("total", &(total + share).to_string()),
                ("room", &room.to_string()),
            ],
        ));
    }
    let mut all = vec![Pillar {
        id: *id,
        name: text(form, "name"),
        share,
        description: text(form, "description"),
        version: opened.version(),
    }];
    all.extend(crate::domain::strategy::rebalance(&others, room));
    Rebalance::Save(Effect::SaveStrategy {
        client,
        item: StrategyItem::Pillars(all),
    })
}

/// The save effect of a strategy form, or `None` with the messages set on the form. The
/// row is written over the version the form was `opened` on.
pub fn save(
    m: &Model,
    purpose: FormPurpose,
    form: &mut Form,
    fields_ok: bool,
    opened: &Opened,
) -> Option<Effect> {
    let client = m.current?;
    let version = opened.version();
    let item = match purpose {
        FormPurpose::Tone => {
            StrategyItem::Tone(form.text_value("tone").trim_end().to_string(), version)
        }
        FormPurpose::Strategy(part, id) => item(m, part, (id, version), form, fields_ok)?,
        _ => return None,
    };
    Some(Effect::SaveStrategy { client, item })
}
