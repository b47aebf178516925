package dev.catcafe.bench.trino;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.round;

import dev.catcafe.batch.quality.LakeQualityChecks;
import dev.catcafe.batch.quality.QualityCheck;
import dev.catcafe.bench.SyntheticRawTables;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.DataQualityResults;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a month of the lake tables the views read, at the original's rates (spec §2.3): one
 * summary row per available cat and day, interactions at 2.9/s (one in fifteen a like), orders at
 * 0.1/s, health alerts at 3/min, each event naming a cat or visitor of the given roster.
 */
final class MonthOfCafeData {
  static final long SECONDS_PER_DAY = 86_400;
  static final double INTERACTIONS_PER_SECOND = 2.9;
  static final double ORDERS_PER_SECOND = 0.1;
  static final double ALERTS_PER_SECOND = 3.0 / 60;

  private final SparkSession spark;
  private final CatalogSettings catalog;
  private final LocalDate firstDay;
  private final int days;
  private final Dataset<Row> cats;
  private final Dataset<Row> visitors;
  private final long catCount;
  private final long visitorCount;

  MonthOfCafeData(
      SparkSession spark,
      CatalogSettings catalog,
      LocalDate firstDay,
      int days,
      List<String> catIds,
      List<String> visitorIds) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.firstDay = requireNonNull(firstDay, "firstDay is null");
    this.days = days;
    this.cats = indexed(catIds, "cat_id");
    this.visitors = indexed(visitorIds, "visitor_id");
    this.catCount = catIds.size();
    this.visitorCount = visitorIds.size();
  }

  long rows(double perSecond) {
    return Math.round(perSecond * SECONDS_PER_DAY * days);
  }

  /** Writes every table; returns a line per table with its row count. */
  String writeAll() {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    long interactions = rows(INTERACTIONS_PER_SECOND);
    Dataset<Row> interactionRows =
        withVisitor(withCat(events(interactions), 7919))
            .select(
                col("event_time"),
                col("visitor_id"),
                col("cat_id"),
                SyntheticRawTables.interactionType().as("interaction_type"),
                col("id"));
    writeRaw(Topic.CAT_INTERACTIONS, interactionRows);

    long orders = rows(ORDERS_PER_SECOND);
    Dataset<Row> orderRows =
        withVisitor(events(orders))
            .select(
                col("event_time"),
                concat(lit("bench-order-"), col("id").cast("string")).as("order_id"),
                col("visitor_id"),
                expr("array(named_struct('name', 'latte', 'quantity', 1))").as("items"),
                round(rand(3).multiply(45).plus(3), 2).cast("decimal(10,2)").as("total_amount"),
                col("id"));
    writeRaw(Topic.CAFE_ORDERS, orderRows);

    long alerts = rows(ALERTS_PER_SECOND);
    Dataset<Row> alertRows =
        withCat(events(alerts), 31)
            .select(
                col("event_time").as("alert_time"),
                col("cat_id"),
                lit("DEHYDRATION").as("alert_type"),
                round(rand(5).multiply(2).plus(4.01), 2).as("value"),
                lit(4.0).as("threshold"),
                concat(lit("Health Alert for "), col("cat_id")).as("alert_message"),
                concat(lit("bench-alert-"), col("id").cast("string")).as("alert_id"),
                col("id"));
    writeRaw(Topic.CAT_HEALTH_ALERTS, alertRows);

    long summaryRows = writeSummary();
    return ("interactions %,d, orders %,d, health alerts %,d, daily_cat_summary %,d rows over %d"
            + " days from %s")
        .formatted(interactions, orders, alerts, summaryRows, days, firstDay);
  }

  private long writeSummary() {
    Dataset<Row> dayIndex = spark.range(days).withColumnRenamed("id", "day_index");
    Dataset<Row> summary =
        dayIndex
            .crossJoin(cats)
            .select(
                expr("date_add(DATE '%s', CAST(day_index AS INT))".formatted(firstDay)).as("day"),
                col("cat_id"),
                lit(null).cast("string").as("name"),
                round(rand(11).multiply(9).plus(1), 2).as("avg_activity_level"),
                round(rand(13).multiply(3.4).plus(0.5), 2).as("max_hours_since_drink"),
                pmod(col("cat_index").multiply(7).plus(col("day_index")), lit(400))
                    .cast("long")
                    .as("total_interaction_count"),
                pmod(col("cat_index").plus(col("day_index")), lit(25))
                    .cast("long")
                    .as("like_count"));
    String table = LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog);
    spark.sql("DROP TABLE IF EXISTS %s PURGE".formatted(table));
    summary.writeTo(table).using("iceberg").partitionedBy(col("day")).createOrReplace();
    writeQualityRuns();
    return (long) days * catCount;
  }

  /**
   * One data-quality run a day at 03:00 UTC, as the schedule makes them, with every declared check
   * ({@link LakeQualityChecks}) passed: the data-quality view and the dashboard's chart of it read
   * the latest run, as on a platform that has been running for a month.
   */
  private void writeQualityRuns() {
    String table = LakeTable.DATA_QUALITY_RESULTS.qualifiedName(catalog);
    spark.sql("DROP TABLE IF EXISTS %s PURGE".formatted(table));
    spark.sql(
        "CREATE TABLE %s (%s) USING iceberg PARTITIONED BY (%s)"
            .formatted(
                table, DataQualityResults.COLUMNS_DDL, DataQualityResults.PARTITION_TRANSFORM));
    List<Row> checks = new ArrayList<>();
    for (QualityCheck check : LakeQualityChecks.all()) {
      checks.add(
          RowFactory.create(check.table().tableName(), check.name(), check.rule().expectation()));
    }
    Dataset<Row> declared =
        spark.createDataFrame(
            checks,
            new StructType()
                .add("table_name", DataTypes.StringType, false)
                .add("check_name", DataTypes.StringType, false)
                .add("expectation", DataTypes.StringType, false));
    Dataset<Row> runs =
        spark
            .range(days)
            .withColumnRenamed("id", "day_index")
            .crossJoin(declared)
            .select(
                concat(lit("bench-quality-"), col("day_index").cast("string")).as("run_id"),
                expr("CAST(date_add(DATE '%s', CAST(day_index AS INT)) AS TIMESTAMP)"
                            .formatted(firstDay)
                        + " + INTERVAL 3 HOURS")
                    .as("run_time"),
                col("table_name"),
                col("check_name"),
                lit(0.0).as("observed"),
                col("expectation"),
                lit(true).as("passed"),
                lit("benchmark data: every check passed").as("detail"));
    try {
      runs.writeTo(table).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(table + " vanished after it was created", e);
    }
  }

  /** {@code rows} ids with event times spread evenly over the month. */
  private Dataset<Row> events(long rows) {
    int partitions = (int) Math.max(2, Math.min(64, rows / 2_000_000));
    return spark
        .range(0, rows, 1, partitions)
        .toDF()
        .withColumn(
            "event_time",
            SyntheticRawTables.evenlySpread(
                firstDay.atStartOfDay().toInstant(ZoneOffset.UTC), Duration.ofDays(days), rows));
  }

  /** Names a cat per event: the roster's ({@code stride} × id mod size)-th, spread by a prime. */
  private Dataset<Row> withCat(Dataset<Row> events, long stride) {
    return events.join(
        broadcast(cats), pmod(col("id").multiply(stride), lit(catCount)).equalTo(col("cat_index")));
  }

  /** Names a visitor per event: the roster's (id mod size)-th. */
  private Dataset<Row> withVisitor(Dataset<Row> events) {
    return events.join(
        broadcast(visitors), pmod(col("id"), lit(visitorCount)).equalTo(col("visitor_index")));
  }

  private void writeRaw(Topic topic, Dataset<Row> events) {
    SyntheticRawTables.replace(spark, catalog, topic, events, Map.of());
  }

  private Dataset<Row> indexed(List<String> ids, String column) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no %s to generate events for".formatted(column));
    }
    String index = column.replace("_id", "_index");
    return spark
        .createDataset(ids, Encoders.STRING())
        .toDF(column)
        .withColumn(index, expr("row_number() OVER (ORDER BY %s) - 1".formatted(column)));
  }
}
