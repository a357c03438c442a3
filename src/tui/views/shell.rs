//! The frame around every tab: the tab bar on top and the status line at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::text::{sanitize_line, truncate, width};
use crate::i18n::t;
use crate::tui::keymap::{self, Ctx};
use crate::tui::model::{Model, StatusKind, Tab};
use crate::tui::theme::Theme;

pub fn tab_title(tab: Tab) -> &'static str {
    let s = t();
    match tab {
        Tab::Today => s.shell.tab_today,
        Tab::Strategy => s.shell.tab_strategy,
        Tab::Calendar => s.shell.tab_calendar,
        Tab::Inbox => s.shell.tab_inbox,
        Tab::Report => s.shell.tab_report,
    }
}

pub fn tab_bar(m: &Model, frame: &mut Frame, area: Rect) {
    let th = &m.theme;
    let mut spans = vec![Span::styled(" twohats ", th.accent())];
    for tab in Tab::ALL {
        let label = format!(" {} {} ", tab.index() + 1, tab_title(tab));
        let style = if tab == m.tab {
            th.tab_active()
        } else {
            th.base()
        };
        spans.push(Span::styled(label, style));
    }
    let client = match (
        m.current_client(),
        m.all_clients && m.tab.shows_all_clients(),
    ) {
        (Some(c), false) => format!("{} ", sanitize_line(&c.name)),
        (Some(c), true) => format!("{} · {} ", sanitize_line(&c.name), t().shell.all_clients),
        (None, _) => String::new(),
    };
    let left_w: usize = spans.iter().map(|s| s.width()).sum();
    let right_w = (area.width as usize).saturating_sub(left_w + 1);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&client, right_w), th.title()).right_aligned()),
        right,
    );
}

/// The hints of the active contexts: `c clients  ? help  q quit`.
pub fn hint_line<'a>(ctxs: &[Ctx], th: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for ctx in ctxs {
        for b in keymap::bindings(*ctx).filter(|b| b.hint) {
            spans.push(Span::styled(keymap::keys_label(b), th.key()));
            spans.push(Span::raw(format!(" {}  ", b.cmd.text())));
        }
    }
    Line::from(spans)
}

pub fn status_bar(m: &Model, frame: &mut Frame, area: Rect) {
    let th = &m.theme;
    frame.render_widget(Paragraph::new("").style(th.status_bar()), area);
    let line = match &m.status {
        Some(st) => {
            let style = match st.kind {
                StatusKind::Info => th.status_bar(),
                StatusKind::Success => th.status_bar().patch(th.ok()),
                StatusKind::Error => th.status_bar().patch(th.error()),
            };
            let text = truncate(&sanitize_line(&st.text), area.width as usize);
            Line::styled(format!(" {text}"), style)
        }
        None => {
            let hints = hint_line(&keymap::active_contexts(m), th);
            let mut spans = vec![Span::raw(" ")];
            let mut used = 1;
            // A key and what it does go together: a key is never shown without its words.
            for pair in hints.spans.chunks(2) {
                used += pair.iter().map(|sp| width(&sp.content)).sum::<usize>();
                if used > area.width as usize + 2 {
                    break;
                }
                spans.extend(pair.iter().cloned());
            }
            Line::from(spans).style(th.status_bar())
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
