package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import java.sql.Timestamp;
import java.time.ZoneOffset;
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

  /** The raw rows of {@code topic} whose event time falls on the selected UTC days. */
  public Dataset<Row> events(Topic topic, DaySelection days) {
    requireNonNull(topic, "topic is null");
    Dataset<Row> rows = table(topic.rawTable());
    if (!(requireNonNull(days, "days is null") instanceof DaySelection.DayRange range)) {
      return rows;
    }
    Timestamp start = Timestamp.from(range.first().atStartOfDay().toInstant(ZoneOffset.UTC));
    Timestamp end =
        Timestamp.from(range.last().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    String eventTime = topic.eventTimeField();
    return rows.where(col(eventTime).geq(lit(start)).and(col(eventTime).lt(lit(end))));
  }

  /** The latest snapshot of the cat profiles ({@code ProfileSnapshotJob} writes it). */
  public Dataset<Row> catProfiles() {
    return table(LakeTable.CATS_PROFILES_RAW);
  }

  private Dataset<Row> table(LakeTable table) {
    String name = table.qualifiedName(catalog);
    if (!spark.catalog().tableExists(name)) {
      throw new IllegalStateException(
          "lake table %s does not exist yet (%s)".formatted(name, creatorOf(table)));
    }
    return spark.table(name);
  }

  private static String creatorOf(LakeTable table) {
    return table == LakeTable.CATS_PROFILES_RAW
        ? "run ProfileSnapshotJob first"
        : "the ingestion creates it when it starts";
  }
}
