//! The Report tab's state: which period, and the report built for it.

use chrono::NaiveDate;

use super::kept::Kept;
use super::model::Model;
use super::strategy::client_today;
use crate::domain::report::{Period, PeriodKind};
use crate::report::Report;

/// Reports kept beside the one on screen.
pub const KEPT_REPORTS: usize = 6;

#[derive(Debug, Clone, Default)]
pub struct ReportState {
    pub kind: Option<PeriodKind>,
    /// A day in the period shown; `None` follows today.
    pub anchor: Option<NaiveDate>,
    pub custom: Option<Period>,
    pub report: Option<Box<Report>>,
    /// (client, period) on screen, or on its way; `None` asks for a build.
    pub loaded: Option<(i64, Period)>,
    /// (client, period) of `report` (the one before `loaded` while a build is on its way).
    pub shown: Option<(i64, Period)>,
    /// Reports of other periods: left a moment ago, or built ahead (the periods either
    /// side, the month or week of the same days). Dropped with any change of data.
    pub kept: Kept<(i64, Period), Box<Report>, KEPT_REPORTS>,
    pub scroll: u16,
    /// Where `x` writes reports: the last folder used (a setting), else the user's
    /// documents or downloads folder.
    pub export_folder: String,
}

/// The week a `w` key shows from `p` (its first), or the month an `m` key shows (the
/// month `p` starts in).
pub fn switched(p: &Period, kind: PeriodKind) -> Period {
    match kind {
        PeriodKind::Month => Period::month_of(p.from),
        _ => Period::week_of(p.to.min(p.from + chrono::Duration::days(6))),
    }
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
