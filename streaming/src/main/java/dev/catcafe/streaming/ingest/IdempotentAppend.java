package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.OptionalLong;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * Appends a micro-batch to an Iceberg table at most once per (streaming query, batch id), which
 * with Structured Streaming's replay-until-committed makes the write exactly once.
 *
 * <p>Each append records the query id (stable across restarts from the same checkpoint) and the
 * batch id in the snapshot summary, the way Iceberg's own streaming sink records its epoch. When a
 * batch is replayed after a crash, the table's snapshot ancestry already holds a snapshot of this
 * query with that batch id or a later one, and the append is skipped. Compaction and snapshot
 * expiry keep the newest snapshots, so the last commit of a running query is always found.
 */
public final class IdempotentAppend {
  /** Snapshot summary key: the streaming query that committed the snapshot. */
  public static final String QUERY_ID = "catcafe.ingest.query-id";

  /** Snapshot summary key: the micro-batch the snapshot holds. */
  public static final String BATCH_ID = "catcafe.ingest.batch-id";

  private IdempotentAppend() {}

  /** The newest batch id {@code queryId} committed to {@code table}, if any. */
  public static OptionalLong lastCommittedBatch(Table table, String queryId) {
    requireNonNull(table, "table is null");
    requireNonNull(queryId, "queryId is null");
    Snapshot snapshot = table.currentSnapshot();
    while (snapshot != null) {
      Map<String, String> summary = snapshot.summary();
      if (queryId.equals(summary.get(QUERY_ID)) && summary.containsKey(BATCH_ID)) {
        return OptionalLong.of(Long.parseLong(summary.get(BATCH_ID)));
      }
      Long parentId = snapshot.parentId();
      snapshot = parentId == null ? null : table.snapshot(parentId);
    }
    return OptionalLong.empty();
  }

  /** Whether {@code batchId} of {@code queryId} is already in the table named {@code tableName}. */
  public static boolean isCommitted(
      SparkSession spark, String tableName, String queryId, long batchId) {
    Table table = load(spark, tableName);
    table.refresh();
    OptionalLong last = lastCommittedBatch(table, queryId);
    return last.isPresent() && last.getAsLong() >= batchId;
  }

  /** Appends {@code rows} to {@code tableName}, tagging the snapshot with query and batch id. */
  public static void append(Dataset<Row> rows, String tableName, String queryId, long batchId) {
    requireNonNull(rows, "rows is null");
    requireNonNull(tableName, "tableName is null");
    requireNonNull(queryId, "queryId is null");
    try {
      rows.writeTo(tableName)
          .option("snapshot-property." + QUERY_ID, queryId)
          .option("snapshot-property." + BATCH_ID, Long.toString(batchId))
          .append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException("table %s does not exist".formatted(tableName), e);
    }
  }

  private static Table load(SparkSession spark, String tableName) {
    try {
      return Spark3Util.loadIcebergTable(requireNonNull(spark, "spark is null"), tableName);
    } catch (ParseException | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException("cannot load table %s".formatted(tableName), e);
    }
  }
}
