//! A question over the screen: yes or no, or, when another window saved the row of the
//! form under it, reload, overwrite or cancel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
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
    /// Remove the demo clients and everything of theirs.
    RemoveDemo,
    /// The row of the form on top was saved by another window since the form opened:
    /// reload, overwrite or cancel (three answers, not yes/no).
    Stale,
    /// Save the pillar on top and scale the other pillars down to make room for it.
    RebalancePillars,
    /// Send a post now on its connected accounts (the post: `LiveState::asked`).
    PublishNow,
    /// Forget an account's connection (the connection: `LiveState::asked`).
    Disconnect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub kind: ConfirmKind,
    pub question: String,
}

/// How many lines `text` takes when wrapped at word boundaries into `cols` columns (a
/// word longer than a line is cut, as the paragraph does).
fn wrapped_lines(text: &str, cols: usize) -> usize {
    let cols = cols.max(1);
    let (mut lines, mut used) = (1, 0);
    for word in text.split_whitespace() {
        let w = crate::domain::text::width(word);
        let need = if used == 0 { w } else { used + 1 + w };
        if need <= cols {
            used = need;
            continue;
        }
        if used > 0 {
            lines += 1;
        }
        used = w;
        while used > cols {
            lines += 1;
            used -= cols;
        }
    }
    lines
}

pub fn render(frame: &mut Frame, area: Rect, c: &Confirm, theme: &Theme) {
    let w = (crate::domain::text::width(&c.question) as u16 + 4).clamp(30, 70);
    // Borders, the question as wrapped, a blank line, the answers and a spare line.
    let h = wrapped_lines(&c.question, w.saturating_sub(2) as usize) as u16 + 5;
    let rect = centered(area, w, h);
    frame.render_widget(Clear, rect);
    let s = t();
    let title = if c.kind == ConfirmKind::Stale {
        s.forms.stale_title
    } else {
        s.forms.confirm_title
    };
    let block = Block::bordered().border_style(theme.warn()).title(title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // The answers keep their line at the bottom, however the question wraps.
    let [question, answers_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(inner);
    frame.render_widget(
        Paragraph::new(c.question.clone()).wrap(Wrap { trim: true }),
        question,
    );
    let mut line = Vec::new();
    for (i, (key, text)) in answers(c.kind).iter().enumerate() {
        if i > 0 {
            line.push(Span::raw("   "));
        }
        line.push(Span::styled(*key, theme.key()));
        line.push(Span::raw(format!(" {text}")));
    }
    frame.render_widget(
        Paragraph::new(Line::from(line)).wrap(Wrap { trim: true }),
        answers_area,
    );
}

/// The keys that answer a question and what each does (the keymap binds the same keys
/// in the question's context; a test holds them together).
pub fn answers(kind: ConfirmKind) -> Vec<(&'static str, &'static str)> {
    let s = t();
    match kind {
        ConfirmKind::Stale => vec![
            ("r", s.shell.cmd_reload),
            ("o", s.shell.cmd_overwrite),
            ("Esc", s.shell.cmd_cancel_edit),
        ],
        _ => vec![("y", s.forms.yes), ("n", s.forms.no)],
    }
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn lines_of_a_wrapped_question() {
        assert_eq!(wrapped_lines("Discard changes?", 28), 1);
        assert_eq!(wrapped_lines("aaa bbb ccc", 7), 2);
        assert_eq!(wrapped_lines("aaa bbb ccc", 3), 3);
        assert_eq!(wrapped_lines("abcdefgh", 3), 3);
    }
}
