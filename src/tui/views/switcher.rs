//! The client switcher popup: filter line, client list, the picked client's accounts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row};

use crate::domain::text::{sanitize_line, truncate, width};
use crate::i18n::{fill, t};
use crate::tui::keymap;
use crate::tui::model::{Model, Switcher, SwitcherFocus};
use crate::tui::views::hint_line;
use crate::tui::widgets::columns::Column;
use crate::tui::widgets::fit::fit_line;
use crate::tui::widgets::{popup::centered, table};

pub fn render(m: &Model, frame: &mut Frame, area: Rect, sw: &Switcher) {
    let s = t();
    let th = &m.theme;
    let rect = centered(area, 96, 24);
    frame.render_widget(Clear, rect);
    let outer = Block::bordered()
        .border_style(th.focused_border())
        .title(format!(" {} ", s.shell.switcher_title));
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let [filter, lists, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);

    let filter_style = if sw.focus == SwitcherFocus::Filter {
        th.key()
    } else {
        th.dim()
    };
    let cursor = if sw.focus == SwitcherFocus::Filter {
        "▏"
    } else {
        ""
    };
    let filter_text = if sw.filter.is_empty() && sw.focus == SwitcherFocus::Filter {
        Span::styled(
            format!("{cursor}{}", s.shell.switcher_type_to_filter),
            th.dim(),
        )
    } else {
        Span::styled(format!("{}{cursor}", sanitize_line(&sw.filter)), th.input())
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{} ", s.shell.filter_label), filter_style),
            filter_text,
        ])),
        filter,
    );

    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(lists);
    let rows = sw.matches(&m.data.clients);
    let title = if sw.show_archived {
        s.shell.switcher_clients_with_archived
    } else {
        s.shell.switcher_clients
    };
    let clients_block = Block::bordered()
        .title(format!(" {title} ({}) ", rows.len()))
        .border_style(if sw.focus == SwitcherFocus::Clients {
            th.focused_border()
        } else {
            th.base()
        });
    let row_w = usize::from(left.width.saturating_sub(2));
    table::render(
        frame,
        left,
        clients_block,
        None,
        &[Constraint::Fill(1)],
        &sw.clients,
        rows.len(),
        sw.focus != SwitcherFocus::Accounts,
        th,
        s.shell.switcher_no_match,
        |i| {
            let c = rows[i];
            let mark = if Some(c.id) == m.current {
                "● "
            } else {
                "  "
            };
            let mut spans = vec![Span::raw(mark), Span::raw(sanitize_line(&c.name))];
            if c.is_demo {
                spans.push(Span::styled(
                    format!(" ({})", s.shell.switcher_demo),
                    th.dim(),
                ));
            }
            if c.is_archived() {
                spans.push(Span::styled(format!(" ({})", s.shell.archived), th.dim()));
            }
            Row::new(vec![Cell::from(fit_line(Line::from(spans), row_w))])
        },
    );

    let picked = rows.get(sw.clients.selected.min(rows.len().saturating_sub(1)));
    let [details, accounts] =
        Layout::vertical([Constraint::Length(6), Constraint::Fill(1)]).areas(right);
    match picked {
        Some(c) => {
            let local = crate::i18n::format::weekday_time(&m.now.with_timezone(&c.tz()));
            let mut lines = vec![
                Line::styled(sanitize_line(&c.name), th.title()),
                // The local time goes whole or not at all; the zone's name is cut after.
                {
                    let zone = format!(
                        "{} {}   {} {}",
                        s.forms.field_currency, c.currency, s.forms.field_timezone, c.timezone
                    );
                    let full = format!("{zone} ({local})");
                    let w = usize::from(details.width.saturating_sub(2));
                    Line::raw(if width(&full) <= w { full } else { zone })
                },
                Line::raw(fill(
                    s.shell.reply_target_line,
                    &[("n", &c.reply_target_hours.to_string())],
                )),
            ];
            let w = details.width.saturating_sub(2) as usize;
            if let Some(first) = c.notes.lines().next() {
                lines.push(Line::styled(truncate(&sanitize_line(first), w), th.dim()));
            }
            let lines: Vec<Line> = lines.into_iter().map(|l| fit_line(l, w)).collect();
            frame.render_widget(
                Paragraph::new(lines)
                    .block(Block::bordered().title(format!(" {} ", s.shell.client_details))),
                details,
            );
            let accs: Vec<_> = m.accounts_of(c.id).collect();
            let acc_block = Block::bordered()
                .title(format!(" {} ({}) ", s.shell.accounts_title, accs.len()))
                .border_style(if sw.focus == SwitcherFocus::Accounts {
                    th.focused_border()
                } else {
                    th.base()
                });
            table::render_columns(
                frame,
                accounts,
                acc_block,
                &[
                    Column::text("", 6, 1, 0),
                    Column::text("", 8, 2, 0),
                    // The connection's state is never dropped: "expired" must show on
                    // a narrow screen (the handle is cut first).
                    Column::whole("", 0),
                ],
                &sw.accounts,
                accs.len(),
                sw.focus == SwitcherFocus::Accounts,
                th,
                // From the filter, A would be typed: the hint says how to get there.
                if sw.focus == SwitcherFocus::Filter {
                    s.shell.no_accounts_hint_filter
                } else {
                    s.shell.no_accounts_hint
                },
                |i| {
                    let a = accs[i];
                    let (state, style) = connection_state(m, c, a);
                    vec![
                        Line::raw(a.platform.name()),
                        Line::raw(sanitize_line(&a.handle)),
                        Line::styled(state, style),
                    ]
                },
            );
        }
        None => frame.render_widget(Block::bordered(), right),
    }
    frame.render_widget(
        Paragraph::new(hint_line(
            &keymap::active_contexts(m),
            th,
            usize::from(hints.width),
        )),
        hints,
    );
}

/// What the accounts pane says of an account: its connection (connected, with its last
/// sync; expired, to reconnect; not connected) on the platforms that connect, else its
/// text limit.
fn connection_state(
    m: &Model,
    c: &crate::domain::Client,
    a: &crate::domain::Account,
) -> (String, ratatui::style::Style) {
    use crate::domain::Platform;
    use crate::store::ConnState;
    let s = t();
    let th = &m.theme;
    if !matches!(a.platform, Platform::Mastodon | Platform::Bluesky) {
        let limit = a
            .platform
            .text_limit()
            .map(|l| fill(s.shell.chars_limit, &[("n", &l.to_string())]))
            .unwrap_or_default();
        return (limit, th.dim());
    }
    match m.data.connections.iter().find(|x| x.account_id == a.id) {
        None => (s.live.switcher_not_connected.to_string(), th.dim()),
        Some(x) if x.state == ConnState::Expired => {
            (s.live.switcher_expired.to_string(), th.error())
        }
        Some(x) => {
            let state = if x.state == ConnState::Error {
                s.live.switcher_conn_error
            } else {
                s.live.switcher_connected
            };
            let text = match x.last_sync_at {
                Some(at) => format!(
                    "{state} · {}",
                    fill(
                        s.live.switcher_synced,
                        &[(
                            "time",
                            &crate::i18n::format::weekday_time(&at.with_timezone(&c.tz()))
                        )]
                    )
                ),
                None => state.to_string(),
            };
            let style = if x.state == ConnState::Error {
                th.warn()
            } else {
                th.ok()
            };
            (text, style)
        }
    }
}
