//! The demo clients' editorial calendars: about three posts a week from three weeks ago
//! to five weeks ahead, published in the past, scheduled and ready soon, drafts and
//! ideas later; tied to the demo pillars and campaigns.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::Tx;
use crate::domain::post::{Post, PostStatus, slug};
use crate::store::Result;

/// (title, body) ideas per client, used in turn.
fn ideas(name: &str) -> &'static [(&'static str, &'static str)] {
    match name {
        "Boulangerie Marcel" => &[
            (
                "Sourdough at dawn",
                "4 am, the oven is hot and the levain is ready. Meet Karim, our head baker 🥖 #boulangerie #lyon",
            ),
            (
                "Bûche de Noël preorders",
                "Our Christmas logs are back: chestnut, praline, or dark chocolate. Order in store until Dec 20. #buchedenoel",
            ),
            (
                "Tip: keep bread fresh",
                "Wrap it in a cloth, never in the fridge. Day-old bread? Make pain perdu! #astuce",
            ),
            (
                "Neighbours: the market",
                "Find us at the Saint-Antoine market every Sunday morning. #lyonfood",
            ),
            (
                "New: buckwheat loaf",
                "Nutty, dense, gluten-light. Try it with salted butter. #faitmaison",
            ),
            (
                "Advent calendar day",
                "Behind today's window: a mini galette for the first 20 customers 🎄",
            ),
        ],
        "Atelier Vélo Rouge" => &[
            (
                "Winter check-up",
                "Lights, brakes, tyres: our 20-minute winter check-up keeps you riding. Book at the shop. #velo #bruxelles",
            ),
            (
                "Tutorial: fix a flat",
                "New video: fix a flat in 5 minutes, no special tools. Link in bio.",
            ),
            (
                "Saturday workshop",
                "Learn to adjust your gears this Saturday, 10:00. 6 places left.",
            ),
            (
                "Route of the month",
                "Brussels to Leuven along the canal: 30 km, flat, coffee stop at km 18.",
            ),
        ],
        "Maple & Pine Studio" => &[
            (
                "Before/after: loft",
                "From raw concrete to a warm family loft in six weeks. Swipe for the process.",
            ),
            (
                "Material focus: oak",
                "Why we keep coming back to white oak: texture, light, and it ages beautifully.",
            ),
            (
                "Staging tips",
                "Three staging moves that help a condo sell faster in winter.",
            ),
        ],
        "Hotel Alpenrose" => &[
            (
                "First snow",
                "The Matterhorn woke up white this morning. Our winter season starts now ❄️ #zermatt",
            ),
            (
                "Spa evening",
                "After the slopes: sauna, steam room and a view on the peaks. Open until 21:00.",
            ),
            (
                "Chef's fondue",
                "Our chef's fondue moitié-moitié, every Friday by the fire.",
            ),
        ],
        _ => &[],
    }
}

const SLOTS: [(i64, u32, u32); 3] = [(0, 8, 30), (2, 12, 15), (4, 18, 0)];

/// Writes the demo calendar of the client named `name`.
pub fn fill(
    tx: &Tx<'_>,
    client: i64,
    name: &str,
    accounts: &[i64],
    tz: Tz,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let ideas = ideas(name);
    if ideas.is_empty() || accounts.is_empty() {
        return Ok(());
    }
    let plan = tx.plan(client)?;
    let start = crate::domain::dates::monday(today) - Duration::weeks(3);
    let mut n = 0usize;
    for week in 0..8 {
        for (day, h, mi) in SLOTS {
            let date = start + Duration::days(week * 7 + day);
            let (title, body) = ideas[n % ideas.len()];
            let days_ahead = (date - today).num_days();
            let status = match days_ahead {
                // Yesterday's post never went out: Today has a late post to try `p`
                // and `y` on, whatever day the demo is loaded.
                -1 => PostStatus::Scheduled,
                d if d < 0 => PostStatus::Published,
                0..=2 => PostStatus::Scheduled,
                3..=7 => PostStatus::Ready,
                8..=20 => PostStatus::Draft,
                _ => PostStatus::Idea,
            };
            let campaign = plan.campaigns.iter().find(|c| c.covers(date));
            let mut p = Post {
                client_id: client,
                accounts: vec![
                    accounts[n % accounts.len()],
                    accounts[(n + 1) % accounts.len()],
                ],
                status,
                title: title.into(),
                body: body.into(),
                pillar_id: plan
                    .pillars
                    .get(n % plan.pillars.len().max(1))
                    .map(|p| p.id),
                campaign_id: campaign.map(|c| c.id),
                target_id: plan.targets.first().map(|t| t.id),
                utm_medium: "social".into(),
                utm_campaign: campaign.map(|c| slug(&c.name)).unwrap_or_default(),
                permalink: if status == PostStatus::Published {
                    format!("https://example.com/{}/post/{n}", slug(name))
                } else {
                    String::new()
                },
                ..Post::default()
            };
            p.accounts.dedup();
            p.schedule(
                NaiveTime::from_hms_opt(h, mi, 0).map(|t| date.and_time(t)),
                tz,
            );
            tx.save_post(&p, now)?;
            n += 1;
        }
    }
    // An idea with no date yet.
    let idea = Post {
        client_id: client,
        accounts: vec![accounts[0]],
        status: PostStatus::Idea,
        title: "Idea: customer portrait series".into(),
        body: "Interview a regular each month; short video + quote card.".into(),
        ..Post::default()
    };
    tx.save_post(&idea, now)?;
    Ok(())
}
