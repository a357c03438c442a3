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
    /// A day in the period shown; `None` shows the last complete week or month.
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

/// The weekly entry form's week, and what is stored for it on each platform: the form
/// shows it, and a save writes only what was typed over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekEntry {
    pub week: Period,
    pub stored: crate::report::week::WeekFigures,
}

/// The week a `w` key shows from `p` (its first), or the month an `m` key shows (the
/// month `p` starts in).
pub fn switched(p: &Period, kind: PeriodKind) -> Period {
    match kind {
        PeriodKind::Month => Period::month_of(p.from),
        _ => Period::week_of(p.to.min(p.from + chrono::Duration::days(6))),
    }
}

/// The report follows the last complete period (no period picked by hand).
pub fn following(m: &Model) -> bool {
    m.report.anchor.is_none() && m.report.kind != Some(PeriodKind::Custom)
}

/// The period the `w` or `m` key (`kind`) shows from `p`: the last complete one of that
/// kind while following it, else [`switched`].
pub fn kind_switched(m: &Model, p: &Period, kind: PeriodKind) -> Period {
    if following(m) {
        Period::last_complete(kind, client_today(m))
    } else {
        switched(p, kind)
    }
}

/// The period on screen: the week (by default), month or custom span. The review opens
/// on the last complete week (or month): one still running would compare a few days
/// with a whole period.
pub fn period(m: &Model) -> Period {
    let kind = m.report.kind.unwrap_or(PeriodKind::Week);
    let Some(day) = m.report.anchor else {
        return match kind {
            PeriodKind::Custom => m
                .report
                .custom
                .unwrap_or_else(|| Period::last_complete(kind, client_today(m))),
            _ => Period::last_complete(kind, client_today(m)),
        };
    };
    match kind {
        PeriodKind::Week => Period::week_of(day),
        PeriodKind::Month => Period::month_of(day),
        PeriodKind::Custom => m.report.custom.unwrap_or_else(|| Period::week_of(day)),
    }
}
