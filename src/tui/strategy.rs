//! The Strategy tab's state: an overview of six panels, each opening into its section
//! with one or two lists (panes). The rows each list shows are derived here, once, for
//! both `update` and the views.

use chrono::NaiveDate;
use iso_currency::Currency;

use super::model::Model;
use super::widgets::table::ListCursor;
use crate::domain::Platform;
use crate::domain::money;
use crate::domain::objective::{Objective, Progress, progress};
pub use crate::domain::strategy::Section;
use crate::domain::strategy::{
    BudgetLine, Campaign, Competitor, CompetitorNote, Expense, HashtagSet, Id, Part, Pillar,
    Target, add_months, month_of,
};
use crate::i18n::{self, fill, format, t};

#[derive(Debug, Clone)]
pub struct StrategyState {
    /// The open section, or `None` for the overview.
    pub open: Option<Section>,
    /// The panel with focus in the overview.
    pub panel: Section,
    /// The pane with focus in the open section.
    pub pane: usize,
    /// One cursor per list, indexed by [`Part::index`].
    pub cursors: Vec<ListCursor>,
    /// The budget month shown; `None` follows the current month.
    pub month: Option<NaiveDate>,
    /// A row to select once the plan is loaded (a jump from Today).
    pub jump: Option<(Part, Id)>,
}

impl Default for StrategyState {
    fn default() -> Self {
        StrategyState {
            open: None,
            panel: Section::Targets,
            pane: 0,
            cursors: vec![ListCursor::default(); Part::ALL.len()],
            month: None,
            jump: None,
        }
    }
}

impl StrategyState {
    pub fn cursor(&self, part: Part) -> &ListCursor {
        &self.cursors[part.index()]
    }
    pub fn cursor_mut(&mut self, part: Part) -> &mut ListCursor {
        &mut self.cursors[part.index()]
    }
    /// The list with focus: the open section's pane, or the focused panel's first list.
    pub fn focused_part(&self) -> Part {
        let section = self.open.unwrap_or(self.panel);
        let panes = section.panes();
        panes[self.pane.min(panes.len() - 1)]
    }
}

/// Today in the current client's time zone.
pub fn client_today(m: &Model) -> NaiveDate {
    match m.current_client() {
        Some(c) => m.now.with_timezone(&c.tz()).date_naive(),
        None => m.now.date_naive(),
    }
}

/// The budget month on screen (its first day).
pub fn budget_month(m: &Model) -> NaiveDate {
    m.strategy
        .month
        .unwrap_or_else(|| month_of(client_today(m)))
}

pub fn budget_lines(m: &Model) -> Vec<&BudgetLine> {
    let month = budget_month(m);
    m.plan
        .budget_lines
        .iter()
        .filter(|l| l.month == month)
        .collect()
}

pub fn expenses(m: &Model) -> Vec<&Expense> {
    let month = budget_month(m);
    let next = add_months(month, 1);
    m.plan
        .expenses
        .iter()
        .filter(|e| e.date >= month && e.date < next)
        .collect()
}

pub fn selected_competitor(m: &Model) -> Option<&Competitor> {
    let c = m.strategy.cursor(Part::Competitor).selected;
    m.plan
        .competitors
        .get(c.min(m.plan.competitors.len().saturating_sub(1)))
}

pub fn notes(m: &Model) -> Vec<&CompetitorNote> {
    match selected_competitor(m) {
        Some(c) => m
            .plan
            .notes
            .iter()
            .filter(|n| n.competitor_id == c.id)
            .collect(),
        None => vec![],
    }
}

/// The ids a list shows, in order.
pub fn ids(m: &Model, part: Part) -> Vec<Id> {
    match part {
        Part::Target => m.plan.targets.iter().map(|t: &Target| t.id).collect(),
        Part::Objective => m.plan.objectives.iter().map(|o: &Objective| o.id).collect(),
        Part::Campaign => m.plan.campaigns.iter().map(|c: &Campaign| c.id).collect(),
        Part::BudgetLine => budget_lines(m).iter().map(|l| l.id).collect(),
        Part::Expense => expenses(m).iter().map(|e| e.id).collect(),
        Part::Pillar => m.plan.pillars.iter().map(|p: &Pillar| p.id).collect(),
        Part::HashtagSet => m
            .plan
            .hashtag_sets
            .iter()
            .map(|h: &HashtagSet| h.id)
            .collect(),
        Part::Competitor => m.plan.competitors.iter().map(|c| c.id).collect(),
        Part::CompetitorNote => notes(m).iter().map(|n| n.id).collect(),
    }
}

/// The id under a list's cursor.
pub fn selected_id(m: &Model, part: Part) -> Option<Id> {
    let ids = ids(m, part);
    let i = m.strategy.cursor(part).selected;
    ids.get(i.min(ids.len().saturating_sub(1))).copied()
}

/// Where an objective stands today, from its value measured in the KPIs ("no data"
/// while none is stored for its metric and scope).
pub fn objective_progress(m: &Model, o: &Objective) -> Progress {
    progress(o, m.plan.measures.get(&o.id).copied(), client_today(m))
}

/// The current client's currency (euro without one).
pub fn currency(m: &Model) -> Currency {
    m.current_client()
        .and_then(|c| money::currency(&c.currency))
        .or_else(|| money::currency("EUR"))
        .unwrap_or(Currency::EUR)
}

pub fn currency_code(m: &Model) -> String {
    currency(m).code().to_string()
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
                t().strategy.objective_line,
                &[
                    (
                        "scope",
                        o.platform
                            .map_or(t().strategy.all_platforms, Platform::name),
                    ),
                    ("metric", i18n::metric_name(o.metric)),
                    ("target", &format::metric_value(o.metric, o.target, &cur)),
                    ("deadline", &format::date(o.deadline)),
                ],
            )
        })
        .unwrap_or_default()
}
