//! Keys on the Calendar tab, and keeping its posts in step with the dates on screen.

use chrono::{Duration, Months};

use super::post_form;
use super::shared::say;
use crate::domain::post::{Post, PostCell};
use crate::i18n::t;
use crate::tui::action::{Clip, Command};
use crate::tui::calendar::{
    GridKey, View, day_posts, effective_filter, grid_range, posts_of, scope, selected_day,
    selected_post,
};
use crate::tui::effect::Effect;
use crate::tui::model::{Model, StatusKind, Tab};

/// Effects that load the posts of the dates (or the agenda) on screen.
pub fn sync(m: &mut Model) -> Vec<Effect> {
    if m.tab != Tab::Calendar {
        return vec![];
    }
    let mut out = Vec::new();
    let day = selected_day(m);
    let (from, to) = grid_range(day);
    let key = (scope(m), from, to);
    if m.calendar.loaded != Some(key) {
        m.calendar.loaded = Some(key);
        if !show_kept(m, key) {
            out.push(load_grid(key));
        }
    }
    let day_key = (scope(m), day);
    if m.calendar.day_loaded != Some(day_key) {
        m.calendar.day_loaded = Some(day_key);
        m.calendar.day_posts.clear();
        out.push(Effect::LoadDay {
            client: day_key.0,
            day,
        });
    }
    if m.calendar.view == View::List {
        let f = effective_filter(m);
        if m.calendar.list_loaded.as_ref() != Some(&f) {
            m.calendar.list_loaded = Some(f.clone());
            out.push(Effect::LoadAgenda(f));
        }
    }
    out
}

fn load_grid((client, from, to): GridKey) -> Effect {
    Effect::LoadGrid { client, from, to }
}

/// Puts the grid on screen aside and shows `key`'s if it is kept; false when it must
/// be read.
fn show_kept(m: &mut Model, key: GridKey) -> bool {
    let c = &mut m.calendar;
    if c.cells_of == Some(key) {
        // Asked again for the grid on screen: read it again.
        return false;
    }
    let found = c.kept.take(&key);
    if let Some(old) = c.cells_of.take() {
        c.kept.put(old, Some(std::mem::take(&mut c.cells)));
    }
    match found {
        Some(cells) => {
            c.cells = cells;
            c.cells_of = Some(key);
            true
        }
        None => false,
    }
}

/// Work for the time the user is not typing: the grids of the months before and after
/// the one on screen, once it is there, so that `[` and `]` draw without reading.
pub fn idle(m: &mut Model) -> Vec<Effect> {
    let c = &m.calendar;
    if m.tab != Tab::Calendar || c.view == View::List || c.loaded.is_none() {
        return vec![];
    }
    if c.cells_of != c.loaded {
        return vec![];
    }
    let day = selected_day(m);
    let client = scope(m);
    let mut out = Vec::new();
    for near in [
        day.checked_sub_months(Months::new(1)),
        day.checked_add_months(Months::new(1)),
    ]
    .into_iter()
    .flatten()
    {
        let (from, to) = grid_range(near);
        let key = (client, from, to);
        if m.calendar.loaded != Some(key) && !m.calendar.kept.has(&key) {
            m.calendar.kept.put(key, None);
            out.push(load_grid(key));
        }
    }
    out
}

/// Asks for fresh posts after a change.
pub fn stale(m: &mut Model) {
    m.calendar.loaded = None;
    m.calendar.cells_of = None;
    m.calendar.kept.clear();
    m.calendar.day_loaded = None;
    m.calendar.list_loaded = None;
}

pub fn grid_loaded(m: &mut Model, key: GridKey, cells: Vec<PostCell>) {
    let c = &mut m.calendar;
    if c.loaded == Some(key) {
        c.cells = cells;
        c.cells_of = Some(key);
        c.kept.forget(&key);
    } else {
        c.kept.fill(&key, cells);
    }
}

pub fn day_loaded(m: &mut Model, key: (Option<i64>, chrono::NaiveDate), posts: Vec<Post>) {
    if m.calendar.day_loaded != Some(key) {
        return;
    }
    m.calendar.day_posts = posts;
    if let Some(id) = m.calendar.jump.take()
        && let Some(i) = m.calendar.day_posts.iter().position(|p| p.id == id)
    {
        m.calendar.post = i;
    }
    let n = m.calendar.day_posts.len();
    m.calendar.post = m.calendar.post.min(n.saturating_sub(1));
}

pub fn agenda_loaded(m: &mut Model, filter: crate::store::PostFilter, posts: Vec<Post>) {
    if m.calendar.list_loaded.as_ref() != Some(&filter) {
        return;
    }
    let first_load = m.calendar.list.is_empty();
    m.calendar.list = posts;
    if first_load {
        // Open the agenda on the first post from the selected day on.
        let day = selected_day(m);
        let i = m
            .calendar
            .list
            .iter()
            .position(|p| p.day().is_some_and(|d| d >= day))
            .unwrap_or(0);
        m.calendar.list_cursor.select(i);
    }
    let n = m.calendar.list.len();
    m.calendar.list_cursor.clamp(n);
}

fn go(m: &mut Model, days: i64) {
    let d = selected_day(m) + Duration::days(days);
    m.calendar.day = Some(d);
    m.calendar.post = 0;
}

/// Moves the selected post by whole days, keeping its wall-clock time; the selection
/// follows it.
fn move_post(m: &mut Model, days: i64) -> Vec<Effect> {
    let Some(p) = selected_post(m).cloned() else {
        return vec![];
    };
    if p.local.is_none() {
        say(
            m,
            StatusKind::Info,
            t().calendar.post_has_no_date.to_string(),
        );
        return vec![];
    }
    let tz = m.client(p.client_id).map_or(chrono_tz::UTC, |c| c.tz());
    let mut moved = p.clone();
    moved.shift_days(days, tz);
    if m.calendar.view != View::List {
        go(m, days);
        // Stay on the moved post in its new day.
        let day = selected_day(m);
        let after = posts_of(m, day);
        let pos = after
            .iter()
            .position(|x| moved.local.is_some_and(|l| x.local.is_some_and(|x| x > l)))
            .unwrap_or(after.len());
        m.calendar.post = pos;
    }
    vec![Effect::SavePost {
        post: Box::new(moved),
        before: Some(Box::new(p)),
    }]
}

pub fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let list = m.calendar.view == View::List;
    match cmd {
        Command::Left if !list => go(m, -1),
        Command::Right if !list => go(m, 1),
        Command::Up if !list => go(m, -7),
        Command::Down if !list => go(m, 7),
        _ if list && m.calendar.list_cursor.moved(cmd, m.calendar.list.len()) => {}
        Command::Today => {
            m.calendar.day = None;
            m.calendar.post = 0;
        }
        Command::PrevMonth | Command::NextMonth => {
            let d = selected_day(m);
            let d = if cmd == Command::NextMonth {
                d.checked_add_months(Months::new(1))
            } else {
                d.checked_sub_months(Months::new(1))
            };
            m.calendar.day = d.or(m.calendar.day);
            m.calendar.post = 0;
        }
        Command::ViewMonth => m.calendar.view = View::Month,
        Command::ViewWeek => m.calendar.view = View::Week,
        Command::ViewList => {
            m.calendar.view = View::List;
            m.calendar.list.clear();
            m.calendar.list_loaded = None;
        }
        Command::NextPost => {
            let n = day_posts(m).len();
            if m.calendar.post + 1 < n {
                m.calendar.post += 1;
            }
        }
        Command::PrevPost => m.calendar.post = m.calendar.post.saturating_sub(1),
        Command::MovePostBack => return move_post(m, -1),
        Command::MovePostForward => return move_post(m, 1),
        Command::New => post_form::open_new(m),
        Command::Open | Command::Edit => {
            if let Some(p) = selected_post(m).cloned() {
                post_form::open_edit(m, &p);
            } else if !list && cmd == Command::Open {
                post_form::open_new(m);
            }
        }
        Command::Delete => {
            if let Some(p) = selected_post(m) {
                return vec![Effect::TrashPost {
                    id: p.id,
                    deleted: true,
                }];
            }
        }
        Command::Copy => {
            if let Some(p) = selected_post(m).cloned() {
                let (text, platform) = post_form::text_to_publish(m, &p);
                return vec![Effect::Copy {
                    text,
                    clip: Clip::Post { platform },
                }];
            }
        }
        Command::MarkPublished => {
            if let Some(p) = selected_post(m).cloned() {
                post_form::open_published(m, &p);
            }
        }
        Command::Duplicate => {
            if let Some(p) = selected_post(m).cloned() {
                post_form::open_duplicate(m, &p);
            }
        }
        Command::PublishNow => {
            if let Some(p) = selected_post(m).cloned() {
                super::live::ask_publish(m, &p);
            }
        }
        Command::HoldOnServer => {
            if let Some(p) = selected_post(m).cloned() {
                return super::live::hold(m, &p);
            }
        }
        Command::Filter if list => post_form::open_filter(m),
        _ => {}
    }
    vec![]
}
