//! The help screen, generated from the keymap: it lists exactly the keys that work on the
//! screen under it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::i18n::t;
use crate::tui::keymap::{self, Ctx};
use crate::tui::model::{HelpState, Model};
use crate::tui::widgets::popup::centered;

pub fn section_title(ctx: Ctx) -> &'static str {
    let s = t();
    match ctx {
        Ctx::Global => s.help_global,
        Ctx::Welcome => s.help_welcome,
        Ctx::List => s.help_list,
        Ctx::Today => s.tab_today,
        Ctx::StrategyOverview | Ctx::StrategySection => s.tab_strategy,
        Ctx::StrategyBudget => s.help_budget,
        Ctx::Inbox => s.tab_inbox,
        Ctx::Calendar => s.tab_calendar,
        Ctx::Report => s.tab_report,
        Ctx::Picker => s.help_picker,
        Ctx::StrategyEditorial => s.help_editorial,
        Ctx::SwitcherFilter => s.help_switcher_filter,
        Ctx::SwitcherClients => s.help_switcher_clients,
        Ctx::SwitcherAccounts => s.help_switcher_accounts,
        Ctx::Form => s.help_form,
        Ctx::Confirm => s.confirm_title,
        Ctx::Stale => s.stale_title,
        Ctx::Help => s.help_title,
        Ctx::TooSmall => s.help_global,
    }
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect, h: &HelpState, depth: usize) {
    let s = t();
    let th = &m.theme;
    let mut lines = Vec::new();
    for ctx in keymap::contexts_below(m, depth) {
        lines.push(Line::styled(section_title(ctx), th.title()));
        for b in keymap::bindings(ctx) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keymap::keys_label(b)), th.key()),
                Span::raw(b.cmd.text()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        crate::i18n::fill(s.welcome_db, &[("path", &m.db_label)]),
        th.dim(),
    ));
    let rect = centered(area, 64, area.height.saturating_sub(2));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).scroll((h.scroll, 0)).block(
            Block::bordered()
                .border_style(th.focused_border())
                .title(format!(" {} ", s.help_title))
                .title_bottom(" Esc "),
        ),
        rect,
    );
}
