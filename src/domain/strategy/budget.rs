//! A client's budget: the plan per month, kind (organic or paid) and platform, the
//! ledger of what was spent, and how a month's spending compares with its plan.

use chrono::NaiveDate;
use serde::Serialize;

use super::Id;
use crate::domain::Version;
use crate::domain::dates::add_months;
use crate::domain::platform::Platform;

/// What budget money is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetKind {
    PaidAds,
    BoostedPosts,
    ContentProduction,
    Tools,
    FreelancerHours,
}

impl BudgetKind {
    pub const ALL: [BudgetKind; 5] = [
        BudgetKind::PaidAds,
        BudgetKind::BoostedPosts,
        BudgetKind::ContentProduction,
        BudgetKind::Tools,
        BudgetKind::FreelancerHours,
    ];
    pub fn key(self) -> &'static str {
        match self {
            BudgetKind::PaidAds => "paid_ads",
            BudgetKind::BoostedPosts => "boosted_posts",
            BudgetKind::ContentProduction => "content_production",
            BudgetKind::Tools => "tools",
            BudgetKind::FreelancerHours => "freelancer_hours",
        }
    }
    pub fn parse(s: &str) -> Option<BudgetKind> {
        BudgetKind::ALL.into_iter().find(|k| k.key() == s)
    }
    /// Paid media (the "paid" side of organic vs paid).
    pub fn is_paid(self) -> bool {
        matches!(self, BudgetKind::PaidAds | BudgetKind::BoostedPosts)
    }
}

/// A planned amount for one month, kind and (optionally) platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetLine {
    pub id: Id,
    /// The first day of the month.
    pub month: NaiveDate,
    pub platform: Option<Platform>,
    pub kind: BudgetKind,
    pub amount: i64,
    pub note: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// Money spent, as a line of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expense {
    pub id: Id,
    pub date: NaiveDate,
    pub amount: i64,
    pub kind: BudgetKind,
    pub platform: Option<Platform>,
    pub campaign_id: Option<Id>,
    pub note: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// How a month's spending compares with its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetAlert {
    Fine,
    /// 90% or more of the plan is spent.
    Near,
    /// More than the plan is spent.
    Over,
    /// Money was spent with no plan at all.
    Unplanned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BudgetSummary {
    pub planned: i64,
    pub spent: i64,
}

impl BudgetSummary {
    pub fn remaining(&self) -> i64 {
        self.planned - self.spent
    }

    /// Spent as a share of planned, in percent, or `None` with nothing planned.
    pub fn used_pct(&self) -> Option<f64> {
        (self.planned > 0).then(|| self.spent as f64 * 100.0 / self.planned as f64)
    }

    pub fn alert(&self) -> BudgetAlert {
        match self.used_pct() {
            None if self.spent > 0 => BudgetAlert::Unplanned,
            None => BudgetAlert::Fine,
            Some(_) if self.spent > self.planned => BudgetAlert::Over,
            Some(p) if p >= 90.0 => BudgetAlert::Near,
            Some(_) => BudgetAlert::Fine,
        }
    }
}

/// Plan and spending of one month, in total.
pub fn summarize(lines: &[BudgetLine], expenses: &[Expense], month: NaiveDate) -> BudgetSummary {
    let next = add_months(month, 1);
    BudgetSummary {
        planned: lines
            .iter()
            .filter(|l| l.month == month)
            .map(|l| l.amount)
            .sum(),
        spent: expenses
            .iter()
            .filter(|e| e.date >= month && e.date < next)
            .map(|e| e.amount)
            .sum(),
    }
}

/// Plan and spending of one month, per kind, in the order of [`BudgetKind::ALL`]; kinds
/// with neither plan nor spending are left out.
pub fn summarize_by_kind(
    lines: &[BudgetLine],
    expenses: &[Expense],
    month: NaiveDate,
) -> Vec<(BudgetKind, BudgetSummary)> {
    let next = add_months(month, 1);
    BudgetKind::ALL
        .into_iter()
        .map(|k| {
            let s = BudgetSummary {
                planned: lines
                    .iter()
                    .filter(|l| l.month == month && l.kind == k)
                    .map(|l| l.amount)
                    .sum(),
                spent: expenses
                    .iter()
                    .filter(|e| e.date >= month && e.date < next && e.kind == k)
                    .map(|e| e.amount)
                    .sum(),
            };
            (k, s)
        })
        .filter(|(_, s)| s.planned != 0 || s.spent != 0)
        .collect()
}

/// The plan of `from` to copy into `to`: each of its lines whose kind and platform `to`
/// does not plan yet, as a new line of `to` (id 0), in the order of `from`.
pub fn plan_to_copy(lines: &[BudgetLine], from: NaiveDate, to: NaiveDate) -> Vec<BudgetLine> {
    let planned = |l: &BudgetLine| {
        lines
            .iter()
            .any(|x| x.month == to && x.kind == l.kind && x.platform == l.platform)
    };
    lines
        .iter()
        .filter(|l| l.month == from && !planned(l))
        .map(|l| BudgetLine {
            id: 0,
            month: to,
            ..l.clone()
        })
        .collect()
}

/// The kinds whose own plan is overspent (or spent on with no plan) in a month, whatever
/// the month's total says: a kind can be over while the month is under.
pub fn kinds_over(
    lines: &[BudgetLine],
    expenses: &[Expense],
    month: NaiveDate,
) -> Vec<(BudgetKind, BudgetSummary)> {
    summarize_by_kind(lines, expenses, month)
        .into_iter()
        .filter(|(_, s)| matches!(s.alert(), BudgetAlert::Over | BudgetAlert::Unplanned))
        .collect()
}
