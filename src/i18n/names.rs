//! Names of the domain's values and messages of its errors, from the catalogue.

use super::{fill, t};
use crate::domain::inbox;
use crate::domain::metric::{Metric, Unit};
use crate::domain::objective::Status;
use crate::domain::strategy::{BudgetKind, CampaignStatus, Part, Priority, Section};

pub fn post_status(s: crate::domain::post::PostStatus) -> &'static str {
    let i = crate::domain::post::PostStatus::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(0);
    t().calendar.post_statuses[i]
}

pub fn inbox_kind(k: inbox::Kind) -> &'static str {
    let i = inbox::Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    t().inbox.inbox_kinds[i]
}

pub fn inbox_status(s: inbox::Status) -> &'static str {
    let i = inbox::Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    t().inbox.inbox_statuses[i]
}

pub fn sentiment(s: inbox::Sentiment) -> &'static str {
    let i = inbox::Sentiment::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(0);
    t().inbox.sentiments[i]
}

/// `most urgent first`, `oldest first`…: the inbox list's order.
pub fn inbox_order(o: inbox::Order) -> &'static str {
    let i = inbox::Order::ALL.iter().position(|x| *x == o).unwrap_or(0);
    t().inbox.inbox_orders[i]
}

pub fn status_filter(s: inbox::StatusFilter) -> &'static str {
    let i = inbox::StatusFilter::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(0);
    t().inbox.status_filters[i]
}

/// A metric's name.
pub fn metric_name(m: Metric) -> &'static str {
    let i = Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
    t().strategy.metric_names[i]
}

pub fn budget_kind(k: BudgetKind) -> &'static str {
    let i = BudgetKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    t().strategy.budget_kinds[i]
}

pub fn campaign_status(c: CampaignStatus) -> &'static str {
    let i = CampaignStatus::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or(0);
    t().strategy.campaign_statuses[i]
}

pub fn priority(p: Priority) -> &'static str {
    let i = Priority::ALL.iter().position(|x| *x == p).unwrap_or(0);
    t().strategy.priorities[i]
}

pub fn objective_status(s: Status) -> &'static str {
    let i = match s {
        Status::NoData => 0,
        Status::Achieved => 1,
        Status::OnTrack => 2,
        Status::AtRisk => 3,
        Status::Behind => 4,
        Status::NotStarted => 5,
    };
    t().strategy.objective_statuses[i]
}

pub fn section_title(s: Section) -> &'static str {
    t().strategy.section_titles[s.index()]
}

/// A strategy part's name, lower case, singular.
pub fn part_name(p: Part) -> &'static str {
    t().strategy.part_names[p.index()]
}

/// How a value of `unit` is typed: `in %`, `in EUR`.
pub fn unit_hint(unit: Unit, currency: &str) -> String {
    let i = match unit {
        Unit::Count => 0,
        Unit::Money => 1,
        Unit::Percent => 2,
        Unit::Ratio => 3,
        Unit::Hours => 4,
    };
    fill(t().strategy.unit_hints[i], &[("currency", currency)])
}
