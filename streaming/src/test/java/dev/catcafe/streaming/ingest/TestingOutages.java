package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;

/** What a long ingestion outage lets maintenance do to the tables the ingestion writes. */
final class TestingOutages {
  private TestingOutages() {}

  /**
   * Compacts {@code tableName}, then expires every snapshot but the newest: the compaction's, which
   * carries no batch marker in its summary (as maintenance may do once the ingestion has been down
   * past the snapshot retention). Returns the table, refreshed.
   */
  static Table compactAndExpireAllButTheNewestSnapshot(SparkSession spark, String tableName)
      throws Exception {
    requireNonNull(spark, "spark is null");
    Table table =
        Spark3Util.loadIcebergTable(spark, requireNonNull(tableName, "tableName is null"));
    SparkActions.get(spark).rewriteDataFiles(table).option("rewrite-all", "true").execute();
    table.refresh();
    SparkActions.get(spark)
        .expireSnapshots(table)
        .expireOlderThan(System.currentTimeMillis() + 1)
        .retainLast(1)
        .execute();
    table.refresh();
    assertThat(table.snapshots()).as("%s keeps its newest snapshot only", tableName).hasSize(1);
    assertThat(table.currentSnapshot().operation()).isEqualTo("replace");
    assertThat(table.currentSnapshot().summary()).doesNotContainKey(IdempotentAppend.BATCH_ID);
    return table;
  }
}
