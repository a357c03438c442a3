//! Property tests: the parsers, counters and exporters take any input without a panic,
//! and keep their promises (folded iCalendar lines, escaped HTML, sanitized text).

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::domain::Platform;
use crate::domain::count::count;
use crate::domain::metric::{Unit, parse_scaled};
use crate::domain::money::{Money, currency};
use crate::domain::post::{Post, tagged_link};
use crate::domain::strategy::{parse_handles, parse_hashtags};
use crate::domain::text::{sanitize_line, truncate, width};
use crate::io::ics;

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn counters_never_panic(s in "\\PC*", p in 0usize..12) {
        let c = count(&s, Platform::ALL[p]);
        prop_assert!(c.used <= s.len() * 23 + 23);
    }

    #[test]
    fn form_parsers_never_panic(s in "\\PC*") {
        let _ = Money::parse(&s, currency("EUR").unwrap());
        let _ = Money::parse(&s, currency("JPY").unwrap());
        for u in [Unit::Count, Unit::Percent, Unit::Ratio, Unit::Hours] {
            let _ = parse_scaled(&s, u);
        }
        let _ = parse_hashtags(&s);
        let _ = parse_handles(&s);
        let _ = crate::domain::inbox::parse_tags(&s);
        let _ = crate::domain::client::parse_timezone(&s);
        let _ = crate::io::kpi::read(s.as_bytes(), &crate::io::kpi::Context::new(
            "p", NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        ));
    }

    #[test]
    fn money_round_trips(minor in -1_000_000_000i64..1_000_000_000) {
        let eur = currency("EUR").unwrap();
        let m = Money::new(minor, eur);
        prop_assert_eq!(Money::parse(&m.plain(), eur).unwrap().minor, minor);
        prop_assert_eq!(Money::parse(&m.display(), eur).unwrap().minor, minor);
    }

    #[test]
    fn sanitized_text_has_no_controls(s in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f]*") {
        let safe = sanitize_line(&s);
        prop_assert!(!safe.chars().any(char::is_control));
        let cut = truncate(&safe, 17);
        prop_assert!(width(&cut) <= 17);
    }

    #[test]
    fn ics_lines_fold_and_escape(title in "\\PC*", body in "\\PC*|[\\r\\n;,\\\\]*") {
        let mut p = Post { id: 1, title, body, ..Post::default() };
        p.schedule(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(9, 0, 0), "Europe/Paris".parse().unwrap());
        let e = [ics::Event { post: &p, marks: String::new(), client: "c", pillar: None }];
        let text = ics::write(&e, "c", chrono::Utc::now());
        for line in text.split("\r\n") {
            prop_assert!(line.len() <= 75);
        }
        prop_assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn posts_csv_never_panics(s in "\\PC*") {
        let file = format!("date,time,platforms,title,body,pillar,campaign,status\n{s}\n");
        let ctx = crate::io::posts::Context {
            file: "p.csv", client_id: 1, tz: "Europe/Paris".parse().unwrap(), accounts: &[], pillars: &[], campaigns: &[],
        };
        let _ = crate::io::posts::read(file.as_bytes(), &ctx);
        let _ = crate::io::inbox::read(s.as_bytes(), crate::io::inbox::Format::Auto, &crate::io::inbox::Context {
            file: "i", platform: Some(Platform::X), tz: chrono_tz::UTC,
        });
    }

    #[test]
    fn links_and_html_escape(link in "\\PC*", name in "\\PC*") {
        let _ = tagged_link(&link, "x", "social", &name);
        let e = crate::io::report::html::esc(&name);
        prop_assert!(!e.contains('<') && !e.contains('>'));
    }
}

/// The report exporters take any client name and any figures.
#[test]
fn report_exporters_take_any_name() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 60,
        ..ProptestConfig::default()
    });
    runner
        .run(&"\\PC{0,40}", |name| {
            let s = crate::store::Store::open_in_memory().unwrap();
            let mut d = crate::domain::ClientDraft::new("x");
            d.name = if name.trim().is_empty() {
                "x".into()
            } else {
                name.chars().filter(|c| !c.is_control()).collect()
            };
            let Ok(id) = s.insert_client(&d, chrono::Utc::now()) else {
                return Ok(());
            };
            let c = s.client(id).unwrap();
            let r = crate::report::build(
                &s,
                &c,
                crate::domain::report::Period::parse_week("2026-W47").unwrap(),
                chrono::Utc::now(),
            )
            .unwrap();
            for f in [
                crate::io::report::Format::Html,
                crate::io::report::Format::Markdown,
                crate::io::report::Format::Csv,
                crate::io::report::Format::Json,
            ] {
                let _ = crate::io::report::write(&r, f);
            }
            Ok(())
        })
        .unwrap();
}
