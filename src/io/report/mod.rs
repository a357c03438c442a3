//! The report of a client and period, written for the client (HTML), for notes
//! (Markdown), for spreadsheets (CSV) and for scripts (JSON).

pub mod html;

use crate::domain::report::REPORT_KEYS;
use crate::i18n::{self, format, t};
use crate::report::Report;

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
pub fn json(r: &Report) -> String {
    serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The name of a report key in the interface's language (every key is a metric's).
pub fn key_name(key: &str) -> &'static str {
    crate::domain::metric::Metric::parse(key).map_or("", i18n::metric_name)
}

pub fn platform_name(key: &str) -> &'static str {
    crate::domain::Platform::parse(key).map_or("", |p| p.name())
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
        (s.report_received, i.received.to_string()),
        (
            s.report_reply_rate,
            or_dash(i.reply_rate.map(format::percent)),
        ),
        (
            s.report_median_reply,
            or_dash(i.median_minutes.map(format::duration_short)),
        ),
        (
            s.report_p90_reply,
            or_dash(i.p90_minutes.map(format::duration_short)),
        ),
    ]
}

fn markdown(r: &Report) -> String {
    let s = t();
    let cur = &r.currency;
    let mut out = format!(
        "# {} · {}\n\n{} {} → {} ({} {} → {})\n\n",
        r.client,
        r.period.label,
        s.report_period,
        format::date(r.period.from),
        format::date(r.period.to),
        s.report_previous,
        format::date(r.previous.from),
        format::date(r.previous.to)
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
                s.col_metric, s.report_this_period, s.report_previous, s.report_change
            ));
            for k in keys {
                let v = &metrics[k];
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    key_name(k),
                    format::report_value(k, v.value, cur),
                    format::report_value(k, v.previous, cur),
                    format::change(v.change_pct)
                ));
            }
            out.push('\n');
        };
    table(&mut out, s.report_totals, &r.totals);
    for p in &r.platforms {
        table(&mut out, platform_name(p.platform), &p.metrics);
    }
    if !r.objectives.is_empty() {
        out.push_str(&format!(
            "## {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---|\n",
            s.section_titles[1],
            s.col_scope,
            s.col_metric,
            s.col_baseline,
            s.col_target,
            s.report_current,
            s.col_status
        ));
        for o in &r.objectives {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                o.platform.map_or(s.all_platforms, platform_name),
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
    out.push_str(&format!("## {}\n\n", s.tab_inbox));
    for (label, value) in inbox_rows(r) {
        out.push_str(&format!("- {}\n", format::labelled(label, &value)));
    }
    out.push_str(&format!(
        "- {}\n\n",
        format::labelled(s.pending, &r.inbox.pending.to_string())
    ));
    let c = &r.calendar;
    out.push_str(&format!(
        "## {}\n\n- {}\n- {}\n",
        s.tab_calendar,
        format::labelled(s.report_planned_posts, &c.planned.to_string()),
        format::labelled(s.report_published_posts, &c.published.to_string())
    ));
    for p in &c.pillars {
        out.push_str(&format!(
            "- {} ({} {})\n",
            format::labelled(&p.pillar, &p.actual_pct.map_or("—".into(), format::percent)),
            s.report_target,
            format::percent_whole(p.target_pct)
        ));
    }
    let b = &r.budget;
    out.push_str(&format!("\n## {}\n\n", s.section_titles[2]));
    for (label, value) in [
        (s.planned, b.planned),
        (s.spent, b.spent),
        (s.remaining, b.remaining),
    ] {
        let value = format::report_value("spend", Some(value), cur);
        out.push_str(&format!("- {}\n", format::labelled(label, &value)));
    }
    out
}

/// One row per scope and key: `scope,metric,value,previous,change_pct`; money in major
/// units, rates in percent, empty cells where nothing can be computed.
fn csv(r: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let num = |v: Option<f64>| {
        v.map(|x| format!("{}", (x * 10_000.0).round() / 10_000.0))
            .unwrap_or_default()
    };
    let _ = w.write_record([
        "client",
        "period_from",
        "period_to",
        "scope",
        "metric",
        "value",
        "previous",
        "change_pct",
    ]);
    let mut rows =
        |scope: &str, metrics: &std::collections::BTreeMap<&'static str, crate::report::Value>| {
            for k in REPORT_KEYS {
                let v = &metrics[k];
                let _ = w.write_record([
                    r.client.as_str(),
                    &r.period.from.to_string(),
                    &r.period.to.to_string(),
                    scope,
                    k,
                    &num(v.value),
                    &num(v.previous),
                    &num(v.change_pct),
                ]);
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
