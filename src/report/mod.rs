//! The KPI review of one client and period, assembled from the store: figures per
//! platform and in total beside the previous period, the last 12 periods for charts,
//! objectives measured from the KPIs, inbox, calendar and budget figures. The exporters
//! (`io::report`) and the Report tab both read this.

pub mod measure;
pub mod week;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::inbox::{Status, stats};
use crate::domain::metric::{Unit, format_scaled};
use crate::domain::money;
use crate::domain::objective::{Status as ObjectiveStatus, progress};
use crate::domain::post::PostStatus;
use crate::domain::report::{
    Period, REPORT_KEYS, change_pct, change_pt, key_unit, platform_figures,
};
use crate::domain::strategy::{add_months, month_of, summarize};
use crate::domain::{Client, Platform};
use crate::store::{Result, Store};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Value {
    pub value: Option<f64>,
    pub previous: Option<f64>,
    /// The change relative to the previous value, in percent; `None` for a rate, whose
    /// change is in points.
    pub change_pct: Option<f64>,
    /// A rate's change in percentage points (4.2% to 4.6%: 0.4); `None` for other keys.
    pub change_pt: Option<f64>,
}

/// How a value changed from the previous period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Relative, in percent.
    Pct(f64),
    /// A rate's, in percentage points.
    Pt(f64),
    /// Nothing to compare.
    None,
}

impl Value {
    pub fn change(&self) -> Change {
        match (self.change_pct, self.change_pt) {
            (_, Some(pt)) => Change::Pt(pt),
            (Some(pct), None) => Change::Pct(pct),
            (None, None) => Change::None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
    /// The last day counted: `to`, or the day of the report for a period still running
    /// (and the same day of the previous one).
    pub through: NaiveDate,
}

impl Span {
    fn of(p: &Period, through: NaiveDate) -> Span {
        Span {
            from: p.from,
            to: p.to,
            label: p.label(),
            through,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PlatformBlock {
    pub platform: &'static str,
    pub metrics: BTreeMap<&'static str, Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveLine {
    pub platform: Option<&'static str>,
    pub metric: &'static str,
    /// In the metric's display unit (percent, hours, major money units, counts).
    pub baseline: f64,
    pub target: f64,
    pub current: Option<f64>,
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    pub status: ObjectiveStatus,
    /// Share of the way from baseline to target, in percent.
    pub done_pct: Option<f64>,
    pub projected_pct: Option<f64>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct InboxBlock {
    pub received: usize,
    pub replied: usize,
    pub pending: usize,
    pub overdue: usize,
    pub reply_rate: Option<f64>,
    pub median_minutes: Option<i64>,
    pub p90_minutes: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PillarMix {
    pub pillar: String,
    pub target_pct: u32,
    pub posts: usize,
    pub actual_pct: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CalendarBlock {
    /// Posts dated in the period, cancelled ones left out.
    pub planned: usize,
    pub published: usize,
    pub pillars: Vec<PillarMix>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetBlock {
    /// The month(s) the period falls in.
    pub months: Vec<String>,
    /// Major units of `currency`.
    pub planned: f64,
    pub spent: f64,
    pub remaining: f64,
    pub used_pct: Option<f64>,
}

/// A figure the previous period has only on days after those compared (a week typed by
/// hand is stored on its Sunday): it cannot be cut to the same days, so its change is
/// left out, on its platform and in the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotComparable {
    pub platform: &'static str,
    pub metric: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub client: String,
    pub currency: String,
    pub period: Span,
    /// The period is still running: its days so far are compared with the same days of
    /// the previous one.
    pub in_progress: bool,
    pub previous: Span,
    pub platforms: Vec<PlatformBlock>,
    pub totals: BTreeMap<&'static str, Value>,
    /// Figures whose change is left out: see [`NotComparable`].
    pub not_comparable: Vec<NotComparable>,
    pub objectives: Vec<ObjectiveLine>,
    pub inbox: InboxBlock,
    pub calendar: CalendarBlock,
    pub budget: BudgetBlock,
    /// Totals of the last 12 periods, oldest first (for sparklines and charts).
    #[serde(skip)]
    pub series: Vec<(String, BTreeMap<&'static str, Option<f64>>)>,
}

/// Minor units in a major one of the client's currency.
pub fn minor_units(client: &Client) -> f64 {
    money::minor_per_major(&client.currency)
}

/// Each platform's figures by report key.
type PerPlatform = BTreeMap<Platform, BTreeMap<&'static str, Option<f64>>>;

type Figures = (PerPlatform, BTreeMap<&'static str, Option<f64>>);

pub(crate) fn figures_of(store: &Store, client: &Client, p: &Period) -> Result<Figures> {
    let sums = store.kpi_sums(client.id, p.from, p.to)?;
    let start: Vec<(Platform, i64)> = store
        .followers_at(client.id, p.from - Duration::days(1))?
        .into_iter()
        .map(|(pl, _, v)| (pl, v))
        .collect();
    let end: Vec<(Platform, i64)> = store
        .followers_at(client.id, p.to)?
        .into_iter()
        .map(|(pl, _, v)| (pl, v))
        .collect();
    Ok(platform_figures(&sums, &start, &end, minor_units(client)))
}

fn values(
    now: &BTreeMap<&'static str, Option<f64>>,
    before: Option<&BTreeMap<&'static str, Option<f64>>>,
) -> BTreeMap<&'static str, Value> {
    REPORT_KEYS
        .iter()
        .map(|k| {
            let value = now.get(k).copied().flatten();
            let previous = before.and_then(|b| b.get(k).copied().flatten());
            // A rate moves in points: 4.2% to 4.6% is +0.4 pt, not +9.5%.
            let rate = key_unit(k) == Unit::Percent;
            (
                *k,
                Value {
                    value,
                    previous,
                    change_pct: if rate {
                        None
                    } else {
                        change_pct(value, previous)
                    },
                    change_pt: if rate {
                        change_pt(value, previous)
                    } else {
                        None
                    },
                },
            )
        })
        .collect()
}

/// The instant a client's day starts.
fn day_start(client: &Client, d: NaiveDate) -> DateTime<Utc> {
    crate::domain::post::instant(d.and_hms_opt(0, 0, 0).unwrap_or_default(), client.tz())
}

/// The days of `period` counted on `today` (the client's): all of them, or, while it
/// runs, those up to today; and the same days of the previous period.
pub fn counted(period: &Period, today: NaiveDate) -> (Period, Period) {
    let previous = period.previous();
    if !period.contains(today) {
        return (*period, previous);
    }
    let so_far = Period {
        to: today,
        ..*period
    };
    let same_days = Period {
        to: (previous.from + (today - period.from)).min(previous.to),
        ..previous
    };
    (so_far, same_days)
}

/// The figures of a running period whose previous period has them only on days after
/// those compared: present over the whole previous period, absent from its same days,
/// and present now. A week typed by hand lies on its Sunday: cut to Monday–Thursday it
/// would count as nothing, and the totals would compare three platforms with two.
fn cut_off(
    store: &Store,
    client: &Client,
    period: &Period,
    same_days: &Period,
    (now, before): (&PerPlatform, &PerPlatform),
) -> Result<Vec<NotComparable>> {
    let whole = period.previous();
    if same_days.to >= whole.to {
        return Ok(vec![]);
    }
    let (per_whole, _) = figures_of(store, client, &whole)?;
    let has = |f: Option<&BTreeMap<&'static str, Option<f64>>>, k: &str| {
        f.and_then(|f| f.get(k).copied().flatten()).is_some()
    };
    let mut out = Vec::new();
    for (pl, f) in &per_whole {
        for k in REPORT_KEYS {
            if has(Some(f), k) && !has(before.get(pl), k) && has(now.get(pl), k) {
                out.push(NotComparable {
                    platform: pl.key(),
                    metric: k,
                });
            }
        }
    }
    Ok(out)
}

/// The totals with the change of every key in `off` left out: a total of platforms
/// compared with fewer is no change.
fn without_change(
    mut totals: BTreeMap<&'static str, Value>,
    off: &[NotComparable],
) -> BTreeMap<&'static str, Value> {
    for n in off {
        if let Some(v) = totals.get_mut(n.metric) {
            v.change_pct = None;
            v.change_pt = None;
        }
    }
    totals
}

/// Builds the report of `client` for `period`; `now` dates the inbox's overdue count
/// and tells whether the period is still running.
pub fn build(store: &Store, client: &Client, period: Period, now: DateTime<Utc>) -> Result<Report> {
    let today = now.with_timezone(&client.tz()).date_naive();
    let in_progress = period.contains(today);
    let (so_far, previous) = counted(&period, today);
    let (per_now, tot_now) = figures_of(store, client, &so_far)?;
    let (per_before, tot_before) = figures_of(store, client, &previous)?;
    let not_comparable = cut_off(store, client, &period, &previous, (&per_now, &per_before))?;
    let platforms = per_now
        .iter()
        .map(|(pl, f)| PlatformBlock {
            platform: pl.key(),
            metrics: values(f, per_before.get(pl)),
        })
        .collect();
    let mut series = Vec::new();
    for n in (1..12).rev() {
        let p = period.shift(n);
        series.push((p.label(), figures_of(store, client, &p)?.1));
    }
    series.push((period.label(), tot_now.clone()));
    let plan = store.plan(client.id)?;
    let reference = so_far.to;
    let objectives = plan
        .objectives
        .iter()
        .map(|o| -> Result<ObjectiveLine> {
            let current = measure::measure(store, client, o, reference)?;
            let pr = progress(o, current, reference);
            let unit = o.metric.unit();
            let show = |v: i64| -> f64 {
                match unit {
                    Unit::Money => v as f64 / minor_units(client),
                    _ => format_scaled(v, unit).parse().unwrap_or(0.0),
                }
            };
            Ok(ObjectiveLine {
                platform: o.platform.map(Platform::key),
                metric: o.metric.key(),
                baseline: show(o.baseline),
                target: show(o.target),
                current: current.map(|(_, v)| show(v)),
                start: o.start,
                deadline: o.deadline,
                status: pr.status,
                done_pct: pr.done.map(|d| d * 100.0),
                projected_pct: pr.projected.map(|d| d * 100.0),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let items = store.timings_received_between(
        client.id,
        day_start(client, so_far.from),
        day_start(client, so_far.to + Duration::days(1)),
    )?;
    let s = stats(
        items.iter().map(|i| (*i, client.reply_target_hours)),
        now,
        None,
    );
    let inbox = InboxBlock {
        received: items.len(),
        replied: items.iter().filter(|i| i.status == Status::Replied).count(),
        pending: s.pending,
        overdue: s.overdue,
        reply_rate: s.reply_rate,
        median_minutes: s.median_minutes,
        p90_minutes: s.p90_minutes,
    };
    // (pillar, status, posts), cancelled ones left out.
    let counts: Vec<_> = store
        .post_counts(client.id, period.from, period.to + Duration::days(1))?
        .into_iter()
        .filter(|(_, status, _)| *status != PostStatus::Cancelled)
        .collect();
    let planned: usize = counts.iter().map(|(_, _, n)| n).sum();
    let pillars = plan
        .pillars
        .iter()
        .map(|pl| {
            let n = counts
                .iter()
                .filter(|(pillar, _, _)| *pillar == Some(pl.id))
                .map(|(_, _, n)| n)
                .sum();
            PillarMix {
                pillar: pl.name.clone(),
                target_pct: pl.share,
                posts: n,
                actual_pct: (planned > 0).then(|| n as f64 * 100.0 / planned as f64),
            }
        })
        .collect();
    let calendar = CalendarBlock {
        planned,
        published: counts
            .iter()
            .filter(|(_, status, _)| *status == PostStatus::Published)
            .map(|(_, _, n)| n)
            .sum(),
        pillars,
    };
    // The month(s) the period falls in: planned for them, spent from their start to the
    // period's end.
    let mut months = Vec::new();
    let mut m = month_of(period.from);
    while m <= period.to {
        months.push(m);
        m = add_months(m, 1);
    }
    let mut planned = 0;
    let mut spent = 0;
    for month in &months {
        let sum = summarize(&plan.budget_lines, &[], *month);
        planned += sum.planned;
    }
    let first = months.first().copied().unwrap_or(period.from);
    spent += plan
        .expenses
        .iter()
        .filter(|e| e.date >= first && e.date <= period.to)
        .map(|e| e.amount)
        .sum::<i64>();
    let minor = minor_units(client);
    let budget = BudgetBlock {
        months: months
            .iter()
            .map(|m| m.format("%Y-%m").to_string())
            .collect(),
        planned: planned as f64 / minor,
        spent: spent as f64 / minor,
        remaining: (planned - spent) as f64 / minor,
        used_pct: (planned > 0).then(|| spent as f64 * 100.0 / planned as f64),
    };
    Ok(Report {
        client: client.name.clone(),
        currency: client.currency.clone(),
        period: Span::of(&period, so_far.to),
        in_progress,
        previous: Span {
            to: period.previous().to,
            ..Span::of(&previous, previous.to)
        },
        platforms,
        totals: without_change(values(&tot_now, Some(&tot_before)), &not_comparable),
        not_comparable,
        objectives,
        inbox,
        calendar,
        budget,
        series,
    })
}

#[cfg(test)]
mod tests;
