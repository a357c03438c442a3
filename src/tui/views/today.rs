//! The Today tab: for now, the clients at a glance (their local time, reply target and
//! accounts); the welcome screen when there is no client yet.

use chrono::Utc;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Wrap};

use crate::domain::text::sanitize_line;
use crate::i18n::{fill, t};
use crate::tui::model::Model;
use crate::tui::widgets::table;

pub fn welcome(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let lines = vec![
        Line::raw(""),
        Line::styled(s.welcome_title, th.title()),
        Line::raw(""),
        Line::raw(s.welcome_body),
        Line::raw(""),
        Line::from(vec![
            Span::styled("n", th.key()),
            Span::raw(format!("  {}", s.welcome_new)),
        ]),
        Line::from(vec![
            Span::styled("D", th.key()),
            Span::raw(format!("  {}", s.welcome_demo)),
        ]),
        Line::from(vec![
            Span::styled("?", th.key()),
            Span::raw(format!("  {}", s.welcome_help)),
        ]),
        Line::raw(""),
        Line::styled(fill(s.welcome_db, &[("path", &m.db_label)]), th.dim()),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {} ", s.tab_today))),
        area,
    );
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let clients: Vec<_> = m.active_clients().collect();
    let header = Row::new(vec![
        Cell::from(s.col_client),
        Cell::from(s.col_local_time),
        Cell::from(s.col_reply_target),
        Cell::from(s.col_currency),
        Cell::from(s.col_accounts),
    ]);
    let widths = [
        Constraint::Fill(2),
        Constraint::Length(18),
        Constraint::Length(12),
        Constraint::Length(8),
        Constraint::Fill(3),
    ];
    let block = Block::bordered().title(format!(
        " {} ",
        fill(s.today_clients_title, &[("n", &clients.len().to_string())])
    ));
    let now = m.now.with_timezone(&Utc);
    table::render(
        frame,
        area,
        block,
        Some(header),
        &widths,
        &m.today,
        clients.len(),
        true,
        th,
        s.no_clients,
        |i| {
            let c = clients[i];
            let local = now.with_timezone(&c.tz()).format("%a %H:%M %Z").to_string();
            let accounts: Vec<String> = m
                .accounts_of(c.id)
                .map(|a| format!("{} {}", a.platform.mark().trim(), sanitize_line(&a.handle)))
                .collect();
            let current = if Some(c.id) == m.current {
                "● "
            } else {
                "  "
            };
            Row::new(vec![
                Cell::from(format!("{current}{}", sanitize_line(&c.name))),
                Cell::from(local),
                Cell::from(fill(
                    s.hours_short,
                    &[("n", &c.reply_target_hours.to_string())],
                )),
                Cell::from(c.currency.clone()),
                Cell::from(if accounts.is_empty() {
                    s.no_accounts.to_string()
                } else {
                    accounts.join(", ")
                }),
            ])
        },
    );
}
