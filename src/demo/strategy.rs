//! The demo clients' strategies: personas, objectives, budgets, editorial lines,
//! campaigns and competitors, dated around today so the demo always looks current.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::Tx;
use crate::domain::Platform::{self, *};
use crate::domain::metric::Metric;
use crate::domain::objective::ObjectiveDraft;
use crate::domain::strategy::*;
use crate::store::Result;

struct Persona {
    name: &'static str,
    ages: (Option<u32>, Option<u32>),
    description: &'static str,
    locations: &'static str,
    interests: &'static str,
    pains: &'static str,
    platforms: &'static [Platform],
    priority: Priority,
}

/// platform, metric, baseline, target (stored units), days since start, days to deadline
type DemoObjective = (Option<Platform>, Metric, i64, i64, i64, i64);
/// name, platforms, start offset (days from today), length, budget, status
type DemoCampaign = (
    &'static str,
    &'static [Platform],
    i64,
    i64,
    Option<i64>,
    CampaignStatus,
);
/// name, handles, notes (days ago, text)
type DemoCompetitor = (
    &'static str,
    &'static [(Platform, &'static str)],
    &'static [(i64, &'static str)],
);

struct Demo {
    tone: &'static str,
    personas: &'static [Persona],
    objectives: &'static [DemoObjective],
    /// kind, platform, monthly amount (minor units)
    budget: &'static [(BudgetKind, Option<Platform>, i64)],
    /// days from month start, amount, kind, platform, note
    expenses: &'static [(i64, i64, BudgetKind, Option<Platform>, &'static str)],
    pillars: &'static [(&'static str, u32, &'static str)],
    hashtags: &'static [(&'static str, &'static str)],
    campaigns: &'static [DemoCampaign],
    competitors: &'static [DemoCompetitor],
}

const BAKERY: Demo = Demo {
    tone: "Warm and homely, like a chat across the counter. Short sentences, a pinch of humour.\nAlways credit the bakers by name. Never salesy; no ALL CAPS.",
    personas: &[
        Persona {
            name: "Young parents",
            ages: (Some(28), Some(42)),
            description: "Pick up bread on the way home from school; order birthday cakes.",
            locations: "Lyon 3e, 7e",
            interests: "family outings, easy recipes, local shops",
            pains: "no time on weekdays; queues on Saturday morning",
            platforms: &[Instagram, Facebook],
            priority: Priority::High,
        },
        Persona {
            name: "Foodie students",
            ages: (Some(18), Some(25)),
            description: "Discover places through short videos; come for viennoiseries.",
            locations: "Lyon, near the universities",
            interests: "food trends, cheap eats, TikTok",
            pains: "tight budget",
            platforms: &[Tiktok, Instagram],
            priority: Priority::Medium,
        },
        Persona {
            name: "Offices nearby",
            ages: (Some(30), Some(55)),
            description: "Order breakfast platters for meetings.",
            locations: "Part-Dieu business district",
            interests: "catering, team events",
            pains: "late deliveries",
            platforms: &[Facebook],
            priority: Priority::Low,
        },
    ],
    objectives: &[
        (Some(Instagram), Metric::Followers, 3_000, 5_000, 60, 120),
        (
            Some(Instagram),
            Metric::EngagementRateReach,
            420,
            550,
            30,
            60,
        ),
        (None, Metric::ResponseTime, 480, 180, 30, 90),
        (Some(Tiktok), Metric::VideoViews, 150_000, 500_000, 14, 76),
    ],
    budget: &[
        (BudgetKind::PaidAds, Some(Instagram), 30_000),
        (BudgetKind::BoostedPosts, Some(Facebook), 8_000),
        (BudgetKind::ContentProduction, None, 25_000),
        (BudgetKind::Tools, None, 4_900),
    ],
    expenses: &[
        (
            1,
            4_900,
            BudgetKind::Tools,
            None,
            "Canva Pro + scheduling tool",
        ),
        (
            3,
            9_500,
            BudgetKind::PaidAds,
            Some(Instagram),
            "Meta ads: Christmas log teaser",
        ),
        (
            6,
            4_000,
            BudgetKind::BoostedPosts,
            Some(Facebook),
            "Boost: opening hours",
        ),
        (
            9,
            18_000,
            BudgetKind::ContentProduction,
            None,
            "Photo shoot, new range",
        ),
        (
            12,
            14_200,
            BudgetKind::PaidAds,
            Some(Instagram),
            "Meta ads: advent calendar",
        ),
    ],
    pillars: &[
        ("Behind the scenes", 35, "the bakers at 4 am, the sourdough"),
        ("Products", 30, "new breads, seasonal cakes"),
        ("Neighbourhood", 20, "partners, events, regulars"),
        ("Tips", 15, "keeping bread fresh, pairings"),
    ],
    hashtags: &[
        (
            "Lyon local",
            "#lyon #lyonfood #boulangerie #artisan #faitmaison",
        ),
        ("Christmas", "#buchedenoel #noel #christmasbaking #lyon"),
    ],
    campaigns: &[
        (
            "Bûches de Noël",
            &[Instagram, Facebook],
            -5,
            33,
            Some(60_000),
            CampaignStatus::Active,
        ),
        (
            "Galette des rois",
            &[Instagram, Tiktok],
            40,
            31,
            Some(30_000),
            CampaignStatus::Planned,
        ),
        (
            "Back to school",
            &[Facebook],
            -80,
            21,
            Some(15_000),
            CampaignStatus::Done,
        ),
    ],
    competitors: &[
        (
            "Maison Pralus",
            &[(Instagram, "@maisonpralus")],
            &[
                (3, "Posted a praluline reel: 40k views"),
                (20, "Started a loyalty app"),
            ],
        ),
        (
            "Le Fournil du Parc",
            &[(Instagram, "@fournilduparc"), (Facebook, "FournilDuParc")],
            &[(9, "Runs a 2-for-1 on Tuesdays")],
        ),
    ],
};

const BIKES: Demo = Demo {
    tone: "Friendly, hands-on, a bit nerdy about bikes. Tutoiement in French posts.",
    personas: &[
        Persona {
            name: "Commuters",
            ages: (Some(25), Some(50)),
            description: "Ride to work every day; need fast repairs.",
            locations: "Brussels",
            interests: "cycling infrastructure, gear",
            pains: "a flat tyre before a meeting",
            platforms: &[Instagram, Mastodon],
            priority: Priority::High,
        },
        Persona {
            name: "Weekend riders",
            ages: (Some(30), None),
            description: "Rent bikes for day trips; join workshops.",
            locations: "Brussels and Flanders",
            interests: "routes, maintenance tutorials",
            pains: "not knowing how to fix things",
            platforms: &[Youtube, Instagram],
            priority: Priority::Medium,
        },
    ],
    objectives: &[
        (Some(Youtube), Metric::NewFollows, 0, 300, 30, 150),
        (None, Metric::ResponseRate, 7_500, 9_500, 20, 70),
    ],
    budget: &[
        (BudgetKind::PaidAds, Some(Instagram), 15_000),
        (BudgetKind::FreelancerHours, None, 80_000),
    ],
    expenses: &[
        (
            2,
            12_000,
            BudgetKind::PaidAds,
            Some(Instagram),
            "Workshop promotion",
        ),
        (10, 68_000, BudgetKind::FreelancerHours, None, "17 hours"),
    ],
    pillars: &[
        ("Tutorials", 40, ""),
        ("Workshop life", 30, ""),
        ("Routes", 20, ""),
    ],
    hashtags: &[(
        "Brussels",
        "#bruxelles #brussels #velo #fietsen #bikerepair",
    )],
    campaigns: &[(
        "Winter check-up",
        &[Instagram, Mastodon],
        -10,
        40,
        Some(20_000),
        CampaignStatus::Active,
    )],
    competitors: &[(
        "Cyclo",
        &[(Instagram, "@cyclo.brussels")],
        &[(5, "Free winter check-ups announced")],
    )],
};

const STUDIO: Demo = Demo {
    tone: "Professional, warm, design-literate. Show the work; explain choices.",
    personas: &[Persona {
        name: "Property developers",
        ages: (Some(35), Some(60)),
        description: "Need show flats staged before launch.",
        locations: "Toronto, Ottawa",
        interests: "real estate, ROI",
        pains: "tight timelines",
        platforms: &[Linkedin],
        priority: Priority::High,
    }],
    objectives: &[(Some(Linkedin), Metric::Clicks, 150, 400, 20, 100)],
    budget: &[(BudgetKind::PaidAds, Some(Linkedin), 120_000)],
    expenses: &[
        (
            4,
            60_000,
            BudgetKind::PaidAds,
            Some(Linkedin),
            "LinkedIn lead gen",
        ),
        (
            15,
            52_000,
            BudgetKind::PaidAds,
            Some(Linkedin),
            "Retargeting",
        ),
    ],
    pillars: &[("Projects", 50, ""), ("Process", 30, ""), ("Team", 20, "")],
    hashtags: &[("Design", "#interiordesign #toronto #stagingdesign")],
    campaigns: &[],
    competitors: &[],
};

const HOTEL: Demo = Demo {
    tone: "Elegant, calm, welcoming. Mountain light. English and German.",
    personas: &[Persona {
        name: "Ski couples",
        ages: (Some(30), Some(60)),
        description: "Book a week in winter; ask about spa and availability by DM.",
        locations: "UK, Germany, Switzerland",
        interests: "skiing, spa, fine dining",
        pains: "slow answers to availability questions",
        platforms: &[Instagram, Facebook],
        priority: Priority::High,
    }],
    objectives: &[(None, Metric::ResponseTime, 360, 120, 10, 80)],
    budget: &[
        (BudgetKind::PaidAds, Some(Instagram), 200_000),
        (BudgetKind::ContentProduction, None, 50_000),
    ],
    expenses: &[
        (
            1,
            150_000,
            BudgetKind::PaidAds,
            Some(Instagram),
            "Winter season ads",
        ),
        (
            8,
            80_000,
            BudgetKind::PaidAds,
            Some(Instagram),
            "Christmas packages",
        ),
        (
            12,
            30_000,
            BudgetKind::ContentProduction,
            None,
            "Drone footage",
        ),
    ],
    pillars: &[
        ("Rooms & spa", 40, ""),
        ("The mountain", 40, ""),
        ("Table", 20, ""),
    ],
    hashtags: &[("Zermatt", "#zermatt #matterhorn #swissalps #boutiquehotel")],
    campaigns: &[(
        "Winter opening",
        &[Instagram, Facebook],
        -20,
        30,
        Some(250_000),
        CampaignStatus::Active,
    )],
    competitors: &[(
        "Hotel Bellevue",
        &[(Instagram, "@bellevue.zermatt")],
        &[(2, "New spa photos, strong engagement")],
    )],
};

fn demo_for(name: &str) -> Option<&'static Demo> {
    match name {
        "Boulangerie Marcel" => Some(&BAKERY),
        "Atelier Vélo Rouge" => Some(&BIKES),
        "Maple & Pine Studio" => Some(&STUDIO),
        "Hotel Alpenrose" => Some(&HOTEL),
        _ => None,
    }
}

fn month_start(d: NaiveDate) -> NaiveDate {
    month_of(d)
}

/// Writes the demo strategy of the client named `name`.
pub fn fill(
    tx: &Tx<'_>,
    client: i64,
    name: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let Some(d) = demo_for(name) else {
        return Ok(());
    };
    tx.set_tone(client, d.tone)?;
    for p in d.personas {
        tx.save_target(
            client,
            &Target {
                id: 0,
                version: 0,
                name: p.name.into(),
                description: p.description.into(),
                age_min: p.ages.0,
                age_max: p.ages.1,
                locations: p.locations.into(),
                interests: p.interests.into(),
                pains: p.pains.into(),
                platforms: p.platforms.to_vec(),
                priority: p.priority,
            },
            now,
        )?;
    }
    let mut objective_ids = Vec::new();
    for (platform, metric, baseline, target, since, to) in d.objectives {
        objective_ids.push(tx.save_objective(
            client,
            (0, 0),
            &ObjectiveDraft {
                platform: *platform,
                metric: *metric,
                baseline: *baseline,
                target: *target,
                start: today - Duration::days(*since),
                deadline: today + Duration::days(*to),
                note: String::new(),
            },
            now,
        )?);
    }
    // This month's and last month's plan, so the month selector has history.
    let this = month_start(today);
    for month in [add_months(this, -1), this] {
        for (kind, platform, amount) in d.budget {
            tx.save_budget_line(
                client,
                &BudgetLine {
                    id: 0,
                    version: 0,
                    month,
                    platform: *platform,
                    kind: *kind,
                    amount: *amount,
                    note: String::new(),
                },
                now,
            )?;
        }
    }
    let mut campaign_ids = Vec::new();
    for (i, (cname, platforms, start, len, budget, status)) in d.campaigns.iter().enumerate() {
        let start = today + Duration::days(*start);
        campaign_ids.push(tx.save_campaign(
            client,
            &Campaign {
                id: 0,
                version: 0,
                name: (*cname).into(),
                platforms: platforms.to_vec(),
                start,
                end: start + Duration::days(*len),
                budget: *budget,
                objective_id: objective_ids.get(i).copied(),
                status: *status,
            },
            now,
        )?);
    }
    for month in [add_months(this, -1), this] {
        for (day, amount, kind, platform, note) in d.expenses {
            let date = month + Duration::days(*day);
            // Only spending that already happened.
            if date > today {
                continue;
            }
            tx.save_expense(
                client,
                &Expense {
                    id: 0,
                    version: 0,
                    date,
                    amount: *amount,
                    kind: *kind,
                    platform: *platform,
                    campaign_id: if kind.is_paid() {
                        campaign_ids.first().copied()
                    } else {
                        None
                    },
                    note: (*note).into(),
                },
                now,
            )?;
        }
    }
    for (pname, share, description) in d.pillars {
        tx.save_pillar(
            client,
            &Pillar {
                id: 0,
                version: 0,
                name: (*pname).into(),
                share: *share,
                description: (*description).into(),
            },
            now,
        )?;
    }
    for (hname, tags) in d.hashtags {
        tx.save_hashtag_set(
            client,
            &HashtagSet {
                id: 0,
                version: 0,
                name: (*hname).into(),
                tags: parse_hashtags(tags).unwrap_or_default(),
            },
            now,
        )?;
    }
    for (cname, handles, notes) in d.competitors {
        let id = tx.save_competitor(
            client,
            &Competitor {
                id: 0,
                version: 0,
                name: (*cname).into(),
                handles: handles
                    .iter()
                    .map(|(p, h)| (*p, (*h).to_string()))
                    .collect(),
            },
            now,
        )?;
        for (ago, text) in *notes {
            tx.save_note(
                &CompetitorNote {
                    id: 0,
                    version: 0,
                    competitor_id: id,
                    date: today - Duration::days(*ago),
                    text: (*text).into(),
                },
                now,
            )?;
        }
    }
    Ok(())
}
