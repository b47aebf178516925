package dev.catcafe.bench.batch;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.TrinoCatalogs;
import java.time.LocalDate;

/**
 * The {@code daily_cat_summary} aggregation written for Trino, for the benchmark's side-by-side
 * run: the same inputs, day cut (UTC date of the event time), joins and zero-filling as {@code
 * DailyCatSummaryTransform}, as one {@code CREATE TABLE AS}, written through the lake's writable
 * catalog and reading through the one analysts use.
 */
final class TrinoSummaryQuery {
  private TrinoSummaryQuery() {}

  static String createTableAs(String schema, String target, LocalDate day) {
    requireNonNull(schema, "schema is null");
    requireNonNull(target, "target is null");
    requireNonNull(day, "day is null");
    String window =
        "event_time >= TIMESTAMP '%s 00:00:00 UTC' AND event_time < TIMESTAMP '%s 00:00:00 UTC'"
            .formatted(day, day.plusDays(1));
    return """
        CREATE TABLE %4$s.%1$s.%2$s WITH (partitioning = ARRAY['day']) AS
        WITH wellness AS (
          SELECT cat_id, CAST(event_time AT TIME ZONE 'UTC' AS DATE) AS day,
                 avg(activity_level) AS avg_activity_level,
                 max(hours_since_last_drink) AS max_hours_since_drink
          FROM iceberg.%1$s.cat_wellness_raw WHERE %3$s GROUP BY 1, 2),
        interactions AS (
          SELECT cat_id, CAST(event_time AT TIME ZONE 'UTC' AS DATE) AS day,
                 count(*) AS total_interaction_count,
                 sum(CASE WHEN interaction_type = 'like' THEN 1 ELSE 0 END) AS like_count
          FROM iceberg.%1$s.cat_interactions_raw WHERE %3$s GROUP BY 1, 2)
        SELECT coalesce(w.day, i.day) AS day,
               coalesce(w.cat_id, i.cat_id) AS cat_id,
               p.name,
               coalesce(w.avg_activity_level, DOUBLE '0') AS avg_activity_level,
               coalesce(w.max_hours_since_drink, DOUBLE '0') AS max_hours_since_drink,
               coalesce(i.total_interaction_count, 0) AS total_interaction_count,
               coalesce(i.like_count, 0) AS like_count
        FROM wellness w
        FULL OUTER JOIN interactions i ON w.cat_id = i.cat_id AND w.day = i.day
        LEFT JOIN iceberg.%1$s.cats_profiles_raw p ON p.cat_id = coalesce(w.cat_id, i.cat_id)
        """
        .formatted(schema, target, window, TrinoCatalogs.LAKE_WRITABLE);
  }
}
