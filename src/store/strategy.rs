//! A client's strategy: targets, objectives, campaigns, budget plan and expenses,
//! editorial line (tone, pillars, hashtag sets), competitors and their notes.
//!
//! Every `save_*` inserts when the id is 0 and updates otherwise, and returns the id.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Entity, Result, Store, Tx, bad_value, not_found, to_ts};
use crate::domain::metric::Metric;
use crate::domain::objective::{Objective, ObjectiveDraft};
use crate::domain::strategy::{
    BudgetKind, BudgetLine, Campaign, CampaignStatus, Competitor, CompetitorNote, Expense,
    HashtagSet, Id, Part, Pillar, Plan, Priority, Target, format_handles, format_platforms,
    parse_handles, parse_platforms,
};
use crate::domain::{Platform, Version};

/// The table of each part of a strategy.
fn table(part: Part) -> &'static str {
    match part {
        Part::Target => "targets",
        Part::Objective => "objectives",
        Part::Campaign => "campaigns",
        Part::BudgetLine => "budget_lines",
        Part::Expense => "expenses",
        Part::Pillar => "pillars",
        Part::HashtagSet => "hashtag_sets",
        Part::Competitor => "competitors",
        Part::CompetitorNote => "competitor_notes",
    }
}

/// The column a row of `part` is owned by, the first parameter of its statements.
fn owner(part: Part) -> &'static str {
    match part {
        Part::CompetitorNote => "competitor_id",
        _ => "client_id",
    }
}

fn platform_col(r: &Row<'_>, col: usize) -> rusqlite::Result<Option<Platform>> {
    match r.get::<_, Option<String>>(col)? {
        None => Ok(None),
        Some(k) => Platform::parse(&k)
            .map(Some)
            .ok_or_else(|| bad_value(col, "platform")),
    }
}

fn kind_col(r: &Row<'_>, col: usize) -> rusqlite::Result<BudgetKind> {
    BudgetKind::parse(&r.get::<_, String>(col)?).ok_or_else(|| bad_value(col, "budget kind"))
}

fn target(r: &Row<'_>) -> rusqlite::Result<Target> {
    Ok(Target {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        age_min: r.get(3)?,
        age_max: r.get(4)?,
        locations: r.get(5)?,
        interests: r.get(6)?,
        pains: r.get(7)?,
        platforms: parse_platforms(&r.get::<_, String>(8)?),
        priority: Priority::parse(&r.get::<_, String>(9)?)
            .ok_or_else(|| bad_value(9, "priority"))?,
        version: r.get(10)?,
    })
}

fn objective(r: &Row<'_>) -> rusqlite::Result<Objective> {
    Ok(Objective {
        id: r.get(0)?,
        client_id: r.get(1)?,
        platform: platform_col(r, 2)?,
        metric: Metric::parse(&r.get::<_, String>(3)?).ok_or_else(|| bad_value(3, "metric"))?,
        baseline: r.get(4)?,
        target: r.get(5)?,
        start: r.get(6)?,
        deadline: r.get(7)?,
        note: r.get(8)?,
        version: r.get(9)?,
    })
}

fn campaign(r: &Row<'_>) -> rusqlite::Result<Campaign> {
    Ok(Campaign {
        id: r.get(0)?,
        name: r.get(1)?,
        platforms: parse_platforms(&r.get::<_, String>(2)?),
        start: r.get(3)?,
        end: r.get(4)?,
        budget: r.get(5)?,
        objective_id: r.get(6)?,
        status: CampaignStatus::parse(&r.get::<_, String>(7)?)
            .ok_or_else(|| bad_value(7, "campaign status"))?,
        version: r.get(8)?,
    })
}

fn budget_line(r: &Row<'_>) -> rusqlite::Result<BudgetLine> {
    Ok(BudgetLine {
        id: r.get(0)?,
        month: r.get(1)?,
        platform: platform_col(r, 2)?,
        kind: kind_col(r, 3)?,
        amount: r.get(4)?,
        note: r.get(5)?,
        version: r.get(6)?,
    })
}

fn expense(r: &Row<'_>) -> rusqlite::Result<Expense> {
    Ok(Expense {
        id: r.get(0)?,
        date: r.get(1)?,
        amount: r.get(2)?,
        kind: kind_col(r, 3)?,
        platform: platform_col(r, 4)?,
        campaign_id: r.get(5)?,
        note: r.get(6)?,
        version: r.get(7)?,
    })
}

fn pillar(r: &Row<'_>) -> rusqlite::Result<Pillar> {
    Ok(Pillar {
        id: r.get(0)?,
        name: r.get(1)?,
        share: r.get(2)?,
        description: r.get(3)?,
        version: r.get(4)?,
    })
}

fn hashtag_set(r: &Row<'_>) -> rusqlite::Result<HashtagSet> {
    Ok(HashtagSet {
        id: r.get(0)?,
        name: r.get(1)?,
        tags: r
            .get::<_, String>(2)?
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        version: r.get(3)?,
    })
}

fn competitor(r: &Row<'_>) -> rusqlite::Result<Competitor> {
    Ok(Competitor {
        id: r.get(0)?,
        name: r.get(1)?,
        // Written by `format_handles`, so it reads back; a hand-edited line is dropped
        // rather than failing the whole tab.
        handles: parse_handles(&r.get::<_, String>(2)?).unwrap_or_default(),
        version: r.get(3)?,
    })
}

fn note(r: &Row<'_>) -> rusqlite::Result<CompetitorNote> {
    Ok(CompetitorNote {
        id: r.get(0)?,
        competitor_id: r.get(1)?,
        date: r.get(2)?,
        text: r.get(3)?,
        version: r.get(4)?,
    })
}

impl Tx<'_> {
    fn list<T>(
        &self,
        sql: &str,
        client: i64,
        map: fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map([client], map)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The whole strategy of a client (rows in the trash left out).
    pub fn plan(&self, client: i64) -> Result<Plan> {
        let (tone, tone_version) = self
            .conn
            .prepare_cached("SELECT tone, version FROM editorial WHERE client_id = ?1")?
            .query_row([client], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or_default();
        Ok(Plan {
            client_id: client,
            tone,
            tone_version,
            targets: self.list(
                "SELECT id, name, description, age_min, age_max, locations, interests, pains, platforms, priority, version
                 FROM targets WHERE client_id = ?1 AND deleted_at IS NULL
                 ORDER BY CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, name, id",
                client,
                target,
            )?,
            objectives: self.list(
                "SELECT id, client_id, platform, metric, baseline, target, start_date, deadline, note, version
                 FROM objectives WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY deadline, id",
                client,
                objective,
            )?,
            campaigns: self.list(
                "SELECT id, name, platforms, start_date, end_date, budget, objective_id, status, version
                 FROM campaigns WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY start_date, id",
                client,
                campaign,
            )?,
            budget_lines: self.list(
                "SELECT id, month, platform, kind, amount, note, version
                 FROM budget_lines WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY month, kind, id",
                client,
                budget_line,
            )?,
            expenses: self.list(
                "SELECT id, date, amount, kind, platform, campaign_id, note, version
                 FROM expenses WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY date, id",
                client,
                expense,
            )?,
            pillars: self.list(
                "SELECT id, name, share, description, version
                 FROM pillars WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY share DESC, name, id",
                client,
                pillar,
            )?,
            hashtag_sets: self.list(
                "SELECT id, name, tags, version
                 FROM hashtag_sets WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY name, id",
                client,
                hashtag_set,
            )?,
            competitors: self.list(
                "SELECT id, name, handles, version
                 FROM competitors WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY name, id",
                client,
                competitor,
            )?,
            notes: self.list(
                "SELECT n.id, n.competitor_id, n.date, n.text, n.version
                 FROM competitor_notes n JOIN competitors c ON c.id = n.competitor_id
                 WHERE c.client_id = ?1 AND n.deleted_at IS NULL AND c.deleted_at IS NULL
                 ORDER BY n.date DESC, n.id DESC",
                client,
                note,
            )?,
            measures: Default::default(),
        })
    }

    /// Runs an INSERT (id 0) or an UPDATE of one row of a client's `part`, and returns its id.
    /// Both statements number the same parameters; the UPDATE takes the id and the
    /// version it writes over as two more at the end, and may leave `created_at` unused
    /// (SQLite counts parameters by the highest number, so a gap is fine). A row changed
    /// since it was read (another version) is refused.
    fn upsert(
        &self,
        (part, id, version): (Part, Id, Version),
        insert: &str,
        update: &str,
        p: &[&dyn rusqlite::ToSql],
    ) -> Result<Id> {
        if id == 0 {
            self.conn.prepare_cached(insert)?.execute(p)?;
            Ok(self.conn.last_insert_rowid())
        } else {
            let mut all: Vec<&dyn rusqlite::ToSql> = p.to_vec();
            all.push(&id);
            all.push(&version);
            match self.conn.prepare_cached(update)?.execute(all.as_slice())? {
                // Another client's row (or another competitor's note) is not found.
                0 => Err(self.refused_where(
                    table(part),
                    &format!("id = ?1 AND {} = ?2", owner(part)),
                    rusqlite::params![id, p[0]],
                    (Entity::Strategy(part), id),
                )),
                _ => Ok(id),
            }
        }
    }

    /// Sets a client's tone of voice, whatever it was (the demo's).
    pub fn set_tone(&self, client: i64, tone: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO editorial (client_id, tone) VALUES (?1, ?2)
                 ON CONFLICT (client_id) DO UPDATE SET tone = excluded.tone, version = version + 1",
            )?
            .execute(params![client, tone])?;
        Ok(())
    }

    /// Saves a client's tone of voice over the one at `version` (0: none written yet); a
    /// tone changed since is refused ([`super::StoreError::Stale`]).
    pub fn save_tone(&self, client: i64, version: Version, tone: &str) -> Result<()> {
        let n = if version == 0 {
            self.conn
                .prepare_cached(
                    "INSERT INTO editorial (client_id, tone) VALUES (?1, ?2)
                     ON CONFLICT (client_id) DO NOTHING",
                )?
                .execute(params![client, tone])?
        } else {
            self.conn
                .prepare_cached(
                    "UPDATE editorial SET tone = ?2, version = version + 1
                     WHERE client_id = ?1 AND version = ?3",
                )?
                .execute(params![client, tone, version])?
        };
        match n {
            0 => Err(self.refused("editorial", "client_id", Entity::Tone, client)),
            _ => Ok(()),
        }
    }

    pub fn save_target(&self, client: i64, t: &Target, now: DateTime<Utc>) -> Result<Id> {
        let platforms = format_platforms(&t.platforms);
        self.upsert(
            (Part::Target, t.id, t.version),
            "INSERT INTO targets (client_id, name, description, age_min, age_max, locations, interests, pains, platforms, priority, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            "UPDATE targets SET name = ?2, description = ?3, age_min = ?4, age_max = ?5, locations = ?6,
                interests = ?7, pains = ?8, platforms = ?9, priority = ?10, version = version + 1
             WHERE client_id = ?1 AND id = ?12 AND version = ?13",
            params![client, t.name, t.description, t.age_min, t.age_max, t.locations, t.interests, t.pains,
                platforms, t.priority.key(), to_ts(now)],
        )
    }

    pub fn save_objective(
        &self,
        client: i64,
        (id, version): (Id, Version),
        o: &ObjectiveDraft,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        self.upsert(
            (Part::Objective, id, version),
            "INSERT INTO objectives (client_id, platform, metric, baseline, target, start_date, deadline, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            "UPDATE objectives SET platform = ?2, metric = ?3, baseline = ?4, target = ?5, start_date = ?6,
                deadline = ?7, note = ?8, version = version + 1
             WHERE client_id = ?1 AND id = ?10 AND version = ?11",
            params![client, o.platform.map(Platform::key), o.metric.key(), o.baseline, o.target, o.start,
                o.deadline, o.note, to_ts(now)],
        )
    }

    pub fn save_campaign(&self, client: i64, c: &Campaign, now: DateTime<Utc>) -> Result<Id> {
        self.upsert(
            (Part::Campaign, c.id, c.version),
            "INSERT INTO campaigns (client_id, name, platforms, start_date, end_date, budget, objective_id, status, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            "UPDATE campaigns SET name = ?2, platforms = ?3, start_date = ?4, end_date = ?5, budget = ?6,
                objective_id = ?7, status = ?8, version = version + 1
             WHERE client_id = ?1 AND id = ?10 AND version = ?11",
            params![client, c.name, format_platforms(&c.platforms), c.start, c.end, c.budget, c.objective_id,
                c.status.key(), to_ts(now)],
        )
    }

    pub fn save_budget_line(&self, client: i64, b: &BudgetLine, now: DateTime<Utc>) -> Result<Id> {
        self.upsert(
            (Part::BudgetLine, b.id, b.version),
            "INSERT INTO budget_lines (client_id, month, platform, kind, amount, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            "UPDATE budget_lines SET month = ?2, platform = ?3, kind = ?4, amount = ?5, note = ?6, version = version + 1
             WHERE client_id = ?1 AND id = ?8 AND version = ?9",
            params![
                client,
                b.month,
                b.platform.map(Platform::key),
                b.kind.key(),
                b.amount,
                b.note,
                to_ts(now)
            ],
        )
    }

    pub fn save_expense(&self, client: i64, e: &Expense, now: DateTime<Utc>) -> Result<Id> {
        self.upsert(
            (Part::Expense, e.id, e.version),
            "INSERT INTO expenses (client_id, date, amount, kind, platform, campaign_id, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            "UPDATE expenses SET date = ?2, amount = ?3, kind = ?4, platform = ?5, campaign_id = ?6, note = ?7, version = version + 1
             WHERE client_id = ?1 AND id = ?9 AND version = ?10",
            params![client, e.date, e.amount, e.kind.key(), e.platform.map(Platform::key), e.campaign_id, e.note,
                to_ts(now)],
        )
    }

    pub fn save_pillar(&self, client: i64, p: &Pillar, now: DateTime<Utc>) -> Result<Id> {
        self.upsert(
            (Part::Pillar, p.id, p.version),
            "INSERT INTO pillars (client_id, name, share, description, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            "UPDATE pillars SET name = ?2, share = ?3, description = ?4, version = version + 1
             WHERE client_id = ?1 AND id = ?6 AND version = ?7",
            params![client, p.name, p.share, p.description, to_ts(now)],
        )
    }

    pub fn save_hashtag_set(&self, client: i64, h: &HashtagSet, now: DateTime<Utc>) -> Result<Id> {
        self.upsert(
            (Part::HashtagSet, h.id, h.version),
            "INSERT INTO hashtag_sets (client_id, name, tags, created_at) VALUES (?1, ?2, ?3, ?4)",
            "UPDATE hashtag_sets SET name = ?2, tags = ?3, version = version + 1
             WHERE client_id = ?1 AND id = ?5 AND version = ?6",
            params![client, h.name, h.tags.join(" "), to_ts(now)],
        )
    }

    pub fn save_competitor(&self, client: i64, c: &Competitor, now: DateTime<Utc>) -> Result<Id> {
        self.upsert(
            (Part::Competitor, c.id, c.version),
            "INSERT INTO competitors (client_id, name, handles, created_at) VALUES (?1, ?2, ?3, ?4)",
            "UPDATE competitors SET name = ?2, handles = ?3, version = version + 1
             WHERE client_id = ?1 AND id = ?5 AND version = ?6",
            params![client, c.name, format_handles(&c.handles), to_ts(now)],
        )
    }

    pub fn save_note(&self, n: &CompetitorNote, now: DateTime<Utc>) -> Result<Id> {
        self.upsert(
            (Part::CompetitorNote, n.id, n.version),
            "INSERT INTO competitor_notes (competitor_id, date, text, created_at) VALUES (?1, ?2, ?3, ?4)",
            "UPDATE competitor_notes SET date = ?2, text = ?3, version = version + 1
             WHERE competitor_id = ?1 AND id = ?5 AND version = ?6",
            params![n.competitor_id, n.date, n.text, to_ts(now)],
        )
    }

    /// Moves a row to the trash (`Some(now)`) or brings it back (`None`).
    pub fn set_deleted(&self, part: Part, id: Id, at: Option<DateTime<Utc>>) -> Result<()> {
        let sql = format!(
            "UPDATE {} SET deleted_at = ?2, version = version + 1 WHERE id = ?1",
            table(part)
        );
        match self
            .conn
            .prepare_cached(&sql)?
            .execute(params![id, at.map(to_ts)])?
        {
            0 => Err(not_found(Entity::Strategy(part), id)),
            _ => Ok(()),
        }
    }
}

impl Store {
    pub fn plan(&self, client: i64) -> Result<Plan> {
        self.tx().plan(client)
    }
    pub fn set_deleted(&self, part: Part, id: Id, at: Option<DateTime<Utc>>) -> Result<()> {
        self.tx().set_deleted(part, id, at)
    }
}

impl Store {
    /// The client a strategy row belongs to (in the trash or not).
    pub fn owner_of(&self, part: Part, id: Id) -> Result<i64> {
        let sql = match part {
            Part::CompetitorNote => "SELECT c.client_id FROM competitor_notes n JOIN competitors c ON c.id = n.competitor_id WHERE n.id = ?1".to_string(),
            _ => format!("SELECT client_id FROM {} WHERE id = ?1", table(part)),
        };
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found(Entity::Strategy(part), id))
    }
}
