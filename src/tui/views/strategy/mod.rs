//! The Strategy tab: an overview of six panels (targets, objectives, this month's budget,
//! the editorial line, campaigns, competitors), each opening into its full section.

mod sections;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::domain::objective::Status;
use crate::domain::strategy::{
    BudgetAlert, BudgetSummary, PillarsCheck, Priority, check_pillars, kinds_over, summarize,
};
use crate::domain::text::sanitize_line;
use crate::i18n::{self, fill, format, t};
use crate::tui::model::{Model, Section};
use crate::tui::strategy::{budget_month, client_today, objective_progress};
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use crate::tui::widgets::columns::cut_text;

pub fn render(m: &Model, frame: &mut Frame, area: Rect) {
    match m.strategy.open {
        Some(section) => sections::render(m, frame, area, section),
        None => overview(m, frame, area),
    }
}

pub fn section_title(s: Section) -> &'static str {
    i18n::section_title(s)
}

pub fn status_style(st: Status, th: &Theme) -> Style {
    match st {
        Status::NoData | Status::NotStarted => th.dim(),
        Status::Achieved | Status::OnTrack => th.ok(),
        Status::AtRisk => th.warn(),
        Status::Behind => th.error(),
    }
}

pub fn alert_line(sum: &BudgetSummary, currency: &str, th: &Theme) -> Option<Line<'static>> {
    let s = t();
    match sum.alert() {
        BudgetAlert::Fine => None,
        BudgetAlert::Near => Some(Line::styled(
            fill(
                s.strategy.budget_near,
                &[("pct", &format::percent(sum.used_pct().unwrap_or(0.0)))],
            ),
            th.warn(),
        )),
        BudgetAlert::Over => Some(Line::styled(
            fill(
                s.strategy.budget_over,
                &[("amount", &format::money(-sum.remaining(), currency))],
            ),
            th.error(),
        )),
        BudgetAlert::Unplanned => Some(Line::styled(s.strategy.budget_unplanned, th.warn())),
    }
}

/// The lines of a budget summary: planned, spent, left, a gauge, and an alert.
pub fn budget_lines(
    sum: &BudgetSummary,
    currency: &str,
    width: usize,
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = t();
    let mut lines = vec![
        Line::raw(format!(
            "{:<10}{}",
            s.strategy.planned,
            format::money(sum.planned, currency)
        )),
        Line::raw(format!(
            "{:<10}{}",
            s.strategy.spent,
            format::money(sum.spent, currency)
        )),
        Line::raw(format!(
            "{:<10}{}",
            s.strategy.remaining,
            format::money(sum.remaining(), currency)
        )),
    ];
    if let Some(p) = sum.used_pct() {
        let style = match sum.alert() {
            BudgetAlert::Over => th.error(),
            BudgetAlert::Near => th.warn(),
            _ => th.ok(),
        };
        // Room for the borders and " 100.0%" after the gauge.
        let w = width.saturating_sub(12).min(30);
        lines.push(Line::from(vec![
            Span::styled(bar(p / 100.0, w), style),
            Span::raw(format!(" {}", format::percent(p))),
        ]));
    }
    lines.extend(alert_line(sum, currency, th));
    lines
}

/// One line per kind over its own plan (or spent on without one) in `month`: a kind
/// can be over while the month as a whole is under.
pub fn kind_alert_lines(
    m: &Model,
    month: chrono::NaiveDate,
    currency: &str,
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = t();
    kinds_over(&m.plan.budget_lines, &m.plan.expenses, month)
        .into_iter()
        .map(|(kind, sum)| {
            let kind = i18n::budget_kind(kind);
            match sum.alert() {
                BudgetAlert::Unplanned => Line::styled(
                    fill(
                        s.strategy.budget_kind_unplanned,
                        &[
                            ("kind", kind),
                            ("amount", &format::money(sum.spent, currency)),
                        ],
                    ),
                    th.warn(),
                ),
                _ => Line::styled(
                    fill(
                        s.strategy.budget_kind_over,
                        &[
                            ("kind", kind),
                            ("amount", &format::money(-sum.remaining(), currency)),
                        ],
                    ),
                    th.error(),
                ),
            }
        })
        .collect()
}

pub fn pillars_check_line(m: &Model, th: &Theme) -> Line<'static> {
    let s = t();
    match check_pillars(&m.plan.pillars) {
        PillarsCheck::Empty => Line::styled(s.strategy.pillars_empty, th.dim()),
        PillarsCheck::Complete => Line::styled(s.strategy.pillars_complete, th.ok()),
        PillarsCheck::Short(n) => Line::styled(
            fill(s.strategy.pillars_short, &[("left", &n.to_string())]),
            th.warn(),
        ),
        PillarsCheck::Over(n) => Line::styled(
            fill(s.strategy.pillars_over, &[("over", &n.to_string())]),
            th.error(),
        ),
    }
}

fn panel(m: &Model, frame: &mut Frame, area: Rect, section: Section, lines: Vec<Line<'static>>) {
    let th = &m.theme;
    let focused = m.strategy.panel == section;
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", section_title(section)),
            if focused { th.title() } else { th.base() },
        ))
        .border_style(if focused {
            th.focused_border()
        } else {
            th.base()
        });
    let w = block.inner(area).width as usize;
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            // Cut each line to the panel between words (a figure shows whole or not at
            // all), keeping its style.
            let style = l.style;
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            if crate::domain::text::width(&text) <= w {
                l
            } else {
                Line::styled(
                    cut_text(&text, w),
                    style.patch(l.spans.first().map_or(Style::new(), |s| s.style)),
                )
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn empty(text: &str, th: &Theme) -> Vec<Line<'static>> {
    vec![Line::styled(text.to_string(), th.dim())]
}

fn overview(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let cur = m
        .current_client()
        .map(|c| c.currency.clone())
        .unwrap_or_default();
    let rows = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .split(area);
    let top = Layout::horizontal([Constraint::Fill(1); 3]).split(rows[0]);
    let bottom = Layout::horizontal([Constraint::Fill(1); 3]).split(rows[1]);
    let today = client_today(m);

    let targets = if m.plan.targets.is_empty() {
        empty(s.strategy.empty_targets, th)
    } else {
        m.plan
            .targets
            .iter()
            .map(|x| {
                let style = if x.priority == Priority::High {
                    th.accent()
                } else {
                    th.base()
                };
                let marks: Vec<&str> = x.platforms.iter().map(|p| p.mark().trim()).collect();
                Line::from(vec![
                    Span::styled(format!("● {}", sanitize_line(&x.name)), style),
                    Span::styled(format!("  {} {}", x.age_range(), marks.join(" ")), th.dim()),
                ])
            })
            .collect()
    };
    panel(m, frame, top[0], Section::Targets, targets);

    let objectives = if m.plan.objectives.is_empty() {
        empty(s.strategy.empty_objectives, th)
    } else {
        m.plan
            .objectives
            .iter()
            .flat_map(|o| {
                let p = objective_progress(m, o);
                let scope = o.platform.map_or(s.strategy.all_platforms, |p| p.name());
                vec![
                    Line::raw(format!("{scope} · {}", i18n::metric_name(o.metric))),
                    Line::from(vec![
                        Span::styled(i18n::objective_status(p.status), status_style(p.status, th)),
                        Span::styled(
                            format!(
                                " {} → {} · {}",
                                format::metric_value(o.metric, o.baseline, &cur),
                                format::metric_value(o.metric, o.target, &cur),
                                format::day_month(o.deadline)
                            ),
                            th.dim(),
                        ),
                    ]),
                ]
            })
            .collect()
    };
    panel(m, frame, top[1], Section::Objectives, objectives);

    let month = budget_month(m);
    let sum = summarize(&m.plan.budget_lines, &m.plan.expenses, month);
    let mut budget = vec![Line::styled(format::month(month), th.title())];
    if sum.planned == 0 && sum.spent == 0 {
        budget.extend(empty(s.strategy.empty_budget, th));
    } else {
        budget.extend(budget_lines(&sum, &cur, top[2].width as usize, th));
        budget.extend(kind_alert_lines(m, month, &cur, th));
    }
    panel(m, frame, top[2], Section::Budget, budget);

    let mut editorial = Vec::new();
    match m.plan.tone.lines().next() {
        Some(l) => editorial.push(Line::raw(format::labelled(
            s.strategy.tone_label,
            &sanitize_line(l),
        ))),
        None => editorial.push(Line::styled(s.strategy.empty_tone, th.dim())),
    }
    for p in &m.plan.pillars {
        editorial.push(Line::from(vec![
            Span::styled(bar(f64::from(p.share) / 100.0, 10), th.accent()),
            Span::raw(format!(
                " {:>4} {}",
                crate::i18n::format::percent_whole(p.share),
                sanitize_line(&p.name)
            )),
        ]));
    }
    editorial.push(pillars_check_line(m, th));
    panel(m, frame, bottom[0], Section::Editorial, editorial);

    let live: Vec<_> = m.plan.campaigns.iter().filter(|c| c.end >= today).collect();
    let campaigns = if live.is_empty() {
        empty(s.strategy.empty_campaigns, th)
    } else {
        live.iter()
            .map(|c| {
                let now = if c.covers(today) { "▶ " } else { "  " };
                Line::from(vec![
                    Span::styled(now, th.ok()),
                    Span::raw(sanitize_line(&c.name)),
                    Span::styled(
                        format!(
                            "  {}–{} · {}",
                            format::day_month(c.start),
                            format::day_month(c.end),
                            i18n::campaign_status(c.status)
                        ),
                        th.dim(),
                    ),
                ])
            })
            .collect()
    };
    panel(m, frame, bottom[1], Section::Campaigns, campaigns);

    let competitors = if m.plan.competitors.is_empty() {
        empty(s.strategy.empty_competitors, th)
    } else {
        m.plan
            .competitors
            .iter()
            .flat_map(|c| {
                let mut v = vec![Line::raw(format!("● {}", sanitize_line(&c.name)))];
                if let Some(n) = m.plan.notes.iter().find(|n| n.competitor_id == c.id) {
                    v.push(Line::styled(
                        format!("  {} {}", format::day_month(n.date), sanitize_line(&n.text)),
                        th.dim(),
                    ));
                }
                v
            })
            .collect()
    };
    panel(m, frame, bottom[2], Section::Competitors, competitors);

    frame.render_widget(
        Paragraph::new(Line::styled(
            crate::tui::widgets::fit::fit_hint(
                s.strategy.strategy_overview_hint,
                usize::from(rows[2].width),
            ),
            th.dim(),
        )),
        rows[2],
    );
}
