//! The Today tab: the daily check-in across all clients, most urgent first; the welcome
//! screen when there is no client yet.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::domain::objective::Status;
use crate::domain::text::{sanitize_line, truncate, width};
use crate::i18n::{self, fill, format, t};
use crate::today::text::{budget_line, inbox_line, inbox_line_short, review_line};
use crate::today::{PostLine, Today};
use crate::tui::model::Model;
use crate::tui::theme::Theme;
use crate::tui::today::{Line, Section, lines, selectable};
use crate::tui::widgets::columns::cut_text;

pub fn welcome(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let lines = vec![
        TextLine::raw(""),
        TextLine::styled(s.shell.welcome_title, th.title()),
        TextLine::raw(""),
        TextLine::raw(s.shell.welcome_body),
        TextLine::raw(""),
        TextLine::from(vec![
            Span::styled("n", th.key()),
            Span::raw(format!("  {}", s.shell.welcome_new)),
        ]),
        TextLine::from(vec![
            Span::styled("D", th.key()),
            Span::raw(format!("  {}", s.shell.welcome_demo)),
        ]),
        TextLine::from(vec![
            Span::styled("?", th.key()),
            Span::raw(format!("  {}", s.shell.welcome_help)),
        ]),
        TextLine::raw(""),
        TextLine::styled(fill(s.shell.welcome_db, &[("path", &m.db_label)]), th.dim()),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {} ", s.shell.tab_today))),
        area,
    );
}

fn section_title(s: Section) -> &'static str {
    let st = t();
    match s {
        Section::Late => st.today.today_posts_late,
        Section::Due => st.today.today_posts_due,
        Section::Inbox => st.shell.tab_inbox,
        Section::Objectives => st.today.today_objectives,
        Section::Budgets => st.today.today_budgets,
        Section::Campaigns => st.today.today_campaigns,
        Section::Reviews => st.today.today_reviews,
        Section::Reconnect => st.live.today_reconnect_title,
    }
}

fn post_text(p: &PostLine, with_day: bool) -> String {
    let marks: Vec<&str> = p
        .platforms
        .iter()
        .filter_map(|k| crate::domain::Platform::parse(k))
        .map(|x| x.mark().trim())
        .collect();
    let when = if with_day {
        crate::i18n::format::weekday_day_time(&p.local_time)
    } else {
        p.local_time.format("%H:%M").to_string()
    };
    format!(
        "{when}  {:<6} {} ({})",
        marks.join(" "),
        sanitize_line(&p.title),
        i18n::post_status(p.status)
    )
}

/// The client column and the text of one line, with its style.
fn line_parts(td: &Today, l: Line, th: &Theme) -> (String, String, ratatui::style::Style) {
    let s = t();
    match l {
        Line::PostLate(i) => {
            let p = &td.posts_late[i];
            (p.client.clone(), post_text(p, true), th.error())
        }
        Line::PostDue(i) => {
            let p = &td.posts_due[i];
            (p.client.clone(), post_text(p, false), th.base())
        }
        Line::Inbox(i) => {
            let x = &td.inbox[i];
            let style = if x.overdue > 0 { th.error() } else { th.base() };
            (x.client.clone(), inbox_line(x), style)
        }
        Line::Objective(i) => {
            let o = &td.objectives_at_risk[i];
            let scope = o
                .platform
                .and_then(crate::domain::Platform::parse)
                .map_or(s.strategy.all_platforms, |p| p.name());
            let text = format!(
                "{} · {} · {}",
                fill(
                    s.today.today_objective_line,
                    &[
                        ("scope", scope),
                        ("metric", crate::io::report::key_name(o.metric))
                    ]
                ),
                i18n::objective_status(o.status),
                fill(
                    s.today.today_by,
                    &[("date", &format::day_month(o.deadline))]
                )
            );
            (
                o.client.clone(),
                text,
                if o.status == Status::Behind {
                    th.error()
                } else {
                    th.warn()
                },
            )
        }
        Line::Budget(i) => {
            let b = &td.budget_alerts[i];
            (
                b.client.clone(),
                budget_line(b),
                if b.over { th.error() } else { th.warn() },
            )
        }
        Line::Campaign(i) => {
            let c = &td.campaigns[i];
            let (what, day) = if c.starting {
                (s.today.today_starts, c.start)
            } else {
                (s.today.today_ends, c.end)
            };
            (
                c.client.clone(),
                format!(
                    "{} {what} {}",
                    sanitize_line(&c.name),
                    format::day_month(day)
                ),
                th.base(),
            )
        }
        Line::Review(i) => {
            let r = &td.reviews_due[i];
            (r.client.clone(), review_line(r), th.warn())
        }
        Line::Reconnect(i) => {
            let r = &td.reconnect[i];
            // The platform's name (the line keeps its key, for the command line's words).
            let platform =
                crate::domain::Platform::parse(r.platform).map_or(r.platform, |p| p.name());
            let text = fill(
                s.live.today_reconnect_app,
                &[
                    ("account", &sanitize_line(&r.account)),
                    ("platform", platform),
                ],
            );
            (r.client.clone(), text, th.error())
        }
        Line::Header(..) => (String::new(), String::new(), th.base()),
    }
}

/// A line's text in fewer words, for when it does not fit: the least needed words go
/// first, never a figure.
fn shorter(td: &Today, l: Line) -> Vec<String> {
    let s = t();
    match l {
        Line::Inbox(i) => {
            let x = &td.inbox[i];
            vec![inbox_line_short(x)]
        }
        Line::Objective(i) => {
            let o = &td.objectives_at_risk[i];
            let metric = crate::io::report::key_name(o.metric);
            // "All platforms" is what an objective without a platform means anyway.
            let what = match o.platform.and_then(crate::domain::Platform::parse) {
                Some(p) => fill(
                    s.today.today_objective_line,
                    &[("scope", p.name()), ("metric", metric)],
                ),
                None => metric.to_string(),
            };
            let status = i18n::objective_status(o.status);
            let by = fill(
                s.today.today_by,
                &[("date", &format::day_month(o.deadline))],
            );
            vec![
                format!("{what} · {status} · {by}"),
                format!("{what} · {status} · {}", format::day_month(o.deadline)),
            ]
        }
        _ => Vec::new(),
    }
}

pub fn render(m: &Model, frame: &mut Frame, area: Rect) {
    let s = t();
    let th = &m.theme;
    let [body, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let block = Block::bordered().title(format!(
        " {} · {} ",
        s.shell.tab_today,
        format::date(m.now.date_naive())
    ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    frame.render_widget(
        Paragraph::new(TextLine::styled(
            crate::tui::widgets::fit::fit_hint(s.today.today_jump_hint, usize::from(hint.width)),
            th.dim(),
        )),
        hint,
    );
    let Some(td) = m.today.summary.as_deref() else {
        frame.render_widget(
            Paragraph::new(TextLine::styled(s.report.report_loading, th.dim())),
            inner,
        );
        return;
    };
    if td.is_calm() {
        frame.render_widget(
            Paragraph::new(TextLine::styled(s.today.today_calm, th.ok())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let all = lines(td);
    let chosen = selectable(td).get(m.today.cursor.selected).copied();
    // Keep the selected line on screen: the window is over all lines, headers included.
    let sel_index = chosen
        .and_then(|c| all.iter().position(|l| *l == c))
        .unwrap_or(0);
    let height = inner.height as usize;
    let start = sel_index.saturating_sub(height.saturating_sub(2));
    let w = inner.width as usize;
    let out: Vec<TextLine> = all
        .iter()
        .skip(start)
        .take(height)
        .map(|l| match l {
            Line::Header(sec, n) => {
                TextLine::styled(format!("{} ({n})", section_title(*sec)), th.title())
            }
            other => {
                let (client, text, style) = line_parts(td, *other, th);
                let selected = Some(*other) == chosen;
                let client = format!("  {:<22}", truncate(&sanitize_line(&client), 21));
                // Fewer words first; then cut between words: a figure (an amount, a time)
                // shows whole or not at all.
                let max = w.saturating_sub(24);
                let text = if width(&text) <= max {
                    text
                } else {
                    shorter(td, *other)
                        .into_iter()
                        .find(|x| width(x) <= max)
                        .unwrap_or_else(|| cut_text(&text, max))
                };
                let line = TextLine::from(vec![
                    Span::styled(client, th.key()),
                    Span::styled(text, style),
                ]);
                if selected {
                    line.style(th.selected())
                } else {
                    line
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(out), inner);
}
