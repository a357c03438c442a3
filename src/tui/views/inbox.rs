//! The Inbox tab: counters, the list of items waiting for a reply (across clients, most
//! urgent first unless `o` chose another order, said in the list's title), and the
//! selected item in full.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::domain::inbox::{Item, ReplyStats, Sentiment, StatusFilter};
use crate::domain::text::{sanitize_line, sanitize_multiline};
use crate::i18n::{self, fill, format, t};
use crate::tui::inbox::{current_item, target_hours};
use crate::tui::model::Model;
use crate::tui::theme::Theme;
use crate::tui::widgets::columns::{Column, whole_groups};
use crate::tui::widgets::table;

fn minutes(v: Option<i64>) -> String {
    v.map_or_else(|| "—".to_string(), format::duration_short)
}

/// The counters above the list, as many whole groups as fit in `width` columns.
fn counters_line(m: &Model, width: usize) -> Line<'static> {
    let s = t();
    let th = &m.theme;
    let Some(c) = m.inbox.counters else {
        return Line::raw("");
    };
    let rate = |r: &ReplyStats| {
        r.reply_rate
            .map_or_else(|| "—".to_string(), format::percent)
    };
    let groups: Vec<Vec<Span<'static>>> = vec![
        vec![
            Span::raw(format!(" {} ", s.inbox.pending)),
            Span::styled(c.all.pending.to_string(), th.title()),
        ],
        vec![
            Span::raw(format!("  {} ", s.inbox.overdue)),
            Span::styled(
                c.all.overdue.to_string(),
                if c.all.overdue > 0 {
                    th.error()
                } else {
                    th.ok()
                },
            ),
        ],
        vec![Span::raw(format!(
            "  {} {} · {} {}",
            s.inbox.median_7d,
            minutes(c.last7.median_minutes),
            s.inbox.median_30d,
            minutes(c.last30.median_minutes),
        ))],
        vec![Span::raw(format!(
            "  {} {}",
            s.inbox.p90_30d,
            minutes(c.last30.p90_minutes)
        ))],
        vec![Span::raw(format!(
            "  {} {}",
            s.inbox.reply_rate_30d,
            rate(&c.last30)
        ))],
    ];
    // A group that does not fit is left out whole: a figure is never cut.
    whole_groups(groups, width)
}

fn time_left(m: &Model, it: &Item, th: &Theme) -> Span<'static> {
    let s = t();
    match it.time_left(target_hours(m, it), m.now) {
        Some(d) if d.num_minutes() < 0 => Span::styled(
            fill(
                s.inbox.late_by,
                &[("d", &format::duration_short(d.num_minutes()))],
            ),
            th.error(),
        ),
        Some(d) if d.num_minutes() < 60 => {
            Span::styled(format::duration_short(d.num_minutes()), th.warn())
        }
        Some(d) => Span::raw(format::duration_short(d.num_minutes())),
        None => Span::styled(i18n::inbox_status(it.status), th.dim()),
    }
}

fn title(m: &Model) -> String {
    let s = t();
    let f = &m.inbox.filter;
    let mut parts = vec![i18n::status_filter(f.status).to_string()];
    parts.push(if m.all_clients {
        s.shell.all_clients.to_string()
    } else {
        m.current_client()
            .map(|c| sanitize_line(&c.name))
            .unwrap_or_default()
    });
    if let Some(p) = f.platform {
        parts.push(p.name().to_string());
    }
    if let Some(k) = f.kind {
        parts.push(i18n::inbox_kind(k).to_string());
    }
    if let Some(tag) = &f.tag {
        parts.push(format!("#{}", sanitize_line(tag)));
    }
    if let Some(text) = &f.text {
        parts.push(format!("\"{}\"", sanitize_line(text)));
    }
    let mut title = format!(
        " {} · {} ({}) · {} ",
        s.shell.tab_inbox,
        parts.join(" · "),
        m.inbox.ids.len(),
        i18n::inbox_order(f.order)
    );
    if !m.inbox.selected.is_empty() {
        title.push_str(&s.inbox.n_selected.n(m.inbox.selected.len()));
        title.push(' ');
    }
    title
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(counters_line(m, usize::from(top.width))),
        top,
    );
    let wide = body.width >= 110;
    let [list_area, detail_area] = if wide {
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(body)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(10)]).areas(body)
    };
    let empty = if m.inbox.filter.status == StatusFilter::Pending && !m.inbox.filter.is_narrowed() {
        s.inbox.inbox_zero
    } else {
        s.inbox.inbox_no_match
    };
    let ids = &m.inbox.ids;
    table::render_columns(
        frame,
        list_area,
        Block::bordered().title(title(m)),
        &[
            Column::fixed("", 2, 0),
            Column::text(s.shell.col_client, 6, 2, 4),
            Column::fixed("", 2, 5),
            Column::text(s.inbox.col_author, 8, 2, 3),
            Column::text(s.inbox.col_message, 8, 5, 0).want(24),
            Column::whole(s.inbox.col_left, 0),
        ],
        &m.inbox.cursor,
        ids.len(),
        true,
        th,
        empty,
        |i| {
            let id = ids[i];
            let mark = match (
                m.inbox.selected.contains(&id),
                m.inbox.rows.get(&id).is_some_and(|r| r.priority),
            ) {
                (true, true) => "●!",
                (true, false) => "● ",
                (false, true) => " !",
                (false, false) => "  ",
            };
            match m.inbox.rows.get(&id) {
                Some(it) => {
                    let client = m
                        .client(it.client_id)
                        .map(|c| sanitize_line(&c.name))
                        .unwrap_or_default();
                    let excerpt_style = match it.sentiment() {
                        Sentiment::Negative => th.warn(),
                        _ => th.base(),
                    };
                    vec![
                        Line::styled(mark, th.accent()),
                        Line::raw(client),
                        Line::raw(it.platform.mark()),
                        Line::raw(sanitize_line(&it.author)),
                        Line::styled(sanitize_line(&it.text), excerpt_style),
                        Line::from(time_left(m, it, th)),
                    ]
                }
                // Rows load as the cursor nears them; this shows for one frame at most.
                None => vec![Line::raw(mark), Line::styled("…", th.dim())],
            }
        },
    );
    detail(m, frame, detail_area);
}

fn detail(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let Some(it) = current_item(m) else {
        frame.render_widget(Block::bordered(), area);
        return;
    };
    let client = m.client(it.client_id);
    let tz = client.map_or(chrono_tz::UTC, |c| c.tz());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(sanitize_line(&it.author_name), th.title()),
            Span::raw(format!(
                " {} · {}",
                sanitize_line(&it.author),
                fill(
                    s.inbox.platform_kind,
                    &[
                        ("platform", it.platform.name()),
                        ("kind", i18n::inbox_kind(it.kind))
                    ]
                )
            )),
        ]),
        Line::styled(
            fill(
                s.inbox.received_line,
                &[
                    ("when", &format::day_time(it.received_at.with_timezone(&tz))),
                    (
                        "client",
                        &client.map(|c| sanitize_line(&c.name)).unwrap_or_default(),
                    ),
                ],
            ),
            th.dim(),
        ),
        Line::from(vec![
            Span::raw(format!(
                "{}  ",
                format::labelled(s.strategy.field_status, i18n::inbox_status(it.status))
            )),
            time_left(m, it, th),
        ]),
        Line::raw(format::labelled(
            s.inbox.field_sentiment,
            &format!(
                "{}{}",
                i18n::sentiment(it.sentiment()),
                if it.sentiment.is_none() {
                    s.inbox.suggested_mark
                } else {
                    ""
                }
            ),
        )),
    ];
    if !it.tags.is_empty() {
        lines.push(Line::raw(format::labelled(
            s.inbox.field_tags_inbox,
            &sanitize_line(&it.tags.join(" ")),
        )));
    }
    if let Some(post) = &it.post_title {
        let first = post.lines().next().unwrap_or("");
        lines.push(Line::raw(format::labelled(
            s.today.answers_post,
            &sanitize_line(first),
        )));
    }
    if !it.permalink.is_empty() {
        lines.push(Line::styled(sanitize_line(&it.permalink), th.dim()));
    }
    lines.push(Line::raw(""));
    lines.extend(
        sanitize_multiline(&it.text)
            .lines()
            .map(|l| Line::raw(l.to_string())),
    );
    if !it.reply.is_empty() {
        lines.push(Line::raw(""));
        let when = it
            .replied_at
            .map(|r| format!(" · {}", format::day_time(r.with_timezone(&tz))))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!("{}{when}", s.inbox.field_reply),
            th.key(),
        ));
        lines.extend(
            sanitize_multiline(&it.reply)
                .lines()
                .map(|l| Line::raw(format!("  {l}"))),
        );
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered()),
        area,
    );
}
