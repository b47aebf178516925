-- "Most Liked Cat Breeds" (spec §7.3): raw likes (lake) joined with the cats' archetypes (PostgreSQL).
CREATE OR REPLACE VIEW ${analytics}.most_liked_cat_archetypes
COMMENT 'v1: count of like interactions by cats.archetype'
AS
SELECT
  c.archetype,
  count(*) AS likes
FROM ${lake}.cat_interactions_raw i
JOIN ${cafe}.cats c ON c.cat_id = i.cat_id
WHERE i.interaction_type = 'like'
GROUP BY c.archetype
