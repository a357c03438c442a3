//! Keys on the Report tab: periods, figures typed by hand for a week, export.

use super::shared::{open_form, say};
use crate::domain::Platform;
use crate::domain::metric::{Metric, Unit};
use crate::domain::money::{self, Money};
use crate::domain::report::{Period, PeriodKind};
use crate::i18n::{self, fill, t};
use crate::io::report::Format;
use crate::tui::action::Command;
use crate::tui::effect::Effect;
use crate::tui::model::{FormPurpose, Model, Overlay, StatusKind, Tab};
use crate::tui::report::{WeekEntry, following, kind_switched, period, switched};
use crate::tui::strategy::client_today;
use crate::tui::widgets::confirm::{Confirm, ConfirmKind};
use crate::tui::widgets::form::{Form, Opt, Value};

/// The metrics of the weekly entry form, in the order typed.
pub const WEEKLY: [Metric; 15] = [
    Metric::Followers,
    Metric::NewFollows,
    Metric::Impressions,
    Metric::Reach,
    Metric::Engagements,
    Metric::Likes,
    Metric::Comments,
    Metric::Shares,
    Metric::Saves,
    Metric::Clicks,
    Metric::VideoViews,
    Metric::ProfileVisits,
    Metric::Spend,
    Metric::Conversions,
    Metric::Revenue,
];

/// Effects that build the report of the period on screen.
pub fn sync(m: &mut Model) -> Vec<Effect> {
    if m.tab != Tab::Report {
        return vec![];
    }
    let Some(client) = m.current else {
        return vec![];
    };
    let p = period(m);
    let key = (client, p);
    if m.report.loaded != Some(key) {
        m.report.loaded = Some(key);
        let r = &mut m.report;
        // Asked again for the report on screen: build it again.
        let found = if r.shown == Some(key) {
            None
        } else {
            r.kept.take(&key)
        };
        if let Some(old) = r.shown.take()
            && old != key
            && let Some(report) = r.report.take()
        {
            r.kept.put(old, Some(report));
        }
        match found {
            Some(report) => {
                r.report = Some(report);
                r.shown = Some(key);
            }
            None => return vec![Effect::LoadReport { client, period: p }],
        }
    }
    vec![]
}

/// Work for the time the user is not typing: the reports of the periods before and
/// after the one on screen, once it is there, and of its month (or first week), so that
/// `[`, `]` and `m` (or `w`) draw without building.
pub fn idle(m: &mut Model) -> Vec<Effect> {
    let r = &m.report;
    let Some((client, p)) = r.loaded else {
        return vec![];
    };
    if m.tab != Tab::Report || r.shown != r.loaded {
        return vec![];
    }
    let mut out = Vec::new();
    let other = match p.kind {
        PeriodKind::Week => Some(kind_switched(m, &p, PeriodKind::Month)),
        PeriodKind::Month => Some(kind_switched(m, &p, PeriodKind::Week)),
        PeriodKind::Custom => None,
    };
    for near in [Some(p.shift(1)), Some(p.shift(-1)), other]
        .into_iter()
        .flatten()
    {
        let key = (client, near);
        if near != p && !m.report.kept.has(&key) {
            m.report.kept.put(key, None);
            out.push(Effect::LoadReport {
                client,
                period: near,
            });
        }
    }
    out
}

pub fn stale(m: &mut Model) {
    m.report.loaded = None;
    m.report.shown = None;
    m.report.kept.clear();
}

pub fn loaded(m: &mut Model, key: (i64, Period), report: Box<crate::report::Report>) {
    let r = &mut m.report;
    if r.loaded == Some(key) {
        r.report = Some(report);
        r.shown = Some(key);
        r.kept.forget(&key);
    } else {
        r.kept.fill(&key, report);
    }
}

pub fn command(m: &mut Model, cmd: Command) -> Vec<Effect> {
    let p = period(m);
    match cmd {
        Command::PrevPeriod | Command::NextPeriod => {
            let back = cmd == Command::PrevPeriod;
            // The period still running (or one ending later) is the last with figures.
            if !back && p.to >= client_today(m) {
                say(m, StatusKind::Info, t().report.report_latest.to_string());
                return vec![];
            }
            let next = p.shift(if back { 1 } else { -1 });
            if p.kind == PeriodKind::Custom {
                m.report.custom = Some(next);
            }
            m.report.anchor = Some(next.from);
            m.report.scroll = 0;
        }
        // Following the last complete period, the other kind's last complete one;
        // else the week or month of the period on screen.
        Command::PeriodWeek | Command::PeriodMonth => {
            let kind = if cmd == Command::PeriodWeek {
                PeriodKind::Week
            } else {
                PeriodKind::Month
            };
            let follow = following(m);
            m.report.kind = Some(kind);
            if !follow {
                m.report.anchor = Some(switched(&p, kind).from);
            }
        }
        Command::LatestPeriod => {
            m.report.anchor = None;
            if m.report.kind == Some(PeriodKind::Custom) {
                m.report.kind = Some(PeriodKind::Week);
            }
        }
        Command::PeriodCustom => open_custom(m, p),
        Command::EnterFigures => {
            if let Some(client) = m.current {
                return vec![Effect::LoadWeekFigures {
                    client,
                    week: Period::week_of(p.to),
                }];
            }
        }
        Command::Export => open_export(m, p),
        Command::Down => {
            let most = crate::tui::views::report::max_scroll(m);
            m.report.scroll = m.report.scroll.saturating_add(1).min(most);
        }
        Command::Up => m.report.scroll = m.report.scroll.saturating_sub(1),
        Command::Top => m.report.scroll = 0,
        _ => {}
    }
    vec![]
}

fn open_custom(m: &mut Model, p: Period) {
    let s = t();
    let form = Form::new(s.report.form_report_period)
        .date("from", s.calendar.field_from, Some(p.from), true)
        .date("to", s.report.field_to, Some(p.to), true);
    open_form(m, FormPurpose::ReportPeriod, form);
}

fn currency(m: &Model) -> iso_currency::Currency {
    m.current_client()
        .and_then(|c| money::currency(&c.currency))
        .unwrap_or(iso_currency::Currency::EUR)
}

/// A stored value as the weekly form shows it: digits, or an amount to type over.
fn shown(metric: Metric, value: Option<i64>, cur: iso_currency::Currency) -> String {
    match (value, metric.unit()) {
        (None, _) => String::new(),
        (Some(v), Unit::Money) => crate::i18n::format::money_input(Money::new(v, cur)),
        (Some(v), _) => v.to_string(),
    }
}

/// The week's stored figures arrived: the form opens on them (for the client still on
/// screen).
pub fn week_loaded(
    m: &mut Model,
    client: i64,
    week: Period,
    stored: crate::report::week::WeekFigures,
) {
    if m.current != Some(client) || m.tab != Tab::Report {
        return;
    }
    open_figures(m, WeekEntry { week, stored });
}

/// The weekly entry form of a platform: one field per metric, showing the week's stored
/// figure; what is typed becomes the week's figure.
fn open_figures(m: &mut Model, entry: WeekEntry) {
    let s = t();
    let Some(client) = m.current_client().cloned() else {
        return;
    };
    // The platforms of the client's accounts and those with figures this week (all of
    // them for a client with neither); the first account's comes first.
    let mut choices: Vec<Platform> = Vec::new();
    for p in m
        .accounts_of(client.id)
        .map(|a| a.platform)
        .chain(entry.stored.keys().copied())
    {
        if !choices.contains(&p) {
            choices.push(p);
        }
    }
    if choices.is_empty() {
        choices = Platform::ALL.to_vec();
    }
    let platform = choices[0];
    let platforms: Vec<Opt> = choices
        .iter()
        .map(|p| Opt::new(p.key(), p.name()))
        .collect();
    let mut form = Form::new(fill(
        s.report.form_figures,
        &[("week", &entry.week.label()), ("client", &client.name)],
    ))
    .choice(
        "platform",
        s.forms.field_platform,
        platforms,
        platform.key(),
    )
    .hint(s.report.hint_figures);
    let cur = currency(m);
    let stored = entry.stored.get(&platform);
    for metric in WEEKLY {
        let value = stored.and_then(|x| x.get(&metric)).copied();
        form = match metric.unit() {
            Unit::Money => form
                .money(metric.key(), i18n::metric_name(metric), None, cur)
                .optional(),
            _ => form
                .integer(
                    metric.key(),
                    i18n::metric_name(metric),
                    None,
                    0,
                    i64::MAX / 4,
                )
                .optional(),
        };
        form.reset_text(metric.key(), &shown(metric, value, cur));
    }
    open_form(m, FormPurpose::KpiWeek(Box::new(entry)), form);
}

/// The platform of the weekly form changed: its fields show that platform's figures.
pub fn week_platform_changed(m: &mut Model) {
    let cur = currency(m);
    let Some(Overlay::Form(f)) = m.overlays.last_mut() else {
        return;
    };
    let FormPurpose::KpiWeek(entry) = &f.purpose else {
        return;
    };
    if f.form.fields.get(f.form.focus).map(|x| x.key) != Some("platform") {
        return;
    }
    let stored = f
        .form
        .choice_value("platform")
        .and_then(|p| Platform::parse(&p))
        .and_then(|p| entry.stored.get(&p));
    for metric in WEEKLY {
        let value = stored.and_then(|x| x.get(&metric)).copied();
        f.form.reset_text(metric.key(), &shown(metric, value, cur));
    }
    // Another platform's stored figures, not an edit: Esc closes without asking.
    f.form.settle("platform");
}

/// A format's name in the export form (the same in every language).
fn format_label(f: Format) -> &'static str {
    match f {
        Format::Html => "HTML",
        Format::Markdown => "Markdown",
        Format::Csv => "CSV",
        Format::Json => "JSON",
    }
}

fn open_export(m: &mut Model, p: Period) {
    let s = t();
    let Some(client) = m.current_client() else {
        return;
    };
    let slug = crate::domain::post::slug(&client.name);
    let formats = [Format::Html, Format::Markdown, Format::Csv, Format::Json]
        .into_iter()
        .map(|f| Opt::new(f.extension(), format_label(f)))
        .collect();
    let form = Form::new(s.report.form_export)
        .choice("format", s.report.field_format, formats, "html")
        .text(
            "folder",
            s.report.field_folder,
            &m.report.export_folder,
            true,
        )
        .hint(s.report.hint_export_folder)
        .text(
            "name",
            s.report.field_file,
            &format!("report-{slug}-{}.html", p.label()),
            true,
        )
        .hint(s.report.hint_export_path);
    open_form(m, FormPurpose::ReportExport, form);
}

/// The export form's file name takes the extension of the format chosen, unless the
/// user gave it one of their own (`notes.txt` stays).
pub fn follow_format(form: &mut Form) {
    let Some(format) = form.choice_value("format").and_then(|f| Format::parse(&f)) else {
        return;
    };
    let name = form.text_value("name");
    let path = std::path::Path::new(&name);
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let ours = match ext.as_deref() {
        None => true,
        Some(e) => Format::from_extension(e).is_some(),
    };
    if ours && ext.as_deref() != Some(format.extension()) && !name.trim().is_empty() {
        let renamed = path.with_extension(format.extension());
        form.set_text("name", &renamed.to_string_lossy());
    }
}

/// A file is already where the export would go: ask before replacing it.
pub fn ask_replace(m: &mut Model, path: &str) {
    if let Some(Overlay::Form(f)) = m.overlays.last_mut() {
        f.saving = false;
    }
    m.overlays.push(Overlay::Confirm(Confirm {
        kind: ConfirmKind::SaveAnyway,
        question: fill(t().report.export_replace, &[("path", path)]),
    }));
}

/// The effects of a Report form, or `None` with messages set.
pub fn save(
    m: &mut Model,
    purpose: &FormPurpose,
    form: &mut Form,
    fields_ok: bool,
    confirmed: bool,
) -> Option<Vec<Effect>> {
    if !fields_ok {
        return None;
    }
    let s = t();
    match purpose {
        FormPurpose::ReportPeriod => {
            let (Value::Date(from), Value::Date(to)) = (form.value("from"), form.value("to"))
            else {
                return None;
            };
            if to < from {
                form.set_error("to", s.strategy.err_end_before_start.to_string());
                return None;
            }
            m.report.kind = Some(PeriodKind::Custom);
            m.report.custom = Some(Period::custom(from, to));
            m.report.anchor = Some(from);
            Some(vec![])
        }
        FormPurpose::KpiWeek(entry) => {
            let client = m.current?;
            let platform = form
                .choice_value("platform")
                .and_then(|p| Platform::parse(&p))?;
            let stored = entry.stored.get(&platform);
            // What is typed is the week's figure: a field left as it showed changes
            // nothing, one emptied removes the week's figure.
            let mut changes = Vec::new();
            for metric in WEEKLY {
                let typed = match form.value(metric.key()) {
                    Value::Int(n) => Some(n),
                    Value::Money(Money { minor, .. }) => Some(minor),
                    _ => None,
                };
                if typed.is_some_and(|v| v < 0) {
                    form.set_error(metric.key(), s.strategy.err_negative.to_string());
                    return None;
                }
                if typed != stored.and_then(|x| x.get(&metric)).copied() {
                    changes.push((metric, typed));
                }
            }
            if changes.is_empty() {
                form.error = Some(
                    if stored.is_some_and(|x| !x.is_empty()) {
                        s.report.err_figures_unchanged
                    } else {
                        s.report.err_no_figures
                    }
                    .to_string(),
                );
                return None;
            }
            Some(vec![Effect::SaveWeek {
                client,
                platform,
                week: entry.week,
                changes,
            }])
        }
        FormPurpose::ReportExport => {
            let client = m.current?;
            let format = form
                .choice_value("format")
                .and_then(|f| Format::parse(&f))
                .unwrap_or(Format::Html);
            let folder = form.text_value("folder").trim().to_string();
            let name = form.text_value("name").trim().to_string();
            // A name that says another format would write one format under another's
            // name: refused, as `report --format html -o r.md` is.
            let ext = std::path::Path::new(&name)
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase());
            if let Some(ext) = ext
                && Format::from_extension(&ext).is_some_and(|f| f != format)
            {
                form.set_error(
                    "name",
                    fill(
                        s.report.err_export_ext_clash,
                        &[
                            ("format", format_label(format)),
                            ("name", &name),
                            ("ext", &ext),
                        ],
                    ),
                );
                return None;
            }
            let path = std::path::Path::new(&folder).join(name);
            Some(vec![Effect::ExportReport {
                client,
                period: period(m),
                format,
                path: path.display().to_string(),
                replace: confirmed,
            }])
        }
        _ => None,
    }
}
