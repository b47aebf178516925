-- Likes by coat colour: the cafe manager's question (spec §7.2), federated.
-- Daily summary likes (lake) per cat, joined with each cat's coat colour (PostgreSQL).
CREATE OR REPLACE VIEW ${analytics}.likes_by_coat_colour
COMMENT 'v1: sum of daily_cat_summary.like_count by cats.coat_color'
AS
SELECT
  c.coat_color,
  sum(s.like_count) AS likes,
  count(DISTINCT s.cat_id) AS cats
FROM ${lake}.daily_cat_summary s
JOIN ${cafe}.cats c ON c.cat_id = s.cat_id
GROUP BY c.coat_color
