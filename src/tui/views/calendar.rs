//! The Calendar tab: a month grid (Monday first, ISO week numbers), a week by hour, or
//! the agenda; the selected day's posts below the grid.

use chrono::{Datelike, Duration, NaiveDate, Timelike};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::domain::post::{Post, PostCell, PostStatus};
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::{self, format, t};
use crate::tui::calendar::{View, day_posts, marks, monday, posts_of, selected_day, selected_post};
use crate::tui::model::Model;
use crate::tui::strategy::client_today;
use crate::tui::theme::Theme;
use crate::tui::widgets::columns::Column;
use crate::tui::widgets::table;

pub fn status_style(s: PostStatus, th: &Theme) -> Style {
    match s {
        PostStatus::Idea => th.dim(),
        PostStatus::Draft => th.base(),
        PostStatus::Ready => th.warn(),
        PostStatus::Scheduled | PostStatus::Publishing => th.title(),
        PostStatus::Published => th.ok(),
        PostStatus::Failed => th.error(),
        PostStatus::Cancelled => th.dim().add_modifier(Modifier::CROSSED_OUT),
    }
}

/// `08:30 `, or nothing for an undated post.
fn time_of(local: Option<chrono::NaiveDateTime>) -> String {
    local
        .map(|l| l.format("%H:%M ").to_string())
        .unwrap_or_default()
}

/// The post's client as `shown` writes its name, when several clients are on screen.
fn client_of(m: &Model, client: i64, shown: impl Fn(&str) -> String) -> String {
    if m.all_clients && m.data.clients.len() > 1 {
        m.client(client).map(|c| shown(&c.name)).unwrap_or_default()
    } else {
        String::new()
    }
}

/// A post in a crowded cell: `BM 08:30 IG+ Sourdough at dawn` (client initials when
/// several clients show, the first platform and `+` when there are more).
fn post_label(m: &Model, p: &PostCell) -> String {
    let title = &p.label;
    let time = time_of(p.local);
    let client = client_of(m, p.client_id, |name| format!("{} ", initials(name)));
    let mut platforms = p
        .accounts
        .iter()
        .filter_map(|id| m.data.accounts.iter().find(|a| a.id == *id))
        .map(|a| a.platform);
    let mark = match (platforms.next(), platforms.next()) {
        (Some(a), Some(_)) => format!("{}+ ", a.mark().trim()),
        (Some(a), None) => format!("{} ", a.mark().trim()),
        _ => String::new(),
    };
    sanitize_line(&format!("{client}{time}{mark}{title}"))
}

/// A post where there is room: `08:30 [IG FB] Sourdough at dawn`, with the client's
/// name when several clients show.
fn full_label(m: &Model, p: &Post) -> String {
    let title = p.label();
    let time = time_of(p.local);
    let client = client_of(m, p.client_id, |name| format!("{name} · "));
    sanitize_line(&format!(
        "{time}{client}{}{title}",
        marks(&p.accounts, &m.data.accounts)
    ))
}

/// ` · on server` after a post's status when a server holds it until its time (Mastodon
/// `scheduled_at`); nothing otherwise.
fn held_mark(m: &Model, p: &Post) -> String {
    if m.data.held.contains(&p.id) {
        format!(" · {}", t().live.post_held)
    } else {
        String::new()
    }
}

/// `BM` for Boulangerie Marcel: a short client mark for crowded cells.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let day = selected_day(m);
    let scope = if m.all_clients {
        s.shell.all_clients.to_string()
    } else {
        m.current_client()
            .map(|c| sanitize_line(&c.name))
            .unwrap_or_default()
    };
    let view_name = match m.calendar.view {
        View::Month => s.calendar.view_month,
        View::Week => s.calendar.view_week,
        View::List => s.calendar.view_list,
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let lead = vec![
        Span::styled(format!(" {} ", format::month(day)), th.title()),
        Span::raw(format!("· {view_name} · {scope}")),
    ];
    let lead_w: usize = lead.iter().map(Span::width).sum();
    // The hint takes what is left, by whole items.
    let hint = crate::tui::widgets::fit::fit_hint(
        s.calendar.calendar_hint,
        usize::from(head.width).saturating_sub(lead_w + 3),
    );
    let mut spans = lead;
    if !hint.is_empty() && usize::from(head.width) > lead_w + 4 {
        spans.push(Span::styled(format!("   {hint}"), th.dim()));
    }
    frame.render_widget(
        Paragraph::new(crate::tui::widgets::fit::fit_line(
            Line::from(spans),
            usize::from(head.width),
        )),
        head,
    );
    match m.calendar.view {
        View::List => agenda(m, frame, body),
        view => {
            let panel_h = (body.height / 4).clamp(4, 8);
            let [grid, panel] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(panel_h)]).areas(body);
            if view == View::Month {
                month(m, frame, grid);
            } else {
                week(m, frame, grid);
            }
            day_panel(m, frame, panel);
        }
    }
}

fn weekday_names() -> [&'static str; 7] {
    t().calendar.weekdays_short
}

fn month(m: &Model, frame: &mut Frame, area: Rect) {
    let th = &m.theme;
    let day = selected_day(m);
    let today = client_today(m);
    let first = day.with_day(1).unwrap_or(day);
    let start = monday(first);
    let week_w = 4u16;
    let col_w = area.width.saturating_sub(week_w) / 7;
    let rows = area.height.saturating_sub(1);
    let row_h = (rows / 6).max(1);
    // Weekday header.
    let mut header = vec![Span::raw(format!("{:<4}", t().calendar.week_short))];
    for name in weekday_names() {
        header.push(Span::styled(
            truncate(&format!("{name:<w$}", w = col_w as usize), col_w as usize),
            th.title(),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(header)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    for w in 0..6u16 {
        let y = area.y + 1 + w * row_h;
        if y >= area.y + area.height {
            break;
        }
        let h = row_h.min(area.y + area.height - y);
        let week_start = start + Duration::days(i64::from(w) * 7);
        frame.render_widget(
            Paragraph::new(Line::styled(
                crate::i18n::fill(
                    crate::i18n::t().cli.week_label,
                    &[("n", &format!("{:02}", week_start.iso_week().week()))],
                ),
                th.dim(),
            )),
            Rect::new(area.x, y, week_w, 1),
        );
        for d in 0..7u16 {
            let date = week_start + Duration::days(i64::from(d));
            let rect = Rect::new(area.x + week_w + d * col_w, y, col_w, h);
            cell(
                m,
                frame,
                rect,
                date,
                date.month() == first.month(),
                date == today,
                date == day,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn cell(
    m: &Model,
    frame: &mut Frame,
    rect: Rect,
    date: NaiveDate,
    in_month: bool,
    today: bool,
    selected: bool,
) {
    let th = &m.theme;
    let w = rect.width.saturating_sub(1) as usize;
    if w == 0 || rect.height == 0 {
        return;
    }
    let mut number = format!("{:>2}", date.day());
    if today {
        number.push_str(&format!(" {}", t().calendar.today_mark));
    }
    let number_style = if selected {
        th.selected()
    } else if today {
        th.accent()
    } else if in_month {
        th.key()
    } else {
        th.dim()
    };
    let posts = posts_of(m, date);
    let mut lines = vec![Line::styled(truncate(&number, w), number_style)];
    let room = rect.height.saturating_sub(1) as usize;
    let shown = if posts.len() > room {
        room.saturating_sub(1)
    } else {
        posts.len()
    };
    for (i, p) in posts.iter().take(shown).enumerate() {
        let mut style = status_style(p.status, th);
        if selected && i == m.calendar.post {
            style = style.add_modifier(Modifier::REVERSED);
        }
        lines.push(Line::styled(truncate(&post_label(m, p), w), style));
    }
    if posts.len() > shown && room > 0 {
        lines.push(Line::styled(
            t().calendar.n_more.n(posts.len() - shown),
            th.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(rect.x, rect.y, rect.width.saturating_sub(1), rect.height),
    );
}

fn week(m: &Model, frame: &mut Frame, area: Rect) {
    let th = &m.theme;
    let day = selected_day(m);
    let today = client_today(m);
    let start = monday(day);
    let hour_w = 6u16;
    let col_w = area.width.saturating_sub(hour_w) / 7;
    let mut header = vec![Span::styled(
        format!(
            "{:<6}",
            crate::i18n::fill(
                crate::i18n::t().cli.week_label,
                &[("n", &format!("{:02}", start.iso_week().week()))]
            )
        ),
        th.dim(),
    )];
    for d in 0..7 {
        let date = start + Duration::days(d);
        let label = format!(
            "{} {}",
            weekday_names()[d as usize],
            crate::i18n::format::day_number(&date)
        );
        let style = if date == day {
            th.selected()
        } else if date == today {
            th.accent()
        } else {
            th.title()
        };
        header.push(Span::styled(
            truncate(&format!("{label:<w$}", w = col_w as usize), col_w as usize),
            style,
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(header)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let rows = area.height.saturating_sub(1);
    // Working hours first; an earlier or later post widens the range.
    let week_posts: Vec<&PostCell> = (0..7)
        .flat_map(|d| posts_of(m, start + Duration::days(d)))
        .collect();
    let first_h = week_posts
        .iter()
        .filter_map(|p| p.local)
        .map(|l| l.hour())
        .min()
        .unwrap_or(7)
        .min(7);
    let last_h = week_posts
        .iter()
        .filter_map(|p| p.local)
        .map(|l| l.hour())
        .max()
        .unwrap_or(21)
        .max(21);
    let hours: Vec<u32> = (first_h..=last_h).take(rows as usize).collect();
    for (row, hour) in hours.iter().enumerate() {
        let y = area.y + 1 + row as u16;
        frame.render_widget(
            Paragraph::new(Line::styled(format!("{hour:02}:00"), th.dim())),
            Rect::new(area.x, y, hour_w, 1),
        );
        for d in 0..7u16 {
            let date = start + Duration::days(i64::from(d));
            let in_hour: Vec<&PostCell> = posts_of(m, date)
                .iter()
                .filter(|p| p.local.is_some_and(|l| l.hour() == *hour))
                .collect();
            let w = col_w.saturating_sub(1) as usize;
            let line = match in_hour.as_slice() {
                [] => Line::styled("·", th.dim()),
                [p] => Line::styled(truncate(&post_label(m, p), w), status_style(p.status, th)),
                // The count first: a narrow column cuts the label, never the count.
                many => {
                    let more = format!("+{} ", many.len() - 1);
                    let room = w.saturating_sub(crate::domain::text::width(&more));
                    Line::from(vec![
                        Span::styled(more, th.accent()),
                        Span::styled(
                            truncate(&post_label(m, many[0]), room),
                            status_style(many[0].status, th),
                        ),
                    ])
                }
            };
            let selected_here = date == day
                && selected_post(m).is_some_and(|sp| in_hour.iter().any(|p| p.id == sp.id));
            let line = if selected_here {
                line.patch_style(Style::new().add_modifier(Modifier::REVERSED))
            } else {
                line
            };
            frame.render_widget(
                Paragraph::new(line),
                Rect::new(area.x + hour_w + d * col_w, y, col_w, 1),
            );
        }
    }
}

fn day_panel(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let day = selected_day(m);
    let posts = day_posts(m);
    let title = format!(
        " {} · {} ",
        crate::i18n::format::weekday_day_month(day),
        s.calendar.n_posts.n(posts.len())
    );
    let block = Block::bordered().title(title);
    let w = block.inner(area).width as usize;
    let lines: Vec<Line> = if posts.is_empty() {
        vec![Line::styled(s.calendar.day_empty, th.dim())]
    } else {
        posts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mark = if i == m.calendar.post { "› " } else { "  " };
                let body = sanitize_line(p.body.lines().next().unwrap_or(""));
                let mut held = held_mark(m, p);
                if !held.is_empty() {
                    held.push(' ');
                }
                Line::from(vec![
                    Span::styled(mark, th.accent()),
                    Span::styled(
                        format!("{:<10}", i18n::post_status(p.status)),
                        status_style(p.status, th),
                    ),
                    Span::styled(held.clone(), th.accent()),
                    Span::raw(truncate(
                        &format!("{} — {body}", full_label(m, p)),
                        w.saturating_sub(12 + crate::domain::text::width(&held)),
                    )),
                ])
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn agenda(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let list = &m.calendar.list;
    let show_client = m.all_clients && m.data.clients.len() > 1;
    let mut cols = vec![Column::whole(s.calendar.col_when, 0)];
    if show_client {
        cols.push(Column::text(s.shell.col_client, 8, 2, 3));
    }
    cols.extend([
        Column::whole(s.strategy.col_platforms, 4),
        Column::whole(s.strategy.col_status, 2),
        Column::text(s.calendar.col_pillar, 6, 1, 5),
        Column::text(s.calendar.col_post, 8, 4, 0).want(24),
    ]);
    table::render_columns(
        frame,
        area,
        Block::bordered().title(format!(" {} ({}) ", s.calendar.agenda_title, list.len())),
        &cols,
        &m.calendar.list_cursor,
        list.len(),
        true,
        th,
        s.calendar.agenda_empty,
        |i| {
            let p = &list[i];
            let when = p.local.map_or_else(
                || s.calendar.no_date.to_string(),
                |l| crate::i18n::format::weekday_day_time(&l),
            );
            let pillar = p
                .pillar_id
                .and_then(|id| m.plan.pillars.iter().find(|x| x.id == id))
                .map(|x| sanitize_line(&x.name))
                .unwrap_or_default();
            let title = p.label();
            let mut cells = vec![Line::raw(when)];
            if show_client {
                cells.push(Line::raw(
                    m.client(p.client_id)
                        .map(|c| sanitize_line(&c.name))
                        .unwrap_or_default(),
                ));
            }
            cells.extend([
                Line::raw(marks(&p.accounts, &m.data.accounts)),
                Line::from(vec![
                    Span::styled(i18n::post_status(p.status), status_style(p.status, th)),
                    Span::styled(held_mark(m, p), th.accent()),
                ]),
                Line::raw(pillar),
                Line::raw(sanitize_line(title)),
            ]);
            cells
        },
    );
}
