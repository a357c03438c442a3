//! The Report tab's state: which period, and the report built for it.

use chrono::NaiveDate;

use super::model::Model;
use super::strategy::client_today;
use crate::domain::report::{Period, PeriodKind};
use crate::report::Report;

#[derive(Debug, Clone, Default)]
pub struct ReportState {
    pub kind: Option<PeriodKind>,
    /// A day in the period shown; `None` follows today.
    pub anchor: Option<NaiveDate>,
    pub custom: Option<Period>,
    pub report: Option<Box<Report>>,
    /// (client, period) of `report`; `None` asks for a build.
    pub loaded: Option<(i64, Period)>,
    pub scroll: u16,
}

/// The period on screen: the week (by default), month or custom span.
pub fn period(m: &Model) -> Period {
    let day = m.report.anchor.unwrap_or_else(|| client_today(m));
    match m.report.kind.unwrap_or(PeriodKind::Week) {
        PeriodKind::Week => Period::week_of(day),
        PeriodKind::Month => Period::month_of(day),
        PeriodKind::Custom => m.report.custom.unwrap_or_else(|| Period::week_of(day)),
    }
}
