//! The help screen, generated from the keymap: it lists exactly the keys that work on the
//! screen under it.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::i18n::t;
use crate::tui::help::{self, Entry};
use crate::tui::keymap::{self, Ctx};
use crate::tui::model::{HelpState, Model};

pub fn section_title(ctx: Ctx) -> &'static str {
    let s = t();
    match ctx {
        Ctx::Global => s.shell.help_global,
        Ctx::Welcome => s.shell.help_welcome,
        Ctx::List => s.shell.help_list,
        Ctx::Today => s.shell.tab_today,
        Ctx::StrategyOverview | Ctx::StrategySection => s.shell.tab_strategy,
        Ctx::StrategyBudget => s.strategy.help_budget,
        Ctx::Inbox => s.shell.tab_inbox,
        Ctx::Calendar => s.shell.tab_calendar,
        Ctx::Report => s.shell.tab_report,
        Ctx::Picker => s.inbox.help_picker,
        Ctx::StrategyEditorial => s.strategy.help_editorial,
        Ctx::SwitcherFilter => s.shell.help_switcher_filter,
        Ctx::SwitcherClients => s.shell.help_switcher_clients,
        Ctx::SwitcherAccounts => s.shell.help_switcher_accounts,
        Ctx::Form => s.shell.help_form,
        Ctx::Confirm => s.forms.confirm_title,
        Ctx::Stale => s.forms.stale_title,
        Ctx::Help => s.shell.help_title,
        Ctx::TooSmall => s.shell.help_global,
    }
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect, h: &HelpState, depth: usize) {
    let s = t();
    let th = &m.theme;
    let lines: Vec<Line> = help::entries(m, depth)
        .into_iter()
        .map(|e| match e {
            Entry::Title(ctx) => Line::styled(section_title(ctx), th.title()),
            Entry::Key(b) => Line::from(vec![
                Span::styled(format!("  {:<16}", keymap::keys_label(b)), th.key()),
                Span::raw(b.cmd.text()),
            ]),
            Entry::Blank => Line::raw(""),
            Entry::Database => Line::styled(
                crate::i18n::fill(s.shell.welcome_db, &[("path", &m.db_label)]),
                th.dim(),
            ),
        })
        .collect();
    let total = lines.len();
    let rect = help::rect(area);
    let page = usize::from(rect.height.saturating_sub(2));
    // A resize may leave the scroll past the end: show the last page.
    let top = usize::from(h.scroll).min(total.saturating_sub(page));
    // When it does not fit, the box says where it is and how to move.
    let bottom = if total > page {
        crate::i18n::fill(
            s.shell.help_scroll,
            &[
                ("from", &(top + 1).to_string()),
                ("to", &(top + page).min(total).to_string()),
                ("total", &total.to_string()),
            ],
        )
    } else {
        "Esc".to_string()
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .block(
                Block::bordered()
                    .border_style(th.focused_border())
                    .title(format!(" {} ", s.shell.help_title))
                    .title_bottom(format!(" {bottom} ")),
            ),
        rect,
    );
    if total > page {
        let mut state = ScrollbarState::new(total.saturating_sub(page)).position(top);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            rect.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}
