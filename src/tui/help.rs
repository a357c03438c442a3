//! The help overlay's content and scrolling: what it lists (generated from the keymap,
//! for the screen under it) and how far it can scroll. `update` scrolls with it and the
//! view draws it, so both agree on the number of lines and the size of a page.

use ratatui::layout::Rect;

use super::keymap::{self, Binding, Ctx};
use super::model::{HelpState, Model};
use super::widgets::popup::centered;

/// One line of the help.
pub enum Entry {
    Title(Ctx),
    Key(&'static Binding),
    Blank,
    /// Where the data lives.
    Database,
}

/// The lines of the help for the screen with only the first `depth` overlays open.
pub fn entries(m: &Model, depth: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    for ctx in keymap::contexts_below(m, depth) {
        out.push(Entry::Title(ctx));
        out.extend(keymap::bindings(ctx).map(Entry::Key));
        out.push(Entry::Blank);
    }
    out.push(Entry::Database);
    out
}

/// The help's box in a frame of `area`.
pub fn rect(area: Rect) -> Rect {
    centered(area, 64, area.height.saturating_sub(2))
}

/// Lines that fit in the box at once (inside its border).
pub fn page(size: (u16, u16)) -> u16 {
    rect(Rect::new(0, 0, size.0, size.1))
        .height
        .saturating_sub(2)
        .max(1)
}

/// The farthest the help scrolls: its last line at the bottom of the box.
pub fn max_scroll(m: &Model, depth: usize) -> u16 {
    let len = u16::try_from(entries(m, depth).len()).unwrap_or(u16::MAX);
    len.saturating_sub(page(m.size))
}

/// Moves the help open at `depth` for a command; true when the command was a move.
pub fn scroll(m: &Model, depth: usize, h: &mut HelpState, cmd: super::action::Command) -> bool {
    use super::action::Command as C;
    let (page, max) = (page(m.size), max_scroll(m, depth));
    let to = match cmd {
        C::Down => h.scroll.saturating_add(1),
        C::Up => h.scroll.saturating_sub(1),
        C::PageDown => h.scroll.saturating_add(page),
        C::PageUp => h.scroll.saturating_sub(page),
        C::Top => 0,
        C::Bottom => max,
        _ => return false,
    };
    h.scroll = to.min(max);
    true
}
