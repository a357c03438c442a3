//! The daily check-in across all clients, most urgent first: late posts and posts due
//! today, the inbox of each client, objectives at risk, budgets near or over, campaigns
//! starting or ending this week, and weekly reviews due. The Today tab and
//! `twohats today` both show this.

pub mod text;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use crate::domain::Client;
use crate::domain::objective::{Status, progress};
use crate::domain::post::PostStatus;
use crate::domain::report::Period;
use crate::domain::strategy::{BudgetAlert, month_of, summarize};
use crate::store::{Result, Store};

/// How far back late posts are looked for.
const LATE_DAYS: i64 = 14;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostLine {
    /// The post itself, for copying its text or marking it published.
    #[serde(skip)]
    pub post: crate::domain::post::Post,
    pub id: i64,
    pub client: String,
    pub client_id: i64,
    pub platforms: Vec<&'static str>,
    pub title: String,
    /// Wall-clock time in the client's zone.
    pub local_time: NaiveDateTime,
    pub at: DateTime<Utc>,
    pub status: PostStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InboxLine {
    pub client: String,
    pub client_id: i64,
    pub pending: usize,
    pub overdue: usize,
    pub oldest_received_at: Option<DateTime<Utc>>,
    pub oldest_item_id: Option<i64>,
    /// Minutes before the oldest item misses the client's target (negative: late).
    pub oldest_minutes_left: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveLine {
    pub client: String,
    pub client_id: i64,
    pub objective_id: i64,
    pub platform: Option<&'static str>,
    pub metric: &'static str,
    pub status: Status,
    pub deadline: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetLine {
    pub client: String,
    pub client_id: i64,
    pub month: NaiveDate,
    /// Minor units of `currency`.
    pub planned: i64,
    pub spent: i64,
    pub currency: String,
    pub used_pct: Option<f64>,
    pub over: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignLine {
    pub client: String,
    pub client_id: i64,
    pub campaign_id: i64,
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Starts this week (else it ends this week).
    pub starting: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewLine {
    pub client: String,
    pub client_id: i64,
    /// The last complete week, with no KPI figure stored for it.
    pub week: String,
    pub last_figures: Option<NaiveDate>,
}

/// A connection the server refused: it must be made again.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReconnectLine {
    pub client: String,
    pub client_id: i64,
    pub platform: &'static str,
    pub account: String,
    /// `--account` and, when needed, `--server`/`--pds` for `twohats connect`.
    pub args: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Today {
    /// Expired connections: "reconnect <account>".
    pub reconnect: Vec<ReconnectLine>,
    pub posts_late: Vec<PostLine>,
    pub posts_due: Vec<PostLine>,
    pub inbox: Vec<InboxLine>,
    pub objectives_at_risk: Vec<ObjectiveLine>,
    pub budget_alerts: Vec<BudgetLine>,
    pub campaigns: Vec<CampaignLine>,
    pub reviews_due: Vec<ReviewLine>,
}

impl Today {
    /// Nothing needs attention.
    pub fn is_calm(&self) -> bool {
        self.reconnect.is_empty()
            && self.posts_late.is_empty()
            && self.posts_due.is_empty()
            && self.inbox.iter().all(|i| i.pending == 0)
            && self.objectives_at_risk.is_empty()
            && self.budget_alerts.is_empty()
            && self.campaigns.is_empty()
            && self.reviews_due.is_empty()
    }
}

fn client_today(c: &Client, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&c.tz()).date_naive()
}

/// Builds the check-in of every active client at `now`.
pub fn build(store: &Store, now: DateTime<Utc>) -> Result<Today> {
    let clients: Vec<Client> = store
        .clients()?
        .into_iter()
        .filter(|c| !c.is_archived())
        .collect();
    let accounts = store.accounts()?;
    let mut t = Today::default();
    for c in store.connections(None)? {
        if c.state != crate::store::ConnState::Expired {
            continue;
        }
        let Some(client) = clients.iter().find(|x| x.id == c.client_id) else {
            continue;
        };
        t.reconnect.push(ReconnectLine {
            client: client.name.clone(),
            client_id: client.id,
            platform: c.platform.key(),
            args: c.reconnect_args(),
            account: c.handle,
        });
    }
    let utc_today = now.date_naive();
    // Posts of every client around today; each is judged by its client's own day.
    let posts = store.posts_between(
        None,
        utc_today - Duration::days(LATE_DAYS + 1),
        utc_today + Duration::days(2),
    )?;
    for p in posts {
        let Some(c) = clients.iter().find(|c| c.id == p.client_id) else {
            continue;
        };
        let (Some(local), Some(at)) = (p.local, p.at) else {
            continue;
        };
        let mut platforms: Vec<&'static str> = p
            .accounts
            .iter()
            .filter_map(|id| accounts.iter().find(|a| a.id == *id))
            .map(|a| a.platform.key())
            .collect();
        platforms.dedup();
        let line = PostLine {
            post: p.clone(),
            id: p.id,
            client: c.name.clone(),
            client_id: c.id,
            platforms,
            title: if p.title.trim().is_empty() {
                p.body.lines().next().unwrap_or("").to_string()
            } else {
                p.title.clone()
            },
            local_time: local,
            at,
            status: p.status,
        };
        let ready = matches!(p.status, PostStatus::Ready | PostStatus::Scheduled);
        if ready && at < now {
            t.posts_late.push(line);
        } else if local.date() == client_today(c, now)
            && !matches!(
                p.status,
                PostStatus::Published | PostStatus::Cancelled | PostStatus::Failed
            )
        {
            t.posts_due.push(line);
        }
    }
    t.posts_late.sort_by_key(|p| p.at);
    t.posts_due.sort_by_key(|p| p.at);
    for c in &clients {
        let today = client_today(c, now);
        let (pending, overdue) = store.pending_counts(c.id, now)?;
        if pending > 0 {
            let oldest = store.oldest_pending(c.id)?;
            t.inbox.push(InboxLine {
                client: c.name.clone(),
                client_id: c.id,
                pending,
                overdue,
                oldest_received_at: oldest.as_ref().map(|i| i.received_at),
                oldest_item_id: oldest.as_ref().map(|i| i.id),
                oldest_minutes_left: oldest
                    .as_ref()
                    .and_then(|i| i.time_left(c.reply_target_hours, now))
                    .map(|d| d.num_minutes()),
            });
        }
        let plan = store.plan(c.id)?;
        for o in &plan.objectives {
            // Past objectives are the report's business; the check-in looks ahead.
            if o.deadline < today {
                continue;
            }
            let current = crate::report::measure::measure(store, c, o, today)?;
            let status = progress(o, current, today).status;
            if matches!(status, Status::AtRisk | Status::Behind) {
                t.objectives_at_risk.push(ObjectiveLine {
                    client: c.name.clone(),
                    client_id: c.id,
                    objective_id: o.id,
                    platform: o.platform.map(|p| p.key()),
                    metric: o.metric.key(),
                    status,
                    deadline: o.deadline,
                });
            }
        }
        let month = month_of(today);
        let sum = summarize(&plan.budget_lines, &plan.expenses, month);
        if matches!(sum.alert(), BudgetAlert::Near | BudgetAlert::Over) {
            t.budget_alerts.push(BudgetLine {
                client: c.name.clone(),
                client_id: c.id,
                month,
                planned: sum.planned,
                spent: sum.spent,
                currency: c.currency.clone(),
                used_pct: sum.used_pct(),
                over: sum.alert() == BudgetAlert::Over,
            });
        }
        let week = Period::week_of(today);
        for camp in &plan.campaigns {
            let starting = week.contains(camp.start);
            if starting || week.contains(camp.end) {
                t.campaigns.push(CampaignLine {
                    client: c.name.clone(),
                    client_id: c.id,
                    campaign_id: camp.id,
                    name: camp.name.clone(),
                    start: camp.start,
                    end: camp.end,
                    starting,
                });
            }
        }
        let last_week = week.previous();
        // A client made after that week ended has no figures to give for it yet.
        let made_since = c.created_at.date_naive() > last_week.to;
        let has_figures = made_since
            || !store
                .kpi_sums(c.id, last_week.from, last_week.to)?
                .is_empty()
            || store
                .followers_at(c.id, last_week.to)?
                .iter()
                .any(|(_, d, _)| last_week.contains(*d));
        if !has_figures {
            t.reviews_due.push(ReviewLine {
                client: c.name.clone(),
                client_id: c.id,
                week: last_week.label(),
                last_figures: store.last_kpi_day(c.id)?,
            });
        }
    }
    // Most urgent first: the most overdue inbox, then the most waiting.
    t.inbox.sort_by_key(|i| {
        (
            std::cmp::Reverse(i.overdue),
            i.oldest_minutes_left.unwrap_or(i64::MAX),
        )
    });
    Ok(t)
}

#[cfg(test)]
mod tests;
