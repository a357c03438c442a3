use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::metric::Metric;
use crate::domain::report::PeriodKind;
use crate::domain::{ClientDraft, Platform};
use crate::tui::model::{FormPurpose, Overlay, Tab};
use crate::tui::report::period;
use crate::tui::testing::Harness;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn one_client() -> Harness {
    let mut h = Harness::empty();
    let mut c = ClientDraft::new("Studio Nord");
    c.timezone = "Europe/Paris".into();
    h.store.insert_client(&c, h.clock.0).unwrap();
    h.act(crate::tui::action::Action::Loaded(
        crate::tui::effect::load(&h.store).unwrap(),
    ));
    h.press('5');
    assert_eq!(h.model.tab, Tab::Report);
    h
}

#[test]
fn periods_move_and_change_kind() {
    let mut h = one_client();
    // Sunday 22 November: that week still runs; the review opens on the one before.
    let p = period(&h.model);
    assert_eq!(
        (p.kind, p.from, p.to),
        (PeriodKind::Week, d(2026, 11, 9), d(2026, 11, 15))
    );
    assert!(
        h.model.report.report.is_some(),
        "the report of the period is built"
    );
    assert!(!h.model.report.report.as_ref().unwrap().in_progress);
    // Following the last complete period, `m` and `w` show the last complete month and
    // week.
    h.press('m');
    assert_eq!(period(&h.model).label(), "2026-10");
    h.press('w');
    assert_eq!(period(&h.model).label(), "2026-W46");
    h.press(']');
    assert_eq!(period(&h.model).label(), "2026-W47");
    let r = h.model.report.report.as_ref().unwrap();
    assert!(r.in_progress, "the running week says so");
    h.press('[');
    h.press('[');
    assert_eq!(period(&h.model).label(), "2026-W45");
    // A week picked by hand: `m` shows its month.
    h.press('m');
    assert_eq!(period(&h.model).label(), "2026-11");
    h.press(']');
    assert_eq!(
        period(&h.model).label(),
        "2026-11",
        "the month still running is the latest: no figures of the future"
    );
    h.press('t');
    assert_eq!(
        period(&h.model).label(),
        "2026-10",
        "back to the last complete month"
    );
    h.press('p');
    h.ctrl('u');
    h.type_text("2026-10-01");
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.ctrl('u');
    h.type_text("2026-10-15");
    h.ctrl('s');
    let p = period(&h.model);
    assert_eq!(
        (p.kind, p.from, p.to),
        (PeriodKind::Custom, d(2026, 10, 1), d(2026, 10, 15))
    );
    assert_eq!(
        h.model.report.report.as_ref().unwrap().previous.from,
        d(2026, 9, 16)
    );
    h.press('[');
    assert_eq!(period(&h.model).to, d(2026, 9, 30));
}

#[test]
fn next_stops_at_the_period_still_running_and_says_so() {
    let mut h = one_client();
    h.press(']');
    assert_eq!(period(&h.model).label(), "2026-W47");
    assert!(h.model.status.is_none());
    h.press(']');
    assert_eq!(
        period(&h.model).label(),
        "2026-W47",
        "no week of the future"
    );
    let status = h.model.status.as_ref().expect("a message says why");
    assert_eq!(status.text, crate::i18n::t().report.report_latest);
    // A custom span that reaches today cannot move on either.
    h.press('p');
    h.ctrl('u');
    h.type_text("2026-11-10");
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.ctrl('u');
    h.type_text("2026-11-25");
    h.ctrl('s');
    h.press(']');
    assert_eq!(period(&h.model).from, d(2026, 11, 10));
    h.press('[');
    assert_eq!(period(&h.model).from, d(2026, 10, 25));
}

/// Instagram reach of 1,000 on Monday 9 and 941 on Wednesday 11 November (the week the
/// report opens on), followers 1,500 on Friday 13, and Facebook reach 300.
fn with_a_week_of_figures() -> Harness {
    let mut h = one_client();
    let c = h.model.current.unwrap();
    let v = |platform, day, metric, value| crate::domain::kpi::DailyValue {
        platform,
        day: d(2026, 11, day),
        metric,
        value,
    };
    h.store
        .transaction(|tx| {
            tx.upsert_daily(
                c,
                &[
                    v(Platform::Instagram, 9, Metric::Reach, 1000),
                    v(Platform::Instagram, 11, Metric::Reach, 941),
                    v(Platform::Instagram, 13, Metric::Followers, 1500),
                    v(Platform::Instagram, 11, Metric::Likes, 40),
                    v(Platform::Facebook, 10, Metric::Reach, 300),
                ],
                |_| {},
            )
        })
        .unwrap();
    h.act(crate::tui::action::Action::DataVersion(-1));
    h.press('1');
    h.press('5');
    assert_eq!(
        h.model.report.report.as_ref().unwrap().totals["reach"].value,
        Some(2241.0)
    );
    h
}

fn week_form(h: &Harness) -> &crate::tui::widgets::form::Form {
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) if matches!(f.purpose, FormPurpose::KpiWeek(_)) => &f.form,
        other => panic!("the week's form: {other:?}"),
    }
}

/// Focuses the field of `metric` in the week's form.
fn focus(h: &mut Harness, metric: Metric) {
    while week_form(h).fields[week_form(h).focus].key != metric.key() {
        h.key(KeyCode::Tab, KeyModifiers::NONE);
    }
}

#[test]
fn the_week_form_shows_the_stored_figures_and_saves_what_is_typed() {
    let mut h = with_a_week_of_figures();
    h.press('e');
    // No account: the first platform with figures this week; `i` picks Instagram.
    assert_eq!(
        week_form(&h).choice_value("platform").as_deref(),
        Some("facebook")
    );
    h.press('i');
    let f = week_form(&h);
    assert_eq!(f.choice_value("platform").as_deref(), Some("instagram"));
    assert_eq!(f.text_value("reach"), "1941", "the week's sum");
    assert_eq!(f.text_value("followers"), "1500");
    assert_eq!(f.text_value("likes"), "40");
    assert_eq!(f.text_value("impressions"), "");
    // Reach becomes 5,000 (not 1,941 + 5,000); likes are emptied: removed.
    focus(&mut h, Metric::Reach);
    h.ctrl('u');
    h.type_text("5000");
    focus(&mut h, Metric::Likes);
    h.ctrl('u');
    h.ctrl('s');
    assert!(h.model.overlays.is_empty(), "saved");
    let c = h.model.current.unwrap();
    let sums = h
        .store
        .kpi_sums(c, d(2026, 11, 9), d(2026, 11, 15))
        .unwrap();
    let get = |p: Platform, m: Metric| {
        sums.iter()
            .find(|s| s.metric == m && s.platform == p)
            .map(|s| s.value)
    };
    assert_eq!(get(Platform::Instagram, Metric::Reach), Some(5000));
    assert_eq!(get(Platform::Instagram, Metric::Likes), None);
    assert_eq!(
        get(Platform::Facebook, Metric::Reach),
        Some(300),
        "other platforms stay"
    );
    // The followers count was left as shown: still Friday's, not rewritten on Sunday.
    let f = h.store.followers_at(c, d(2026, 11, 15)).unwrap();
    assert_eq!(f, vec![(Platform::Instagram, d(2026, 11, 13), 1500)]);
    let r = h.model.report.report.as_ref().unwrap();
    assert_eq!(
        r.totals["reach"].value,
        Some(5300.0),
        "the report is rebuilt"
    );
    // Opened again: the form shows what was saved.
    h.press('e');
    h.press('i');
    assert_eq!(week_form(&h).text_value("reach"), "5000");
    assert_eq!(week_form(&h).text_value("likes"), "");
}

#[test]
fn the_week_form_follows_its_platform_and_says_when_nothing_changed() {
    let mut h = with_a_week_of_figures();
    h.press('e');
    h.ctrl('s');
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => assert_eq!(
            f.form.error.as_deref(),
            Some(crate::i18n::t().report.err_figures_unchanged)
        ),
        _ => panic!("the form stays"),
    }
    // Facebook's reach shows; typing over it saves it.
    assert_eq!(week_form(&h).fields[week_form(&h).focus].key, "platform");
    assert_eq!(week_form(&h).text_value("reach"), "300");
    assert_eq!(week_form(&h).text_value("followers"), "");
    // Instagram's figures replace them when the platform changes.
    h.press('i');
    assert_eq!(week_form(&h).text_value("reach"), "1941");
    assert_eq!(week_form(&h).text_value("followers"), "1500");
    h.key(KeyCode::Left, KeyModifiers::NONE);
    assert_eq!(
        week_form(&h).choice_value("platform").as_deref(),
        Some("facebook")
    );
    assert_eq!(week_form(&h).text_value("reach"), "300");
    focus(&mut h, Metric::Reach);
    h.ctrl('u');
    h.type_text("420");
    h.ctrl('s');
    assert!(h.model.overlays.is_empty());
    let r = h.model.report.report.as_ref().unwrap();
    assert_eq!(r.totals["reach"].value, Some(1941.0 + 420.0));
}

#[test]
fn an_empty_week_form_says_so() {
    let mut h = one_client();
    h.press('e');
    h.ctrl('s');
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => assert!(f.form.error.is_some()),
        _ => panic!("the form stays"),
    }
}

fn builds(effects: &[crate::tui::effect::Effect]) -> bool {
    effects
        .iter()
        .any(|e| matches!(e, crate::tui::effect::Effect::LoadReport { .. }))
}

/// The report on screen, as a fresh build of the same client and period would be.
fn as_built_now(h: &Harness) -> (String, String) {
    let client = h.model.current_client().unwrap().clone();
    let fresh = crate::report::build(&h.store, &client, period(&h.model), h.clock.0).unwrap();
    (
        format!("{:?}", h.model.report.report.as_deref().unwrap()),
        format!("{fresh:?}"),
    )
}

#[test]
fn periods_either_side_are_built_ahead_and_dropped_with_any_change() {
    let mut h = Harness::demo();
    h.press('5');
    let p = period(&h.model);
    let kept: Vec<_> = h
        .model
        .report
        .kept
        .keys()
        .map(|((_, q), ready)| (*q, ready))
        .collect();
    assert!(kept.contains(&(p.shift(1), true)), "{kept:?}");
    assert!(kept.contains(&(p.shift(-1), true)), "{kept:?}");
    assert!(!builds(&h.press('[')), "the week before was built ahead");
    let (shown, fresh) = as_built_now(&h);
    assert_eq!(shown, fresh);
    assert!(!builds(&h.press(']')), "the week left is kept");
    assert!(!builds(&h.press('m')), "the week's month was built ahead");
    assert_eq!(period(&h.model).kind, PeriodKind::Month);
    let (shown, fresh) = as_built_now(&h);
    assert_eq!(shown, fresh);
    // Marking a reply on the Inbox tab counts in the report: every report kept goes.
    h.press('4');
    h.press('m');
    assert!(h.model.report.kept.is_empty() && h.model.report.loaded.is_none());
    assert!(builds(&h.press('5')));
    let (shown, fresh) = as_built_now(&h);
    assert_eq!(shown, fresh);
}

#[test]
fn the_week_form_offers_the_clients_platforms_and_a_platform_change_is_no_edit() {
    let mut h = with_a_week_of_figures();
    let c = h.model.current.unwrap();
    h.store
        .insert_account(
            c,
            &crate::domain::AccountDraft {
                platform: Platform::Tiktok,
                handle: "@nord".into(),
            },
            h.clock.0,
        )
        .unwrap();
    h.act(crate::tui::action::Action::Loaded(
        crate::tui::effect::load(&h.store).unwrap(),
    ));
    h.press('5');
    h.press('e');
    // The account's platform first, then those with figures this week: not all 12.
    let options: Vec<String> = match &week_form(&h).field("platform").unwrap().kind {
        crate::tui::widgets::form::FieldKind::Choice { options, .. } => {
            options.iter().map(|o| o.value.clone()).collect()
        }
        other => panic!("a choice: {other:?}"),
    };
    assert_eq!(options, ["tiktok", "facebook", "instagram"]);
    // Another platform shows its stored figures: nothing typed, Esc just closes.
    h.press('i');
    assert_eq!(week_form(&h).text_value("reach"), "1941");
    assert!(!week_form(&h).is_dirty());
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(h.model.overlays.is_empty(), "{:?}", h.model.overlays.last());
    // Something typed still asks.
    h.press('e');
    focus(&mut h, Metric::Reach);
    h.type_text("7");
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Confirm(_))));
}

/// At 80x24 `j` stops when the last figure is at the bottom and the side pane's budget is
/// on screen; the header stays whole however far it went.
#[test]
fn scrolling_stops_at_the_last_row_and_reaches_the_side_pane() {
    let mut h = Harness::demo();
    h.model.size = (80, 24);
    h.press('5');
    h.press('m');
    assert_eq!(period(&h.model).label(), "2026-10");
    let top = h.screen(80, 24);
    let budget = crate::i18n::t().strategy.section_titles[2];
    assert!(!top.contains(budget), "below the fold at first:\n{top}");
    let most = crate::tui::views::report::max_scroll(&h.model);
    assert!(most > 0);
    for _ in 0..40 {
        h.press('j');
    }
    assert_eq!(h.model.report.scroll, most, "clamped");
    let screen = h.screen(80, 24);
    assert!(screen.contains(budget), "the side pane scrolled:\n{screen}");
    // The header is the one at the top: the columns hold still while scrolling.
    let header = |s: &str| {
        s.lines()
            .find(|l| l.contains("Metric"))
            .and_then(|l| l.split("││").next())
            .map(str::to_string)
    };
    assert_eq!(header(&screen), header(&top), "{screen}");
    // The last figure is on screen, on the table's last row (no empty space below).
    let r = h.model.report.report.as_ref().unwrap();
    let last = crate::io::report::shown_keys(&r.totals)
        .last()
        .map(|k| crate::io::report::key_name(k))
        .unwrap();
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows.iter().position(|l| l.contains(last)).expect(last);
    assert!(rows[at + 1].contains('└'), "{screen}");
    // One `k` moves back at once.
    h.press('k');
    assert_eq!(h.model.report.scroll, most - 1);
}
