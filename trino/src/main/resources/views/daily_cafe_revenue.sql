-- "Daily Cafe Revenue" (named but never defined in the original): orders per UTC day.
CREATE OR REPLACE VIEW ${analytics}.daily_cafe_revenue
COMMENT 'v1: per UTC day of event_time, order count, revenue and paying visitors'
AS
SELECT
  CAST(o.event_time AT TIME ZONE 'UTC' AS date) AS day,
  count(*) AS orders,
  sum(o.total_amount) AS revenue,
  count(DISTINCT o.visitor_id) AS visitors
FROM ${lake}.cafe_orders_raw o
GROUP BY CAST(o.event_time AT TIME ZONE 'UTC' AS date)
