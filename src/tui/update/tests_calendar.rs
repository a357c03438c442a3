use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::post::{Post, PostStatus};
use crate::domain::{AccountDraft, ClientDraft, Platform};
use crate::store::PostFilter;
use crate::tui::calendar::{View, grid_range, posts_of, selected_day, selected_post};
use crate::tui::effect::Effect;
use crate::tui::model::{FormPurpose, Overlay, Tab};
use crate::tui::testing::Harness;

fn key(h: &mut Harness, code: KeyCode) {
    h.key(code, KeyModifiers::NONE);
}

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// One client in Paris with Instagram and X accounts, and a post on Saturday Oct 24,
/// 2026 at 09:00, the day before clocks go back.
fn paris() -> (Harness, i64, i64, i64) {
    let mut h = Harness::empty();
    let mut d = ClientDraft::new("Studio Nord");
    d.timezone = "Europe/Paris".into();
    let c = h.store.insert_client(&d, h.clock.0).unwrap();
    let ig = h
        .store
        .insert_account(
            c,
            &AccountDraft {
                platform: Platform::Instagram,
                handle: "@nord".into(),
            },
            h.clock.0,
        )
        .unwrap();
    let x = h
        .store
        .insert_account(
            c,
            &AccountDraft {
                platform: Platform::X,
                handle: "@nord_x".into(),
            },
            h.clock.0,
        )
        .unwrap();
    let mut p = Post {
        client_id: c,
        accounts: vec![ig],
        title: "Autumn menu".into(),
        body: "New menu".into(),
        ..Post::default()
    };
    p.schedule(
        Some(local("2026-10-24 09:00")),
        "Europe/Paris".parse().unwrap(),
    );
    h.store
        .transaction(|tx| tx.save_post(&p, h.clock.0))
        .unwrap();
    h.act(crate::tui::action::Action::Loaded(
        crate::tui::effect::load(&h.store).unwrap(),
    ));
    h.press('3');
    assert_eq!(h.model.tab, Tab::Calendar);
    h.model.calendar.day = Some(NaiveDate::from_ymd_opt(2026, 10, 24).unwrap());
    let _ = h.act(crate::tui::action::Action::Tick(h.clock.0));
    (h, c, ig, x)
}

fn only_post(h: &Harness, c: i64) -> Post {
    let all = h
        .store
        .posts_matching(&PostFilter {
            client: Some(c),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 1);
    all.into_iter().next().unwrap()
}

#[test]
fn days_weeks_months_and_today() {
    let mut h = Harness::demo();
    h.press('3');
    let today = selected_day(&h.model);
    h.press('l');
    assert_eq!(selected_day(&h.model), today + chrono::Duration::days(1));
    h.press('j');
    assert_eq!(selected_day(&h.model), today + chrono::Duration::days(8));
    h.press('k');
    h.press('h');
    assert_eq!(selected_day(&h.model), today);
    h.press(']');
    assert_eq!(
        selected_day(&h.model),
        NaiveDate::from_ymd_opt(2026, 12, 22).unwrap()
    );
    h.press('t');
    assert_eq!(selected_day(&h.model), today);
    h.press('w');
    assert_eq!(h.model.calendar.view, View::Week);
    h.press('L');
    assert_eq!(h.model.calendar.view, View::List);
    assert!(!h.model.calendar.list.is_empty());
    let sel = selected_post(&h.model).unwrap();
    assert!(
        sel.day().unwrap() >= today,
        "the agenda opens on the first post from the selected day"
    );
    h.press('m');
    assert_eq!(h.model.calendar.view, View::Month);
}

#[test]
fn moving_a_post_across_daylight_saving_keeps_its_wall_clock_time() {
    let (mut h, c, _, _) = paris();
    assert_eq!(posts_of(&h.model, selected_day(&h.model)).len(), 1);
    h.press('>');
    h.press('>');
    let p = only_post(&h, c);
    assert_eq!(p.local, Some(local("2026-10-26 09:00")));
    assert_eq!(
        p.at.unwrap().to_rfc3339(),
        "2026-10-26T08:00:00+00:00",
        "09:00 CET"
    );
    assert_eq!(
        selected_day(&h.model),
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        "the selection follows the post"
    );
    assert_eq!(selected_post(&h.model).map(|p| p.id), Some(p.id));
    h.press('u');
    let p = only_post(&h, c);
    assert_eq!(
        p.local,
        Some(local("2026-10-25 09:00")),
        "undo takes back one move"
    );
}

#[test]
fn new_post_with_keys_and_the_over_limit_question() {
    let (mut h, c, _ig, x) = paris();
    h.press('l');
    h.press('n');
    // Accounts: tick X (second option).
    key(&mut h, KeyCode::Right);
    h.press(' ');
    key(&mut h, KeyCode::Tab);
    key(&mut h, KeyCode::Tab);
    // Status: ready.
    h.press('r');
    key(&mut h, KeyCode::Tab);
    h.type_text("Long one");
    key(&mut h, KeyCode::Tab);
    h.type_text(&"日本".repeat(75));
    let footer = match h.model.overlays.last() {
        Some(Overlay::Form(f)) => f.form.footer.clone(),
        _ => panic!(),
    };
    assert_eq!(footer, vec![("X 300/280".to_string(), true)]);
    let effects = h.ctrl('s');
    assert!(effects.is_empty());
    assert!(
        matches!(h.model.overlays.last(), Some(Overlay::Confirm(_))),
        "asks before saving over the limit"
    );
    h.press('n');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Form(_))));
    h.ctrl('s');
    let effects = h.press('y');
    assert!(matches!(&effects[0], Effect::SavePost { .. }));
    assert!(h.model.overlays.is_empty());
    let posts = h
        .store
        .posts_matching(&PostFilter {
            client: Some(c),
            ..Default::default()
        })
        .unwrap();
    let p = posts.iter().find(|p| p.title == "Long one").unwrap();
    assert_eq!(p.accounts, vec![x]);
    assert_eq!(p.status, PostStatus::Ready);
    assert_eq!(
        p.local,
        Some(local("2026-10-25 09:00")),
        "a new post lands on the selected day at 09:00"
    );
}

#[test]
fn a_draft_over_the_limit_saves_without_asking() {
    let (mut h, _, _, _) = paris();
    h.press('n');
    key(&mut h, KeyCode::Right);
    h.press(' ');
    for _ in 0..4 {
        key(&mut h, KeyCode::Tab);
    }
    h.type_text(&"a".repeat(300));
    let effects = h.ctrl('s');
    assert!(
        matches!(effects.first(), Some(Effect::SavePost { .. })),
        "{effects:?}"
    );
    assert!(h.model.overlays.is_empty());
}

#[test]
fn published_duplicate_copy_delete() {
    let (mut h, c, ig, x) = paris();
    h.press('p');
    assert!(
        matches!(h.model.overlays.last(), Some(Overlay::Form(f)) if matches!(f.purpose, FormPurpose::Published(_)))
    );
    h.type_text("ftp://nope");
    assert!(h.ctrl('s').is_empty());
    h.ctrl('u');
    h.type_text("https://instagram.com/p/abc");
    h.ctrl('s');
    let p = only_post(&h, c);
    assert_eq!(
        (p.status, p.permalink.as_str()),
        (PostStatus::Published, "https://instagram.com/p/abc")
    );
    h.press('D');
    h.press(' ');
    h.ctrl('s');
    let posts = h
        .store
        .posts_matching(&PostFilter {
            client: Some(c),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(posts.len(), 2);
    let copy = posts
        .iter()
        .find(|p| p.id != posts[0].id || p.accounts == vec![x])
        .unwrap();
    assert_eq!(copy.accounts, vec![x]);
    assert_eq!(copy.status, PostStatus::Draft);
    assert_eq!(copy.local, p.local);
    // y copies the text with the link tagged for the post's platform.
    let mut linked = p.clone();
    linked.link = "https://nord.example/menu".into();
    linked.utm_campaign = "autumn".into();
    h.store
        .transaction(|tx| tx.save_post(&linked, h.clock.0))
        .unwrap();
    crate::tui::update::calendar_stale(&mut h.model);
    let _ = h.act(crate::tui::action::Action::Tick(h.clock.0));
    let sel = selected_post(&h.model).unwrap().clone();
    assert_eq!(sel.accounts, vec![ig]);
    let effects = h.press('y');
    assert_eq!(
        effects,
        vec![Effect::Copy {
            text: "New menu\n\nhttps://nord.example/menu?utm_source=instagram&utm_medium=social&utm_campaign=autumn".into(),
            clip: crate::tui::action::Clip::Post {
                platform: "Instagram".into()
            }
        }]
    );
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "Post text for Instagram copied (system clipboard)."
    );
    h.press('d');
    assert_eq!(posts_of(&h.model, selected_day(&h.model)).len(), 1);
    h.press('u');
    assert_eq!(posts_of(&h.model, selected_day(&h.model)).len(), 2);
}

#[test]
fn agenda_filter() {
    let mut h = Harness::demo();
    h.press('3');
    h.press('L');
    let all = h.model.calendar.list.len();
    h.press('/');
    h.type_text("sourdough");
    h.ctrl('s');
    assert!(h.model.calendar.list.len() < all);
    assert!(
        h.model
            .calendar
            .list
            .iter()
            .all(|p| p.title.to_lowercase().contains("sourdough")
                || p.body.to_lowercase().contains("sourdough"))
    );
}

#[test]
fn the_grid_reads_light_cells_and_the_selected_day_in_full() {
    let (mut h, c, ig, x) = paris();
    // A second post the same day, later, with no title: the cell shows its text's
    // first line; the day's full posts carry everything the actions save back.
    let mut p = Post {
        client_id: c,
        accounts: vec![x, ig],
        body: "Brunch is back\nEvery Sunday".into(),
        notes: "ask for photos".into(),
        ..Post::default()
    };
    p.schedule(
        Some(local("2026-10-24 11:00")),
        "Europe/Paris".parse().unwrap(),
    );
    h.store
        .transaction(|tx| tx.save_post(&p, h.clock.0))
        .unwrap();
    // As another window's write seen at the next tick: the grids read ahead go too.
    crate::tui::update::calendar_stale(&mut h.model);
    h.press('t');
    h.model.calendar.day = Some(NaiveDate::from_ymd_opt(2026, 10, 24).unwrap());
    let _ = h.act(crate::tui::action::Action::Tick(h.clock.0));
    let cells = posts_of(&h.model, selected_day(&h.model));
    let labels: Vec<&str> = cells.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Autumn menu", "Brunch is back"]);
    assert_eq!(cells[1].accounts, vec![ig.min(x), ig.max(x)]);
    h.press('J');
    let sel = selected_post(&h.model).unwrap();
    assert_eq!(
        (sel.body.as_str(), sel.notes.as_str()),
        ("Brunch is back\nEvery Sunday", "ask for photos")
    );
    assert!(h.screen(120, 40).contains("Brunch is back"));
    // Another day of the same grid: that day's posts, no new grid.
    let grid = h.model.calendar.loaded;
    h.press('l');
    assert_eq!(h.model.calendar.loaded, grid);
    assert!(selected_post(&h.model).is_none(), "nothing on the 25th");
    h.press('h');
    assert_eq!(
        selected_post(&h.model).map(|p| p.title.as_str()),
        Some("Autumn menu")
    );
}

fn loads_grid(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::LoadGrid { .. }))
}

#[test]
fn months_either_side_are_read_ahead_and_dropped_with_any_change() {
    let (mut h, c, ig, _) = paris();
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    // October is on screen: September and November are read while no key waits.
    h.press('l');
    let kept: Vec<_> = h
        .model
        .calendar
        .kept
        .keys()
        .map(|(k, _)| (k.1, k.2))
        .collect();
    assert!(kept.contains(&grid_range(day(9, 1))), "{kept:?}");
    assert!(kept.contains(&grid_range(day(11, 1))), "{kept:?}");
    assert!(!loads_grid(&h.press('[')), "September was read ahead");
    let (from, to) = grid_range(day(9, 1));
    assert_eq!(
        h.model.calendar.cells,
        h.store.post_cells_between(Some(c), from, to).unwrap()
    );
    // Back to October: the grid left is kept, with its post.
    assert!(!loads_grid(&h.press(']')));
    assert_eq!(posts_of(&h.model, day(10, 24))[0].label, "Autumn menu");
    assert!(!loads_grid(&h.press(']')), "November was read ahead");
    // Another window adds a post in December: at the next tick every kept grid goes,
    // so December is read again and shows it.
    let mut p = Post {
        client_id: c,
        accounts: vec![ig],
        title: "Advent".into(),
        ..Post::default()
    };
    p.schedule(
        Some(local("2026-12-01 10:00")),
        "Europe/Paris".parse().unwrap(),
    );
    h.store
        .transaction(|tx| tx.save_post(&p, h.clock.0))
        .unwrap();
    let seen = h.model.data_version.unwrap_or(0);
    h.act(crate::tui::action::Action::DataVersion(seen + 1));
    assert!(h.model.calendar.kept.is_empty());
    // (The next tick reads the file's own version back, which counts as a change too.)
    let _ = h.act(crate::tui::action::Action::Tick(h.clock.0));
    let effects = h.press(']');
    assert!(loads_grid(&effects), "{effects:?}");
    assert_eq!(posts_of(&h.model, day(12, 1))[0].label, "Advent");
    // A change made here (moving October's post a day on) drops them as well.
    for _ in 0..2 {
        h.press('[');
    }
    h.model.calendar.day = Some(day(10, 24));
    let _ = h.act(crate::tui::action::Action::Tick(h.clock.0));
    h.press('J');
    assert!(!loads_grid(&h.read_ahead), "both neighbours still kept");
    h.press('>');
    assert_eq!(posts_of(&h.model, day(10, 25))[0].label, "Autumn menu");
    let again = h
        .read_ahead
        .iter()
        .filter(|e| matches!(e, Effect::LoadGrid { .. }))
        .count();
    assert_eq!(again, 2, "both neighbours read again after the move");
}
