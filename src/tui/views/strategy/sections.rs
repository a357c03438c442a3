//! The full view of each Strategy section: its lists (one or two panes) and details.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{budget_lines, kind_alert_lines, pillars_check_line, section_title, status_style};
use crate::domain::strategy::{Part, summarize, summarize_by_kind};
use crate::domain::text::{sanitize_line, sanitize_multiline};
use crate::i18n::{self, format, t};
use crate::tui::model::{Model, Section};
use crate::tui::strategy::{self as st, budget_month, objective_progress};
use crate::tui::widgets::bar::bar;
use crate::tui::widgets::columns::Column;
use crate::tui::widgets::table;

fn pane_block(m: &Model, part: Part, title: String) -> Block<'static> {
    let th = &m.theme;
    let focused = m.strategy.focused_part() == part;
    Block::bordered()
        .title(format!(" {title} "))
        .border_style(if focused {
            th.focused_border()
        } else {
            th.base()
        })
}

fn is_focused(m: &Model, part: Part) -> bool {
    m.strategy.focused_part() == part
}

fn platforms(p: &[crate::domain::Platform]) -> String {
    p.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect, section: Section) {
    let s = t();
    let th = &m.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let mut title = vec![
        Span::styled(format!(" {} › ", s.shell.tab_strategy), th.dim()),
        Span::styled(section_title(section), th.title()),
    ];
    if section == Section::Budget {
        title.push(Span::raw(format!("  {}", format::month(budget_month(m)))));
    }
    frame.render_widget(Paragraph::new(Line::from(title)), head);
    let cur = m
        .current_client()
        .map(|c| c.currency.clone())
        .unwrap_or_default();
    let empty = s.strategy.empty_list;
    match section {
        Section::Targets => {
            let [list, detail] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body);
            let rows = &m.plan.targets;
            table::render_columns(
                frame,
                list,
                pane_block(
                    m,
                    Part::Target,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                &[
                    Column::whole(s.strategy.col_priority, 3),
                    Column::text(s.strategy.col_name, 8, 2, 0).want(16),
                    Column::whole(s.strategy.col_ages, 1),
                    Column::whole(s.strategy.col_platforms, 2),
                ],
                m.strategy.cursor(Part::Target),
                rows.len(),
                true,
                th,
                empty,
                |i| {
                    let x = &rows[i];
                    let marks: Vec<&str> = x.platforms.iter().map(|p| p.mark().trim()).collect();
                    vec![
                        Line::raw(i18n::priority(x.priority)),
                        Line::raw(sanitize_line(&x.name)),
                        Line::raw(x.age_range()),
                        Line::raw(marks.join(" ")),
                    ]
                },
            );
            let lines = st::selected_id(m, Part::Target)
                .and_then(|id| rows.iter().find(|x| x.id == id))
                .map(|x| {
                    let mut v = vec![Line::styled(sanitize_line(&x.name), th.title())];
                    for (label, text) in [
                        (s.strategy.field_locations, &x.locations),
                        (s.strategy.field_platforms, &platforms(&x.platforms)),
                        (s.strategy.field_description, &x.description),
                        (s.strategy.field_interests, &x.interests),
                        (s.strategy.field_pains, &x.pains),
                    ] {
                        if !text.trim().is_empty() {
                            v.push(Line::styled(label, th.key()));
                            v.extend(
                                sanitize_multiline(text)
                                    .lines()
                                    .map(|l| Line::raw(format!("  {l}"))),
                            );
                        }
                    }
                    v
                })
                .unwrap_or_default();
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(Block::bordered()),
                detail,
            );
        }
        Section::Objectives => {
            let rows = &m.plan.objectives;
            table::render_columns(
                frame,
                body,
                pane_block(
                    m,
                    Part::Objective,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                &[
                    Column::text(s.strategy.col_scope, 6, 1, 3).want(13),
                    Column::text(s.strategy.col_metric, 8, 2, 0).want(24),
                    Column::whole(s.strategy.col_baseline, 5),
                    Column::whole(s.strategy.col_target, 0),
                    Column::whole(s.strategy.col_current, 0),
                    Column::whole(s.strategy.col_progress, 2),
                    Column::whole(s.strategy.col_start, 6),
                    Column::whole(s.strategy.col_deadline, 4),
                    Column::whole(s.strategy.col_status, 0),
                ],
                m.strategy.cursor(Part::Objective),
                rows.len(),
                true,
                th,
                empty,
                |i| {
                    let o = &rows[i];
                    let p = objective_progress(m, o);
                    let value = |v: Option<i64>| {
                        v.map_or("—".to_string(), |v| {
                            format::metric_value(o.metric, v, &cur)
                        })
                    };
                    vec![
                        Line::raw(o.platform.map_or(s.strategy.all_platforms, |p| p.name())),
                        Line::raw(i18n::metric_name(o.metric)),
                        Line::raw(value(Some(o.baseline))),
                        Line::raw(value(Some(o.target))),
                        Line::styled(value(p.current), th.title()),
                        Line::raw(
                            p.done
                                .map_or("—".to_string(), |d| format::percent(d * 100.0)),
                        ),
                        Line::raw(format::date(o.start)),
                        Line::raw(format::date(o.deadline)),
                        Line::styled(i18n::objective_status(p.status), status_style(p.status, th)),
                    ]
                },
            );
        }
        Section::Budget => {
            let month = budget_month(m);
            let by_kind = summarize_by_kind(&m.plan.budget_lines, &m.plan.expenses, month);
            let total = summarize(&m.plan.budget_lines, &m.plan.expenses, month);
            let mut summary = budget_lines(&total, &cur, 36, th);
            summary.extend(kind_alert_lines(m, month, &cur, th));
            // The summary box is 36 wide: a long alert takes two rows.
            let rows: usize = summary.iter().map(|l| l.width().max(1).div_ceil(33)).sum();
            let top_h = (by_kind.len() as u16 + 3).max(rows as u16 + 2).max(7);
            let [top, lists] =
                Layout::vertical([Constraint::Length(top_h), Constraint::Fill(1)]).areas(body);
            let [sum_area, kinds_area] =
                Layout::horizontal([Constraint::Length(36), Constraint::Fill(1)]).areas(top);
            frame.render_widget(
                Paragraph::new(summary)
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .block(Block::bordered().title(format!(" {} ", s.strategy.budget_total))),
                sum_area,
            );
            let kind_rows: Vec<(usize, Vec<Line>)> = by_kind
                .iter()
                .map(|(k, sm)| {
                    let style = match sm.alert() {
                        crate::domain::strategy::BudgetAlert::Over
                        | crate::domain::strategy::BudgetAlert::Unplanned => th.error(),
                        crate::domain::strategy::BudgetAlert::Near => th.warn(),
                        crate::domain::strategy::BudgetAlert::Fine => th.ok(),
                    };
                    vec![
                        Line::raw(i18n::budget_kind(*k)),
                        Line::raw(format::money(sm.planned, &cur)),
                        Line::raw(format::money(sm.spent, &cur)),
                        Line::raw(format::money(sm.remaining(), &cur)),
                        Line::styled(bar(sm.used_pct().unwrap_or(100.0) / 100.0, 12), style),
                    ]
                })
                .enumerate()
                .collect();
            let kinds_block = Block::bordered().title(format!(" {} ", s.strategy.budget_by_kind));
            let cols = [
                Column::text(s.strategy.col_kind, 6, 1, 0),
                Column::whole(s.strategy.planned, 0),
                Column::whole(s.strategy.spent, 1),
                Column::whole(s.strategy.remaining, 2),
                Column::fixed("", 12, 9),
            ];
            let width = kinds_block.inner(kinds_area).width;
            let kinds = table::fitted(&cols, true, kind_rows, width, th, |rows| {
                rows.into_iter().map(|(_, r)| r).collect()
            });
            frame.render_widget(kinds.block(kinds_block), kinds_area);
            let [plan_area, exp_area] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(lists);
            let plan = st::budget_lines(m);
            table::render_columns(
                frame,
                plan_area,
                pane_block(
                    m,
                    Part::BudgetLine,
                    format!("{} ({})", s.strategy.budget_plan, plan.len()),
                ),
                &[
                    Column::text(s.strategy.col_kind, 6, 2, 0),
                    Column::text(s.strategy.col_platform, 6, 1, 2),
                    Column::whole(s.strategy.col_amount, 0),
                ],
                m.strategy.cursor(Part::BudgetLine),
                plan.len(),
                is_focused(m, Part::BudgetLine),
                th,
                empty,
                |i| {
                    let l = plan[i];
                    vec![
                        Line::raw(i18n::budget_kind(l.kind)),
                        Line::raw(l.platform.map_or("", |p| p.name())),
                        Line::raw(format::money(l.amount, &cur)),
                    ]
                },
            );
            let exps = st::expenses(m);
            table::render_columns(
                frame,
                exp_area,
                pane_block(
                    m,
                    Part::Expense,
                    format!("{} ({})", s.strategy.budget_expenses, exps.len()),
                ),
                &[
                    Column::whole(s.strategy.col_date, 1),
                    Column::text(s.strategy.col_kind, 6, 1, 3),
                    Column::whole(s.strategy.col_amount, 0),
                    Column::text(s.strategy.col_note, 4, 2, 4),
                ],
                m.strategy.cursor(Part::Expense),
                exps.len(),
                is_focused(m, Part::Expense),
                th,
                empty,
                |i| {
                    let e = exps[i];
                    let campaign = e
                        .campaign_id
                        .and_then(|id| m.plan.campaigns.iter().find(|c| c.id == id))
                        .map(|c| format!("[{}] ", sanitize_line(&c.name)))
                        .unwrap_or_default();
                    vec![
                        Line::raw(format::day_month(e.date)),
                        Line::raw(i18n::budget_kind(e.kind)),
                        Line::raw(format::money(e.amount, &cur)),
                        Line::raw(format!("{campaign}{}", sanitize_line(&e.note))),
                    ]
                },
            );
        }
        Section::Editorial => {
            let [tone, lists, check] = Layout::vertical([
                Constraint::Length(6),
                Constraint::Fill(1),
                Constraint::Length(1),
            ])
            .areas(body);
            let tone_text = if m.plan.tone.trim().is_empty() {
                vec![Line::styled(s.strategy.empty_tone, th.dim())]
            } else {
                sanitize_multiline(&m.plan.tone)
                    .lines()
                    .map(|l| Line::raw(l.to_string()))
                    .collect()
            };
            frame.render_widget(
                Paragraph::new(tone_text)
                    .wrap(Wrap { trim: false })
                    .block(Block::bordered().title(format!(" {} (v) ", s.strategy.field_tone))),
                tone,
            );
            let [pillars_area, tags_area] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(lists);
            let pillars = &m.plan.pillars;
            table::render_columns(
                frame,
                pillars_area,
                pane_block(
                    m,
                    Part::Pillar,
                    format!("{} ({})", s.strategy.pillars_title, pillars.len()),
                ),
                &[
                    Column::text(s.strategy.col_name, 8, 1, 0),
                    Column::whole(s.strategy.col_share, 0),
                    Column::fixed("", 12, 9),
                ],
                m.strategy.cursor(Part::Pillar),
                pillars.len(),
                is_focused(m, Part::Pillar),
                th,
                empty,
                |i| {
                    let p = &pillars[i];
                    vec![
                        Line::raw(sanitize_line(&p.name)),
                        Line::raw(crate::i18n::format::percent_whole(p.share)),
                        Line::styled(bar(f64::from(p.share) / 100.0, 12), th.accent()),
                    ]
                },
            );
            let sets = &m.plan.hashtag_sets;
            table::render_columns(
                frame,
                tags_area,
                pane_block(
                    m,
                    Part::HashtagSet,
                    format!("{} ({})", s.strategy.hashtags_title, sets.len()),
                ),
                &[
                    Column::text(s.strategy.col_name, 8, 1, 0),
                    Column::text(s.strategy.field_tags, 8, 2, 0),
                ],
                m.strategy.cursor(Part::HashtagSet),
                sets.len(),
                is_focused(m, Part::HashtagSet),
                th,
                empty,
                |i| {
                    let h = &sets[i];
                    vec![
                        Line::raw(sanitize_line(&h.name)),
                        Line::raw(sanitize_line(&h.tags.join(" "))),
                    ]
                },
            );
            frame.render_widget(Paragraph::new(pillars_check_line(m, th)), check);
        }
        Section::Campaigns => {
            let rows = &m.plan.campaigns;
            table::render_columns(
                frame,
                body,
                pane_block(
                    m,
                    Part::Campaign,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                &[
                    Column::whole(s.strategy.col_status, 4),
                    Column::text(s.strategy.col_name, 8, 2, 0).want(16),
                    Column::whole(s.strategy.col_dates, 1),
                    Column::whole(s.strategy.col_platforms, 5),
                    Column::whole(s.strategy.field_budget, 2),
                    Column::text(s.strategy.field_objective, 6, 2, 6),
                ],
                m.strategy.cursor(Part::Campaign),
                rows.len(),
                true,
                th,
                empty,
                |i| {
                    let c = &rows[i];
                    let marks: Vec<&str> = c.platforms.iter().map(|p| p.mark().trim()).collect();
                    vec![
                        Line::raw(i18n::campaign_status(c.status)),
                        Line::raw(sanitize_line(&c.name)),
                        Line::raw(format!(
                            "{}–{}",
                            format::day_month(c.start),
                            format::day_month(c.end)
                        )),
                        Line::raw(marks.join(" ")),
                        Line::raw(c.budget.map(|b| format::money(b, &cur)).unwrap_or_default()),
                        Line::raw(
                            c.objective_id
                                .map(|id| crate::tui::strategy::objective_label(m, id))
                                .unwrap_or_default(),
                        ),
                    ]
                },
            );
        }
        Section::Competitors => {
            let [list, notes_area] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(body);
            let rows = &m.plan.competitors;
            table::render_columns(
                frame,
                list,
                pane_block(
                    m,
                    Part::Competitor,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                &[
                    Column::text(s.strategy.col_name, 8, 1, 0),
                    Column::text(s.strategy.field_handles, 8, 2, 0),
                ],
                m.strategy.cursor(Part::Competitor),
                rows.len(),
                is_focused(m, Part::Competitor),
                th,
                empty,
                |i| {
                    let c = &rows[i];
                    let h: Vec<String> = c
                        .handles
                        .iter()
                        .map(|(p, h)| format!("{} {h}", p.mark().trim()))
                        .collect();
                    vec![
                        Line::raw(sanitize_line(&c.name)),
                        Line::raw(sanitize_line(&h.join(", "))),
                    ]
                },
            );
            let notes = st::notes(m);
            let who = st::selected_competitor(m)
                .map(|c| sanitize_line(&c.name))
                .unwrap_or_default();
            table::render_columns(
                frame,
                notes_area,
                pane_block(
                    m,
                    Part::CompetitorNote,
                    format!("{} · {who} ({})", s.strategy.notes_title, notes.len()),
                ),
                &[
                    Column::whole(s.strategy.col_date, 0),
                    Column::text(s.strategy.col_note, 8, 1, 0),
                ],
                m.strategy.cursor(Part::CompetitorNote),
                notes.len(),
                is_focused(m, Part::CompetitorNote),
                th,
                empty,
                |i| {
                    let n = notes[i];
                    vec![
                        Line::raw(format::date(n.date)),
                        Line::raw(sanitize_line(&n.text)),
                    ]
                },
            );
        }
    }
}
