//! The Calendar tab's state: a month grid, a week by hour, or the agenda list; the
//! selected day and post; the posts of the dates on screen.

use chrono::{Datelike, Duration, NaiveDate};

use super::model::Model;
use super::strategy::client_today;
use super::widgets::table::ListCursor;
use crate::domain::Account;
use crate::domain::post::Post;
use crate::store::PostFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Month,
    Week,
    List,
}

#[derive(Debug, Clone, Default)]
pub struct CalendarState {
    pub view: View,
    /// The selected day; `None` follows today.
    pub day: Option<NaiveDate>,
    /// The selected post among the selected day's.
    pub post: usize,
    /// Posts of the loaded range, by time.
    pub posts: Vec<Post>,
    /// (client or all, first day, day after the last) of `posts`; `None` asks for a load.
    pub loaded: Option<(Option<i64>, NaiveDate, NaiveDate)>,
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

/// Monday of the week holding `d`.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
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

/// The posts of a day, by time.
pub fn posts_of(m: &Model, day: NaiveDate) -> Vec<&Post> {
    m.calendar
        .posts
        .iter()
        .filter(|p| p.day() == Some(day))
        .collect()
}

/// The post the actions apply to: the selected one of the day, or the agenda's.
pub fn selected_post(m: &Model) -> Option<&Post> {
    match m.calendar.view {
        View::List => m.calendar.list.get(m.calendar.list_cursor.selected),
        _ => {
            let posts = posts_of(m, selected_day(m));
            posts
                .get(m.calendar.post.min(posts.len().saturating_sub(1)))
                .copied()
        }
    }
}

/// `[IG FB] ` marks of a post's platforms.
pub fn marks(p: &Post, accounts: &[Account]) -> String {
    let mut marks: Vec<&str> = p
        .accounts
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
