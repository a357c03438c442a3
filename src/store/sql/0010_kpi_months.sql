-- Version 10: each client-month's sums of its daily values (followers aside, which are
-- not added up), rewritten by the code that stores daily values for the months it
-- touched. A report's 12-month trend reads ~1,000 sums instead of ~16,000 values.
CREATE TABLE kpi_months (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    -- 'YYYY-MM', the day's text without its '-DD'.
    month     TEXT NOT NULL,
    platform  TEXT NOT NULL,
    metric    TEXT NOT NULL,
    value     INTEGER NOT NULL,
    PRIMARY KEY (client_id, month, platform, metric)
) STRICT, WITHOUT ROWID;

INSERT INTO kpi_months (client_id, month, platform, metric, value)
SELECT client_id, substr(day, 1, length(day) - 3), platform, metric, sum(value)
FROM kpi_daily WHERE metric <> 'followers'
GROUP BY client_id, substr(day, 1, length(day) - 3), platform, metric;
