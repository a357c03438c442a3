use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::kpi::DailyValue;
use crate::domain::metric::Metric;
use crate::domain::report::Period;
use crate::domain::{ClientDraft, Platform};
use crate::store::Store;

fn report(name: &str) -> Report {
    let mut s = Store::open_in_memory().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let id = s.insert_client(&ClientDraft::new(name), now).unwrap();
    let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
    let values = [
        DailyValue {
            platform: Platform::Instagram,
            day: d(17),
            metric: Metric::Impressions,
            value: 1230,
        },
        DailyValue {
            platform: Platform::Instagram,
            day: d(10),
            metric: Metric::Impressions,
            value: 1000,
        },
        DailyValue {
            platform: Platform::Instagram,
            day: d(17),
            metric: Metric::Clicks,
            value: 0,
        },
        DailyValue {
            platform: Platform::Facebook,
            day: d(18),
            metric: Metric::Spend,
            value: 2550,
        },
    ];
    s.transaction(|tx| tx.upsert_daily(id, &values, |_| {}))
        .unwrap();
    let c = s.client(id).unwrap();
    crate::report::build(&s, &c, Period::parse_week("2026-W47").unwrap(), now).unwrap()
}

#[test]
fn json_has_the_documented_shape() {
    let v: serde_json::Value = serde_json::from_str(&json(&report("Boulangerie Marcel"))).unwrap();
    assert_eq!(v["client"], "Boulangerie Marcel");
    assert_eq!(v["period"]["from"], "2026-11-16");
    assert_eq!(v["period"]["to"], "2026-11-22");
    assert_eq!(v["previous"]["from"], "2026-11-09");
    assert_eq!(v["previous"]["to"], "2026-11-15");
    let ig = v["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["platform"] == "instagram")
        .unwrap();
    assert_eq!(ig["metrics"]["impressions"]["value"], 1230.0);
    assert_eq!(ig["metrics"]["impressions"]["previous"], 1000.0);
    assert_eq!(ig["metrics"]["impressions"]["change_pct"], 23.0);
    assert!(ig["metrics"]["ctr"]["value"].as_f64() == Some(0.0));
    assert!(
        ig["metrics"]["cpc"]["value"].is_null(),
        "a denominator of 0 is null"
    );
    for key in [
        "impressions",
        "engagement_rate_reach",
        "engagement_rate_impressions",
        "ctr",
        "cpm",
        "cpc",
        "cpa",
        "roas",
        "follower_growth_pct",
    ] {
        let t = &v["totals"][key];
        assert!(
            t.get("value").is_some()
                && t.get("previous").is_some()
                && t.get("change_pct").is_some(),
            "{key}"
        );
    }
    assert_eq!(v["totals"]["spend"]["value"], 25.5, "money in major units");
    assert!(v["objectives"].is_array());
    for block in ["inbox", "calendar", "budget"] {
        assert!(v[block].is_object(), "{block}");
    }
}

#[test]
fn html_is_self_contained_and_escaped() {
    let h = html(&report("Chez <script>alert(1)</script> & Co"));
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(
        !h.contains("<script"),
        "no script, and the client's name is escaped"
    );
    assert!(h.contains("Chez &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(h.contains("<svg"), "inline charts");
    assert!(
        !h.contains("src=") && !h.contains("href=") && !h.contains("@import"),
        "nothing fetched from elsewhere"
    );
    // Tags open and close in pairs.
    for tag in ["html", "body", "table", "svg", "div", "h2", "tr"] {
        assert_eq!(
            h.matches(&format!("<{tag}")).count(),
            h.matches(&format!("</{tag}>")).count(),
            "{tag}"
        );
    }
}

/// `assets/report.css` is edited by hand: it must not end the `<style>` element early nor
/// fetch anything, and the report carries all of it.
#[test]
fn the_stylesheet_stays_inside_the_report() {
    let css = html::STYLE;
    assert!(!css.contains("</"), "\"</\" would end the <style> element");
    for fetch in ["@import", "url("] {
        assert!(
            !css.contains(fetch),
            "the stylesheet fetches nothing: {fetch}"
        );
    }
    assert!(css.contains(".bar > span"), "the shipped stylesheet");
    let h = html(&report("Boulangerie Marcel"));
    assert!(h.contains(&format!("<style>{css}</style>")));
}

#[test]
fn markdown_and_csv() {
    let r = report("Boulangerie Marcel");
    let md = write(&r, Format::Markdown);
    assert!(md.starts_with("# Boulangerie Marcel · 2026-W47"));
    assert!(
        md.contains("| Impressions | 1,230 | 1,000 | ▲ 23.0% |"),
        "{md}"
    );
    let c = write(&r, Format::Csv);
    let mut rdr = csv::Reader::from_reader(c.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        3 * REPORT_KEYS.len(),
        "total, facebook, instagram"
    );
    let imp = rows
        .iter()
        .find(|r| &r[3] == "instagram" && &r[4] == "impressions")
        .unwrap();
    assert_eq!((&imp[5], &imp[6], &imp[7]), ("1230", "1000", "23"));
    let cpc = rows
        .iter()
        .find(|r| &r[3] == "instagram" && &r[4] == "cpc")
        .unwrap();
    assert_eq!(&cpc[5], "", "empty where nothing can be computed");
}

/// A client named like a formula stays text in a spreadsheet; numbers, even negative
/// ones, stay numbers.
#[test]
fn csv_cells_never_run_as_formulas() {
    let text = write(&report("=HYPERLINK(\"http://x\",\"y\")"), Format::Csv);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let mut numbers = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        assert_eq!(&rec[0], "'=HYPERLINK(\"http://x\",\"y\")");
        for cell in rec.iter() {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r'])
                    && (!cell.starts_with('-') || cell.parse::<f64>().is_ok()),
                "{cell}"
            );
            numbers += usize::from(cell.parse::<f64>().is_ok());
        }
    }
    assert!(numbers > 0);
}

/// JSON escapes C1 and bidi controls of names.
#[test]
fn json_escapes_c1_and_bidi() {
    let text = json(&report("Evil\u{9b}31m\u{202e}Co"));
    assert!(text.contains("Evil\\u009b31m\\u202eCo"), "{text}");
    assert!(!text.contains('\u{9b}') && !text.contains('\u{202e}'));
}

/// W47 seen on Wednesday 18 November (still running, Monday to Wednesday counted) with a
/// CTR of 2.0% against 1.0% the same days of W46: every format says "in progress" and
/// gives the rate's change in points.
fn running_week() -> Report {
    let mut s = Store::open_in_memory().unwrap();
    let wednesday = Utc.with_ymd_and_hms(2026, 11, 18, 9, 0, 0).unwrap();
    let id = s
        .insert_client(&ClientDraft::new("Bistro"), wednesday)
        .unwrap();
    let v = |day, metric, value| DailyValue {
        platform: Platform::Instagram,
        day: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        metric,
        value,
    };
    let values = [
        v(16, Metric::Impressions, 1000),
        v(16, Metric::Clicks, 20),
        v(9, Metric::Impressions, 1000),
        v(9, Metric::Clicks, 10),
        // Friday of W46: after the same days, left out of the comparison.
        v(13, Metric::Impressions, 5000),
    ];
    s.transaction(|tx| tx.upsert_daily(id, &values, |_| {}))
        .unwrap();
    let c = s.client(id).unwrap();
    crate::report::build(&s, &c, Period::parse_week("2026-W47").unwrap(), wednesday).unwrap()
}

#[test]
fn a_running_period_and_rate_changes_in_every_format() {
    let r = running_week();
    let v: serde_json::Value = serde_json::from_str(&json(&r)).unwrap();
    assert_eq!(v["in_progress"], true);
    assert_eq!(v["period"]["through"], "2026-11-18");
    assert_eq!(v["previous"]["through"], "2026-11-11");
    let ctr = &v["totals"]["ctr"];
    assert_eq!(
        (ctr["value"].as_f64(), ctr["previous"].as_f64()),
        (Some(2.0), Some(1.0))
    );
    assert!(ctr["change_pct"].is_null(), "not +100%");
    assert_eq!(ctr["change_pt"], 1.0);
    assert_eq!(
        v["totals"]["impressions"]["previous"], 1000.0,
        "same days only"
    );
    assert!(v["totals"]["impressions"]["change_pt"].is_null());

    let md = write(&r, Format::Markdown);
    assert!(md.contains("in progress, through Nov 18, 2026"), "{md}");
    assert!(md.contains("(Previous Nov 9, 2026 → Nov 11, 2026)"), "{md}");
    assert!(md.contains("| CTR | 2.0% | 1.0% | +1.0 pt |"), "{md}");
    let h = html(&r);
    assert!(h.contains("in progress, through Nov 18, 2026"));
    assert!(h.contains("+1.0 pt"));
    let c = write(&r, Format::Csv);
    let mut rdr = csv::Reader::from_reader(c.as_bytes());
    let head = rdr.headers().unwrap().clone();
    assert_eq!(
        head.iter().collect::<Vec<_>>()[7..],
        ["change_pct", "change_pt", "in_progress", "through"]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let ctr = rows
        .iter()
        .find(|r| &r[3] == "total" && &r[4] == "ctr")
        .unwrap();
    assert_eq!(
        (&ctr[7], &ctr[8], &ctr[9], &ctr[10]),
        ("", "1", "true", "2026-11-18")
    );
    crate::i18n::with_lang(crate::i18n::Lang::Fr, || {
        let md = write(&r, Format::Markdown);
        assert!(md.contains("en cours, jusqu'au 18/11/2026"), "{md}");
        assert!(md.contains("+1,0\u{202f}pt"), "{md}");
    });
}

#[test]
fn a_rates_change_agrees_with_the_rates_shown() {
    let rate = |value: f64, previous: f64| crate::report::Value {
        value: Some(value),
        previous: Some(previous),
        change_pct: None,
        change_pt: Some(value - previous),
    };
    let row = |v: &crate::report::Value| {
        (
            value_text("follower_growth_pct", v, v.value, "EUR"),
            value_text("follower_growth_pct", v, v.previous, "EUR"),
            change_text(v),
        )
    };
    // One decimal would show 0.8% twice beside -0.1 pt: two decimals, and the change
    // is the difference of the figures shown.
    let v = rate(0.754, 0.827);
    assert_eq!(row(&v), ("0.75%".into(), "0.83%".into(), "-0.08 pt".into()));
    assert_eq!(change_direction(&v), -1);
    // 4.26% and 4.14% show as 4.3% and 4.1%: the change shown is +0.2 pt, not +0.1.
    let v = rate(4.26, 4.14);
    assert_eq!(row(&v), ("4.3%".into(), "4.1%".into(), "+0.2 pt".into()));
    // The same figure shown on both sides: no change shown.
    let v = rate(4.21, 4.209);
    assert_eq!(row(&v), ("4.2%".into(), "4.2%".into(), "=".into()));
    assert_eq!(change_direction(&v), 0);
    crate::i18n::with_lang(crate::i18n::Lang::Fr, || {
        let (a, b, c) = row(&rate(0.754, 0.827));
        assert!(a.starts_with("0,75") && b.starts_with("0,83"), "{a} {b}");
        assert_eq!(c, "-0,08\u{202f}pt");
    });
}

/// A week typed by hand in W46 (stored on Sunday 15) beside daily Facebook figures, seen
/// on Wednesday of W47: every format leaves the total's change out and says why.
#[test]
fn figures_not_comparable_are_footnoted_in_every_format() {
    let mut s = Store::open_in_memory().unwrap();
    let wednesday = Utc.with_ymd_and_hms(2026, 11, 18, 9, 0, 0).unwrap();
    let id = s
        .insert_client(&ClientDraft::new("Bistro"), wednesday)
        .unwrap();
    let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
    let v = |platform, day, value| DailyValue {
        platform,
        day: d(day),
        metric: Metric::Impressions,
        value,
    };
    s.transaction(|tx| {
        tx.upsert_daily(
            id,
            &[
                v(Platform::Facebook, 9, 1000),
                v(Platform::Facebook, 16, 1500),
                v(Platform::Instagram, 16, 4000),
            ],
            |_| {},
        )?;
        tx.set_week(
            id,
            Platform::Instagram,
            (d(9), d(15)),
            &[(Metric::Impressions, Some(5000))],
        )
    })
    .unwrap();
    let c = s.client(id).unwrap();
    let r =
        crate::report::build(&s, &c, Period::parse_week("2026-W47").unwrap(), wednesday).unwrap();
    let md = write(&r, Format::Markdown);
    assert!(md.contains("| Impressions | 5,500 | 1,000 | — |"), "{md}");
    assert!(
        md.contains("* Not comparable: the previous period has Instagram · Impressions only"),
        "{md}"
    );
    assert!(html(&r).contains("Not comparable"));
    let v: serde_json::Value = serde_json::from_str(&json(&r)).unwrap();
    assert_eq!(
        v["not_comparable"][0],
        serde_json::json!({"platform": "instagram", "metric": "impressions"})
    );
    assert!(v["totals"]["impressions"]["change_pct"].is_null());
    crate::i18n::with_lang(crate::i18n::Lang::Fr, || {
        let md = write(&r, Format::Markdown);
        assert!(md.contains("* Non comparable\u{202f}:"), "{md}");
    });
}
