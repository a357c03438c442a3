//! The social media manager's plan for a client: target personas, the editorial line
//! (tone, content pillars, hashtag sets), campaigns, the budget and the competitors
//! watched. Objectives live in [`super::objective`].

use chrono::NaiveDate;
use serde::Serialize;

use super::Version;
pub use super::dates::{add_months, month_of};
use super::platform::Platform;

pub type Id = i64;

// The budget is part of the plan: its names are reachable from here.
mod budget;
pub use budget::*;

/// The parts of a strategy that are lists of rows (each goes to the trash on delete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Target,
    Objective,
    Campaign,
    BudgetLine,
    Expense,
    Pillar,
    HashtagSet,
    Competitor,
    CompetitorNote,
}

impl Part {
    pub const ALL: [Part; 9] = [
        Part::Target,
        Part::Objective,
        Part::Campaign,
        Part::BudgetLine,
        Part::Expense,
        Part::Pillar,
        Part::HashtagSet,
        Part::Competitor,
        Part::CompetitorNote,
    ];
    pub fn index(self) -> usize {
        Part::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// The six sections of a strategy, each a view over one or two of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Targets,
    Objectives,
    Budget,
    Editorial,
    Campaigns,
    Competitors,
}

impl Section {
    /// Overview order: three panels a row, two rows.
    pub const ALL: [Section; 6] = [
        Section::Targets,
        Section::Objectives,
        Section::Budget,
        Section::Editorial,
        Section::Campaigns,
        Section::Competitors,
    ];

    /// The lists of the section, left to right.
    pub fn panes(self) -> &'static [Part] {
        match self {
            Section::Targets => &[Part::Target],
            Section::Objectives => &[Part::Objective],
            Section::Budget => &[Part::BudgetLine, Part::Expense],
            Section::Editorial => &[Part::Pillar, Part::HashtagSet],
            Section::Campaigns => &[Part::Campaign],
            Section::Competitors => &[Part::Competitor, Part::CompetitorNote],
        }
    }

    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// How much a target audience matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
    pub fn key(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
    pub fn parse(s: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.key() == s)
    }
}

/// A persona the client's content is made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub locations: String,
    pub interests: String,
    pub pains: String,
    pub platforms: Vec<Platform>,
    pub priority: Priority,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetError {
    NameEmpty,
    AgesReversed,
}

impl Target {
    pub fn validate(&self) -> Result<(), Vec<TargetError>> {
        let mut errs = Vec::new();
        if self.name.trim().is_empty() {
            errs.push(TargetError::NameEmpty);
        }
        if let (Some(a), Some(b)) = (self.age_min, self.age_max)
            && a > b
        {
            errs.push(TargetError::AgesReversed);
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// `25-34`, `25+`, `up to 34`, or empty.
    pub fn age_range(&self) -> String {
        match (self.age_min, self.age_max) {
            (Some(a), Some(b)) => format!("{a}-{b}"),
            (Some(a), None) => format!("{a}+"),
            (None, Some(b)) => format!("≤{b}"),
            (None, None) => String::new(),
        }
    }
}

/// A content pillar: a theme and the share of posts it should get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pillar {
    pub id: Id,
    pub name: String,
    /// Target share of posts, in percent.
    pub share: u32,
    pub description: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// What is wrong with a set of pillars as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PillarsCheck {
    /// No pillar yet: nothing to add up.
    Empty,
    Complete,
    /// They add up to less than 100: this much is unassigned.
    Short(u32),
    /// They add up to more than 100.
    Over(u32),
}

/// Pillars' shares must add up to 100.
pub fn check_pillars<'a>(pillars: impl IntoIterator<Item = &'a Pillar>) -> PillarsCheck {
    let mut n = 0;
    let mut total = 0;
    for p in pillars {
        n += 1;
        total += p.share;
    }
    match (n, total) {
        (0, _) => PillarsCheck::Empty,
        (_, 100) => PillarsCheck::Complete,
        (_, t) if t < 100 => PillarsCheck::Short(100 - t),
        (_, t) => PillarsCheck::Over(t - 100),
    }
}

/// The pillars with their shares scaled to add up to `room` percent, keeping their
/// proportions (largest remainders get the rounding), so that a new pillar's share fits
/// beside them. Pillars with a share of 0 stay at 0.
pub fn rebalance(pillars: &[Pillar], room: u32) -> Vec<Pillar> {
    let total: u32 = pillars.iter().map(|p| p.share).sum();
    if total == 0 {
        return pillars.to_vec();
    }
    let exact: Vec<(u32, u32)> = pillars
        .iter()
        .map(|p| {
            let scaled = u64::from(p.share) * u64::from(room);
            let (q, r) = (scaled / u64::from(total), scaled % u64::from(total));
            (q as u32, r as u32)
        })
        .collect();
    let mut left = room - exact.iter().map(|(q, _)| q).sum::<u32>();
    let mut order: Vec<usize> = (0..pillars.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(exact[i].1));
    let mut shares: Vec<u32> = exact.iter().map(|(q, _)| *q).collect();
    for i in order {
        if left == 0 {
            break;
        }
        if exact[i].1 > 0 {
            shares[i] += 1;
            left -= 1;
        }
    }
    pillars
        .iter()
        .zip(shares)
        .map(|(p, share)| Pillar { share, ..p.clone() })
        .collect()
}

/// A named set of hashtags to paste into posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HashtagSet {
    pub id: Id,
    pub name: String,
    pub tags: Vec<String>,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// Reads `#a #b, c` into `["#a", "#b", "#c"]`; a tag with a character that no platform
/// accepts in a hashtag is returned as the error.
pub fn parse_hashtags(s: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        let t = raw.trim_start_matches('#');
        if t.is_empty() {
            continue;
        }
        if !t.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Err(raw.to_string());
        }
        let tag = format!("#{t}");
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignStatus {
    Planned,
    Active,
    Paused,
    Done,
    Cancelled,
}

impl CampaignStatus {
    pub const ALL: [CampaignStatus; 5] = [
        CampaignStatus::Planned,
        CampaignStatus::Active,
        CampaignStatus::Paused,
        CampaignStatus::Done,
        CampaignStatus::Cancelled,
    ];
    pub fn key(self) -> &'static str {
        match self {
            CampaignStatus::Planned => "planned",
            CampaignStatus::Active => "active",
            CampaignStatus::Paused => "paused",
            CampaignStatus::Done => "done",
            CampaignStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<CampaignStatus> {
        CampaignStatus::ALL.into_iter().find(|c| c.key() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Campaign {
    pub id: Id,
    pub name: String,
    pub platforms: Vec<Platform>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Minor units of the client's currency.
    pub budget: Option<i64>,
    pub objective_id: Option<Id>,
    pub status: CampaignStatus,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignError {
    NameEmpty,
    EndBeforeStart,
    NegativeBudget,
}

impl CampaignError {
    pub fn field(self) -> &'static str {
        match self {
            CampaignError::NameEmpty => "name",
            CampaignError::EndBeforeStart => "end",
            CampaignError::NegativeBudget => "budget",
        }
    }
}

impl Campaign {
    pub fn validate(&self) -> Result<(), Vec<CampaignError>> {
        let mut errs = Vec::new();
        if self.name.trim().is_empty() {
            errs.push(CampaignError::NameEmpty);
        }
        if self.end < self.start {
            errs.push(CampaignError::EndBeforeStart);
        }
        if self.budget.is_some_and(|b| b < 0) {
            errs.push(CampaignError::NegativeBudget);
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// Runs on `day` (both ends included).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// A competitor the client watches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Competitor {
    pub id: Id,
    pub name: String,
    pub handles: Vec<(Platform, String)>,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// Reads handles written one per line as `platform handle` (`instagram @rival`). Returns
/// the 1-based line number and text of the first line it cannot read.
pub fn parse_handles(s: &str) -> Result<Vec<(Platform, String)>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in s.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let platform = parts.next().and_then(Platform::parse);
        let handle = parts.next();
        match (platform, handle, parts.next()) {
            (Some(p), Some(h), None) => out.push((p, h.to_string())),
            _ => return Err((i + 1, line.to_string())),
        }
    }
    Ok(out)
}

/// Writes handles back, one per line.
pub fn format_handles(h: &[(Platform, String)]) -> String {
    h.iter()
        .map(|(p, h)| format!("{} {h}", p.key()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A dated observation about a competitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompetitorNote {
    pub id: Id,
    pub competitor_id: Id,
    pub date: NaiveDate,
    pub text: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// Reads a comma-separated list of platform keys, skipping unknown ones.
pub fn parse_platforms(s: &str) -> Vec<Platform> {
    s.split(',').filter_map(Platform::parse).collect()
}

/// Writes platforms as a comma-separated list of keys.
pub fn format_platforms(p: &[Platform]) -> String {
    p.iter().map(|p| p.key()).collect::<Vec<_>>().join(",")
}

/// Everything of one client's strategy, as the Strategy tab shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub client_id: i64,
    pub tone: String,
    /// The version of the tone as read (0: never written).
    pub tone_version: Version,
    pub targets: Vec<Target>,
    pub objectives: Vec<super::objective::Objective>,
    pub campaigns: Vec<Campaign>,
    pub budget_lines: Vec<BudgetLine>,
    pub expenses: Vec<Expense>,
    pub pillars: Vec<Pillar>,
    pub hashtag_sets: Vec<HashtagSet>,
    pub competitors: Vec<Competitor>,
    pub notes: Vec<CompetitorNote>,
    /// Each objective's measured value (stored units) and the day it describes, from
    /// the KPIs; absent without data.
    pub measures: std::collections::BTreeMap<Id, (NaiveDate, i64)>,
}

#[cfg(test)]
mod tests;
