package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the lake tables the summary is built from. A day range becomes a filter on the raw tables'
 * event time, which Iceberg prunes to the matching {@code days(event_time)} partitions.
 */
public final class LakeEventSource {
  private final SparkSession spark;
  private final CatalogSettings catalog;

  public LakeEventSource(SparkSession spark, CatalogSettings catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /**
   * The raw rows of {@code topic} whose event time falls on the selected UTC days, read at snapshot
   * {@code snapshotId} (null: the table has none yet), so a run sees exactly the raw data it
   * records as processed.
   */
  public Dataset<Row> events(Topic topic, DaySelection days, Long snapshotId) {
    requireNonNull(topic, "topic is null");
    requireNonNull(days, "days is null");
    String name = existing(topic.rawTable());
    Dataset<Row> rows =
        snapshotId == null
            ? spark.table(name)
            : spark.sql("SELECT * FROM %s VERSION AS OF %d".formatted(name, snapshotId));
    String eventTime = topic.eventTimeField();
    if (days instanceof DaySelection.DayRange range) {
      return rows.where(within(eventTime, range));
    }
    if (days instanceof DaySelection.Days set) {
      return rows.where(
          set.ranges().stream()
              .map(range -> within(eventTime, range))
              .reduce(Column::or)
              .orElse(lit(false)));
    }
    return rows; // all days
  }

  private static Column within(String eventTime, DaySelection.DayRange range) {
    Timestamp start = Timestamp.from(range.first().atStartOfDay().toInstant(ZoneOffset.UTC));
    Timestamp end =
        Timestamp.from(range.last().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    return col(eventTime).geq(lit(start)).and(col(eventTime).lt(lit(end)));
  }

  /** The raw table of {@code topic} as Iceberg sees it now. */
  public Table icebergTable(Topic topic) {
    return DailyCatSummarySink.loadIcebergTable(
        spark, existing(requireNonNull(topic, "topic is null").rawTable()));
  }

  /** The current snapshot of each raw table the summary reads: what a run processes. */
  SummaryProgress currentSnapshots() {
    Map<Topic, Long> snapshots = new EnumMap<>(Topic.class);
    for (Topic topic : SummaryProgress.SOURCES) {
      Snapshot current = icebergTable(topic).currentSnapshot();
      snapshots.put(topic, current == null ? null : current.snapshotId());
    }
    return new SummaryProgress(snapshots);
  }

  /** The latest snapshot of the cat profiles ({@code ProfileSnapshotJob} writes it). */
  public Dataset<Row> catProfiles() {
    return table(LakeTable.CATS_PROFILES_RAW);
  }

  private Dataset<Row> table(LakeTable table) {
    return spark.table(existing(table));
  }

  private String existing(LakeTable table) {
    String name = table.qualifiedName(catalog);
    if (!spark.catalog().tableExists(name)) {
      throw new IllegalStateException(
          "lake table %s does not exist yet (%s)".formatted(name, creatorOf(table)));
    }
    return name;
  }

  private static String creatorOf(LakeTable table) {
    return table == LakeTable.CATS_PROFILES_RAW
        ? "run ProfileSnapshotJob first"
        : "the ingestion creates it when it starts";
  }
}
