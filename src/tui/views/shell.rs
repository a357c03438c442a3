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
use crate::tui::widgets::fit::fit_items;

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

/// A tab's name where the full one does not fit.
fn tab_short(tab: Tab) -> &'static str {
    let s = t();
    match tab {
        Tab::Today => s.shell.tab_today_short,
        Tab::Strategy => s.shell.tab_strategy_short,
        Tab::Calendar => s.shell.tab_calendar_short,
        Tab::Inbox => s.shell.tab_inbox_short,
        Tab::Report => s.shell.tab_report_short,
    }
}

/// Columns the client's name keeps at least beside the tabs (it is cut with "…" below).
const CLIENT_MIN: usize = 20;

/// The tab bar's left part, from the fullest to the barest: the app's name and full tab
/// names, short names, short names without the app's name, then numbers only beside the
/// current tab's short name. The first that leaves the client's name its room is drawn.
fn tab_spans(m: &Model, client_w: usize, cols: usize) -> Vec<Span<'static>> {
    let th = &m.theme;
    let build = |brand: bool, name: &dyn Fn(Tab) -> Option<&'static str>| {
        let mut spans = Vec::new();
        if brand {
            spans.push(Span::styled(" twohats ", th.accent()));
        }
        for tab in Tab::ALL {
            let label = match name(tab) {
                Some(n) => format!(" {} {n} ", tab.index() + 1),
                None => format!(" {} ", tab.index() + 1),
            };
            let style = if tab == m.tab {
                th.tab_active()
            } else {
                th.base()
            };
            spans.push(Span::styled(label, style));
        }
        spans
    };
    let current = m.tab;
    let tiers: [Vec<Span<'static>>; 4] = [
        build(true, &|t| Some(tab_title(t))),
        build(true, &|t| Some(tab_short(t))),
        build(false, &|t| Some(tab_short(t))),
        build(false, &|t| (t == current).then(|| tab_short(t))),
    ];
    let need = client_w.min(CLIENT_MIN);
    let mut tiers = tiers.into_iter();
    let mut last = Vec::new();
    for spans in tiers.by_ref() {
        let w: usize = spans.iter().map(Span::width).sum();
        if w + need <= cols {
            return spans;
        }
        last = spans;
    }
    last
}

pub fn tab_bar(m: &Model, frame: &mut Frame, area: Rect) {
    let th = &m.theme;
    let (name, client) = match (
        m.current_client(),
        m.all_clients && m.tab.shows_all_clients(),
    ) {
        (Some(c), false) => (
            sanitize_line(&c.name),
            format!("{} ", sanitize_line(&c.name)),
        ),
        (Some(c), true) => (
            sanitize_line(&c.name),
            format!("{} · {} ", sanitize_line(&c.name), t().shell.all_clients),
        ),
        (None, _) => (String::new(), String::new()),
    };
    let spans = tab_spans(m, width(&name) + 1, area.width as usize);
    let left_w: usize = spans.iter().map(|s| s.width()).sum();
    let right_w = (area.width as usize).saturating_sub(left_w);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&client, right_w), th.title()).right_aligned()),
        right,
    );
}

/// The hints of the active contexts, `c clients  ? help  q quit`, as many as fit in
/// `cols` columns: a key and what it does go together, and "…" says some were left out.
pub fn hint_line(ctxs: &[Ctx], th: &Theme, cols: usize) -> Line<'static> {
    let mut items = Vec::new();
    for ctx in ctxs {
        for b in keymap::bindings(*ctx).filter(|b| b.hint) {
            items.push(vec![
                Span::styled(keymap::keys_label(b), th.key()),
                Span::raw(format!(" {}", b.cmd.text())),
            ]);
        }
    }
    fit_items(items, "  ", cols)
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
            // One column goes to the space before the text.
            let text = truncate(
                &sanitize_line(&st.text),
                (area.width as usize).saturating_sub(1),
            );
            Line::styled(format!(" {text}"), style)
        }
        None => {
            let hints = hint_line(
                &keymap::active_contexts(m),
                th,
                (area.width as usize).saturating_sub(1),
            );
            let mut spans = vec![Span::raw(" ")];
            spans.extend(hints.spans);
            Line::from(spans).style(th.status_bar())
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
