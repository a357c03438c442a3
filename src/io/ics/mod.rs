//! iCalendar (RFC 5545) export of scheduled posts: stable UIDs, CRLF line ends, lines
//! folded at 75 octets without splitting a character, TEXT values escaped.

use chrono::{DateTime, Duration, Utc};

use crate::domain::post::{Post, PostStatus};

/// How long a post's event lasts in a calendar program.
const EVENT_MINUTES: i64 = 15;

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            // Other control characters have no place in a calendar line.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (CRLF and one space), on character boundaries.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            // The leading space counts toward the next line's 75 octets.
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// One post as the calendar shows it.
pub struct Event<'a> {
    pub post: &'a Post,
    /// `[IG FB] ` marks of the post's platforms.
    pub marks: String,
    pub client: &'a str,
    pub pillar: Option<&'a str>,
}

/// Writes a calendar of the posts that have a time; posts without one are left out.
pub fn write(events: &[Event<'_>], calendar_name: &str, now: DateTime<Utc>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//twohats//editorial calendar//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("X-WR-CALNAME:{}", escape(calendar_name)),
    ];
    for e in events {
        let p = e.post;
        let Some(at) = p.at else { continue };
        let title = if p.title.trim().is_empty() {
            p.body.lines().next().unwrap_or("").to_string()
        } else {
            p.title.clone()
        };
        let status = match p.status {
            PostStatus::Idea | PostStatus::Draft => "TENTATIVE",
            PostStatus::Cancelled | PostStatus::Failed => "CANCELLED",
            _ => "CONFIRMED",
        };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:post-{}@twohats", p.id));
        lines.push(format!("DTSTAMP:{}", stamp(now)));
        lines.push(format!("DTSTART:{}", stamp(at)));
        lines.push(format!(
            "DTEND:{}",
            stamp(at + Duration::minutes(EVENT_MINUTES))
        ));
        lines.push(format!(
            "SUMMARY:{}",
            escape(&format!("{}{title}", e.marks))
        ));
        let mut description = p.body.clone();
        if !e.client.is_empty() {
            description = format!("{}\n\n{}: {}", description, e.client, p.status.key());
        }
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
        lines.push(format!("STATUS:{status}"));
        if let Some(pillar) = e.pillar {
            lines.push(format!("CATEGORIES:{}", escape(pillar)));
        }
        if p.permalink.starts_with("https://") || p.permalink.starts_with("http://") {
            lines.push(format!("URL:{}", p.permalink));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests;
