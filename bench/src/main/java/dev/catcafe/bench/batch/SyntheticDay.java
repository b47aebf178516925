package dev.catcafe.bench.batch;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.round;

import dev.catcafe.bench.SyntheticRawTables;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes one synthetic day of cafe events straight into raw tables of the ingestion's layout
 * (generated with {@code spark.range}, no Kafka): wellness readings spread evenly over the day, one
 * cat after another as the simulator emits them, and interactions at the original's ratio (≈2.9 per
 * second against ≈1,000 wellness readings, one in fifteen a like).
 */
final class SyntheticDay {
  /** Interactions per wellness reading in the original's steady state (2.9/s against 1,000/s). */
  static final double INTERACTIONS_PER_WELLNESS = 2.9 / 1000;

  private static final long ROWS_PER_FILE = 4_000_000;

  private final SparkSession spark;
  private final CatalogSettings catalog;
  private final LocalDate day;
  private final int cats;

  SyntheticDay(SparkSession spark, CatalogSettings catalog, LocalDate day, int cats) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.day = requireNonNull(day, "day is null");
    if (cats < 1) {
      throw new IllegalArgumentException("cats must be positive, is " + cats);
    }
    this.cats = cats;
  }

  static long interactionRowsFor(long wellnessRows) {
    return Math.max(1, Math.round(wellnessRows * INTERACTIONS_PER_WELLNESS));
  }

  void writeWellness(long rows) {
    write(
        Topic.CAT_WELLNESS,
        rows,
        catId(col("id")).as("cat_id"),
        round(rand(17).multiply(9.9).plus(0.1), 2).as("activity_level"),
        pmod(col("id"), lit(41)).plus(80).cast("int").as("heart_rate"),
        round(rand(29).multiply(3.4).plus(0.5), 2).as("hours_since_last_drink"));
  }

  void writeInteractions(long rows) {
    write(
        Topic.CAT_INTERACTIONS,
        rows,
        concat(lit("bench-visitor-"), pmod(col("id"), lit(1000)).cast("string")).as("visitor_id"),
        // A prime stride, so interactions spread over the cats instead of following wellness.
        catId(col("id").multiply(7919)).as("cat_id"),
        SyntheticRawTables.interactionType().as("interaction_type"));
  }

  /** Names every cat but the last, so the summary's left join meets a cat with no profile. */
  void writeProfiles() {
    Dataset<Row> profiles =
        spark
            .range(cats - 1)
            .select(
                catId(col("id")).as("cat_id"),
                concat(lit("Cat "), col("id").cast("string")).as("name"));
    profiles
        .writeTo(LakeTable.CATS_PROFILES_RAW.qualifiedName(catalog))
        .using("iceberg")
        .createOrReplace();
  }

  private Column catId(Column id) {
    return concat(lit("bench-cat-"), lpad(pmod(id, lit(cats)).cast("string"), 5, "0"));
  }

  /**
   * Replaces the raw table of {@code topic} with {@code rows} events spread evenly over the day,
   * made of {@code fields} (over the row's {@code id}), plus the lineage columns.
   */
  private void write(Topic topic, long rows, Column... fields) {
    int partitions = (int) Math.max(2, Math.min(512, rows / ROWS_PER_FILE));
    Column eventTime =
        SyntheticRawTables.evenlySpread(
                day.atStartOfDay().toInstant(ZoneOffset.UTC), Duration.ofDays(1), rows)
            .as("event_time");
    Column[] columns =
        Stream.concat(Stream.of(eventTime, col("id")), Arrays.stream(fields))
            .toArray(Column[]::new);
    // No write distribution: one day is one partition, and a hash distribution would funnel the
    // whole day through a single writer task.
    SyntheticRawTables.replace(
        spark,
        catalog,
        topic,
        spark.range(0, rows, 1, partitions).toDF().select(columns),
        Map.of("write.distribution-mode", "none"));
  }
}
