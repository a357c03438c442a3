//! The demo at a busy freelancer's scale, for benchmarks: years of work for 30 clients.
//! Deterministic (the same file every time) and written in one transaction.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::Tx;
use crate::domain::Platform;
use crate::domain::inbox::{ItemDraft, Kind, Op, apply};
use crate::domain::kpi::DailyValue;
use crate::domain::metric::Metric;
use crate::domain::post::{Post, PostStatus};
use crate::domain::{AccountDraft, ClientDraft};
use crate::store::Result;

/// How much to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub clients: usize,
    pub accounts: usize,
    pub posts: usize,
    pub items: usize,
    /// Days of daily figures per account (15 metrics a day).
    pub kpi_days: usize,
}

/// 30 clients, 80 accounts, 50,000 posts, 500,000 inbox items, 2,000,000 daily values.
pub const LARGE: Scale = Scale {
    clients: 30,
    accounts: 80,
    posts: 50_000,
    items: 500_000,
    kpi_days: 1_667,
};

/// The canonical metrics (additive ones and followers): every one a daily value. Watch
/// time is left out: the benchmark's sizes stay those the README measured.
pub fn metrics() -> Vec<Metric> {
    Metric::ALL
        .into_iter()
        .filter(|m| m.is_canonical() && *m != Metric::WatchTime)
        .collect()
}

const BUSINESSES: [&str; 10] = [
    "Bakery",
    "Bike Shop",
    "Studio",
    "Hotel",
    "Café",
    "Florist",
    "Gym",
    "Bookshop",
    "Dental Clinic",
    "Winery",
];
const TOWNS: [&str; 6] = ["Lyon", "Brussels", "Toronto", "Zermatt", "Nantes", "Geneva"];
const ZONES: [(&str, &str); 5] = [
    ("Europe/Paris", "EUR"),
    ("Europe/Brussels", "EUR"),
    ("America/Toronto", "CAD"),
    ("Europe/Zurich", "CHF"),
    ("Europe/London", "GBP"),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Writes the large demo; returns (clients, accounts, posts, items, daily values).
pub fn fill(
    tx: &Tx<'_>,
    scale: Scale,
    now: DateTime<Utc>,
    mut tick: impl FnMut(u64),
) -> Result<[usize; 5]> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let today = now.date_naive();
    let mut clients = Vec::new();
    for i in 0..scale.clients {
        let (tz, cur) = ZONES[i % ZONES.len()];
        let d = ClientDraft {
            name: format!(
                "{} {} {:02}",
                BUSINESSES[i % BUSINESSES.len()],
                TOWNS[i % TOWNS.len()],
                i + 1
            ),
            currency: cur.into(),
            timezone: tz.into(),
            reply_target_hours: [2, 4, 4, 8, 24][i % 5],
            notes: String::new(),
        };
        clients.push((
            tx.insert_client(&d, now, true)?,
            tz.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC),
        ));
    }
    // Accounts: each client gets its share, on distinct platforms.
    let mut accounts: Vec<(i64, i64, Platform)> = Vec::new();
    for n in 0..scale.accounts {
        let ci = n % scale.clients.max(1);
        let round = n / scale.clients.max(1);
        let platform = Platform::ALL[(ci + round * 3) % 10];
        let id = tx.insert_account(
            clients[ci].0,
            &AccountDraft {
                platform,
                handle: format!("@client{:02}_{}", ci + 1, platform.key()),
            },
            now,
        )?;
        accounts.push((clients[ci].0, id, platform));
    }
    // Daily figures for every account.
    let mut kpi = 0;
    for (n, (client, _, platform)) in accounts.iter().enumerate() {
        let metrics = metrics();
        let mut values = Vec::with_capacity(scale.kpi_days * metrics.len());
        let mut followers = 500.0 + (n as f64) * 37.0;
        for d in 0..scale.kpi_days {
            let day: NaiveDate = today - Duration::days((scale.kpi_days - d) as i64);
            let imp = 300.0 + rng.below(2_000) as f64;
            followers += rng.below(9) as f64;
            for &m in &metrics {
                let v = match m {
                    Metric::Impressions => imp,
                    Metric::Reach => imp * 0.6,
                    Metric::Followers => followers,
                    Metric::Spend | Metric::Revenue => (rng.below(5_000)) as f64,
                    _ => (imp * 0.02) * (1.0 + rng.below(10) as f64 / 10.0),
                };
                values.push(DailyValue {
                    platform: *platform,
                    day,
                    metric: m,
                    value: v.round() as i64,
                });
            }
        }
        kpi += tx.upsert_daily(*client, &values, |_| {})?.stored;
        tick(values.len() as u64);
    }
    // Posts over three years: two past, one ahead.
    for n in 0..scale.posts {
        let ci = n % scale.clients.max(1);
        let (client, tz) = clients[ci];
        let own: Vec<i64> = accounts
            .iter()
            .filter(|a| a.0 == client)
            .map(|a| a.1)
            .collect();
        let offset = (n as i64 * 1095 / scale.posts.max(1) as i64) - 730;
        let day = today + Duration::days(offset);
        let status = match offset {
            o if o < 0 => PostStatus::Published,
            0..=7 => PostStatus::Scheduled,
            8..=30 => PostStatus::Draft,
            _ => PostStatus::Idea,
        };
        let mut p = Post {
            client_id: client,
            accounts: own.iter().take(1 + (n % 2)).copied().collect(),
            status,
            title: format!("Post {n}"),
            body: format!("Post number {n}: news, offers and behind the scenes #demo"),
            utm_medium: "social".into(),
            ..Post::default()
        };
        p.schedule(day.and_hms_opt(8 + (n % 10) as u32, 0, 0), tz);
        tx.save_post(&p, now)?;
        if n % 1000 == 0 {
            tick(1000);
        }
    }
    // Inbox: two years of messages; the last week's half still waits.
    let per_client = scale.items / scale.clients.max(1);
    let mut items = 0;
    for (ci, (client, _)) in clients.iter().enumerate() {
        let own: Vec<Platform> = accounts
            .iter()
            .filter(|a| a.0 == *client)
            .map(|a| a.2)
            .collect();
        for k in 0..per_client + usize::from(ci < scale.items % scale.clients.max(1)) {
            let minutes_ago =
                (k as i64 * 730 * 24 * 60 / per_client.max(1) as i64) + rng.below(60) as i64;
            let received_at = now - Duration::minutes(minutes_ago);
            let d = ItemDraft {
                platform: own[k % own.len().max(1)],
                kind: Kind::ALL[k % 5],
                author: format!("@fan{}", rng.below(50_000)),
                author_name: String::new(),
                text: [
                    "Love it!",
                    "When do you open?",
                    "Not happy with my order",
                    "Thanks!",
                    "Is this available in blue?",
                ][k % 5]
                    .into(),
                received_at,
                permalink: String::new(),
                external_id: Some(format!("large-{client}-{k}")),
            };
            if !tx.insert_item(*client, &d, now)? {
                continue;
            }
            items += 1;
            if minutes_ago > 7 * 24 * 60 || k % 2 == 0 {
                let id = tx.last_insert_id();
                let mut it = tx.items(&[id])?.remove(0);
                if k % 7 == 0 {
                    apply(&Op::Ignore, &mut it, now);
                } else {
                    apply(
                        &Op::MarkReplied,
                        &mut it,
                        received_at + Duration::minutes(10 + rng.below(1_200) as i64),
                    );
                }
                tx.update_item(&it)?;
            }
            if k % 1000 == 0 {
                tick(1000);
            }
        }
    }
    Ok([scale.clients, scale.accounts, scale.posts, items, kpi])
}
