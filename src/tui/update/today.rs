//! Keys on the Today tab: move through the check-in, jump to an item in its own tab with
//! its client switched, copy a post's text, mark it published.

use chrono::{DateTime, Duration, Utc};

use super::post_form;
use super::shared::say;
use crate::domain::report::PeriodKind;
use crate::domain::strategy::Part;
use crate::i18n::{fill, t};
use crate::tui::action::{Clip, Command};
use crate::tui::calendar::View;
use crate::tui::effect::Effect;
use crate::tui::model::{Model, Section, StatusKind, Tab};
use crate::tui::today::{Line, REFRESH_SECONDS, selectable, selected};

/// Asks for the check-in when it is on screen and old (or was never asked for).
pub fn sync(m: &mut Model) -> Vec<Effect> {
    if m.tab != Tab::Today || m.data.clients.is_empty() {
        return vec![];
    }
    let fresh = m
        .today
        .loaded_at
        .is_some_and(|at: DateTime<Utc>| m.now - at < Duration::seconds(REFRESH_SECONDS));
    if fresh {
        return vec![];
    }
    m.today.loaded_at = Some(m.now);
    vec![Effect::LoadToday]
}

/// Asks for a fresh check-in (something changed).
pub fn stale(m: &mut Model) {
    m.today.loaded_at = None;
}

pub fn loaded(m: &mut Model, t: Box<crate::today::Today>) {
    let n = selectable(&t).len();
    m.today.summary = Some(t);
    m.today.cursor.clamp(n);
}

fn switch_client(m: &mut Model, client: i64) -> Vec<Effect> {
    if m.current == Some(client) {
        return vec![];
    }
    m.current = Some(client);
    vec![Effect::RememberClient(client)]
}

/// Opens the item under the cursor in its own tab.
fn jump(m: &mut Model) -> Vec<Effect> {
    let (Some(line), Some(td)) = (selected(&m.today), m.today.summary.as_deref().cloned()) else {
        return vec![];
    };
    let (client, effects_after): (i64, fn(&mut Model)) = match line {
        Line::PostLate(i) | Line::PostDue(i) => {
            let p = if let Line::PostLate(_) = line {
                &td.posts_late[i]
            } else {
                &td.posts_due[i]
            };
            m.calendar.day = Some(p.local_time.date());
            m.calendar.view = View::Month;
            m.calendar.jump = Some(p.id);
            m.calendar.loaded = None;
            (p.client_id, |m| m.tab = Tab::Calendar)
        }
        Line::Inbox(i) => {
            let l = &td.inbox[i];
            m.all_clients = false;
            m.inbox.filter = Default::default();
            m.inbox.jump = l.oldest_item_id;
            m.inbox.loaded = None;
            (l.client_id, |m| m.tab = Tab::Inbox)
        }
        Line::Objective(i) => {
            let o = &td.objectives_at_risk[i];
            m.strategy.jump = Some((Part::Objective, o.objective_id));
            (o.client_id, |m| {
                m.tab = Tab::Strategy;
                m.strategy.open = Some(Section::Objectives);
                m.strategy.pane = 0;
            })
        }
        Line::Budget(i) => {
            let b = &td.budget_alerts[i];
            m.strategy.month = Some(b.month);
            (b.client_id, |m| {
                m.tab = Tab::Strategy;
                m.strategy.open = Some(Section::Budget);
                m.strategy.pane = 1;
            })
        }
        Line::Campaign(i) => {
            let c = &td.campaigns[i];
            m.strategy.jump = Some((Part::Campaign, c.campaign_id));
            (c.client_id, |m| {
                m.tab = Tab::Strategy;
                m.strategy.open = Some(Section::Campaigns);
                m.strategy.pane = 0;
            })
        }
        Line::Review(i) => {
            let r = &td.reviews_due[i];
            let week = crate::domain::report::Period::parse_week(&r.week);
            m.report.kind = Some(PeriodKind::Week);
            m.report.anchor = week.map(|w| w.from);
            (r.client_id, |m| m.tab = Tab::Report)
        }
        Line::Reconnect(i) => {
            let r = td.reconnect[i].clone();
            return reconnect(m, &r);
        }
        Line::Header(..) => return vec![],
    };
    let effects = switch_client(m, client);
    effects_after(m);
    // The strategy loaded for another client would reset the month and jump: keep them.
    if m.plan.client_id != client {
        let keep = (
            m.strategy.month,
            m.strategy.jump,
            m.strategy.open,
            m.strategy.pane,
        );
        m.plan.client_id = 0;
        m.plan_requested = None;
        m.strategy_after_load = Some(keep);
    }
    let name = m.client(client).map(|c| c.name.clone()).unwrap_or_default();
    say(
        m,
        StatusKind::Info,
        fill(t().forms.now_working_on, &[("name", &name)]),
    );
    effects
}

pub fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let len = m
        .today
        .summary
        .as_deref()
        .map_or(0, |t| selectable(t).len());
    let c = &mut m.today.cursor;
    match cmd {
        _ if c.moved(cmd, len) => {}
        Command::Open => return jump(m),
        Command::Copy | Command::MarkPublished => {
            let post = match (selected(&m.today), m.today.summary.as_deref()) {
                (Some(Line::PostLate(i)), Some(t)) => Some(t.posts_late[i].post.clone()),
                (Some(Line::PostDue(i)), Some(t)) => Some(t.posts_due[i].post.clone()),
                _ => None,
            };
            let Some(p) = post else {
                say(m, StatusKind::Info, t().today.today_post_only.to_string());
                return vec![];
            };
            if cmd == Command::Copy {
                let (text, platform) = post_form::text_to_publish(m, &p);
                return vec![Effect::Copy {
                    text,
                    clip: Clip::Post { platform },
                }];
            }
            post_form::open_published(m, &p);
        }
        _ => {}
    }
    vec![]
}

/// Enter on "reconnect": the client switcher, on the account, in its accounts pane
/// (where `C` connects it again).
fn reconnect(m: &mut Model, r: &crate::today::ReconnectLine) -> Vec<Effect> {
    let effects = switch_client(m, r.client_id);
    super::switcher::open(m);
    // The connection names its account; its handle is the server's spelling.
    let account = m
        .data
        .connections
        .iter()
        .find(|c| c.client_id == r.client_id && c.handle == r.account)
        .map(|c| c.account_id);
    let index = m
        .accounts_of(r.client_id)
        .position(|a| Some(a.id) == account);
    if let Some(crate::tui::model::Overlay::Switcher(s)) = m.overlays.last_mut() {
        s.focus = crate::tui::model::SwitcherFocus::Accounts;
        if let Some(i) = index {
            s.accounts.select(i);
        }
    }
    say(
        m,
        StatusKind::Info,
        t().live.today_reconnect_how.to_string(),
    );
    effects
}
