package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * Appends a micro-batch to an Iceberg table at most once per (streaming query, batch id), which
 * with Structured Streaming's replay-until-committed makes the write exactly once.
 *
 * <p><b>The marker is a table property, committed atomically with the rows.</b> Each append
 * commits, in one Iceberg transaction, the batch's data files and the table property {@code
 * catcafe.ingest.last-batch.<query id>} = batch id. A replayed batch (a crash after the commit and
 * before Structured Streaming wrote its commit log) finds its batch id in the property and is
 * skipped. Why a property and not the snapshot summary alone:
 *
 * <ul>
 *   <li>A snapshot summary lives as long as its snapshot. Compaction adds snapshots without the
 *       marker on top of it, and expiry may then drop it ({@code retain_last => 1} keeps only the
 *       compaction's): a check that walks the ancestry stops there, and the replay is appended a
 *       second time. Table properties are part of the table metadata, which no expiry touches.
 *   <li>Concurrent maintenance cannot lose the marker: a compaction ({@code RewriteFiles}) or a
 *       manifest rewrite builds its new metadata from the current metadata, properties included,
 *       and when it loses a race Iceberg retries it on the refreshed metadata, which then holds the
 *       marker. When this transaction loses a race, Iceberg re-applies both its updates (the append
 *       and the property) on the refreshed metadata, so the rows and the marker land together or
 *       not at all. The seven ingestion queries share {@code ingest_errors}: each query owns its
 *       own key, and a retried transaction re-applies only its own key, so no query's marker
 *       overwrites another's.
 *   <li>The key carries the query id, stable across restarts from one checkpoint: a new checkpoint
 *       is a new writer, whose batch 0 is not a replay of the old one's.
 * </ul>
 *
 * <p>The ingestion writes its data files itself ({@link RawBatchFiles}) and commits them with
 * {@link #appendFiles}: the files and the property in one transaction. A crash after the files are
 * written and before the commit leaves files no snapshot names (orphans for maintenance to remove),
 * never rows in the table. (Until the files were written in the tasks, Spark's Iceberg writer wrote
 * them and committed by itself, so the rows were staged with write-audit-publish and published with
 * the marker in a second commit.)
 */
public final class IdempotentAppend {
  /** Table property prefix: the newest batch each streaming query committed to the table. */
  public static final String LAST_BATCH_PREFIX = "catcafe.ingest.last-batch.";

  /** Snapshot summary key: the streaming query that committed the snapshot (for audit). */
  public static final String QUERY_ID = "catcafe.ingest.query-id";

  /** Snapshot summary key: the micro-batch the snapshot holds (for audit). */
  public static final String BATCH_ID = "catcafe.ingest.batch-id";

  private final Table table;
  private final String queryId;
  private final long batchId;

  private IdempotentAppend(Table table, String queryId, long batchId) {
    this.table = table;
    this.queryId = queryId;
    this.batchId = batchId;
  }

  /**
   * The append of batch {@code batchId} of {@code queryId} to {@code tableName}, on the table's
   * current metadata: the check ({@link #isCommitted}) and the {@link #append} share this one load
   * of the table, a catalog round trip the hot path makes once per table and batch.
   */
  public static IdempotentAppend of(
      SparkSession spark, String tableName, String queryId, long batchId) {
    requireNonNull(tableName, "tableName is null");
    markerKey(queryId);
    Table table = load(spark, tableName);
    // A caching catalog hands out the table as it last loaded it: read the current metadata.
    table.refresh();
    return new IdempotentAppend(table, queryId, batchId);
  }

  /** The newest batch id {@code queryId} committed to {@code table}, if any. */
  public static OptionalLong lastCommittedBatch(Table table, String queryId) {
    requireNonNull(table, "table is null");
    String value = table.properties().get(markerKey(queryId));
    return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
  }

  /** Whether the batch is already in the table: a replay, to be skipped. */
  public boolean isCommitted() {
    OptionalLong last = lastCommittedBatch(table, queryId);
    return last.isPresent() && last.getAsLong() >= batchId;
  }

  /**
   * Adds {@code files}, written for this batch and not yet in any snapshot, to the table and
   * records the batch as the newest of its query, in one commit. The caller checks {@link
   * #isCommitted} first. No files (a batch without a valid row) still records the batch.
   */
  public void appendFiles(List<DataFile> files) {
    requireNonNull(files, "files is null");
    Transaction transaction = table.newTransaction();
    AppendFiles append =
        transaction.newFastAppend().set(QUERY_ID, queryId).set(BATCH_ID, Long.toString(batchId));
    files.forEach(append::appendFile);
    append.commit();
    transaction.updateProperties().set(markerKey(queryId), Long.toString(batchId)).commit();
    transaction.commitTransaction();
  }

  /** The table as this append loaded it. */
  Table table() {
    return table;
  }

  /** The table property holding the newest batch of {@code queryId}. */
  static String markerKey(String queryId) {
    requireNonNull(queryId, "queryId is null");
    if (queryId.isBlank()) {
      throw new IllegalArgumentException("queryId is blank");
    }
    return LAST_BATCH_PREFIX + queryId;
  }

  private static Table load(SparkSession spark, String tableName) {
    try {
      return Spark3Util.loadIcebergTable(requireNonNull(spark, "spark is null"), tableName);
    } catch (ParseException | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException("cannot load table %s".formatted(tableName), e);
    }
  }
}
