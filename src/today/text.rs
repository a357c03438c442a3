//! The check-in as text: the whole of it for `twohats today`, and the lines the Today
//! tab shares with it.

use crate::domain::text::sanitize_line;
use crate::i18n::{self, fill, format, t};

use super::{BudgetLine, InboxLine, ReviewLine, Today};

fn marks(platforms: &[&str]) -> String {
    platforms
        .iter()
        .filter_map(|p| crate::domain::Platform::parse(p))
        .map(|p| p.mark().trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The plain-text check-in.
pub fn text(td: &Today, now: chrono::DateTime<chrono::Utc>) -> String {
    let s = t();
    let mut out = format!(
        "{} · {}\n",
        s.shell.tab_today,
        format::date(now.date_naive())
    );
    if td.is_calm() {
        out.push_str(s.today.today_calm);
        out.push('\n');
        return out;
    }
    let name = |n: &str| format!("{:<22}", sanitize_line(n));
    let section = |out: &mut String, title: &str, n: usize| {
        if n > 0 {
            out.push_str(&format!("\n{title} ({n})\n"));
        }
    };
    section(&mut out, s.live.today_reconnect_title, td.reconnect.len());
    for r in &td.reconnect {
        out.push_str(&format!("  {}\n", reconnect_line(r)));
    }
    section(&mut out, s.today.today_posts_late, td.posts_late.len());
    for p in &td.posts_late {
        out.push_str(&format!(
            "  {} {}  {:<6} {} ({})\n",
            name(&p.client),
            crate::i18n::format::weekday_day_time(&p.local_time),
            marks(&p.platforms),
            sanitize_line(&p.title),
            i18n::post_status(p.status)
        ));
    }
    section(&mut out, s.today.today_posts_due, td.posts_due.len());
    for p in &td.posts_due {
        out.push_str(&format!(
            "  {} {}  {:<6} {} ({})\n",
            name(&p.client),
            p.local_time.format("%H:%M"),
            marks(&p.platforms),
            sanitize_line(&p.title),
            i18n::post_status(p.status)
        ));
    }
    let waiting: Vec<_> = td.inbox.iter().filter(|i| i.pending > 0).collect();
    section(&mut out, s.shell.tab_inbox, waiting.len());
    for i in waiting {
        out.push_str(&format!("  {} {}\n", name(&i.client), inbox_line(i)));
    }
    section(
        &mut out,
        s.today.today_objectives,
        td.objectives_at_risk.len(),
    );
    for o in &td.objectives_at_risk {
        out.push_str(&format!(
            "  {} {} · {} · {}\n",
            name(&o.client),
            fill(
                s.today.today_objective_line,
                &[
                    (
                        "scope",
                        o.platform
                            .and_then(crate::domain::Platform::parse)
                            .map_or(s.strategy.all_platforms, |p| p.name())
                    ),
                    ("metric", crate::io::report::key_name(o.metric)),
                ]
            ),
            i18n::objective_status(o.status),
            fill(
                s.today.today_by,
                &[("date", &format::day_month(o.deadline))]
            )
        ));
    }
    section(&mut out, s.today.today_budgets, td.budget_alerts.len());
    for b in &td.budget_alerts {
        out.push_str(&format!("  {} {}\n", name(&b.client), budget_line(b)));
    }
    section(&mut out, s.today.today_campaigns, td.campaigns.len());
    for c in &td.campaigns {
        let what = if c.starting {
            s.today.today_starts
        } else {
            s.today.today_ends
        };
        let day = if c.starting { c.start } else { c.end };
        out.push_str(&format!(
            "  {} {} {what} {}\n",
            name(&c.client),
            sanitize_line(&c.name),
            format::day_month(day)
        ));
    }
    section(&mut out, s.today.today_reviews, td.reviews_due.len());
    for r in &td.reviews_due {
        out.push_str(&format!("  {} {}\n", name(&r.client), review_line(r)));
    }
    out
}

pub fn inbox_line(i: &InboxLine) -> String {
    inbox_line_in(i, t().today.today_inbox_line)
}

/// The inbox line in fewer words, for narrow screens: the figures are all there.
pub fn inbox_line_short(i: &InboxLine) -> String {
    inbox_line_in(i, t().today.today_inbox_line_short)
}

fn inbox_line_in(i: &InboxLine, template: &str) -> String {
    let s = t();
    let mut line = fill(
        template,
        &[
            ("pending", &i.pending.to_string()),
            ("overdue", &i.overdue.to_string()),
        ],
    );
    if let Some(m) = i.oldest_minutes_left {
        let left = if m < 0 {
            fill(s.inbox.late_by, &[("d", &format::duration_short(m))])
        } else {
            fill(s.today.today_left, &[("d", &format::duration_short(m))])
        };
        line.push_str(&format!(" · {} {left}", s.today.today_oldest));
    }
    line
}

pub fn budget_line(b: &BudgetLine) -> String {
    let s = t();
    fill(
        if b.over {
            s.today.today_budget_over
        } else {
            s.today.today_budget_near
        },
        &[
            ("pct", &b.used_pct.map_or("—".into(), format::percent)),
            ("planned", &format::money(b.planned, &b.currency)),
            ("month", &format::month(b.month)),
        ],
    )
}

pub fn review_line(r: &ReviewLine) -> String {
    let s = t();
    let last = r
        .last_figures
        .map_or(s.today.today_never.to_string(), format::date);
    fill(
        s.today.today_review_line,
        &[("week", &r.week), ("last", &last)],
    )
}

/// `reconnect @a@b (Client): twohats connect ...`.
pub fn reconnect_line(r: &super::ReconnectLine) -> String {
    fill(
        t().live.today_reconnect,
        &[
            ("account", &sanitize_line(&r.account)),
            ("client", &sanitize_line(&r.client)),
            ("platform", r.platform),
            ("args", &sanitize_line(&r.args)),
        ],
    )
}
