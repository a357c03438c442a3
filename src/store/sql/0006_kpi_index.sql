-- Version 6: the latest value of a metric (followers) is one index probe per platform.
CREATE INDEX kpi_daily_metric_day ON kpi_daily (client_id, platform, metric, day);
