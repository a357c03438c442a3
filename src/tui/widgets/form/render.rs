//! Drawing a form: labels, values, inline messages, live notes, scrolling to the focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{Field, FieldKind, Form};
use crate::domain::text::{sanitize_line, truncate, width};
use crate::i18n::t;
use crate::tui::theme::Theme;
use crate::tui::widgets::columns::wrap_words;
use crate::tui::widgets::popup::centered;

/// Lines of choices a multi-choice field shows at most; more scroll with the cursor.
const CHOICE_LINES: usize = 4;

/// Columns between two choices on a line.
const CHOICE_GAP: usize = 2;

/// A choice as the field shows it: `[x] IG @bakery`.
fn chip(o: &super::Opt, chosen: bool) -> String {
    let mark = if chosen { "[x]" } else { "[ ]" };
    format!("{mark} {}", sanitize_line(&o.label))
}

/// The lines the choices take in `width` columns, each the indexes of its choices in
/// order; a choice is never split between lines (one too wide is cut when drawn).
pub(super) fn choice_lines(
    options: &[super::Opt],
    chosen: &[bool],
    width: usize,
) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut used = 0;
    for (i, o) in options.iter().enumerate() {
        let w = width_of(&chip(o, chosen.get(i).copied().unwrap_or(false)));
        match lines.last_mut() {
            Some(line) if used + CHOICE_GAP + w <= width => {
                line.push(i);
                used += CHOICE_GAP + w;
            }
            _ => {
                lines.push(vec![i]);
                used = w;
            }
        }
    }
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

/// The first of the `visible` lines shown so that the line holding `cursor` is one.
fn first_shown(lines: &[Vec<usize>], cursor: usize, visible: usize) -> usize {
    let at = lines.iter().position(|l| l.contains(&cursor)).unwrap_or(0);
    (at + 1).saturating_sub(visible.max(1))
}

fn width_of(s: &str) -> usize {
    width(s)
}

/// The width choices are laid out in: all of `value_w`, less two columns for the
/// scroll arrows when they take more lines than are shown.
fn choice_width(value_w: u16, options: &[super::Opt], chosen: &[bool]) -> usize {
    let w = usize::from(value_w);
    if choice_lines(options, chosen, w).len() > CHOICE_LINES {
        w.saturating_sub(2)
    } else {
        w
    }
}

/// How wide a form is on a screen `w` wide: all of it, less a margin on wide screens.
fn form_width(w: u16) -> u16 {
    if w > 94 { w - 4 } else { w }
}

impl Form {
    /// Label and value widths inside a form `width` wide.
    fn columns(&self, width: u16) -> (u16, u16) {
        let inner = width.saturating_sub(2);
        let label_w = self
            .fields
            .iter()
            .map(|f| width_of(&f.label) as u16 + 2)
            .max()
            .unwrap_or(0)
            .min(inner / 3);
        (label_w, inner.saturating_sub(label_w + 1))
    }

    /// Lines a field takes with values `value_w` wide: its body, its message, its hint.
    fn field_height(f: &Field, value_w: u16) -> u16 {
        let body = match &f.kind {
            FieldKind::Multiline(_) => f.lines,
            FieldKind::MultiChoice {
                options, chosen, ..
            } => choice_lines(options, chosen, choice_width(value_w, options, chosen))
                .len()
                .min(CHOICE_LINES) as u16,
            _ => 1,
        };
        let hint = f
            .hint
            .as_deref()
            .map_or(0, |h| wrap_words(h, usize::from(value_w)).len() as u16);
        body + u16::from(f.error.is_some()) + hint
    }

    /// Height the form wants at `width`: fields, hints, the error line and borders.
    pub fn wanted_height(&self, width: u16) -> u16 {
        let (_, value_w) = self.columns(width);
        let fields: u16 = self
            .fields
            .iter()
            .map(|f| Form::field_height(f, value_w))
            .sum();
        // Two borders and one blank line under the last field.
        fields + 3 + u16::from(self.error.is_some()) + u16::from(!self.footer.is_empty())
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        // As wide as the screen allows: choices and long text use the room there is.
        let form_w = form_width(area.width);
        let rect = centered(area, form_w, self.wanted_height(form_w));
        frame.render_widget(Clear, rect);
        let block = Block::bordered()
            .border_style(theme.focused_border())
            .title(Span::styled(
                format!(" {} ", sanitize_line(&self.title)),
                theme.title(),
            ))
            .title_bottom(Line::from(vec![
                Span::styled(" Ctrl-s ", theme.key()),
                Span::raw(t().forms.save),
                Span::styled("  Esc ", theme.key()),
                Span::raw(format!("{} ", t().forms.cancel)),
            ]));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        if inner.width < 4 || inner.height == 0 {
            return;
        }
        let (label_w, value_w) = self.columns(rect.width);
        // Skip leading fields when the focused one would fall below the bottom.
        let bottom_reserved = u16::from(self.error.is_some()) + u16::from(!self.footer.is_empty());
        let avail = inner.height.saturating_sub(bottom_reserved);
        let heights: Vec<u16> = self
            .fields
            .iter()
            .map(|f| Form::field_height(f, value_w))
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
            let hint_lines = f
                .hint
                .as_deref()
                .map(|h| wrap_words(h, usize::from(value_w)))
                .unwrap_or_default();
            let body_h = (heights[i] - u16::from(f.error.is_some()) - hint_lines.len() as u16)
                .min(end - y)
                .max(1);
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
            for line in hint_lines {
                if y >= end {
                    break;
                }
                frame.render_widget(
                    Paragraph::new(Span::styled(line, theme.dim())),
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
                // Every choice on its line, whole; past the lines shown they scroll
                // with the cursor, and arrows say there are more.
                let cw = choice_width(rect.width, options, chosen);
                let lines = choice_lines(options, chosen, cw);
                let shown = usize::from(rect.height);
                let start = first_shown(&lines, *cursor, shown);
                let end = (start + shown).min(lines.len());
                let out: Vec<Line> = lines[start..end]
                    .iter()
                    .enumerate()
                    .map(|(n, line)| {
                        let mut spans = Vec::new();
                        for (k, i) in line.iter().enumerate() {
                            if k > 0 {
                                spans.push(Span::raw(" ".repeat(CHOICE_GAP)));
                            }
                            let style = if focused && *i == *cursor {
                                theme.selected()
                            } else {
                                theme.base()
                            };
                            let text = chip(&options[*i], chosen.get(*i).copied().unwrap_or(false));
                            spans.push(Span::styled(truncate(&text, cw), style));
                        }
                        let more = if n == 0 && start > 0 {
                            "↑"
                        } else if start + n + 1 == end && end < lines.len() {
                            "↓"
                        } else {
                            ""
                        };
                        if !more.is_empty() {
                            let used: usize = spans.iter().map(Span::width).sum();
                            spans.push(Span::raw(
                                " ".repeat(usize::from(rect.width).saturating_sub(used + 1)),
                            ));
                            spans.push(Span::styled(more, theme.dim()));
                        }
                        Line::from(spans)
                    })
                    .collect();
                frame.render_widget(Paragraph::new(out), rect);
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
                            let l = if f.masked {
                                "•".repeat(l.chars().count())
                            } else {
                                sanitize_line(l)
                            };
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
