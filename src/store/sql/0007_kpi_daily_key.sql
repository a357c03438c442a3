-- Version 7: daily KPI values keyed by day first. The key itself now serves the report's
-- sums (client and days) and the newest day, so the two indexes that did are gone, and
-- each imported value updates one b-tree instead of three. Followers, the one metric read
-- as "the latest value", keep a small index of their own.
CREATE TABLE kpi_daily_v7 (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    platform  TEXT NOT NULL REFERENCES platforms (key),
    day       TEXT NOT NULL,
    metric    TEXT NOT NULL,
    -- Counts as they are; money in minor units of the client's currency.
    value     INTEGER NOT NULL,
    PRIMARY KEY (client_id, day, platform, metric)
) STRICT, WITHOUT ROWID;
INSERT INTO kpi_daily_v7 (client_id, platform, day, metric, value)
    SELECT client_id, platform, day, metric, value FROM kpi_daily ORDER BY client_id, day, platform, metric;
DROP TABLE kpi_daily;
ALTER TABLE kpi_daily_v7 RENAME TO kpi_daily;
CREATE INDEX kpi_daily_followers ON kpi_daily (client_id, platform, day) WHERE metric = 'followers';
