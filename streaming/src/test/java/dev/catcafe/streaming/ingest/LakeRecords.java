package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SparkSessions;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** What the fault tests read back from the lake: row counts and Kafka offsets of raw tables. */
final class LakeRecords {
  private LakeRecords() {}

  /**
   * A session of the test's own that reads what an ingestion process commits: no UI, and no table
   * cache, so every read sees the newest commit.
   */
  static SparkSession readerSession(String appName, CatalogSettings catalog) {
    return SparkSessions.create(
        RawIngestionJob.sessionSettings(appName, catalog, "local[1]")
            .ui(false)
            .conf("spark.sql.catalog." + catalog.name() + ".cache-enabled", "false")
            .build());
  }

  /** Rows in every raw table that exists. */
  static long rows(SparkSession spark, CatalogSettings catalog) {
    long rows = 0;
    for (Topic topic : Topic.values()) {
      String table = topic.rawTable().qualifiedName(catalog);
      if (spark.catalog().tableExists(table)) {
        rows += spark.table(table).count();
      }
    }
    return rows;
  }

  /** Rows in {@code ingest_errors}, 0 if it does not exist yet. */
  static long errorRows(SparkSession spark, CatalogSettings catalog) {
    String errors = LakeTable.INGEST_ERRORS.qualifiedName(catalog);
    return spark.catalog().tableExists(errors) ? spark.table(errors).count() : 0;
  }

  /** The Kafka offsets of a one-partition topic's rows in {@code table}, sorted, repeats kept. */
  static List<Long> offsets(SparkSession spark, String table) {
    return offsets(spark, table, "true");
  }

  /** {@link #offsets(SparkSession, String)} of the rows that match the SQL {@code filter}. */
  static List<Long> offsets(SparkSession spark, String table, String filter) {
    return spark
        .table(table)
        .filter(filter)
        .select(RawTables.KAFKA_PARTITION, RawTables.KAFKA_OFFSET)
        .collectAsList()
        .stream()
        .peek(row -> assertThat(row.getInt(0)).as("partition of %s", table).isZero())
        .map(row -> row.getLong(1))
        .sorted()
        .toList();
  }
}
