//! Keys on the Strategy tab: move between the overview's panels, open a section, move
//! between its panes and rows, create, edit, delete, change the budget month.

use super::shared::say;
use super::strategy_forms;
use crate::domain::strategy::{Part, Plan, add_months, plan_to_copy};
use crate::i18n::{fill, t};
use crate::tui::action::Command;
use crate::tui::effect::Effect;
use crate::tui::model::{Model, Section, StatusKind};
use crate::tui::strategy::{budget_month, ids, selected_id};

pub fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    match m.strategy.open {
        None => overview(m, cmd),
        Some(section) => section_command(m, section, cmd),
    }
}

fn overview(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let i = m.strategy.panel.index();
    let go = |i: usize| Section::ALL[i % Section::ALL.len()];
    match cmd {
        Command::Left => m.strategy.panel = go(if i.is_multiple_of(3) { i + 2 } else { i - 1 }),
        Command::Right => m.strategy.panel = go(if i % 3 == 2 { i - 2 } else { i + 1 }),
        Command::Up | Command::Down => m.strategy.panel = go((i + 3) % 6),
        Command::Open => {
            m.strategy.open = Some(m.strategy.panel);
            m.strategy.pane = 0;
        }
        Command::New => strategy_forms::open(m, m.strategy.panel.panes()[0], 0),
        Command::EditTone => strategy_forms::open_tone(m),
        _ => {}
    }
    vec![]
}

fn section_command(m: &mut Model, section: Section, cmd: Command) -> Vec<Effect> {
    let part = m.strategy.focused_part();
    let len = ids(m, part).len();
    let panes = section.panes().len();
    let cursor = m.strategy.cursor_mut(part);
    match cmd {
        _ if cursor.moved(cmd, len) => {}
        Command::Left => m.strategy.pane = (m.strategy.pane + panes - 1) % panes,
        Command::Right => m.strategy.pane = (m.strategy.pane + 1) % panes,
        Command::Back => m.strategy.open = None,
        Command::New => {
            if part == Part::CompetitorNote && m.plan.competitors.is_empty() {
                say(
                    m,
                    StatusKind::Info,
                    t().strategy.need_competitor_first.to_string(),
                );
            } else {
                strategy_forms::open(m, part, 0);
            }
        }
        Command::Edit | Command::Open => {
            if let Some(id) = selected_id(m, part) {
                strategy_forms::open(m, part, id);
            }
        }
        Command::Delete => {
            if let Some(id) = selected_id(m, part) {
                return vec![Effect::Trash {
                    part,
                    id,
                    deleted: true,
                }];
            }
        }
        Command::PrevMonth | Command::NextMonth if section == Section::Budget => {
            let delta = if cmd == Command::NextMonth { 1 } else { -1 };
            m.strategy.month = Some(add_months(budget_month(m), delta));
            for p in [Part::BudgetLine, Part::Expense] {
                m.strategy.cursor_mut(p).top();
            }
        }
        Command::CopyLastMonth if section == Section::Budget => return copy_last_month(m),
        Command::EditTone if section == Section::Editorial => strategy_forms::open_tone(m),
        _ => {}
    }
    if part == Part::Competitor
        && matches!(
            cmd,
            Command::Up
                | Command::Down
                | Command::Top
                | Command::Bottom
                | Command::PageUp
                | Command::PageDown
        )
    {
        m.strategy.cursor_mut(Part::CompetitorNote).top();
    }
    vec![]
}

/// Copies into the month on screen the lines of the month before that it lacks; says so
/// when there is nothing to copy.
fn copy_last_month(m: &mut Model) -> Vec<Effect> {
    let Some(client) = m.current else {
        return vec![];
    };
    let to = budget_month(m);
    let from = add_months(to, -1);
    let lines = plan_to_copy(&m.plan.budget_lines, from, to);
    if lines.is_empty() {
        let s = t();
        let has_plan = m.plan.budget_lines.iter().any(|l| l.month == from);
        let text = if has_plan {
            s.strategy.budget_copy_all_there
        } else {
            s.strategy.budget_copy_none
        };
        let month = crate::i18n::format::month(from);
        say(m, StatusKind::Info, fill(text, &[("month", &month)]));
        return vec![];
    }
    vec![Effect::CopyBudget {
        client,
        lines,
        from,
    }]
}

/// Keeps every strategy cursor inside its list after the plan changed.
/// A client's strategy arrived from the store.
pub fn plan_loaded(m: &mut Model, plan: Plan) {
    if m.plan.client_id != plan.client_id {
        m.strategy = Default::default();
        // A jump from Today chose the section, month and row: keep them.
        if let Some((month, jump, open, pane)) = m.strategy_after_load.take() {
            m.strategy.month = month;
            m.strategy.jump = jump;
            m.strategy.open = open;
            m.strategy.pane = pane;
        }
    }
    m.plan = plan;
    if let Some((part, id)) = m.strategy.jump.take()
        && let Some(i) = ids(m, part).iter().position(|x| *x == id)
    {
        m.strategy.cursor_mut(part).select(i);
    }
    clamp(m);
}

pub fn clamp(m: &mut Model) {
    for part in Part::ALL {
        let len = ids(m, part).len();
        m.strategy.cursor_mut(part).clamp(len);
    }
}
