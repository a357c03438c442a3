-- Version 14: watch time in seconds, not whole minutes. A year of YouTube days given to
-- the ten-thousandth of an hour summed, rounded a minute a day, almost an hour away from
-- the file's Total; in seconds the sums match it to the shown precision. Rows written
-- before are converted (their minutes are what they were; the lost part stays lost).
UPDATE kpi_daily SET value = value * 60 WHERE metric = 'watch_time';
UPDATE kpi_posts SET value = value * 60 WHERE metric = 'watch_time';
UPDATE kpi_months SET value = value * 60 WHERE metric = 'watch_time';
