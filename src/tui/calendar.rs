//! The Calendar tab's state: a month grid, a week by hour, or the agenda list; the
//! selected day and post; what the grid draws of the posts of the dates on screen, and
//! the selected day's posts in full.

use chrono::{Datelike, Duration, NaiveDate};

use super::kept::Kept;
use super::model::Model;
use super::strategy::client_today;
use super::widgets::table::ListCursor;
use crate::domain::Account;
pub use crate::domain::dates::monday;
use crate::domain::post::{Post, PostCell};
use crate::store::PostFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Month,
    Week,
    List,
}

/// (client or all, first day, day after the last) of a six-week grid.
pub type GridKey = (Option<i64>, NaiveDate, NaiveDate);

/// Grids kept beside the one on screen: the months either side are read while the app
/// waits for a key, and a month left stays, so a flip either way draws at once. Six
/// weeks of every client are ~1,900 cells, some 200 KB.
pub const KEPT_GRIDS: usize = 6;

#[derive(Debug, Clone, Default)]
pub struct CalendarState {
    pub view: View,
    /// The selected day; `None` follows today.
    pub day: Option<NaiveDate>,
    /// The selected post among the selected day's.
    pub post: usize,
    /// What the grid draws of the posts of the loaded range, by time (six weeks of every
    /// client are ~1,900 posts: read light, see [`PostCell`]).
    pub cells: Vec<PostCell>,
    /// The grid on screen, or on its way; `None` asks for a load.
    pub loaded: Option<GridKey>,
    /// The grid `cells` hold (the one before `loaded` while a load is on its way).
    pub cells_of: Option<GridKey>,
    /// Other grids: left a moment ago, or read ahead. Dropped with any change of posts.
    pub kept: Kept<GridKey, Vec<PostCell>, KEPT_GRIDS>,
    /// The selected day's posts in full, in the order of `cells`: what the actions use.
    pub day_posts: Vec<Post>,
    /// (client or all, day) of `day_posts`; `None` asks for a load.
    pub day_loaded: Option<(Option<i64>, NaiveDate)>,
    /// The agenda.
    pub list: Vec<Post>,
    pub list_cursor: ListCursor,
    pub filter: PostFilter,
    pub list_loaded: Option<PostFilter>,
    /// A post to select once the posts of its day are loaded (a jump from Today).
    pub jump: Option<i64>,
}

/// The selected day.
pub fn selected_day(m: &Model) -> NaiveDate {
    m.calendar.day.unwrap_or_else(|| client_today(m))
}

/// The six weeks a month grid shows: from the Monday on or before the 1st.
pub fn grid_range(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    let start = monday(first);
    (start, start + Duration::days(42))
}

/// The client the calendar shows (`None`: all clients).
pub fn scope(m: &Model) -> Option<i64> {
    if m.all_clients { None } else { m.current }
}

/// What the grid draws of a day's posts, by time.
pub fn posts_of(m: &Model, day: NaiveDate) -> &[PostCell] {
    // The cells are sorted by time, so a day is one run of them.
    let cells = &m.calendar.cells;
    let from = cells.partition_point(|c| c.day().is_none_or(|d| d < day));
    let to = from + cells[from..].partition_point(|c| c.day().is_none_or(|d| d <= day));
    &cells[from..to]
}

/// The selected day's posts in full; empty until they are loaded.
pub fn day_posts(m: &Model) -> &[Post] {
    if m.calendar.day_loaded == Some((scope(m), selected_day(m))) {
        &m.calendar.day_posts
    } else {
        &[]
    }
}

/// The post the actions apply to: the selected one of the day, or the agenda's.
pub fn selected_post(m: &Model) -> Option<&Post> {
    match m.calendar.view {
        View::List => m.calendar.list.get(m.calendar.list_cursor.selected),
        _ => {
            let posts = day_posts(m);
            posts.get(m.calendar.post.min(posts.len().saturating_sub(1)))
        }
    }
}

/// `[IG FB] ` marks of the platforms of a post's accounts.
pub fn marks(ids: &[i64], accounts: &[Account]) -> String {
    let mut marks: Vec<&str> = ids
        .iter()
        .filter_map(|id| accounts.iter().find(|a| a.id == *id))
        .map(|a| a.platform.mark().trim())
        .collect();
    marks.dedup();
    if marks.is_empty() {
        String::new()
    } else {
        format!("[{}] ", marks.join(" "))
    }
}

/// The agenda filter with the client scope applied.
pub fn effective_filter(m: &Model) -> PostFilter {
    PostFilter {
        client: scope(m),
        ..m.calendar.filter.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_start_on_monday() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(monday(d), NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
        let (a, b) = grid_range(d);
        assert_eq!(a, NaiveDate::from_ymd_opt(2026, 10, 26).unwrap());
        assert_eq!(b - a, Duration::days(42));
        // A month starting on a Monday starts its grid that day.
        let june = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        assert_eq!(
            grid_range(june).0,
            NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
        );
    }
}
