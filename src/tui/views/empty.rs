//! The honest empty state of a tab whose content is not built yet: it says so, and
//! invents nothing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::shell::tab_title;
use crate::domain::text::sanitize_line;
use crate::i18n::{fill, t};
use crate::tui::model::{Model, Tab};

pub fn render(m: &Model, frame: &mut Frame, area: Rect, tab: Tab) {
    let s = t();
    let client = m
        .current_client()
        .map(|c| sanitize_line(&c.name))
        .unwrap_or_default();
    let lines = vec![
        Line::raw(""),
        Line::styled(
            fill(s.tab_not_built, &[("tab", tab_title(tab))]),
            m.theme.title(),
        ),
        Line::raw(""),
        Line::styled(
            fill(s.tab_not_built_detail, &[("client", &client)]),
            m.theme.dim(),
        ),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .centered()
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(" {} ", tab_title(tab)))),
        area,
    );
}
