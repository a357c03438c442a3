//! Inbox items: comments, replies, DMs, mentions and reviews waiting for an answer, the
//! reply-time target they are held to, and the figures a freelancer reports on.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::Version;
use super::platform::Platform;

pub type ItemId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Comment,
    Reply,
    Dm,
    Mention,
    Review,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Comment,
        Kind::Reply,
        Kind::Dm,
        Kind::Mention,
        Kind::Review,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Kind::Comment => "comment",
            Kind::Reply => "reply",
            Kind::Dm => "dm",
            Kind::Mention => "mention",
            Kind::Review => "review",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        let k = s.trim();
        if ["message", "direct", "direct_message"]
            .iter()
            .any(|w| k.eq_ignore_ascii_case(w))
        {
            return Some(Kind::Dm);
        }
        Kind::ALL
            .into_iter()
            .find(|x| x.key().eq_ignore_ascii_case(k))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Replied,
    Ignored,
    FollowUp,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::New,
        Status::Replied,
        Status::Ignored,
        Status::FollowUp,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Replied => "replied",
            Status::Ignored => "ignored",
            Status::FollowUp => "follow_up",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.key() == s)
    }
    /// Still waiting for an answer.
    pub fn is_pending(self) -> bool {
        matches!(self, Status::New | Status::FollowUp)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

impl Sentiment {
    pub const ALL: [Sentiment; 3] = [Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative];
    pub fn key(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Neutral => "neutral",
            Sentiment::Negative => "negative",
        }
    }
    pub fn parse(s: &str) -> Option<Sentiment> {
        Sentiment::ALL.into_iter().find(|x| x.key() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: ItemId,
    pub client_id: i64,
    pub platform: Platform,
    pub kind: Kind,
    pub author: String,
    pub author_name: String,
    pub text: String,
    pub received_at: DateTime<Utc>,
    pub permalink: String,
    pub external_id: Option<String>,
    pub post_id: Option<i64>,
    pub status: Status,
    pub priority: bool,
    /// The user's choice; `None` keeps the suggestion.
    pub sentiment: Option<Sentiment>,
    pub suggested: Sentiment,
    pub tags: Vec<String>,
    pub reply: String,
    pub replied_at: Option<DateTime<Utc>>,
    /// The title (or text) of the calendar post the item answers, when known.
    pub post_title: Option<String>,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// What the reply figures read of an item (a report reads a month of these, not whole
/// items).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub status: Status,
    pub received_at: DateTime<Utc>,
    pub replied_at: Option<DateTime<Utc>>,
}

impl Timing {
    /// When the client's reply-time target is missed.
    pub fn due(&self, target_hours: u32) -> DateTime<Utc> {
        self.received_at + Duration::hours(i64::from(target_hours))
    }
    pub fn is_overdue(&self, target_hours: u32, now: DateTime<Utc>) -> bool {
        self.status.is_pending() && self.due(target_hours) < now
    }
}

impl Item {
    pub fn timing(&self) -> Timing {
        Timing {
            status: self.status,
            received_at: self.received_at,
            replied_at: self.replied_at,
        }
    }
    pub fn sentiment(&self) -> Sentiment {
        self.sentiment.unwrap_or(self.suggested)
    }
    /// When the client's reply-time target is missed.
    pub fn due(&self, target_hours: u32) -> DateTime<Utc> {
        self.timing().due(target_hours)
    }
    /// Time left before the target is missed (negative: overdue by that much); `None`
    /// once the item no longer waits.
    pub fn time_left(&self, target_hours: u32, now: DateTime<Utc>) -> Option<Duration> {
        self.status
            .is_pending()
            .then(|| self.due(target_hours) - now)
    }
    pub fn is_overdue(&self, target_hours: u32, now: DateTime<Utc>) -> bool {
        self.timing().is_overdue(target_hours, now)
    }
}

/// A new item, from a form or an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    pub platform: Platform,
    pub kind: Kind,
    pub author: String,
    pub author_name: String,
    pub text: String,
    pub received_at: DateTime<Utc>,
    pub permalink: String,
    pub external_id: Option<String>,
}

/// The placeholders a saved reply may hold.
pub const PLACEHOLDERS: [&str; 3] = ["{author}", "{name}", "{client}"];

/// The `{word}`s of a saved reply that are not placeholders (`{prenom}`), each once, in
/// the order they appear. Braces around anything else (`{ }`, `{:)}`) are left alone.
pub fn unknown_placeholders(template: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for rest in template.split('{').skip(1) {
        let Some((word, _)) = rest.split_once('}') else {
            continue;
        };
        let looks_like_one = !word.is_empty()
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        let found = format!("{{{word}}}");
        if looks_like_one && !PLACEHOLDERS.contains(&found.as_str()) && !out.contains(&found) {
            out.push(found);
        }
    }
    out
}

/// Fills a saved reply's placeholders: `{author}` (the handle), `{name}` (the display
/// name, else the handle) and `{client}`.
pub fn fill_reply(template: &str, item: &Item, client: &str) -> String {
    let name = if item.author_name.trim().is_empty() {
        item.author.as_str()
    } else {
        item.author_name.as_str()
    };
    template
        .replace("{author}", &item.author)
        .replace("{name}", name)
        .replace("{client}", client)
}

/// A saved reply of a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedReply {
    pub id: i64,
    pub client_id: i64,
    pub name: String,
    pub text: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

/// Reply-time figures over a set of items.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReplyStats {
    pub pending: usize,
    pub overdue: usize,
    pub replied: usize,
    /// Replied / (replied + still pending), in percent; ignored items are left out.
    pub reply_rate: Option<f64>,
    /// Minutes from reception to reply.
    pub median_minutes: Option<i64>,
    pub p90_minutes: Option<i64>,
}

/// The value at `q` (0..=1) of sorted values, nearest rank.
pub fn percentile(sorted: &[i64], q: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Figures over `items` (each with its client's target in hours) for the items received
/// since `since` (all when `None`).
pub fn stats(
    items: impl IntoIterator<Item = (Timing, u32)>,
    now: DateTime<Utc>,
    since: Option<DateTime<Utc>>,
) -> ReplyStats {
    let mut pending = 0;
    let mut overdue = 0;
    let mut times = Vec::new();
    for (it, target) in items {
        if since.is_some_and(|s| it.received_at < s) {
            continue;
        }
        if it.status.is_pending() {
            pending += 1;
            if it.is_overdue(target, now) {
                overdue += 1;
            }
        } else if it.status == Status::Replied
            && let Some(at) = it.replied_at
        {
            times.push((at - it.received_at).num_minutes().max(0));
        }
    }
    times.sort_unstable();
    let replied = times.len();
    ReplyStats {
        pending,
        overdue,
        replied,
        reply_rate: (replied + pending > 0)
            .then(|| replied as f64 * 100.0 / (replied + pending) as f64),
        median_minutes: percentile(&times, 0.5),
        p90_minutes: percentile(&times, 0.9),
    }
}

/// Reads tags typed as `a, b c` into `["a", "b", "c"]`, lower case, without duplicates.
pub fn parse_tags(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in s.split(|c: char| c == ',' || c.is_whitespace()) {
        let t = t.trim().trim_start_matches('#').to_lowercase();
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, h, m, 0).unwrap()
    }

    fn item(status: Status, received: DateTime<Utc>, replied: Option<DateTime<Utc>>) -> Item {
        Item {
            version: 0,
            id: 0,
            client_id: 1,
            platform: Platform::Instagram,
            kind: Kind::Comment,
            author: "@ana".into(),
            author_name: "Ana".into(),
            text: String::new(),
            received_at: received,
            permalink: String::new(),
            external_id: None,
            post_id: None,
            status,
            priority: false,
            sentiment: None,
            suggested: Sentiment::Neutral,
            tags: vec![],
            reply: String::new(),
            replied_at: replied,
            post_title: None,
        }
    }

    #[test]
    fn time_left_and_overdue() {
        let it = item(Status::New, at(8, 0), None);
        assert_eq!(it.time_left(4, at(10, 30)), Some(Duration::minutes(90)));
        assert!(!it.is_overdue(4, at(11, 59)));
        assert!(it.is_overdue(4, at(12, 1)));
        let done = item(Status::Replied, at(8, 0), Some(at(9, 0)));
        assert_eq!(done.time_left(4, at(20, 0)), None);
    }

    #[test]
    fn stats_by_hand() {
        // Replied after 30, 60, 120, 240 and 600 minutes; two pending, one overdue;
        // one ignored (left out).
        let mut items = vec![];
        for mins in [30, 60, 120, 240, 600] {
            items.push(item(
                Status::Replied,
                at(0, 0),
                Some(at(0, 0) + Duration::minutes(mins)),
            ));
        }
        items.push(item(Status::New, at(1, 0), None));
        items.push(item(Status::FollowUp, at(11, 0), None));
        items.push(item(Status::Ignored, at(2, 0), None));
        let s = stats(items.iter().map(|i| (i.timing(), 4)), at(12, 0), None);
        assert_eq!((s.pending, s.overdue, s.replied), (2, 1, 5));
        assert_eq!(s.median_minutes, Some(120));
        assert_eq!(s.p90_minutes, Some(600));
        assert!((s.reply_rate.unwrap() - 500.0 / 7.0).abs() < 1e-9);
        let none = stats(std::iter::empty(), at(12, 0), None);
        assert_eq!(none.reply_rate, None);
        assert_eq!(none.median_minutes, None);
    }

    #[test]
    fn placeholders_and_tags() {
        let it = item(Status::New, at(8, 0), None);
        assert_eq!(
            fill_reply("Merci {name} ({author}) ! L'équipe {client}", &it, "Marcel"),
            "Merci Ana (@ana) ! L'équipe Marcel"
        );
        assert_eq!(parse_tags("Order, #order  delivery"), ["order", "delivery"]);
        assert_eq!(
            unknown_placeholders("Bonjour {prenom}, merci {name} ! {prenom} {Nom} { } {:)} {"),
            ["{prenom}", "{Nom}"]
        );
        assert!(unknown_placeholders("Merci {name} ({author}) · {client}").is_empty());
        assert_eq!(Kind::parse("Message"), Some(Kind::Dm));
    }
}

/// Which items by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// New and follow-up.
    #[default]
    Pending,
    Replied,
    Ignored,
    All,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::Pending,
        StatusFilter::Replied,
        StatusFilter::Ignored,
        StatusFilter::All,
    ];
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Pending => "pending",
            StatusFilter::Replied => "replied",
            StatusFilter::Ignored => "ignored",
            StatusFilter::All => "all",
        }
    }
    pub fn parse(s: &str) -> Option<StatusFilter> {
        StatusFilter::ALL.into_iter().find(|x| x.key() == s)
    }
}

/// The order of the inbox list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Items still waiting first, by when the client's reply-time target is missed: the
    /// latest first (by how late), then by the time left; then the others, newest first.
    /// Clients' targets differ, so across clients this is not the oldest first.
    #[default]
    Urgency,
    Oldest,
    Newest,
    /// By client name, each client's items most urgent first.
    Client,
}

impl Order {
    pub const ALL: [Order; 4] = [Order::Urgency, Order::Oldest, Order::Newest, Order::Client];

    /// The order after this one, as `o` cycles them.
    pub fn next(self) -> Order {
        let i = Order::ALL.iter().position(|o| *o == self).unwrap_or(0);
        Order::ALL[(i + 1) % Order::ALL.len()]
    }
}

/// What the inbox list shows, and in which order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// One client, or all.
    pub client: Option<i64>,
    pub status: StatusFilter,
    pub platform: Option<Platform>,
    pub kind: Option<Kind>,
    pub tag: Option<String>,
    /// Words to find in the text, the author or the display name.
    pub text: Option<String>,
    pub order: Order,
}

impl Filter {
    /// True when anything beyond client and status narrows the list.
    pub fn is_narrowed(&self) -> bool {
        self.platform.is_some() || self.kind.is_some() || self.tag.is_some() || self.text.is_some()
    }

    /// The list as it opens (items waiting, nothing narrowing it) in the same order and
    /// for the same client.
    pub fn cleared(&self) -> Filter {
        Filter {
            client: self.client,
            order: self.order,
            ..Filter::default()
        }
    }

    /// The same filter without its words.
    pub fn without_text(&self) -> Filter {
        Filter {
            text: None,
            ..self.clone()
        }
    }
}

/// What a text search looks in: an item's author, display name and text, one per line,
/// ASCII letters in lower case.
pub fn searchable(author: &str, author_name: &str, text: &str) -> String {
    let mut s = String::with_capacity(author.len() + author_name.len() + text.len() + 2);
    for (i, part) in [author, author_name, text].into_iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(part);
    }
    s.make_ascii_lowercase();
    s
}

/// True when every word of `words` is in one of the parts of a [`searchable`], found as
/// the database's `LIKE '%word%'` finds it: ASCII letters in either case, any other
/// character as it is. (A word holds no line break, so it cannot span two parts.)
pub fn finds(words: &str, searchable: &str) -> bool {
    words
        .split_whitespace()
        .all(|w| searchable.contains(w.to_ascii_lowercase().as_str()))
}

/// A change to one or more items (bulk actions apply the same change to each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Answered now; records the reply time.
    MarkReplied,
    Ignore,
    FollowUp,
    /// Back to new (for an item marked by mistake).
    Reopen,
    SetPriority(bool),
    /// `None` goes back to the suggestion.
    SetSentiment(Option<Sentiment>),
    AddTags(Vec<String>),
    SetTags(Vec<String>),
    SetReply(String),
}

/// Applies a change to an item.
pub fn apply(op: &Op, it: &mut Item, now: DateTime<Utc>) {
    match op {
        Op::MarkReplied => {
            it.status = Status::Replied;
            it.replied_at = Some(now);
        }
        Op::Ignore => {
            it.status = Status::Ignored;
            it.replied_at = None;
        }
        Op::FollowUp => {
            it.status = Status::FollowUp;
            it.replied_at = None;
        }
        Op::Reopen => {
            it.status = Status::New;
            it.replied_at = None;
        }
        Op::SetPriority(p) => it.priority = *p,
        Op::SetSentiment(s) => it.sentiment = *s,
        Op::AddTags(tags) => {
            for t in tags {
                if !it.tags.contains(t) {
                    it.tags.push(t.clone());
                }
            }
        }
        Op::SetTags(tags) => it.tags = tags.clone(),
        Op::SetReply(text) => it.reply = text.clone(),
    }
}
