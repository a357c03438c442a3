//! The full view of each Strategy section: its lists (one or two panes) and details.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Wrap};

use super::{budget_lines, kind_alert_lines, pillars_check_line, section_title, status_style};
use crate::domain::strategy::{Part, summarize, summarize_by_kind};
use crate::domain::text::{sanitize_line, sanitize_multiline};
use crate::i18n::{self, format, t};
use crate::tui::model::{Model, Section};
use crate::tui::strategy::{self as st, budget_month, objective_progress};
use crate::tui::widgets::bar::bar;
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
        Span::styled(format!(" {} › ", s.tab_strategy), th.dim()),
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
    let empty = s.empty_list;
    match section {
        Section::Targets => {
            let [list, detail] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body);
            let rows = &m.plan.targets;
            table::render(
                frame,
                list,
                pane_block(
                    m,
                    Part::Target,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                Some(Row::new([
                    s.col_priority,
                    s.col_name,
                    s.col_ages,
                    s.col_platforms,
                ])),
                &[
                    Constraint::Length(8),
                    Constraint::Fill(2),
                    Constraint::Length(7),
                    Constraint::Fill(2),
                ],
                m.strategy.cursor(Part::Target),
                rows.len(),
                true,
                th,
                empty,
                |i| {
                    let x = &rows[i];
                    let marks: Vec<&str> = x.platforms.iter().map(|p| p.mark().trim()).collect();
                    Row::new(vec![
                        Cell::from(i18n::priority(x.priority)),
                        Cell::from(sanitize_line(&x.name)),
                        Cell::from(x.age_range()),
                        Cell::from(marks.join(" ")),
                    ])
                },
            );
            let lines = st::selected_id(m, Part::Target)
                .and_then(|id| rows.iter().find(|x| x.id == id))
                .map(|x| {
                    let mut v = vec![Line::styled(sanitize_line(&x.name), th.title())];
                    for (label, text) in [
                        (s.field_locations, &x.locations),
                        (s.field_platforms, &platforms(&x.platforms)),
                        (s.field_description, &x.description),
                        (s.field_interests, &x.interests),
                        (s.field_pains, &x.pains),
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
            table::render(
                frame,
                body,
                pane_block(
                    m,
                    Part::Objective,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                Some(Row::new([
                    s.col_scope,
                    s.col_metric,
                    s.col_baseline,
                    s.col_target,
                    s.col_start,
                    s.col_deadline,
                    s.col_status,
                ])),
                &[
                    Constraint::Length(11),
                    Constraint::Fill(2),
                    Constraint::Length(11),
                    Constraint::Length(11),
                    Constraint::Length(13),
                    Constraint::Length(13),
                    Constraint::Length(10),
                ],
                m.strategy.cursor(Part::Objective),
                rows.len(),
                true,
                th,
                empty,
                |i| {
                    let o = &rows[i];
                    let p = objective_progress(m, o);
                    Row::new(vec![
                        Cell::from(o.platform.map_or(s.all_platforms, |p| p.name())),
                        Cell::from(i18n::metric_name(o.metric)),
                        Cell::from(format::metric_value(o.metric, o.baseline, &cur)),
                        Cell::from(format::metric_value(o.metric, o.target, &cur)),
                        Cell::from(format::date(o.start)),
                        Cell::from(format::date(o.deadline)),
                        Cell::from(Span::styled(
                            i18n::objective_status(p.status),
                            status_style(p.status, th),
                        )),
                    ])
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
                    .block(Block::bordered().title(format!(" {} ", s.budget_total))),
                sum_area,
            );
            let kind_rows: Vec<Row> = by_kind
                .iter()
                .map(|(k, sm)| {
                    let style = match sm.alert() {
                        crate::domain::strategy::BudgetAlert::Over
                        | crate::domain::strategy::BudgetAlert::Unplanned => th.error(),
                        crate::domain::strategy::BudgetAlert::Near => th.warn(),
                        crate::domain::strategy::BudgetAlert::Fine => th.ok(),
                    };
                    Row::new(vec![
                        Cell::from(i18n::budget_kind(*k)),
                        Cell::from(format::money(sm.planned, &cur)),
                        Cell::from(format::money(sm.spent, &cur)),
                        Cell::from(format::money(sm.remaining(), &cur)),
                        Cell::from(Span::styled(
                            bar(sm.used_pct().unwrap_or(100.0) / 100.0, 12),
                            style,
                        )),
                    ])
                })
                .collect();
            frame.render_widget(
                ratatui::widgets::Table::new(
                    kind_rows,
                    [
                        Constraint::Fill(2),
                        Constraint::Length(13),
                        Constraint::Length(13),
                        Constraint::Length(13),
                        Constraint::Length(12),
                    ],
                )
                .header(
                    Row::new([s.col_kind, s.planned, s.spent, s.remaining, ""]).style(th.title()),
                )
                .block(Block::bordered().title(format!(" {} ", s.budget_by_kind))),
                kinds_area,
            );
            let [plan_area, exp_area] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(lists);
            let plan = st::budget_lines(m);
            table::render(
                frame,
                plan_area,
                pane_block(
                    m,
                    Part::BudgetLine,
                    format!("{} ({})", s.budget_plan, plan.len()),
                ),
                Some(Row::new([s.col_kind, s.col_platform, s.col_amount])),
                &[
                    Constraint::Fill(2),
                    Constraint::Length(10),
                    Constraint::Length(13),
                ],
                m.strategy.cursor(Part::BudgetLine),
                plan.len(),
                is_focused(m, Part::BudgetLine),
                th,
                empty,
                |i| {
                    let l = plan[i];
                    Row::new(vec![
                        Cell::from(i18n::budget_kind(l.kind)),
                        Cell::from(l.platform.map_or("", |p| p.name())),
                        Cell::from(format::money(l.amount, &cur)),
                    ])
                },
            );
            let exps = st::expenses(m);
            table::render(
                frame,
                exp_area,
                pane_block(
                    m,
                    Part::Expense,
                    format!("{} ({})", s.budget_expenses, exps.len()),
                ),
                Some(Row::new([s.col_date, s.col_kind, s.col_amount, s.col_note])),
                &[
                    Constraint::Length(7),
                    Constraint::Length(16),
                    Constraint::Length(12),
                    Constraint::Fill(1),
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
                    Row::new(vec![
                        Cell::from(format::day_month(e.date)),
                        Cell::from(i18n::budget_kind(e.kind)),
                        Cell::from(format::money(e.amount, &cur)),
                        Cell::from(format!("{campaign}{}", sanitize_line(&e.note))),
                    ])
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
                vec![Line::styled(s.empty_tone, th.dim())]
            } else {
                sanitize_multiline(&m.plan.tone)
                    .lines()
                    .map(|l| Line::raw(l.to_string()))
                    .collect()
            };
            frame.render_widget(
                Paragraph::new(tone_text)
                    .wrap(Wrap { trim: false })
                    .block(Block::bordered().title(format!(" {} (v) ", s.field_tone))),
                tone,
            );
            let [pillars_area, tags_area] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(lists);
            let pillars = &m.plan.pillars;
            table::render(
                frame,
                pillars_area,
                pane_block(
                    m,
                    Part::Pillar,
                    format!("{} ({})", s.pillars_title, pillars.len()),
                ),
                Some(Row::new([s.col_name, s.col_share, ""])),
                &[
                    Constraint::Fill(2),
                    Constraint::Length(6),
                    Constraint::Length(12),
                ],
                m.strategy.cursor(Part::Pillar),
                pillars.len(),
                is_focused(m, Part::Pillar),
                th,
                empty,
                |i| {
                    let p = &pillars[i];
                    Row::new(vec![
                        Cell::from(sanitize_line(&p.name)),
                        Cell::from(crate::i18n::format::percent_whole(p.share)),
                        Cell::from(Span::styled(
                            bar(f64::from(p.share) / 100.0, 12),
                            th.accent(),
                        )),
                    ])
                },
            );
            let sets = &m.plan.hashtag_sets;
            table::render(
                frame,
                tags_area,
                pane_block(
                    m,
                    Part::HashtagSet,
                    format!("{} ({})", s.hashtags_title, sets.len()),
                ),
                Some(Row::new([s.col_name, s.field_tags])),
                &[Constraint::Length(14), Constraint::Fill(1)],
                m.strategy.cursor(Part::HashtagSet),
                sets.len(),
                is_focused(m, Part::HashtagSet),
                th,
                empty,
                |i| {
                    let h = &sets[i];
                    Row::new(vec![
                        Cell::from(sanitize_line(&h.name)),
                        Cell::from(sanitize_line(&h.tags.join(" "))),
                    ])
                },
            );
            frame.render_widget(Paragraph::new(pillars_check_line(m, th)), check);
        }
        Section::Campaigns => {
            let rows = &m.plan.campaigns;
            table::render(
                frame,
                body,
                pane_block(
                    m,
                    Part::Campaign,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                Some(Row::new([
                    s.col_status,
                    s.col_name,
                    s.col_dates,
                    s.col_platforms,
                    s.field_budget,
                    s.field_objective,
                ])),
                &[
                    Constraint::Length(10),
                    Constraint::Fill(2),
                    Constraint::Length(16),
                    Constraint::Fill(1),
                    Constraint::Length(12),
                    Constraint::Fill(2),
                ],
                m.strategy.cursor(Part::Campaign),
                rows.len(),
                true,
                th,
                empty,
                |i| {
                    let c = &rows[i];
                    let marks: Vec<&str> = c.platforms.iter().map(|p| p.mark().trim()).collect();
                    Row::new(vec![
                        Cell::from(i18n::campaign_status(c.status)),
                        Cell::from(sanitize_line(&c.name)),
                        Cell::from(format!(
                            "{}–{}",
                            format::day_month(c.start),
                            format::day_month(c.end)
                        )),
                        Cell::from(marks.join(" ")),
                        Cell::from(c.budget.map(|b| format::money(b, &cur)).unwrap_or_default()),
                        Cell::from(
                            c.objective_id
                                .map(|id| crate::tui::strategy::objective_label(m, id))
                                .unwrap_or_default(),
                        ),
                    ])
                },
            );
        }
        Section::Competitors => {
            let [list, notes_area] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(body);
            let rows = &m.plan.competitors;
            table::render(
                frame,
                list,
                pane_block(
                    m,
                    Part::Competitor,
                    format!("{} ({})", section_title(section), rows.len()),
                ),
                Some(Row::new([s.col_name, s.field_handles])),
                &[Constraint::Fill(1), Constraint::Fill(2)],
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
                    Row::new(vec![
                        Cell::from(sanitize_line(&c.name)),
                        Cell::from(sanitize_line(&h.join(", "))),
                    ])
                },
            );
            let notes = st::notes(m);
            let who = st::selected_competitor(m)
                .map(|c| sanitize_line(&c.name))
                .unwrap_or_default();
            table::render(
                frame,
                notes_area,
                pane_block(
                    m,
                    Part::CompetitorNote,
                    format!("{} · {who} ({})", s.notes_title, notes.len()),
                ),
                Some(Row::new([s.col_date, s.col_note])),
                &[Constraint::Length(13), Constraint::Fill(1)],
                m.strategy.cursor(Part::CompetitorNote),
                notes.len(),
                is_focused(m, Part::CompetitorNote),
                th,
                empty,
                |i| {
                    let n = notes[i];
                    Row::new(vec![
                        Cell::from(format::date(n.date)),
                        Cell::from(sanitize_line(&n.text)),
                    ])
                },
            );
        }
    }
}
