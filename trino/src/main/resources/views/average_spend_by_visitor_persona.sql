-- "Average Spend by Visitor Persona" (spec §7.3): orders (lake) joined with visitors (PostgreSQL).
-- The average is a double: Trino's avg over decimal(10,2) would round to cents at every step.
CREATE OR REPLACE VIEW ${analytics}.average_spend_by_visitor_persona
COMMENT 'v1: average cafe_orders_raw.total_amount by visitors.archetype'
AS
SELECT
  v.archetype AS persona,
  avg(CAST(o.total_amount AS double)) AS average_spend,
  count(*) AS orders
FROM ${lake}.cafe_orders_raw o
JOIN ${cafe}.visitors v ON v.visitor_id = o.visitor_id
GROUP BY v.archetype
