use chrono::{NaiveDateTime, TimeZone};
use icalendar::Component;

use super::*;

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn post(id: i64, when: &str, title: &str, body: &str) -> Post {
    let mut p = Post {
        id,
        title: title.into(),
        body: body.into(),
        status: PostStatus::Scheduled,
        ..Post::default()
    };
    p.schedule(Some(local(when)), "Europe/Paris".parse().unwrap());
    p
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 20, 12, 0, 0).unwrap()
}

#[test]
fn escaping_and_folding() {
    assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    let long = format!("DESCRIPTION:{}", "é".repeat(80));
    let folded = fold(&long);
    for line in folded.split("\r\n") {
        assert!(line.len() <= 75, "{} octets", line.len());
    }
    assert_eq!(
        folded.replace("\r\n ", ""),
        long,
        "unfolding gives the line back"
    );
}

#[test]
fn a_calendar_program_reads_it_across_a_dst_change() {
    // 09:00 in Paris the day before and the day after clocks go back (Oct 25, 2026).
    let before = post(
        7,
        "2026-10-24 09:00",
        "Croissants, sourdough; and more",
        "Line one\nLine two, with a comma",
    );
    let after = post(
        8,
        "2026-10-26 09:00",
        &"Long title ".repeat(12),
        "🥐 Bûche de Noël",
    );
    let undated = Post {
        id: 9,
        title: "idea".into(),
        ..Post::default()
    };
    let events: Vec<Event> = [&before, &after, &undated]
        .into_iter()
        .map(|p| Event {
            post: p,
            marks: "[IG] ".into(),
            client: "Boulangerie Marcel",
            pillar: Some("Products"),
        })
        .collect();
    let text = write(&events, "Boulangerie Marcel", now());

    // The file itself: CRLF everywhere, no line over 75 octets.
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    assert!(text.contains("UID:post-7@twohats\r\n"));
    assert!(
        text.contains("DTSTART:20261024T070000Z\r\n"),
        "09:00 CEST is 07:00 UTC"
    );
    assert!(
        text.contains("DTSTART:20261026T080000Z\r\n"),
        "09:00 CET is 08:00 UTC"
    );

    // An independent parser reads it; the required properties are checked here, since
    // lenient parsers accept broken files.
    let unfolded = icalendar::parser::unfold(&text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let props: Vec<(String, String)> = cal
        .properties
        .iter()
        .map(|p| (p.name.to_string(), p.val.to_string()))
        .collect();
    assert!(props.contains(&("VERSION".into(), "2.0".into())));
    assert!(props.iter().any(|(k, _)| k == "PRODID"));
    let cal: icalendar::Calendar = cal.into();
    let events: Vec<&icalendar::Event> =
        cal.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 2, "the undated idea is left out");
    for e in &events {
        for required in ["UID", "DTSTAMP", "DTSTART"] {
            assert!(e.properties().contains_key(required), "{required} missing");
        }
    }
    assert_eq!(
        events[0].get_summary(),
        Some("[IG] Croissants, sourdough; and more")
    );
    assert_eq!(
        events[0].get_description(),
        Some("Line one\nLine two, with a comma\n\nBoulangerie Marcel: scheduled")
    );
    let start = |e: &icalendar::Event| match e.get_start() {
        Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t))) => t,
        other => panic!("{other:?}"),
    };
    let paris: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
    assert_eq!(
        start(events[0])
            .with_timezone(&paris)
            .format("%H:%M")
            .to_string(),
        "09:00"
    );
    assert_eq!(
        start(events[1])
            .with_timezone(&paris)
            .format("%H:%M")
            .to_string(),
        "09:00"
    );
    assert_eq!(
        events[1].get_summary(),
        Some(format!("[IG] {}", "Long title ".repeat(12)).as_str())
    );
    assert_eq!(
        events[1]
            .get_description()
            .map(|d| d.starts_with("🥐 Bûche de Noël")),
        Some(true)
    );
}

#[test]
fn uids_are_stable() {
    let p = post(42, "2026-11-24 10:00", "t", "b");
    let e = [Event {
        post: &p,
        marks: String::new(),
        client: "",
        pillar: None,
    }];
    let a = write(&e, "c", now());
    let b = write(&e, "c", now() + chrono::Duration::days(3));
    let uid = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("UID:"))
            .map(str::to_string)
    };
    assert_eq!(uid(&a), uid(&b));
    assert_eq!(uid(&a).as_deref(), Some("UID:post-42@twohats"));
}
