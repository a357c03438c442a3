//! The Today tab's state: the check-in, and the line under the cursor.

use chrono::{DateTime, Utc};

use super::widgets::table::ListCursor;
use crate::today::Today;

/// How often the check-in is rebuilt while on screen (times pass: posts become late).
pub const REFRESH_SECONDS: i64 = 60;

#[derive(Debug, Clone, Default)]
pub struct TodayState {
    pub summary: Option<Box<Today>>,
    /// Over the selectable lines (headers are skipped).
    pub cursor: ListCursor,
    /// When the check-in on screen was asked for; `None` asks again.
    pub loaded_at: Option<DateTime<Utc>>,
}

/// One line of the check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Header(Section, usize),
    PostLate(usize),
    PostDue(usize),
    Inbox(usize),
    Objective(usize),
    Budget(usize),
    Campaign(usize),
    Review(usize),
    /// An expired connection: reconnect it.
    Reconnect(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Late,
    Due,
    Inbox,
    Objectives,
    Budgets,
    Campaigns,
    Reviews,
    Reconnect,
}

/// The lines of a check-in, most urgent first.
pub fn lines(t: &Today) -> Vec<Line> {
    let mut out = Vec::new();
    let mut section = |s: Section, n: usize, make: fn(usize) -> Line| {
        if n > 0 {
            out.push(Line::Header(s, n));
            out.extend((0..n).map(make));
        }
    };
    // A connection to make again comes first: nothing arrives from it until then.
    section(Section::Reconnect, t.reconnect.len(), Line::Reconnect);
    section(Section::Late, t.posts_late.len(), Line::PostLate);
    section(Section::Inbox, t.inbox.len(), Line::Inbox);
    section(Section::Due, t.posts_due.len(), Line::PostDue);
    section(
        Section::Objectives,
        t.objectives_at_risk.len(),
        Line::Objective,
    );
    section(Section::Budgets, t.budget_alerts.len(), Line::Budget);
    section(Section::Campaigns, t.campaigns.len(), Line::Campaign);
    section(Section::Reviews, t.reviews_due.len(), Line::Review);
    out
}

/// The selectable lines (no headers).
pub fn selectable(t: &Today) -> Vec<Line> {
    lines(t)
        .into_iter()
        .filter(|l| !matches!(l, Line::Header(..)))
        .collect()
}

/// The line under the cursor.
pub fn selected(st: &TodayState) -> Option<Line> {
    let t = st.summary.as_deref()?;
    selectable(t).get(st.cursor.selected).copied()
}
