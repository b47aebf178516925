-- "Daily Health Alerts" (named but never defined in the original): the alerts the streaming
-- Wellness Guardian raised, as ingested into the lake, per UTC day and alert type.
CREATE OR REPLACE VIEW ${analytics}.daily_health_alerts_by_type
COMMENT 'v1: per UTC day of alert_time and alert_type, alert count and distinct cats'
AS
SELECT
  CAST(a.alert_time AT TIME ZONE 'UTC' AS date) AS day,
  a.alert_type,
  count(*) AS alerts,
  count(DISTINCT a.cat_id) AS cats
FROM ${lake}.cat_health_alerts_raw a
GROUP BY CAST(a.alert_time AT TIME ZONE 'UTC' AS date), a.alert_type
