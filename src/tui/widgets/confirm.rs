//! A yes/no question over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::popup::centered;
use crate::i18n::t;
use crate::tui::theme::Theme;

/// What a yes answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmKind {
    /// Close the form on top and lose its changes.
    DiscardForm,
    /// Save the form on top although it has a warning.
    SaveAnyway,
    /// Save the pillar on top and scale the other pillars down to make room for it.
    RebalancePillars,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub kind: ConfirmKind,
    pub question: String,
}

pub fn render(frame: &mut Frame, area: Rect, c: &Confirm, theme: &Theme) {
    let w = (crate::domain::text::width(&c.question) as u16 + 4).clamp(30, 70);
    let rect = centered(area, w, 6);
    frame.render_widget(Clear, rect);
    let s = t();
    let body = vec![
        Line::raw(c.question.clone()),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(format!(" {}   ", s.yes)),
            Span::styled("n", theme.key()),
            Span::raw(format!(" {}", s.no)),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(body).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .border_style(theme.warn())
                .title(s.confirm_title),
        ),
        rect,
    );
}
