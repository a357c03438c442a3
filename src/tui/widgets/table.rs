//! A table that builds only the rows it can show, so a list of 500,000 items costs the
//! same to draw as a list of 20.

use std::cell::Cell;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table};

use super::columns::{self, Column};
use crate::tui::action::Command;
use crate::tui::theme::Theme;

/// The selected row of a list, and where its window starts.
///
/// The window start is presentation memory, not model state: the view moves it just
/// enough to keep the selection visible, and remembers it between frames so scrolling
/// does not jump. Hence the `Cell`.
#[derive(Debug, Default, Clone)]
pub struct ListCursor {
    pub selected: usize,
    offset: Cell<usize>,
    page: Cell<usize>,
}

impl ListCursor {
    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }
    pub fn down(&mut self, len: usize) {
        if self.selected + 1 < len {
            self.selected += 1;
        }
    }
    pub fn top(&mut self) {
        self.selected = 0;
    }
    pub fn bottom(&mut self, len: usize) {
        self.selected = len.saturating_sub(1);
    }
    /// Moves a page up; a page is the height last drawn.
    pub fn page_up(&mut self) {
        self.selected = self.selected.saturating_sub(self.page.get().max(1));
    }
    pub fn page_down(&mut self, len: usize) {
        self.selected = (self.selected + self.page.get().max(1)).min(len.saturating_sub(1));
    }
    /// Applies a movement command (up, down, top, bottom, a page) in a list of `len`
    /// rows; `false` when `cmd` moves nothing, for the caller to handle.
    pub fn moved(&mut self, cmd: Command, len: usize) -> bool {
        match cmd {
            Command::Up => self.up(),
            Command::Down => self.down(len),
            Command::Top => self.top(),
            Command::Bottom => self.bottom(len),
            Command::PageUp => self.page_up(),
            Command::PageDown => self.page_down(len),
            _ => return false,
        }
        true
    }
    /// Keeps the selection inside a list that shrank.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }
    /// Selects `index` (for a jump to an item).
    pub fn select(&mut self, index: usize) {
        self.selected = index;
    }

    /// The rows to draw for a list of `len` rows in `height` lines.
    pub fn window(&self, len: usize, height: usize) -> Range<usize> {
        self.page.set(height);
        if height == 0 || len == 0 {
            return 0..0;
        }
        let sel = self.selected.min(len - 1);
        let mut off = self.offset.get().min(len.saturating_sub(height));
        if sel < off {
            off = sel;
        } else if sel >= off + height {
            off = sel + 1 - height;
        }
        self.offset.set(off);
        off..(off + height).min(len)
    }
}

/// Draws a table of `len` rows where only the visible ones are built by `row`.
/// `row(i)` gets the absolute index. Returns nothing; the selected row is highlighted.
#[allow(clippy::too_many_arguments)]
pub fn render<'a>(
    frame: &mut Frame,
    area: Rect,
    block: Block<'a>,
    header: Option<Row<'a>>,
    widths: &[Constraint],
    cursor: &ListCursor,
    len: usize,
    focused: bool,
    theme: &Theme,
    empty: &str,
    mut row: impl FnMut(usize) -> Row<'a>,
) {
    let Some(range) = window(area, &block, header.is_some(), cursor, len) else {
        frame.render_widget(
            // Wrapped: an empty list's message says which key adds one, whole.
            Paragraph::new(Line::styled(empty.to_string(), theme.dim()))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    };
    let rows: Vec<Row> = range
        .map(|i| (i, row(i)))
        .map(highlight(cursor, len, focused, theme))
        .collect();
    let mut table = Table::new(rows, widths.to_vec()).block(block);
    if let Some(h) = header {
        table = table.header(h.style(theme.title()));
    }
    frame.render_widget(table, area);
}

/// Like [`render`], with columns that fit the width (see [`columns::fit`]): a figure is
/// never cut, whole columns give way instead. `row(i)` gives a line per column.
#[allow(clippy::too_many_arguments)]
pub fn render_columns<'a>(
    frame: &mut Frame,
    area: Rect,
    block: Block<'a>,
    cols: &[Column<'a>],
    cursor: &ListCursor,
    len: usize,
    focused: bool,
    theme: &Theme,
    empty: &str,
    mut row: impl FnMut(usize) -> Vec<Line<'a>>,
) {
    let header = cols.iter().any(|c| !c.header.is_empty());
    let Some(range) = window(area, &block, header, cursor, len) else {
        frame.render_widget(
            // Wrapped: an empty list's message says which key adds one, whole.
            Paragraph::new(Line::styled(empty.to_string(), theme.dim()))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    };
    let lines: Vec<(usize, Vec<Line<'a>>)> = range.map(|i| (i, row(i))).collect();
    let width = block.inner(area).width;
    let table = fitted(cols, header, lines, width, theme, |rows| {
        rows.into_iter()
            .map(highlight(cursor, len, focused, theme))
            .collect()
    });
    frame.render_widget(table.block(block), area);
}

/// A table of `rows` (each with its index) whose columns fit `width`; `style` turns the
/// kept cells into rows (to highlight a selection).
pub fn fitted<'a>(
    cols: &[Column<'a>],
    header: bool,
    rows: Vec<(usize, Vec<Line<'a>>)>,
    width: u16,
    theme: &Theme,
    style: impl FnOnce(Vec<(usize, Row<'a>)>) -> Vec<Row<'a>>,
) -> Table<'a> {
    let lines: Vec<Vec<Line<'a>>> = rows.iter().map(|(_, r)| r.clone()).collect();
    let widths = columns::fit(cols, &columns::widest(cols.len(), &lines), width);
    let rows: Vec<(usize, Row<'a>)> = rows
        .into_iter()
        .map(|(i, cells)| {
            let cells: Vec<Line<'a>> = cells
                .into_iter()
                .zip(cols)
                .zip(&widths)
                .map(|((cell, col), w)| match (col.fit, w) {
                    (columns::Fit::Text { .. }, Some(w)) => cut_between_words(cell, *w),
                    _ => cell,
                })
                .collect();
            (i, Row::new(columns::kept(cells, &widths)))
        })
        .collect();
    let mut table = Table::new(style(rows), columns::constraints(&widths));
    if header {
        // A header narrower than its column's figures is cut with an ellipsis, so a
        // cut word never reads as another ("Previou").
        let names: Vec<String> = cols
            .iter()
            .zip(widths.iter().chain(std::iter::repeat(&None)))
            .map(|(c, w)| match w {
                Some(w) => crate::domain::text::truncate(c.header, usize::from(*w)),
                None => c.header.to_string(),
            })
            .collect();
        table = table.header(Row::new(columns::kept(names, &widths)).style(theme.title()));
    }
    table
}

/// A text cell wider than its column, cut with an ellipsis; between words when it holds
/// a figure (a date, an amount), which shows whole or not at all.
fn cut_between_words(cell: Line<'_>, width: u16) -> Line<'_> {
    if cell.width() <= usize::from(width) {
        return cell;
    }
    let style = cell
        .spans
        .first()
        .map_or(cell.style, |s| cell.style.patch(s.style));
    let text: String = cell.spans.iter().map(|s| s.content.as_ref()).collect();
    Line::styled(columns::cut_text(&text, usize::from(width)), style)
}

/// The rows a list shows in `area` under `block`, or `None` when it is empty.
fn window(
    area: Rect,
    block: &Block<'_>,
    header: bool,
    cursor: &ListCursor,
    len: usize,
) -> Option<Range<usize>> {
    if len == 0 {
        return None;
    }
    let inner = block.inner(area);
    let visible = usize::from(inner.height).saturating_sub(usize::from(header));
    Some(cursor.window(len, visible))
}

/// Styles the selected row: highlighted when the list has the focus, dimmed otherwise.
fn highlight<'a>(
    cursor: &ListCursor,
    len: usize,
    focused: bool,
    theme: &Theme,
) -> impl Fn((usize, Row<'a>)) -> Row<'a> {
    let selected = cursor.selected.min(len.saturating_sub(1));
    let (on, off) = (
        theme.selected(),
        theme.dim().add_modifier(ratatui::style::Modifier::REVERSED),
    );
    move |(i, r)| {
        if i == selected && focused {
            r.style(on)
        } else if i == selected {
            r.style(off)
        } else {
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_follows_the_selection_without_jumping() {
        let mut c = ListCursor::default();
        assert_eq!(c.window(100, 10), 0..10);
        for _ in 0..12 {
            c.down(100);
        }
        assert_eq!(c.window(100, 10), 3..13);
        c.up();
        // Moving up inside the window does not scroll.
        assert_eq!(c.window(100, 10), 3..13);
        c.bottom(100);
        assert_eq!(c.window(100, 10), 90..100);
        c.page_up();
        assert_eq!(c.selected, 89);
        c.top();
        assert_eq!(c.window(100, 10), 0..10);
        c.page_down(100);
        assert_eq!(c.selected, 10);
        assert_eq!(c.window(0, 10), 0..0);
        assert_eq!(c.window(5, 0), 0..0);
    }

    #[test]
    fn clamp_after_shrink() {
        let mut c = ListCursor::default();
        c.bottom(50);
        c.clamp(3);
        assert_eq!(c.selected, 2);
        c.clamp(0);
        assert_eq!(c.selected, 0);
    }
}
