//! A list to pick one entry from, over the screen (saved replies).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Clear, Row};

use super::popup::centered;
use super::table::{self, ListCursor};
use crate::domain::text::{sanitize_line, truncate};
use crate::tui::theme::Theme;

/// What picking an entry does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickPurpose {
    /// Start a reply to these items from a saved reply (entry value: its id, 0 blank).
    ReplyTemplate { items: Vec<i64>, client: i64 },
    /// Manage a client's saved replies (Enter edits).
    SavedReplies { client: i64 },
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    /// (value, label, preview)
    pub entries: Vec<(i64, String, String)>,
    pub cursor: ListCursor,
    pub purpose: PickPurpose,
}

impl Picker {
    pub fn value(&self) -> Option<i64> {
        self.entries.get(self.cursor.selected).map(|e| e.0)
    }
}

pub fn render(frame: &mut Frame, area: Rect, p: &Picker, hints: Line<'static>, th: &Theme) {
    let rect = centered(area, 80, (p.entries.len() as u16 + 5).clamp(7, 20));
    frame.render_widget(Clear, rect);
    let w = rect.width.saturating_sub(24) as usize;
    table::render(
        frame,
        rect,
        Block::bordered()
            .border_style(th.focused_border())
            .title(format!(" {} ", sanitize_line(&p.title)))
            .title_bottom(hints),
        None,
        &[Constraint::Length(20), Constraint::Fill(1)],
        &p.cursor,
        p.entries.len(),
        true,
        th,
        "",
        |i| {
            let (_, label, preview) = &p.entries[i];
            Row::new(vec![
                Cell::from(truncate(&sanitize_line(label), 20)),
                Cell::from(Line::styled(truncate(&sanitize_line(preview), w), th.dim())),
            ])
        },
    );
}
