package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import dev.catcafe.model.InteractionType;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The original's {@code daily_cat_summary} logic (spec §6.3), as a pure function of the raw
 * wellness and interaction rows and the cat profiles: per cat and UTC day, wellness and interaction
 * aggregates full-outer-joined, the cat's name left-joined, numeric gaps filled with 0.
 */
public final class DailyCatSummaryTransform {
  public static final String DAY = "day";
  public static final String CAT_ID = "cat_id";
  public static final String NAME = "name";
  public static final String AVG_ACTIVITY_LEVEL = "avg_activity_level";
  public static final String MAX_HOURS_SINCE_DRINK = "max_hours_since_drink";
  public static final String TOTAL_INTERACTION_COUNT = "total_interaction_count";
  public static final String LIKE_COUNT = "like_count";

  /** The output columns, in the original's order. */
  public static final List<String> COLUMNS =
      List.of(
          DAY,
          CAT_ID,
          NAME,
          AVG_ACTIVITY_LEVEL,
          MAX_HOURS_SINCE_DRINK,
          TOTAL_INTERACTION_COUNT,
          LIKE_COUNT);

  /** The Iceberg DDL column list of the summary table, matching {@link #summarize}'s output. */
  public static final String TABLE_COLUMNS_DDL =
      "day DATE, cat_id STRING, name STRING, avg_activity_level DOUBLE,"
          + " max_hours_since_drink DOUBLE, total_interaction_count BIGINT, like_count BIGINT";

  private static final String EVENT_TIME = "event_time";
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private DailyCatSummaryTransform() {}

  /**
   * Summarizes {@code wellness} ({@code event_time, cat_id, activity_level,
   * hours_since_last_drink}), {@code interactions} ({@code event_time, cat_id, interaction_type})
   * and {@code profiles} ({@code cat_id, name}) into one row per cat and day. Inputs are not
   * filtered here: the caller chooses which days to read. {@code day} is the UTC date of {@code
   * event_time}, whatever the session time zone.
   */
  public static Dataset<Row> summarize(
      Dataset<Row> wellness, Dataset<Row> interactions, Dataset<Row> profiles) {
    requireNonNull(wellness, "wellness is null");
    requireNonNull(interactions, "interactions is null");
    requireNonNull(profiles, "profiles is null");

    Dataset<Row> wellnessByCatDay =
        wellness
            .groupBy(col(CAT_ID), day())
            .agg(
                avg(col("activity_level")).as(AVG_ACTIVITY_LEVEL),
                max(col("hours_since_last_drink")).as(MAX_HOURS_SINCE_DRINK));
    Dataset<Row> interactionsByCatDay =
        interactions
            .groupBy(col(CAT_ID), day())
            .agg(
                count(lit(1)).as(TOTAL_INTERACTION_COUNT),
                sum(when(col("interaction_type").equalTo(InteractionType.LIKE.wireName()), lit(1L))
                        .otherwise(lit(0L)))
                    .as(LIKE_COUNT));
    Dataset<Row> names = profiles.select(col(CAT_ID), col(NAME));

    return wellnessByCatDay
        .join(interactionsByCatDay, new String[] {CAT_ID, DAY}, "full_outer")
        .join(names, new String[] {CAT_ID}, "left")
        // Like the original's na.fill(0): numeric columns only, so a missing name stays null.
        .na()
        .fill(0L)
        .select(COLUMNS.stream().map(functions::col).toArray(Column[]::new));
  }

  /**
   * The UTC date of the event time, by integer arithmetic on its epoch microseconds: independent of
   * the session time zone, and cheaper per row than a zone-aware {@code to_date}.
   */
  private static Column day() {
    Column micros = unix_micros(col(EVENT_TIME));
    // Floor division: the dividend is an exact multiple of a day, so the quotient is exact.
    Column epochDay = micros.minus(pmod(micros, lit(MICROS_PER_DAY))).divide(lit(MICROS_PER_DAY));
    return date_from_unix_date(epochDay.cast("int")).as(DAY);
  }
}
