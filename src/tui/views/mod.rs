//! Pure views: they read the model and draw; they never touch the store.

mod calendar;
mod help;
mod inbox;
pub(crate) mod report;
mod shell;
pub(crate) mod strategy;
mod switcher;
mod today;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::model::{Model, Overlay, Tab};
use crate::i18n::{fill, t};

pub use shell::hint_line;

pub fn render(m: &Model, frame: &mut Frame) {
    let area = frame.area();
    if m.too_small()
        || area.width < super::model::MIN_WIDTH
        || area.height < super::model::MIN_HEIGHT
    {
        let text = fill(
            t().shell.too_small,
            &[
                ("w", &area.width.to_string()),
                ("h", &area.height.to_string()),
                ("min_w", &super::model::MIN_WIDTH.to_string()),
                ("min_h", &super::model::MIN_HEIGHT.to_string()),
            ],
        );
        frame.render_widget(
            Paragraph::new(Line::styled(text, m.theme.warn())).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    shell::tab_bar(m, frame, tabs);
    if m.data.clients.is_empty() {
        today::welcome(m, frame, body);
    } else {
        match m.tab {
            Tab::Today => today::render(m, frame, body),
            Tab::Strategy => strategy::render(m, frame, body),
            Tab::Inbox => inbox::render(m, frame, body),
            Tab::Calendar => calendar::render(m, frame, body),
            Tab::Report => report::render(m, frame, body),
        }
    }
    shell::status_bar(m, frame, status);
    for (depth, o) in m.overlays.iter().enumerate() {
        match o {
            Overlay::Help(h) => help::render(m, frame, area, h, depth),
            Overlay::Picker(p) => super::widgets::picker::render(
                frame,
                area,
                p,
                // Under the picker's bottom border (it is at most 80 wide).
                hint_line(
                    &crate::tui::keymap::contexts_below(m, depth + 1),
                    &m.theme,
                    usize::from(area.width.min(80)).saturating_sub(2),
                ),
                &m.theme,
            ),
            Overlay::Switcher(s) => switcher::render(m, frame, area, s),
            Overlay::Form(f) => f.form.render(frame, area, &m.theme),
            Overlay::Confirm(c) => super::widgets::confirm::render(frame, area, c, &m.theme),
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_daily;
#[cfg(test)]
mod tests_daily_use;
#[cfg(test)]
mod tests_fit;
#[cfg(test)]
mod tests_live;
#[cfg(test)]
mod tests_safety;
