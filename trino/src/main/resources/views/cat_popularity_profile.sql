-- "Cat Popularity Profile" (spec §7.3): available cats with their average activity and total
-- interactions over every summarised day. Grouped by cat_id as well as name, age and archetype:
-- the original grouped by name only, which merged different cats that share a name.
CREATE OR REPLACE VIEW ${analytics}.cat_popularity_profile
COMMENT 'v1: per available cat, avg(avg_activity_level) and sum(total_interaction_count)'
AS
SELECT
  c.cat_id,
  c.name,
  c.age,
  c.archetype,
  avg(s.avg_activity_level) AS avg_activity,
  sum(s.total_interaction_count) AS total_interactions
FROM ${lake}.daily_cat_summary s
JOIN ${cafe}.cats c ON c.cat_id = s.cat_id
WHERE c.status = 'available'
GROUP BY c.cat_id, c.name, c.age, c.archetype
