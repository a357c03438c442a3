//! The report of a client and period, written for the client (HTML), for notes
//! (Markdown), for spreadsheets (CSV) and for scripts (JSON).

pub mod html;

use crate::domain::report::REPORT_KEYS;
use crate::domain::text::csv_cell;
use crate::i18n::{self, format, t};
use crate::report::{Change, Report};

pub use html::html;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "md" | "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format a file's extension names (`md`, `markdown`, `html`, `htm`, `csv`,
    /// `json`, lower case).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "htm" => Some(Format::Html),
            other => Format::parse(other),
        }
    }

    /// The extension a file of this format takes.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

pub fn write(r: &Report, f: Format) -> String {
    match f {
        Format::Markdown => markdown(r),
        Format::Html => html(r),
        Format::Csv => csv(r),
        Format::Json => json(r),
    }
}

/// The shape scripts rely on; a value that cannot be computed is `null`.
/// C1 and bidi controls in names and titles are written as `\u` escapes.
pub fn json(r: &Report) -> String {
    crate::domain::text::json_safe(
        &serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")),
    )
}

/// The name of a report key in the interface's language (every key is a metric's).
pub fn key_name(key: &str) -> &'static str {
    crate::domain::metric::Metric::parse(key).map_or("", i18n::metric_name)
}

pub fn platform_name(key: &str) -> &'static str {
    crate::domain::Platform::parse(key).map_or("", |p| p.name())
}

/// Decimals a rate's row shows: one, or two when one would show the same figure on
/// both sides of a change (0.754% and 0.827% are 0.75% and 0.83%, not 0.8% twice).
fn rate_places(v: &crate::report::Value) -> usize {
    match (v.value, v.previous) {
        (Some(a), Some(b)) if format!("{a:.1}") == format!("{b:.1}") && (a - b).abs() >= 0.005 => 2,
        _ => 1,
    }
}

/// `x` rounded to `places` decimals, as shown.
fn rounded(x: f64, places: usize) -> f64 {
    let f = 10f64.powi(i32::try_from(places).unwrap_or(1));
    (x * f).round() / f
}

/// A rate's change in points as the reports show it: the difference of the two values
/// as shown, so the three figures of a row agree; with the decimals shown.
fn shown_pt(v: &crate::report::Value) -> Option<(f64, usize)> {
    let Change::Pt(_) = v.change() else {
        return None;
    };
    let places = rate_places(v);
    let (a, b) = (v.value?, v.previous?);
    Some((rounded(a, places) - rounded(b, places), places))
}

/// `x`, the value of `v` or its previous one, as the reports write it: a rate with the
/// decimals its row needs, other keys as [`format::report_value`].
pub fn value_text(key: &str, v: &crate::report::Value, x: Option<f64>, cur: &str) -> String {
    match (crate::domain::report::key_unit(key), x) {
        (crate::domain::metric::Unit::Percent, Some(x)) => {
            format::percent_places(x, rate_places(v))
        }
        _ => format::report_value(key, x, cur),
    }
}

/// A value's change as the reports write it: `▲ 12.3%` relative, `+0.4 pt` for a rate.
pub fn change_text(v: &crate::report::Value) -> String {
    match v.change() {
        Change::Pt(pt) => match shown_pt(v) {
            Some((x, places)) => format::change_pt_places(Some(x), places),
            None => format::change_pt(Some(pt)),
        },
        Change::Pct(pct) => format::change(Some(pct)),
        Change::None => format::change(None),
    }
}

/// Whether a change is up (1), down (-1) or too small to tell (0), as written.
pub fn change_direction(v: &crate::report::Value) -> i8 {
    let (x, half) = match (v.change(), shown_pt(v)) {
        (Change::Pt(_), Some((x, places))) => (x, 0.5 / 10f64.powi(places as i32)),
        (Change::Pt(x) | Change::Pct(x), _) => (x, 0.05),
        (Change::None, _) => (0.0, 0.05),
    };
    if x > half {
        1
    } else if x < -half {
        -1
    } else {
        0
    }
}

/// The period's dates, and what they are compared with: `Period Nov 16 → Nov 22
/// (previous Nov 9 → Nov 15)`; a period still running says so and gives the days
/// counted on both sides.
pub fn period_line(r: &Report) -> String {
    let s = t();
    let span = |from, to| format!("{} → {}", format::date(from), format::date(to));
    let mut out = format!(
        "{} {}",
        s.report.report_period,
        span(r.period.from, r.period.to)
    );
    if r.in_progress {
        out.push_str(&format!(
            " · {}",
            i18n::fill(
                s.report.report_in_progress,
                &[("date", &format::date(r.period.through))]
            )
        ));
    }
    out.push_str(&format!(
        " ({} {})",
        s.report.report_previous,
        span(r.previous.from, r.previous.through)
    ));
    out
}

/// The footnote of the figures whose change is left out (`Instagram · Impressions`),
/// if any.
pub fn not_comparable_note(r: &Report) -> Option<String> {
    if r.not_comparable.is_empty() {
        return None;
    }
    let items: Vec<String> = r
        .not_comparable
        .iter()
        .map(|n| format!("{} · {}", platform_name(n.platform), key_name(n.metric)))
        .collect();
    Some(i18n::fill(
        t().report.report_not_comparable,
        &[("items", &items.join(", "))],
    ))
}

/// Keys with a value in this period or the previous one, in report order.
pub fn shown_keys<'a>(
    metrics: &std::collections::BTreeMap<&'static str, crate::report::Value>,
) -> Vec<&'a str> {
    REPORT_KEYS
        .iter()
        .copied()
        .filter(|k| {
            metrics
                .get(k)
                .is_some_and(|v| v.value.is_some() || v.previous.is_some())
        })
        .collect()
}

/// The inbox block's figures, label and value, as the Markdown and HTML reports show them.
fn inbox_rows(r: &Report) -> [(&'static str, String); 4] {
    let (s, i) = (t(), &r.inbox);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    [
        (s.report.report_received, i.received.to_string()),
        (
            s.report.report_reply_rate,
            or_dash(i.reply_rate.map(format::percent)),
        ),
        (
            s.report.report_median_reply,
            or_dash(i.median_minutes.map(format::duration_short)),
        ),
        (
            s.report.report_p90_reply,
            or_dash(i.p90_minutes.map(format::duration_short)),
        ),
    ]
}

fn markdown(r: &Report) -> String {
    let s = t();
    let cur = &r.currency;
    let mut out = format!(
        "# {} · {}\n\n{}\n\n",
        r.client,
        r.period.label,
        period_line(r)
    );
    let table =
        |out: &mut String,
         title: &str,
         metrics: &std::collections::BTreeMap<&'static str, crate::report::Value>| {
            let keys = shown_keys(metrics);
            if keys.is_empty() {
                return;
            }
            out.push_str(&format!(
                "## {title}\n\n| {} | {} | {} | {} |\n|---|---:|---:|---:|\n",
                s.strategy.col_metric,
                s.report.report_this_period,
                s.report.report_previous,
                s.report.report_change
            ));
            for k in keys {
                let v = &metrics[k];
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    key_name(k),
                    value_text(k, v, v.value, cur),
                    value_text(k, v, v.previous, cur),
                    change_text(v)
                ));
            }
            out.push('\n');
        };
    table(&mut out, s.report.report_totals, &r.totals);
    if let Some(note) = not_comparable_note(r) {
        out.push_str(&format!("{note}\n\n"));
    }
    for p in &r.platforms {
        table(&mut out, platform_name(p.platform), &p.metrics);
    }
    if !r.objectives.is_empty() {
        out.push_str(&format!(
            "## {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---|\n",
            s.strategy.section_titles[1],
            s.strategy.col_scope,
            s.strategy.col_metric,
            s.strategy.col_baseline,
            s.strategy.col_target,
            s.report.report_current,
            s.strategy.col_status
        ));
        for o in &r.objectives {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                o.platform.map_or(s.strategy.all_platforms, platform_name),
                key_name(o.metric),
                format::objective_value(o.metric, o.baseline, cur),
                format::objective_value(o.metric, o.target, cur),
                o.current
                    .map_or("—".into(), |c| format::objective_value(o.metric, c, cur)),
                i18n::objective_status(o.status)
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", s.shell.tab_inbox));
    for (label, value) in inbox_rows(r) {
        out.push_str(&format!("- {}\n", format::labelled(label, &value)));
    }
    out.push_str(&format!(
        "- {}\n\n",
        format::labelled(s.inbox.pending, &r.inbox.pending.to_string())
    ));
    let c = &r.calendar;
    out.push_str(&format!(
        "## {}\n\n- {}\n- {}\n",
        s.shell.tab_calendar,
        format::labelled(s.report.report_planned_posts, &c.planned.to_string()),
        format::labelled(s.report.report_published_posts, &c.published.to_string())
    ));
    for p in &c.pillars {
        out.push_str(&format!(
            "- {} ({} {})\n",
            format::labelled(&p.pillar, &p.actual_pct.map_or("—".into(), format::percent)),
            s.report.report_target,
            format::percent_whole(p.target_pct)
        ));
    }
    let b = &r.budget;
    out.push_str(&format!("\n## {}\n\n", s.strategy.section_titles[2]));
    for (label, value) in [
        (s.strategy.planned, b.planned),
        (s.strategy.spent, b.spent),
        (s.strategy.remaining, b.remaining),
    ] {
        let value = format::report_value("spend", Some(value), cur);
        out.push_str(&format!("- {}\n", format::labelled(label, &value)));
    }
    out
}

/// One row per scope and key: `scope,metric,value,previous,change_pct,change_pt,
/// in_progress,through`; money in major units, rates in percent and their changes in
/// points, empty cells where nothing can be computed. A period still running says
/// `in_progress` true and counts its days `through` that day.
fn csv(r: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let num = |v: Option<f64>| {
        v.map(|x| format!("{}", (x * 10_000.0).round() / 10_000.0))
            .unwrap_or_default()
    };
    // Every cell goes through the formula guard: a client named `=HYPERLINK(...)` is text.
    let _ = w.write_record([
        "client",
        "period_from",
        "period_to",
        "scope",
        "metric",
        "value",
        "previous",
        "change_pct",
        "change_pt",
        "in_progress",
        "through",
    ]);
    let mut rows =
        |scope: &str, metrics: &std::collections::BTreeMap<&'static str, crate::report::Value>| {
            for k in REPORT_KEYS {
                let v = &metrics[k];
                let cells = [
                    r.client.as_str(),
                    &r.period.from.to_string(),
                    &r.period.to.to_string(),
                    scope,
                    k,
                    &num(v.value),
                    &num(v.previous),
                    &num(v.change_pct),
                    &num(v.change_pt),
                    if r.in_progress { "true" } else { "false" },
                    &r.period.through.to_string(),
                ];
                let _ = w.write_record(cells.iter().map(|c| csv_cell(c).into_owned()));
            }
        };
    rows("total", &r.totals);
    for p in &r.platforms {
        rows(p.platform, &p.metrics);
    }
    w.into_inner()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
