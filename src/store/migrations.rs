//! Append-only schema migrations. Never edit a released step: add a new one.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of every twohats database ("twoh" in ASCII), so a restore or
/// an open can tell our files from any other SQLite file.
pub const APPLICATION_ID: i64 = 0x7477_6f68;

const STEPS: &[M<'static>] = &[
    M::up(include_str!("sql/0001_clients.sql")),
    M::up(include_str!("sql/0002_strategy.sql")),
    M::up(include_str!("sql/0003_inbox.sql")),
    M::up(include_str!("sql/0004_posts.sql")),
    M::up(include_str!("sql/0005_kpi.sql")),
    M::up(include_str!("sql/0006_kpi_index.sql")),
    M::up(include_str!("sql/0007_kpi_daily_key.sql")),
    M::up(include_str!("sql/0008_inbox_checks.sql")),
    M::up(include_str!("sql/0009_light_reads.sql")),
    M::up(include_str!("sql/0010_kpi_months.sql")),
    M::up(include_str!("sql/0011_post_imports.sql")),
    M::up(include_str!("sql/0012_row_versions.sql")),
    M::up(include_str!("sql/0013_connections.sql")),
    M::up(include_str!("sql/0014_watch_time_seconds.sql")),
];

/// The schema version this binary writes.
pub const LATEST_VERSION: i64 = STEPS.len() as i64;

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(STEPS)
}

pub fn migrate(conn: &mut Connection) -> rusqlite_migration::Result<()> {
    migrations().to_latest(conn)
}
