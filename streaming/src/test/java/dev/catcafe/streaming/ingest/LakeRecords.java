package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.RawTables;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** What the fault tests read back from the lake: row counts and Kafka offsets of raw tables. */
final class LakeRecords {
  private LakeRecords() {}

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

  /** The Kafka offsets of a one-partition topic's rows in {@code table}, sorted, repeats kept. */
  static List<Long> offsets(SparkSession spark, String table) {
    return spark
        .table(table)
        .select(RawTables.KAFKA_PARTITION, RawTables.KAFKA_OFFSET)
        .collectAsList()
        .stream()
        .peek(row -> assertThat(row.getInt(0)).as("partition of %s", table).isZero())
        .map(row -> row.getLong(1))
        .sorted()
        .toList();
  }
}
