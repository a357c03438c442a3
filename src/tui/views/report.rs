//! The Report tab: the period's figures beside the previous period with a trend of the
//! last 12 periods, a bar chart across platforms, objectives, inbox, calendar and budget.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::domain::objective::Status;
use crate::domain::report::Period;
use crate::domain::text::sanitize_line;
use crate::i18n::{self, fill, format, t};
use crate::io::report::{
    change_direction, change_text, key_name, platform_name, shown_keys, value_text,
};
use crate::report::Report;
use crate::tui::model::Model;
use crate::tui::report::period;
use crate::tui::strategy::client_today;
use crate::tui::theme::Theme;
use crate::tui::views::strategy::status_style;
use crate::tui::widgets::bar::bar;
use crate::tui::widgets::columns::{Column, whole_groups, wrap_words};
use crate::tui::widgets::table::fitted;

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

/// A value's change (`▲ 12.3%`, a rate's `+0.4 pt`), green when it is good news.
fn change_span(v: &crate::report::Value, lower_is_better: bool, th: &Theme) -> Span<'static> {
    let style = match (change_direction(v), lower_is_better) {
        (1, false) | (-1, true) => th.ok(),
        (1, true) | (-1, false) => th.error(),
        _ => th.dim(),
    };
    Span::styled(change_text(v), style)
}

/// The head line: client, period and its dates, whether it is still running, what it is
/// compared with, the keys; each part whole or left out.
fn head_line(m: &Model, p: &Period, width: usize) -> Line<'static> {
    let s = t();
    let th = &m.theme;
    let client = m
        .current_client()
        .map(|c| sanitize_line(&c.name))
        .unwrap_or_default();
    let today = client_today(m);
    let (so_far, previous) = crate::report::counted(p, today);
    let mut groups = vec![
        vec![Span::styled(
            format!(" {client} · {} ", p.label()),
            th.title(),
        )],
        // The label holds the year: day and month are enough here.
        vec![Span::raw(format!(
            "{} – {}",
            format::day_month(p.from),
            format::day_month(p.to)
        ))],
    ];
    let vs = if p.contains(today) {
        groups.push(vec![Span::styled(
            format!(
                " · {}",
                fill(
                    s.report.report_in_progress,
                    &[("date", &format::day_month(so_far.to))]
                )
            ),
            th.warn(),
        )]);
        format!(
            "{} – {}",
            format::day_month(previous.from),
            format::day_month(previous.to)
        )
    } else {
        previous.label()
    };
    groups.push(vec![Span::styled(
        format!(" · {} {vs}", s.report.report_vs),
        th.dim(),
    )]);
    groups.push(vec![Span::styled(
        format!("   {}", s.report.report_hint),
        th.dim(),
    )]);
    whole_groups(groups, width)
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let p = period(m);
    frame.render_widget(
        Paragraph::new(head_line(m, &p, usize::from(head.width))),
        head,
    );
    let Some(r) = m
        .report
        .report
        .as_deref()
        .filter(|r| r.period.from == p.from && r.period.to == p.to)
    else {
        frame.render_widget(
            Paragraph::new(Line::styled(s.report.report_loading, th.dim()))
                .block(Block::bordered()),
            body,
        );
        return;
    };
    let [left, right] = panes(body);
    metrics_table(m, r, frame, left);
    side(m, r, frame, right);
}

/// The figures' pane and the side pane of the body.
fn panes(body: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(68), Constraint::Percentage(32)]).areas(body)
}

/// How far each pane scrolls at most: its last line at the bottom of its box.
struct Reach {
    table: u16,
    side: u16,
}

/// The footnote under the figures, wrapped to the pane, and how many figure rows fit
/// above it (under the header).
fn table_room(r: &Report, inner: Rect, th: &Theme) -> (Vec<Line<'static>>, usize) {
    let note = crate::io::report::not_comparable_note(r)
        .map(|n| wrapped(&n, usize::from(inner.width), th.dim()))
        .unwrap_or_default();
    let rows = usize::from(inner.height).saturating_sub(note.len() + 1);
    (note, rows)
}

fn reach(m: &Model, r: &Report, [left, right]: [Rect; 2]) -> Reach {
    let inner = Block::bordered().inner(left);
    let (_, rows) = table_room(r, inner, &m.theme);
    let keys = shown_keys(&r.totals).len();
    let side_rows = usize::from(right.height.saturating_sub(2));
    let side_lines = side_lines(m, r, usize::from(right.width.saturating_sub(2))).len();
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    Reach {
        table: clamp(keys.saturating_sub(rows)),
        side: clamp(side_lines.saturating_sub(side_rows)),
    }
}

/// The farthest `j` scrolls the Report in a terminal of `m.size`: until the last figure
/// and the side pane's last line (calendar, budget) are both on screen. `update`
/// clamps with it and the view draws with it, so both agree.
pub fn max_scroll(m: &Model) -> u16 {
    let Some(r) = m.report.report.as_deref() else {
        return 0;
    };
    let (w, h) = m.size;
    // The tab's area: below the tab bar, above the status line; then below the head.
    let body = Rect::new(0, 2, w, h.saturating_sub(3));
    let r = reach(m, r, panes(body));
    r.table.max(r.side)
}

fn metrics_table(m: &Model, r: &Report, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let cur = &r.currency;
    let keys = shown_keys(&r.totals);
    let mut block = Block::bordered().title(format!(" {} ", s.report.report_figures));
    if keys.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(s.report.report_no_data, th.dim())).block(block),
            area,
        );
        return;
    }
    let inner = block.inner(area);
    let (note, room) = table_room(r, inner, th);
    let most = keys.len().saturating_sub(room);
    let scroll = usize::from(m.report.scroll).min(most);
    if most > 0 {
        block = block.title_bottom(Line::styled(
            format!(" {} ", s.report.report_scroll),
            th.dim(),
        ));
    }
    let marks: Vec<&str> = r
        .platforms
        .iter()
        .map(|p| crate::domain::Platform::parse(p.platform).map_or("", |x| x.mark().trim()))
        .collect();
    // At narrow widths the trend goes first, then the platforms (from the right), then
    // the previous period: a figure is never cut.
    let mut cols = vec![
        // Wide enough to tell the two engagement rates apart, before platforms.
        Column::text(s.strategy.col_metric, 16, 1, 0).want(26),
        Column::whole(s.report.report_this_period, 0),
        Column::whole(s.report.report_previous, 3),
        Column::whole(s.report.report_change, 2),
        Column::fixed(s.report.report_trend, 12, 9),
    ];
    cols.extend(marks.iter().map(|m| Column::whole(m, 5)));
    // Every row is measured, the scrolled ones too: the columns hold still.
    let rows: Vec<(usize, Vec<Line>)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let v = &r.totals[k];
            let lower =
                crate::domain::metric::Metric::parse(k).is_some_and(|x| x.lower_is_better());
            let trend: Vec<Option<f64>> = r
                .series
                .iter()
                .map(|(_, f)| f.get(k).copied().flatten())
                .collect();
            let mut cells = vec![
                Line::raw(key_name(k)),
                Line::styled(value_text(k, v, v.value, cur), th.title()),
                Line::raw(value_text(k, v, v.previous, cur)),
                Line::from(change_span(v, lower, th)),
                Line::styled(sparkline(&trend), th.accent()),
            ];
            cells.extend(r.platforms.iter().map(|p| {
                // With the decimals of the row's total: one look across the row.
                Line::raw(value_text(k, v, p.metrics[k].value, cur))
            }));
            (i, cells)
        })
        .collect();
    let table = fitted(&cols, true, rows, inner.width, th, |rows| {
        rows.into_iter().skip(scroll).map(|(_, r)| r).collect()
    });
    frame.render_widget(block, area);
    let [top, bottom] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(note.len()).unwrap_or(0)),
    ])
    .areas(inner);
    frame.render_widget(table, top);
    frame.render_widget(Paragraph::new(note), bottom);
}

/// Lines of words wrapped to `w` columns, one style: a figure never cut.
fn wrapped(text: &str, w: usize, style: Style) -> Vec<Line<'static>> {
    wrap_words(text, w)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A bar as wide as what is left beside `text` (at most `max`), then the text; the text
/// alone, wrapped, when there is no room for a bar.
fn bar_line(share: f64, max: usize, text: &str, w: usize, bar_style: Style) -> Vec<Line<'static>> {
    let room = w.saturating_sub(crate::domain::text::width(text)).min(max);
    if room < 4 {
        return wrapped(text.trim_start(), w, bar_style);
    }
    vec![Line::from(vec![
        Span::styled(bar(share, room), bar_style),
        Span::styled(text.to_string(), bar_style),
    ])]
}

/// The side pane, scrolled with the figures as far as it goes: at 80x24 its calendar
/// and budget are below the fold.
fn side(m: &Model, r: &Report, frame: &mut Frame, area: Rect) {
    let lines = side_lines(m, r, usize::from(area.width.saturating_sub(2)));
    let most = lines
        .len()
        .saturating_sub(usize::from(area.height.saturating_sub(2)));
    let scroll = u16::try_from(usize::from(m.report.scroll).min(most)).unwrap_or(0);
    let mut block = Block::bordered();
    if most > 0 {
        block = block.title_bottom(Line::styled(
            format!(" {} ", t().report.report_scroll),
            m.theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// The side pane's lines at width `w`: impressions by platform, objectives, inbox,
/// calendar, budget.
fn side_lines(m: &Model, r: &Report, w: usize) -> Vec<Line<'static>> {
    let s = t();
    let th = &m.theme;
    let mut lines: Vec<Line> = Vec::new();
    // Impressions by platform, as bars.
    let imp: Vec<(&str, f64)> = r
        .platforms
        .iter()
        .filter_map(|p| p.metrics["impressions"].value.map(|v| (p.platform, v)))
        .collect();
    let max = imp.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    if max > 0.0 {
        lines.extend(wrapped(
            &format!(
                "{} · {}",
                key_name("impressions"),
                s.report.report_by_platform
            ),
            w,
            th.title(),
        ));
        for (p, v) in &imp {
            let mark = crate::domain::Platform::parse(p).map_or("", |x| x.mark().trim());
            let count = format!(" {}", format::count(v.round() as i64));
            let room = w
                .saturating_sub(3 + crate::domain::text::width(&count))
                .min(24);
            lines.push(Line::from(vec![
                Span::raw(format!("{mark:<3}")),
                Span::styled(bar(v / max, room), th.accent()),
                Span::raw(count),
            ]));
        }
        lines.push(Line::raw(""));
    }
    if !r.objectives.is_empty() {
        lines.push(Line::styled(s.strategy.section_titles[1], th.title()));
        for o in &r.objectives {
            let scope = o.platform.map_or(s.strategy.all_platforms, platform_name);
            let value = |v: f64| format::objective_value(o.metric, v, &r.currency);
            let now = o.current.map_or("—".to_string(), value);
            lines.extend(wrapped(
                &format!(
                    "{scope} · {} {now} / {}",
                    key_name(o.metric),
                    value(o.target)
                ),
                w,
                th.base(),
            ));
            let done = match (o.status, o.done_pct) {
                (Status::NoData, _) | (_, None) => String::new(),
                (_, Some(d)) => format!(" {}", format::percent(d)),
            };
            lines.extend(bar_line(
                o.done_pct.unwrap_or(0.0) / 100.0,
                16,
                &format!(" {}{done}", i18n::objective_status(o.status)),
                w,
                status_style(o.status, th),
            ));
        }
        lines.push(Line::raw(""));
    }
    let i = &r.inbox;
    lines.push(Line::styled(s.shell.tab_inbox, th.title()));
    lines.extend(wrapped(
        &fill(
            s.report.report_inbox_line,
            &[
                ("received", &s.report.report_received_n.n(i.received)),
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
        ),
        w,
        th.base(),
    ));
    lines.push(Line::raw(""));
    let c = &r.calendar;
    lines.push(Line::styled(s.shell.tab_calendar, th.title()));
    lines.extend(wrapped(
        &fill(
            s.report.report_calendar_line,
            &[
                ("planned", &s.report.report_planned_n.n(c.planned)),
                ("published", &s.report.report_published_n.n(c.published)),
            ],
        ),
        w,
        th.base(),
    ));
    for p in &c.pillars {
        let actual = p.actual_pct.map_or("—".into(), format::percent);
        let off = p
            .actual_pct
            .is_some_and(|a| (a - f64::from(p.target_pct)).abs() > 10.0);
        lines.extend(wrapped(
            &format!(
                "  {} {actual} ({} {})",
                sanitize_line(&p.pillar),
                s.report.report_target,
                format::percent_whole(p.target_pct)
            ),
            w,
            if off { th.warn() } else { th.base() },
        ));
    }
    lines.push(Line::raw(""));
    let b = &r.budget;
    lines.push(Line::styled(s.strategy.section_titles[2], th.title()));
    lines.extend(wrapped(
        &format!(
            "{} {} · {} {} · {} {}",
            s.strategy.planned,
            format::report_value("spend", Some(b.planned), &r.currency),
            s.strategy.spent,
            format::report_value("spend", Some(b.spent), &r.currency),
            s.strategy.remaining,
            format::report_value("spend", Some(b.remaining), &r.currency)
        ),
        w,
        th.base(),
    ));
    if let Some(p) = b.used_pct {
        let style = if p > 100.0 {
            th.error()
        } else if p >= 90.0 {
            th.warn()
        } else {
            th.ok()
        };
        lines.extend(bar_line(
            p / 100.0,
            20,
            &format!(" {}", format::percent(p)),
            w,
            style,
        ));
    }
    lines
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
