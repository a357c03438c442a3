//! One self-contained HTML file, fit to send to a client: inline CSS, inline SVG charts,
//! no script and nothing fetched from elsewhere.

use std::fmt::Write;

use super::{
    change_direction, change_text, inbox_rows, key_name, period_line, platform_name, shown_keys,
    value_text,
};
use crate::i18n::{self, format, t};
use crate::report::Report;

/// Escapes text for HTML content and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet, a file a non-programmer can change (`assets/report.css`), copied
/// whole into every report so the report stays one self-contained file.
pub const STYLE: &str = include_str!("../../../assets/report.css");

fn change_class(v: &crate::report::Value) -> &'static str {
    match change_direction(v) {
        1 => "up",
        -1 => "down",
        _ => "muted",
    }
}

/// A sparkline of up to 12 values (gaps where there is none).
fn sparkline(values: &[Option<f64>]) -> String {
    let (w, h) = (160.0, 36.0);
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    if known.is_empty() {
        return String::from("<svg width=\"160\" height=\"36\" role=\"img\"></svg>");
    }
    let (lo, hi) = known
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let span = if hi > lo { hi - lo } else { 1.0 };
    let step = w / (values.len().max(2) - 1) as f64;
    let mut pts = String::new();
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v {
            let x = i as f64 * step;
            let y = h - 4.0 - (v - lo) / span * (h - 8.0);
            let _ = write!(pts, "{x:.1},{y:.1} ");
        }
    }
    format!(
        "<svg width=\"160\" height=\"36\" viewBox=\"0 0 160 36\" role=\"img\"><polyline fill=\"none\" stroke=\"#4f6bed\" stroke-width=\"2\" points=\"{}\"/></svg>",
        pts.trim_end()
    )
}

/// Horizontal bars of one metric across platforms.
fn bars(items: &[(String, f64)], label: &str) -> String {
    let max = items.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    if items.is_empty() || max <= 0.0 {
        return String::new();
    }
    let row_h = 24.0;
    let h = items.len() as f64 * row_h + 8.0;
    let mut svg = format!(
        "<svg width=\"640\" height=\"{h}\" viewBox=\"0 0 640 {h}\" role=\"img\" aria-label=\"{}\">",
        esc(label)
    );
    for (i, (name, v)) in items.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let w = v / max * 420.0;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{:.0}\">{}</text><rect x=\"110\" y=\"{y:.0}\" width=\"{w:.1}\" height=\"16\" rx=\"3\" fill=\"#4f6bed\"/><text x=\"{:.1}\" y=\"{:.0}\">{}</text>",
            y + 12.0,
            esc(name),
            116.0 + w,
            y + 12.0,
            esc(&format::count(v.round() as i64))
        );
    }
    svg.push_str("</svg>");
    svg
}

fn bar(pct: Option<f64>) -> String {
    let p = pct.unwrap_or(0.0).clamp(0.0, 100.0);
    format!("<div class=\"bar\"><span style=\"width:{p:.1}%\"></span></div>")
}

pub fn html(r: &Report) -> String {
    let s = t();
    let cur = &r.currency;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{} · {}</title><style>{STYLE}</style></head><body>",
        s.report.html_lang,
        esc(&r.client),
        esc(&r.period.label)
    );
    let _ = write!(
        o,
        "<h1>{}</h1><p class=\"muted\">{}</p>",
        esc(&r.client),
        esc(&period_line(r))
    );
    // Key figures with their sparkline over the last 12 periods.
    o.push_str("<div class=\"cards\">");
    for k in [
        "followers",
        "reach",
        "impressions",
        "engagements",
        "engagement_rate_reach",
        "clicks",
        "ctr",
        "spend",
    ] {
        let v = &r.totals[k];
        if v.value.is_none() && v.previous.is_none() {
            continue;
        }
        let series: Vec<Option<f64>> = r
            .series
            .iter()
            .map(|(_, f)| f.get(k).copied().flatten())
            .collect();
        let _ = write!(
            o,
            "<div class=\"card\"><div class=\"muted\">{}</div><div class=\"v\">{}</div><div class=\"{}\">{}</div>{}</div>",
            esc(key_name(k)),
            esc(&value_text(k, v, v.value, cur)),
            change_class(v),
            esc(&change_text(v)),
            sparkline(&series)
        );
    }
    o.push_str("</div>");
    let impressions: Vec<(String, f64)> = r
        .platforms
        .iter()
        .filter_map(|p| {
            p.metrics["impressions"]
                .value
                .map(|v| (platform_name(p.platform).to_string(), v))
        })
        .collect();
    if !impressions.is_empty() {
        let _ = write!(
            o,
            "<h2>{} · {}</h2>{}",
            key_name("impressions"),
            s.report.report_by_platform,
            bars(&impressions, key_name("impressions"))
        );
    }
    let table =
        |o: &mut String,
         title: &str,
         metrics: &std::collections::BTreeMap<&'static str, crate::report::Value>| {
            let keys = shown_keys(metrics);
            if keys.is_empty() {
                return;
            }
            let _ = write!(
                o,
                "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                esc(title),
                s.strategy.col_metric,
                s.report.report_this_period,
                s.report.report_previous,
                s.report.report_change
            );
            for k in keys {
                let v = &metrics[k];
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>",
                    esc(key_name(k)),
                    esc(&value_text(k, v, v.value, cur)),
                    esc(&value_text(k, v, v.previous, cur)),
                    change_class(v),
                    esc(&change_text(v))
                );
            }
            o.push_str("</table>");
        };
    for p in &r.platforms {
        table(&mut o, platform_name(p.platform), &p.metrics);
    }
    table(&mut o, s.report.report_totals, &r.totals);
    if let Some(note) = super::not_comparable_note(r) {
        let _ = write!(o, "<p class=\"muted\">{}</p>", esc(&note));
    }
    if !r.objectives.is_empty() {
        let _ = write!(
            o,
            "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th style=\"width:30%\"></th></tr>",
            s.strategy.section_titles[1],
            s.strategy.col_metric,
            s.report.report_current,
            s.strategy.col_target,
            s.strategy.col_status
        );
        for ob in &r.objectives {
            let _ = write!(
                o,
                "<tr><td>{} · {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(ob.platform.map_or(s.strategy.all_platforms, platform_name)),
                esc(key_name(ob.metric)),
                esc(&ob
                    .current
                    .map_or("—".into(), |c| format::objective_value(ob.metric, c, cur))),
                esc(&format::objective_value(ob.metric, ob.target, cur)),
                esc(i18n::objective_status(ob.status)),
                bar(ob.done_pct)
            );
        }
        o.push_str("</table>");
    }
    let _ = write!(o, "<h2>{}</h2><table>", s.shell.tab_inbox);
    for (label, value) in inbox_rows(r) {
        let _ = write!(o, "<tr><td>{label}</td><td>{value}</td></tr>");
    }
    o.push_str("</table>");
    let c = &r.calendar;
    let _ = write!(
        o,
        "<h2>{}</h2><p>{} · {}</p>",
        s.shell.tab_calendar,
        format::labelled(s.report.report_planned_posts, &c.planned.to_string()),
        format::labelled(s.report.report_published_posts, &c.published.to_string())
    );
    if !c.pillars.is_empty() {
        let _ = write!(
            o,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th style=\"width:30%\"></th></tr>",
            s.calendar.col_pillar, s.report.report_actual, s.report.report_target
        );
        for p in &c.pillars {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&p.pillar),
                p.actual_pct.map_or("—".into(), format::percent),
                format::percent_whole(p.target_pct),
                bar(p.actual_pct)
            );
        }
        o.push_str("</table>");
    }
    let b = &r.budget;
    let _ = write!(
        o,
        "<h2>{}</h2><p>{} {} · {} {} · {} {}</p>{}",
        s.strategy.section_titles[2],
        s.strategy.planned,
        esc(&format::report_value("spend", Some(b.planned), cur)),
        s.strategy.spent,
        esc(&format::report_value("spend", Some(b.spent), cur)),
        s.strategy.remaining,
        esc(&format::report_value("spend", Some(b.remaining), cur)),
        bar(b.used_pct)
    );
    let _ = writeln!(
        o,
        "<p class=\"muted\">{}</p></body></html>",
        s.report.report_footer
    );
    o
}
