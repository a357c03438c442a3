//! The Report tab: the period's figures beside the previous period with a trend of the
//! last 12 periods, a bar chart across platforms, objectives, inbox, calendar and budget.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use crate::domain::objective::Status;
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::{self, fill, format, t};
use crate::io::report::{key_name, platform_name, shown_keys};
use crate::report::Report;
use crate::tui::model::Model;
use crate::tui::report::period;
use crate::tui::theme::Theme;
use crate::tui::views::strategy::status_style;
use crate::tui::widgets::bar::bar;

/// `▁▂▄▆█` from up to 12 values; a gap where there is none.
pub fn sparkline(values: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    if known.is_empty() {
        return String::new();
    }
    let (lo, hi) = known
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(v) if hi > lo => BARS[(((v - lo) / (hi - lo)) * 7.0).round() as usize],
            Some(_) => BARS[3],
        })
        .collect()
}

fn change_span(c: Option<f64>, lower_is_better: bool, th: &Theme) -> Span<'static> {
    let style = match c {
        Some(x) if x > 0.05 => {
            if lower_is_better {
                th.error()
            } else {
                th.ok()
            }
        }
        Some(x) if x < -0.05 => {
            if lower_is_better {
                th.ok()
            } else {
                th.error()
            }
        }
        _ => th.dim(),
    };
    Span::styled(format::change(c), style)
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let p = period(m);
    let client = m
        .current_client()
        .map(|c| sanitize_line(&c.name))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {client} · {} ", p.label()), th.title()),
            Span::raw(format!("{} – {}", format::date(p.from), format::date(p.to))),
            Span::styled(
                format!(
                    " · {} {}   {}",
                    s.report_vs,
                    p.previous().label(),
                    s.report_hint
                ),
                th.dim(),
            ),
        ])),
        head,
    );
    let Some(r) = m
        .report
        .report
        .as_deref()
        .filter(|r| r.period.from == p.from && r.period.to == p.to)
    else {
        frame.render_widget(
            Paragraph::new(Line::styled(s.report_loading, th.dim())).block(Block::bordered()),
            body,
        );
        return;
    };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(body);
    metrics_table(m, r, frame, left);
    side(m, r, frame, right);
}

fn metrics_table(m: &Model, r: &Report, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let cur = &r.currency;
    let keys = shown_keys(&r.totals);
    let block = Block::bordered().title(format!(" {} ", s.report_figures));
    if keys.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(s.report_no_data, th.dim())).block(block),
            area,
        );
        return;
    }
    // As many platform columns as fit beside the totals.
    let fit = (area.width.saturating_sub(2 + 20 + 11 + 11 + 9 + 13) / 10) as usize;
    let platforms: Vec<_> = r.platforms.iter().take(fit.min(5)).collect();
    let mut header = vec![
        Cell::from(s.col_metric),
        Cell::from(s.report_this_period),
        Cell::from(s.report_previous),
        Cell::from(s.report_change),
        Cell::from(s.report_trend),
    ];
    header.extend(platforms.iter().map(|p| {
        Cell::from(crate::domain::Platform::parse(p.platform).map_or("", |x| x.mark().trim()))
    }));
    let rows: Vec<Row> = keys
        .iter()
        .skip(m.report.scroll as usize)
        .map(|k| {
            let v = &r.totals[k];
            let lower =
                crate::domain::metric::Metric::parse(k).is_some_and(|x| x.lower_is_better());
            let trend: Vec<Option<f64>> = r
                .series
                .iter()
                .map(|(_, f)| f.get(k).copied().flatten())
                .collect();
            let mut cells = vec![
                Cell::from(key_name(k)),
                Cell::from(Span::styled(
                    format::report_value(k, v.value, cur),
                    th.title(),
                )),
                Cell::from(format::report_value(k, v.previous, cur)),
                Cell::from(change_span(v.change_pct, lower, th)),
                Cell::from(Span::styled(sparkline(&trend), th.accent())),
            ];
            cells.extend(
                platforms
                    .iter()
                    .map(|p| Cell::from(format::report_value(k, p.metrics[k].value, cur))),
            );
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Min(20),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Length(9),
        Constraint::Length(12),
    ];
    widths.extend(platforms.iter().map(|_| Constraint::Length(10)));
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(th.title()))
            .block(block),
        area,
    );
}

fn side(m: &Model, r: &Report, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let w = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    // Impressions by platform, as bars.
    let imp: Vec<(&str, f64)> = r
        .platforms
        .iter()
        .filter_map(|p| p.metrics["impressions"].value.map(|v| (p.platform, v)))
        .collect();
    let max = imp.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    if max > 0.0 {
        lines.push(Line::styled(
            format!("{} · {}", key_name("impressions"), s.report_by_platform),
            th.title(),
        ));
        for (p, v) in &imp {
            let mark = crate::domain::Platform::parse(p).map_or("", |x| x.mark().trim());
            lines.push(Line::from(vec![
                Span::raw(format!("{mark:<3}")),
                Span::styled(bar(v / max, w.saturating_sub(14).min(24)), th.accent()),
                Span::raw(format!(" {}", format::count(v.round() as i64))),
            ]));
        }
        lines.push(Line::raw(""));
    }
    if !r.objectives.is_empty() {
        lines.push(Line::styled(s.section_titles[1], th.title()));
        for o in &r.objectives {
            let scope = o.platform.map_or(s.all_platforms, platform_name);
            let value = |v: f64| format::objective_value(o.metric, v, &r.currency);
            let now = o.current.map_or("—".to_string(), value);
            lines.push(Line::raw(truncate(
                &format!(
                    "{scope} · {} {now} / {}",
                    key_name(o.metric),
                    value(o.target)
                ),
                w,
            )));
            lines.push(Line::from(vec![
                Span::styled(
                    bar(o.done_pct.unwrap_or(0.0) / 100.0, 16),
                    status_style(o.status, th),
                ),
                Span::styled(
                    format!(" {}", i18n::objective_status(o.status)),
                    status_style(o.status, th),
                ),
                Span::styled(
                    if o.status == Status::NoData {
                        String::new()
                    } else {
                        format!(" {}", o.done_pct.map_or("".into(), format::percent))
                    },
                    th.dim(),
                ),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let i = &r.inbox;
    lines.push(Line::styled(s.tab_inbox, th.title()));
    lines.push(Line::raw(fill(
        s.report_inbox_line,
        &[
            ("received", &s.report_received_n.n(i.received)),
            ("rate", &i.reply_rate.map_or("—".into(), format::percent)),
            (
                "median",
                &i.median_minutes.map_or("—".into(), format::duration_short),
            ),
            (
                "p90",
                &i.p90_minutes.map_or("—".into(), format::duration_short),
            ),
        ],
    )));
    lines.push(Line::raw(""));
    let c = &r.calendar;
    lines.push(Line::styled(s.tab_calendar, th.title()));
    lines.push(Line::raw(fill(
        s.report_calendar_line,
        &[
            ("planned", &s.report_planned_n.n(c.planned)),
            ("published", &s.report_published_n.n(c.published)),
        ],
    )));
    for p in &c.pillars {
        let actual = p.actual_pct.map_or("—".into(), format::percent);
        let off = p
            .actual_pct
            .is_some_and(|a| (a - f64::from(p.target_pct)).abs() > 10.0);
        lines.push(Line::styled(
            truncate(
                &format!(
                    "  {} {actual} ({} {})",
                    sanitize_line(&p.pillar),
                    s.report_target,
                    format::percent_whole(p.target_pct)
                ),
                w,
            ),
            if off { th.warn() } else { th.base() },
        ));
    }
    lines.push(Line::raw(""));
    let b = &r.budget;
    lines.push(Line::styled(s.section_titles[2], th.title()));
    lines.push(Line::raw(format!(
        "{} {} · {} {} · {} {}",
        s.planned,
        format::report_value("spend", Some(b.planned), &r.currency),
        s.spent,
        format::report_value("spend", Some(b.spent), &r.currency),
        s.remaining,
        format::report_value("spend", Some(b.remaining), &r.currency)
    )));
    if let Some(p) = b.used_pct {
        let style = if p > 100.0 {
            th.error()
        } else if p >= 90.0 {
            th.warn()
        } else {
            th.ok()
        };
        lines.push(Line::from(vec![
            Span::styled(bar(p / 100.0, 20), style),
            Span::raw(format!(" {}", format::percent(p))),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).block(Block::bordered()), area);
}

#[cfg(test)]
mod tests {
    #[test]
    fn sparklines() {
        assert_eq!(
            super::sparkline(&[Some(0.0), Some(7.0), None, Some(3.5)]),
            "▁█ ▅"
        );
        assert_eq!(super::sparkline(&[None, None]), "");
        assert_eq!(super::sparkline(&[Some(2.0), Some(2.0)]), "▄▄");
    }
}
