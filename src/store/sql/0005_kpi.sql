-- Version 5: KPI values. Account-level daily values and per-post values are kept apart
-- and never added together (FORMATS.md, "Canonical metric keys").
CREATE TABLE kpi_daily (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    platform  TEXT NOT NULL REFERENCES platforms (key),
    day       TEXT NOT NULL,
    metric    TEXT NOT NULL,
    -- Counts as they are; money in minor units of the client's currency.
    value     INTEGER NOT NULL,
    PRIMARY KEY (client_id, platform, day, metric)
) STRICT, WITHOUT ROWID;
CREATE INDEX kpi_daily_client_day ON kpi_daily (client_id, day);

CREATE TABLE kpi_posts (
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    platform    TEXT NOT NULL REFERENCES platforms (key),
    -- The platform's id or link of the post.
    external_id TEXT NOT NULL,
    -- The post's publish day (the report dates per-post values by it).
    day         TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    metric      TEXT NOT NULL,
    value       INTEGER NOT NULL,
    PRIMARY KEY (client_id, platform, external_id, metric)
) STRICT, WITHOUT ROWID;
CREATE INDEX kpi_posts_client_day ON kpi_posts (client_id, day);
