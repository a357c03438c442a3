//! The demo clients' inboxes: comments, DMs, mentions and reviews in English and French,
//! some answered, some waiting, some late; and a few saved replies.

use chrono::{DateTime, Duration, Utc};

use super::Tx;
use crate::domain::Platform::{self, *};
use crate::domain::inbox::{ItemDraft, Kind, Op, SavedReply, apply};
use crate::store::Result;

/// platform, kind, author, name, text, minutes ago, what happened (None: waiting;
/// Some(minutes to reply)), tags, flagged
type DemoItem = (
    Platform,
    Kind,
    &'static str,
    &'static str,
    &'static str,
    i64,
    Option<i64>,
    &'static str,
    bool,
);

const BAKERY: &[DemoItem] = &[
    (
        Instagram,
        Kind::Comment,
        "@julie.lyon",
        "Julie",
        "Trop bon le pain au levain, merci ! 😍",
        40,
        None,
        "",
        false,
    ),
    (
        Facebook,
        Kind::Dm,
        "@marc.dupont",
        "Marc Dupont",
        "Bonjour, vous faites des bûches sans gluten pour Noël ? Il m'en faudrait une pour 8 personnes.",
        380,
        None,
        "order christmas",
        true,
    ),
    (
        Instagram,
        Kind::Comment,
        "@foodie_lyon",
        "Foodie Lyon",
        "Where can I find you on Sundays?",
        95,
        None,
        "",
        false,
    ),
    (
        Facebook,
        Kind::Review,
        "@claire.b",
        "Claire B.",
        "Très déçue : baguette froide et 20 minutes d'attente samedi.",
        900,
        None,
        "complaint",
        true,
    ),
    (
        Tiktok,
        Kind::Comment,
        "@student.eats",
        "Sam",
        "omg the croissant crunch 🔥",
        30,
        None,
        "",
        false,
    ),
    (
        Instagram,
        Kind::Mention,
        "@lyon.gourmand",
        "Lyon Gourmand",
        "Top 5 des boulangeries du 7e : @boulangerie.marcel en n°1 !",
        1500,
        Some(45),
        "press",
        false,
    ),
    (
        Instagram,
        Kind::Comment,
        "@nina",
        "Nina",
        "C'est ouvert le 25 ?",
        2900,
        Some(130),
        "hours",
        false,
    ),
    (
        Facebook,
        Kind::Dm,
        "@pierre.m",
        "Pierre",
        "Merci pour le plateau de ce matin, toute l'équipe a adoré !",
        4300,
        Some(60),
        "",
        false,
    ),
    (
        Instagram,
        Kind::Comment,
        "@spam.bot",
        "",
        "Buy followers cheap!!! link in bio",
        700,
        Some(-1),
        "spam",
        false,
    ),
];

const BIKES: &[DemoItem] = &[
    (
        Mastodon,
        Kind::Mention,
        "@cyclist@framapiaf.org",
        "Lou Vélo",
        "Are you open on Sunday? I'd like a quick fix and a coffee",
        200,
        None,
        "",
        false,
    ),
    (
        Instagram,
        Kind::Dm,
        "@tom.rides",
        "Tom",
        "Do you rent e-bikes for a day? Two adults.",
        420,
        None,
        "rental",
        true,
    ),
    (
        Youtube,
        Kind::Comment,
        "@diyrider",
        "DIY Rider",
        "Great tutorial, the brake bleed part saved me 👏",
        1300,
        Some(300),
        "",
        false,
    ),
    (
        Instagram,
        Kind::Comment,
        "@anna.v",
        "Anna",
        "Still waiting for my brake pads, ordered 2 weeks ago…",
        60,
        None,
        "order",
        false,
    ),
];

const STUDIO: &[DemoItem] = &[
    (
        Linkedin,
        Kind::Comment,
        "@sarah-chen",
        "Sarah Chen",
        "Beautiful work on the Liberty Village loft. Do you take projects in Ottawa?",
        600,
        None,
        "lead",
        true,
    ),
    (
        Bluesky,
        Kind::Mention,
        "@ana.bsky.social",
        "Ana",
        "@mapleandpine.bsky.social love the new showroom 😍",
        1000,
        Some(200),
        "",
        false,
    ),
    (
        X,
        Kind::Reply,
        "@renovate_to",
        "Renovate TO",
        "How much for a living room?",
        300,
        None,
        "lead",
        false,
    ),
];

const HOTEL: &[DemoItem] = &[
    (
        Instagram,
        Kind::Dm,
        "@emma.travels",
        "Emma",
        "Hi! Any availability for 2 adults, Feb 10-17, with spa access?",
        150,
        None,
        "booking",
        true,
    ),
    (
        Facebook,
        Kind::Review,
        "@klaus.w",
        "Klaus W.",
        "Wunderbar! Best breakfast in Zermatt, the staff were wonderful.",
        2000,
        Some(90),
        "",
        false,
    ),
    (
        Instagram,
        Kind::Comment,
        "@skibum",
        "",
        "Is the ski room heated? 😅",
        50,
        None,
        "",
        false,
    ),
    (
        Threads,
        Kind::Mention,
        "@alpine.mag",
        "Alpine Mag",
        "Our pick for a quiet winter week: @alpenrose.zermatt",
        3000,
        Some(240),
        "press",
        false,
    ),
];

const SAVED: &[(&str, &str, &str)] = &[
    (
        "Boulangerie Marcel",
        "Merci",
        "Merci beaucoup {name} ! Toute l'équipe de {client} vous souhaite une belle journée 🥖",
    ),
    (
        "Boulangerie Marcel",
        "Horaires",
        "Bonjour {name}, nous sommes ouverts du mardi au dimanche, 7h-19h30 (dimanche 7h-13h).",
    ),
    (
        "Boulangerie Marcel",
        "Réclamation",
        "Bonjour {name}, nous sommes vraiment désolés. Pouvez-vous nous écrire en message privé pour que nous arrangions cela ?",
    ),
    (
        "Atelier Vélo Rouge",
        "Thanks",
        "Thanks {name}! See you at the workshop 🚲",
    ),
    (
        "Hotel Alpenrose",
        "Availability",
        "Dear {name}, thank you for your message! Could you send us your dates by DM so we can check availability?",
    ),
];

fn items_for(name: &str) -> &'static [DemoItem] {
    match name {
        "Boulangerie Marcel" => BAKERY,
        "Atelier Vélo Rouge" => BIKES,
        "Maple & Pine Studio" => STUDIO,
        "Hotel Alpenrose" => HOTEL,
        _ => &[],
    }
}

/// Writes the demo inbox and saved replies of the client named `name`.
pub fn fill(tx: &Tx<'_>, client: i64, name: &str, now: DateTime<Utc>) -> Result<()> {
    // Comments answer the client's latest published post (when the demo has one).
    let published = tx
        .posts_matching(&crate::store::PostFilter {
            client: Some(client),
            status: Some(crate::domain::post::PostStatus::Published),
            ..Default::default()
        })?
        .into_iter()
        .rfind(|p| !p.permalink.is_empty());
    for (i, (platform, kind, author, author_name, text, ago, outcome, tags, flag)) in
        items_for(name).iter().enumerate()
    {
        let received_at = now - Duration::minutes(*ago);
        let draft = ItemDraft {
            platform: *platform,
            kind: *kind,
            author: (*author).into(),
            author_name: (*author_name).into(),
            text: (*text).into(),
            received_at,
            permalink: match (&published, kind) {
                (Some(p), Kind::Comment) => format!("{}/comment/{}", p.permalink, i + 1),
                _ => format!("https://example.com/{}/{}", platform.key(), i + 1),
            },
            external_id: Some(format!("demo-{client}-{i}")),
        };
        tx.insert_item(client, &draft, now)?;
        let Some(mut it) = tx
            .items_matching(&crate::domain::inbox::Filter {
                client: Some(client),
                status: crate::domain::inbox::StatusFilter::All,
                ..Default::default()
            })?
            .into_iter()
            .find(|it| it.external_id.as_deref() == Some(&format!("demo-{client}-{i}")))
        else {
            continue;
        };
        match outcome {
            Some(m) if *m < 0 => apply(&Op::Ignore, &mut it, now),
            Some(m) => {
                apply(
                    &Op::MarkReplied,
                    &mut it,
                    received_at + Duration::minutes(*m),
                );
                it.reply = "Thank you!".into();
            }
            None => {}
        }
        apply(
            &Op::SetTags(crate::domain::inbox::parse_tags(tags)),
            &mut it,
            now,
        );
        it.priority = *flag;
        tx.update_item(&it)?;
    }
    for (client_name, reply_name, text) in SAVED {
        if *client_name == name {
            tx.save_saved_reply(
                &SavedReply {
                    id: 0,
                    version: 0,
                    client_id: client,
                    name: (*reply_name).into(),
                    text: (*text).into(),
                },
                now,
            )?;
        }
    }
    Ok(())
}
