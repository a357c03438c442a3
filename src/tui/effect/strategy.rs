//! Strategy rows written by the executor: what `update` asks to save, and the one
//! transaction that saves it.

use crate::domain::ClientId;
use crate::domain::Version;
use crate::domain::objective::ObjectiveDraft;
use crate::domain::strategy::{
    BudgetLine, Campaign, Competitor, CompetitorNote, Expense, HashtagSet, Id, Part, Pillar, Target,
};
use crate::store::Store;

/// A strategy row to write (id 0: a new one), over the version it was read at.
#[derive(Debug, Clone, PartialEq)]
pub enum StrategyItem {
    Target(Target),
    Objective(Id, Version, ObjectiveDraft),
    Campaign(Campaign),
    BudgetLine(BudgetLine),
    Expense(Expense),
    Pillar(Pillar),
    /// A pillar with the others rescaled to make room for it (the pillar first).
    Pillars(Vec<Pillar>),
    HashtagSet(HashtagSet),
    Competitor(Competitor),
    Note(CompetitorNote),
    Tone(String, Version),
}

impl StrategyItem {
    pub(super) fn part_and_id(&self) -> (Option<Part>, Id) {
        match self {
            StrategyItem::Target(x) => (Some(Part::Target), x.id),
            StrategyItem::Objective(id, ..) => (Some(Part::Objective), *id),
            StrategyItem::Campaign(x) => (Some(Part::Campaign), x.id),
            StrategyItem::BudgetLine(x) => (Some(Part::BudgetLine), x.id),
            StrategyItem::Expense(x) => (Some(Part::Expense), x.id),
            StrategyItem::Pillar(x) => (Some(Part::Pillar), x.id),
            StrategyItem::Pillars(x) => (Some(Part::Pillar), x.first().map_or(0, |p| p.id)),
            StrategyItem::HashtagSet(x) => (Some(Part::HashtagSet), x.id),
            StrategyItem::Competitor(x) => (Some(Part::Competitor), x.id),
            StrategyItem::Note(x) => (Some(Part::CompetitorNote), x.id),
            StrategyItem::Tone(..) => (None, 0),
        }
    }
}

pub(super) fn save_item(
    store: &mut Store,
    client: ClientId,
    item: &StrategyItem,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::store::Result<()> {
    store.transaction(|tx| {
        match item {
            StrategyItem::Target(x) => tx.save_target(client, x, now)?,
            StrategyItem::Objective(id, v, d) => tx.save_objective(client, (*id, *v), d, now)?,
            StrategyItem::Campaign(x) => tx.save_campaign(client, x, now)?,
            StrategyItem::BudgetLine(x) => tx.save_budget_line(client, x, now)?,
            StrategyItem::Expense(x) => tx.save_expense(client, x, now)?,
            StrategyItem::Pillar(x) => tx.save_pillar(client, x, now)?,
            StrategyItem::Pillars(x) => {
                for p in x {
                    tx.save_pillar(client, p, now)?;
                }
                0
            }
            StrategyItem::HashtagSet(x) => tx.save_hashtag_set(client, x, now)?,
            StrategyItem::Competitor(x) => tx.save_competitor(client, x, now)?,
            StrategyItem::Note(x) => tx.save_note(x, now)?,
            StrategyItem::Tone(t, v) => {
                tx.save_tone(client, *v, t)?;
                0
            }
        };
        Ok(())
    })
}
