//! Drawing a form: labels, values, inline messages, live notes, scrolling to the focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{Field, FieldKind, Form};
use crate::domain::text::{sanitize_line, truncate, width};
use crate::i18n::t;
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::centered;

impl Form {
    /// Height the form wants: fields, hints, the error line and borders.
    pub fn wanted_height(&self) -> u16 {
        let fields: u16 = self
            .fields
            .iter()
            .map(|f| f.height() + u16::from(f.hint.is_some()))
            .sum();
        // Two borders and one blank line under the last field.
        fields + 3 + u16::from(self.error.is_some()) + u16::from(!self.footer.is_empty())
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        // Wide enough for a message beside its label; never wider than the screen.
        let rect = centered(area, 90, self.wanted_height());
        frame.render_widget(Clear, rect);
        let block = Block::bordered()
            .border_style(theme.focused_border())
            .title(Span::styled(
                format!(" {} ", sanitize_line(&self.title)),
                theme.title(),
            ))
            .title_bottom(Line::from(vec![
                Span::styled(" Ctrl-s ", theme.key()),
                Span::raw(t().save),
                Span::styled("  Esc ", theme.key()),
                Span::raw(format!("{} ", t().cancel)),
            ]));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        if inner.width < 4 || inner.height == 0 {
            return;
        }
        let label_w = self
            .fields
            .iter()
            .map(|f| width(&f.label) as u16 + 2)
            .max()
            .unwrap_or(0)
            .min(inner.width / 3);
        let value_w = inner.width.saturating_sub(label_w + 1);
        // Skip leading fields when the focused one would fall below the bottom.
        let bottom_reserved = u16::from(self.error.is_some()) + u16::from(!self.footer.is_empty());
        let avail = inner.height.saturating_sub(bottom_reserved);
        let heights: Vec<u16> = self
            .fields
            .iter()
            .map(|f| f.height() + u16::from(f.hint.is_some()))
            .collect();
        let mut first = 0;
        while first < self.focus && heights[first..=self.focus].iter().sum::<u16>() > avail {
            first += 1;
        }
        let mut y = inner.y;
        let end = inner.y + avail;
        for (i, f) in self.fields.iter().enumerate().skip(first) {
            if y >= end {
                break;
            }
            let focused = i == self.focus;
            let label_style = if focused { theme.key() } else { theme.base() };
            frame.render_widget(
                Paragraph::new(Span::styled(
                    truncate(&sanitize_line(&f.label), label_w as usize),
                    label_style,
                )),
                Rect::new(inner.x, y, label_w, 1),
            );
            let body_h = if f.is_multiline() {
                f.lines.min(end - y)
            } else {
                1
            };
            let value_rect = Rect::new(inner.x + label_w + 1, y, value_w, body_h);
            self.render_value(frame, value_rect, f, focused, theme);
            y += body_h;
            if let Some(err) = &f.error
                && y < end
            {
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        truncate(&format!("✗ {err}"), value_w as usize),
                        theme.error(),
                    )),
                    Rect::new(inner.x + label_w + 1, y, value_w, 1),
                );
                y += 1;
            }
            if let Some(hint) = &f.hint
                && y < end
            {
                frame.render_widget(
                    Paragraph::new(Span::styled(truncate(hint, value_w as usize), theme.dim())),
                    Rect::new(inner.x + label_w + 1, y, value_w, 1),
                );
                y += 1;
            }
        }
        if !self.footer.is_empty() {
            let y = inner.y + inner.height - 1 - u16::from(self.error.is_some());
            let spans: Vec<Span> = self
                .footer
                .iter()
                .flat_map(|(text, bad)| {
                    [
                        Span::styled(text.clone(), if *bad { theme.error() } else { theme.ok() }),
                        Span::raw("  "),
                    ]
                })
                .collect();
            frame.render_widget(
                Paragraph::new(Line::from(spans)),
                Rect::new(inner.x, y, inner.width, 1),
            );
        }
        if let Some(err) = &self.error {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    truncate(&format!("✗ {err}"), inner.width as usize),
                    theme.error(),
                )),
                Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
            );
        }
    }

    fn render_value(&self, frame: &mut Frame, rect: Rect, f: &Field, focused: bool, theme: &Theme) {
        let w = rect.width as usize;
        match &f.kind {
            FieldKind::Choice { options, selected } => {
                let label = options.get(*selected).map_or("", |o| o.label.as_str());
                let text = if focused {
                    format!("◀ {} ▶", sanitize_line(label))
                } else {
                    sanitize_line(label)
                };
                let style = if focused {
                    theme.selected()
                } else {
                    theme.base()
                };
                frame.render_widget(
                    Paragraph::new(Span::styled(truncate(&text, w), style)),
                    rect,
                );
            }
            FieldKind::MultiChoice {
                options,
                chosen,
                cursor,
            } => {
                let mut spans = Vec::new();
                for (i, (o, c)) in options.iter().zip(chosen).enumerate() {
                    let mark = if *c { "[x] " } else { "[ ] " };
                    let style = if focused && i == *cursor {
                        theme.selected()
                    } else {
                        theme.base()
                    };
                    spans.push(Span::styled(
                        format!("{mark}{}", sanitize_line(&o.label)),
                        style,
                    ));
                    spans.push(Span::raw(" "));
                }
                frame.render_widget(
                    Paragraph::new(Line::from(spans)).wrap(ratatui::widgets::Wrap { trim: false }),
                    rect,
                );
            }
            _ => {
                let Some(area) = f.area() else { return };
                if focused {
                    frame.render_widget(area, rect);
                } else {
                    let lines: Vec<Line> = area
                        .lines()
                        .iter()
                        .take(rect.height as usize)
                        .map(|l| {
                            let l = sanitize_line(l);
                            let l = if f.is_multiline() { l } else { truncate(&l, w) };
                            Line::styled(l, theme.input())
                        })
                        .collect();
                    let lines = if lines.iter().all(|l| l.width() == 0) {
                        vec![Line::styled("·".repeat(w.min(20)), theme.dim())]
                    } else {
                        lines
                    };
                    let para = Paragraph::new(lines);
                    let para = if f.is_multiline() {
                        para.wrap(ratatui::widgets::Wrap { trim: false })
                    } else {
                        para
                    };
                    frame.render_widget(para, rect);
                }
            }
        }
    }
}
