//! The demo data set: a few realistic clients a freelancer might have, so every screen
//! can be explored before real data exists. Demo clients are marked in the database and
//! only they are ever replaced by a new demo load.

use chrono::{DateTime, Utc};

use crate::domain::{AccountDraft, ClientDraft, Platform};
use crate::files::Work;
use crate::store::{Store, StoreError, Tx};

mod inbox;
mod kpi;
pub mod large;
mod posts;
mod strategy;

/// Why the demo was not loaded (`crate::explain` puts it into words).
#[derive(Debug)]
pub enum DemoError {
    /// The database has clients and `--force` was not given.
    NotEmpty(i64),
    Store(StoreError),
}

impl From<StoreError> for DemoError {
    fn from(e: StoreError) -> DemoError {
        DemoError::Store(e)
    }
}

struct DemoClient {
    name: &'static str,
    currency: &'static str,
    timezone: &'static str,
    reply_hours: u32,
    notes: &'static str,
    accounts: &'static [(Platform, &'static str)],
}

const CLIENTS: &[DemoClient] = &[
    DemoClient {
        name: "Boulangerie Marcel",
        currency: "EUR",
        timezone: "Europe/Paris",
        reply_hours: 4,
        notes: "Family bakery, two shops in Lyon. Contact: Sophie Marcel.\nPeak season: December (bûches), Easter.",
        accounts: &[
            (Platform::Instagram, "@boulangerie.marcel"),
            (Platform::Facebook, "BoulangerieMarcelLyon"),
            (Platform::Tiktok, "@marcel_fournil"),
        ],
    },
    DemoClient {
        name: "Atelier Vélo Rouge",
        currency: "EUR",
        timezone: "Europe/Brussels",
        reply_hours: 6,
        notes: "Bike repair and rentals in Brussels. Workshops on Saturdays.",
        accounts: &[
            (Platform::Instagram, "@atelierverouge"),
            (Platform::Youtube, "AtelierVeloRouge"),
            (Platform::Mastodon, "@velorouge@mastodon.social"),
        ],
    },
    DemoClient {
        name: "Maple & Pine Studio",
        currency: "CAD",
        timezone: "America/Toronto",
        reply_hours: 8,
        notes: "Interior design studio. B2B leads come from LinkedIn.",
        accounts: &[
            (Platform::Linkedin, "maple-pine-studio"),
            (Platform::X, "@mapleandpine"),
            (Platform::Bluesky, "@mapleandpine.bsky.social"),
            (Platform::Pinterest, "mapleandpinestudio"),
        ],
    },
    DemoClient {
        name: "Hotel Alpenrose",
        currency: "CHF",
        timezone: "Europe/Zurich",
        reply_hours: 2,
        notes: "Boutique hotel in Zermatt. Guests ask about availability by DM: answer fast.",
        accounts: &[
            (Platform::Instagram, "@alpenrose.zermatt"),
            (Platform::Facebook, "HotelAlpenroseZermatt"),
            (Platform::Threads, "@alpenrose.zermatt"),
        ],
    },
];

/// Loads the demo at a given scale (the large one for benchmarks) in one transaction,
/// with the same refusal and replacement rules as [`load`]; returns (clients, accounts,
/// posts, items, daily values).
pub fn load_scale(
    store: &mut Store,
    scale: large::Scale,
    now: DateTime<Utc>,
    force: bool,
    tick: impl FnMut(u64),
) -> Result<[usize; 5], DemoError> {
    let existing = store.client_count()?;
    if existing > 0 && !force {
        return Err(DemoError::NotEmpty(existing));
    }
    Ok(store.transaction_doing(Some(Work::Demo), |tx| {
        tx.delete_demo_clients()?;
        large::fill(tx, scale, now, tick)
    })?)
}

/// Loads the demo clients in one transaction and returns how many were loaded. On a
/// database with clients it refuses unless `force`; with `force`, earlier demo clients
/// are replaced and the user's own clients are left alone.
pub fn load(store: &mut Store, now: DateTime<Utc>, force: bool) -> Result<usize, DemoError> {
    let existing = store.client_count()?;
    if existing > 0 && !force {
        return Err(DemoError::NotEmpty(existing));
    }
    store.transaction_doing(Some(Work::Demo), |tx| {
        tx.delete_demo_clients()?;
        for c in CLIENTS {
            let draft = ClientDraft {
                name: c.name.to_string(),
                currency: c.currency.to_string(),
                timezone: c.timezone.to_string(),
                reply_target_hours: c.reply_hours,
                notes: c.notes.to_string(),
            };
            let id = match tx.insert_client(&draft, now, true) {
                Ok(id) => id,
                // The user has a client of that name: theirs wins, the demo one is skipped.
                Err(StoreError::Conflict(_)) => continue,
                Err(e) => return Err(e),
            };
            let today = now
                .with_timezone(
                    &draft
                        .timezone
                        .parse::<chrono_tz::Tz>()
                        .unwrap_or(chrono_tz::UTC),
                )
                .date_naive();
            let mut account_ids = Vec::new();
            for (platform, handle) in c.accounts {
                account_ids.push(tx.insert_account(
                    id,
                    &AccountDraft {
                        platform: *platform,
                        handle: handle.to_string(),
                    },
                    now,
                )?);
            }
            let tz = draft
                .timezone
                .parse::<chrono_tz::Tz>()
                .unwrap_or(chrono_tz::UTC);
            strategy::fill(tx, id, c.name, today, now)?;
            posts::fill(tx, id, c.name, &account_ids, tz, today, now)?;
            inbox::fill(tx, id, c.name, now)?;
            let platforms: Vec<Platform> = c.accounts.iter().map(|(p, _)| *p).collect();
            kpi::fill(tx, id, &platforms, today)?;
        }
        Ok(())
    })?;
    Ok(CLIENTS.len())
}

/// Removes the demo clients and everything of theirs (posts, inbox, figures, strategy,
/// accounts) in one transaction; returns their names, by name. A client the user
/// created is never touched, whatever its name.
pub fn remove(store: &mut Store) -> Result<Vec<String>, StoreError> {
    store.transaction(|tx| {
        let names = tx.demo_clients()?.into_iter().map(|c| c.name).collect();
        tx.delete_demo_clients()?;
        Ok(names)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn large_demo_counts_at_a_small_scale() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let scale = large::Scale {
            clients: 3,
            accounts: 8,
            posts: 120,
            items: 600,
            kpi_days: 20,
        };
        let mut s = Store::open_in_memory().unwrap();
        let counts = load_scale(&mut s, scale, now, false, |_| {}).unwrap();
        assert_eq!(counts, [3, 8, 120, 600, 8 * 20 * 15]);
        assert_eq!(s.client_count().unwrap(), 3);
        assert_eq!(s.accounts().unwrap().len(), 8);
        let items = s
            .item_ids(&crate::domain::inbox::Filter {
                status: crate::domain::inbox::StatusFilter::All,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(items.len(), 600);
        let pending = s
            .item_ids(&crate::domain::inbox::Filter::default())
            .unwrap();
        assert!(
            !pending.is_empty() && pending.len() < 60,
            "only the last week's half waits: {}",
            pending.len()
        );
        // Deterministic: the same numbers again.
        let mut again = Store::open_in_memory().unwrap();
        load_scale(&mut again, scale, now, false, |_| {}).unwrap();
        assert_eq!(
            again
                .item_ids(&crate::domain::inbox::Filter::default())
                .unwrap()
                .len(),
            pending.len()
        );
        assert!(matches!(
            load_scale(&mut s, scale, now, false, |_| {}),
            Err(DemoError::NotEmpty(3))
        ));
    }

    #[test]
    fn demo_is_valid_and_reloadable() {
        for c in CLIENTS {
            let d = ClientDraft {
                name: c.name.into(),
                currency: c.currency.into(),
                timezone: c.timezone.into(),
                reply_target_hours: c.reply_hours,
                notes: c.notes.into(),
            };
            assert!(d.validate().is_ok(), "{}", c.name);
        }
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(load(&mut s, now, false).unwrap(), CLIENTS.len());
        assert!(matches!(
            load(&mut s, now, false),
            Err(DemoError::NotEmpty(4))
        ));
        s.insert_client(&ClientDraft::new("My own client"), now)
            .unwrap();
        load(&mut s, now, true).unwrap();
        assert_eq!(s.client_count().unwrap(), CLIENTS.len() as i64 + 1);
        assert!(s.find_client("My own client").is_ok());
    }
}
