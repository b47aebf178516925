package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.SparkSQLProperties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import scala.Option;

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
 * never rows in the table.
 *
 * <p>A DataFrame ({@link #append}) goes through Spark's Iceberg writer, which commits by itself,
 * with no way to add a property to its commit. So its rows are written <em>staged</em>
 * (write-audit-publish: {@code spark.wap.id}, a snapshot that is not the table's current state),
 * and the transaction then publishes the staged snapshot's data files with a fast append, together
 * with the property, and drops the staged snapshot. A crash after staging and before the
 * transaction leaves an unreferenced snapshot that the replay does not see.
 */
public final class IdempotentAppend {
  /** Table property prefix: the newest batch each streaming query committed to the table. */
  public static final String LAST_BATCH_PREFIX = "catcafe.ingest.last-batch.";

  /** Snapshot summary key: the streaming query that committed the snapshot (for audit). */
  public static final String QUERY_ID = "catcafe.ingest.query-id";

  /** Snapshot summary key: the micro-batch the snapshot holds (for audit). */
  public static final String BATCH_ID = "catcafe.ingest.batch-id";

  private final Table table;
  private final String tableName;
  private final String queryId;
  private final long batchId;

  private IdempotentAppend(Table table, String tableName, String queryId, long batchId) {
    this.table = table;
    this.tableName = tableName;
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
    return new IdempotentAppend(table, tableName, queryId, batchId);
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
   * Appends {@code rows} to the table and records the batch as the newest of its query, in one
   * commit. The caller checks {@link #isCommitted} first.
   */
  public void append(Dataset<Row> rows) {
    requireNonNull(rows, "rows is null");
    enableStaging(table);

    String wapId = "%s/%d/%s".formatted(queryId, batchId, UUID.randomUUID());
    stagedWrite(rows, tableName, wapId);
    table.refresh();
    Snapshot staged = stagedSnapshot(table, wapId);

    Transaction transaction = table.newTransaction();
    commitBatch(
        transaction,
        SnapshotChanges.builderFor(table).snapshot(staged).build().addedDataFiles(),
        wapId);
    // The staged snapshot has served its purpose: dropping it keeps one snapshot per batch in the
    // metadata that every commit rewrites. Nothing by age (expireOlderThan(0)), and no file
    // cleanup: its data files are the published snapshot's now, and its manifest list and
    // manifest are left to orphan-file removal. Deleting them here was tried and broke a
    // concurrent maintenance run that had listed the staged snapshot (all_manifests scan).
    transaction
        .expireSnapshots()
        .expireSnapshotId(staged.snapshotId())
        .expireOlderThan(0)
        .cleanExpiredFiles(false)
        .commit();
    transaction.commitTransaction();
  }

  /**
   * Adds {@code files}, written for this batch and not yet in any snapshot, to the table and
   * records the batch as the newest of its query, in one commit. The caller checks {@link
   * #isCommitted} first. No files (a batch without a valid row) still records the batch.
   */
  public void appendFiles(List<DataFile> files) {
    requireNonNull(files, "files is null");
    Transaction transaction = table.newTransaction();
    commitBatch(transaction, files, null);
    transaction.commitTransaction();
  }

  /** The table as this append loaded it. */
  Table table() {
    return table;
  }

  /**
   * Stages in {@code transaction} the append of {@code files} tagged with the query and batch (and
   * the write-audit-publish id they were staged under, if any) and the batch's marker.
   */
  private void commitBatch(Transaction transaction, Iterable<DataFile> files, String wapId) {
    AppendFiles append =
        transaction.newFastAppend().set(QUERY_ID, queryId).set(BATCH_ID, Long.toString(batchId));
    if (wapId != null) {
      append.set(SnapshotSummary.PUBLISHED_WAP_ID_PROP, wapId);
    }
    for (DataFile file : files) {
      append.appendFile(file);
    }
    append.commit();
    transaction.updateProperties().set(markerKey(queryId), Long.toString(batchId)).commit();
  }

  /** The table property holding the newest batch of {@code queryId}. */
  static String markerKey(String queryId) {
    requireNonNull(queryId, "queryId is null");
    if (queryId.isBlank()) {
      throw new IllegalArgumentException("queryId is blank");
    }
    return LAST_BATCH_PREFIX + queryId;
  }

  /** Writes {@code rows} as a staged snapshot tagged {@code wapId}, leaving the table as it was. */
  private static void stagedWrite(Dataset<Row> rows, String tableName, String wapId) {
    SparkSession session = rows.sparkSession();
    // Iceberg's writer reads the WAP id from the active session's conf. A streaming query's
    // batches run on its own thread with its own session (a clone per query), so setting it there
    // for the duration of the write affects no other query.
    Option<SparkSession> previousActive = SparkSession.getActiveSession();
    RuntimeConfig conf = session.conf();
    String previousWapId = conf.get(SparkSQLProperties.WAP_ID, null);
    SparkSession.setActiveSession(session);
    conf.set(SparkSQLProperties.WAP_ID, wapId);
    try {
      rows.writeTo(tableName).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException("table %s does not exist".formatted(tableName), e);
    } finally {
      if (previousWapId == null) {
        conf.unset(SparkSQLProperties.WAP_ID);
      } else {
        conf.set(SparkSQLProperties.WAP_ID, previousWapId);
      }
      if (previousActive.isDefined()) {
        SparkSession.setActiveSession(previousActive.get());
      } else {
        SparkSession.clearActiveSession();
      }
    }
  }

  /** The snapshot the staged write {@code wapId} produced. */
  private static Snapshot stagedSnapshot(Table table, String wapId) {
    for (Snapshot snapshot : table.snapshots()) {
      if (wapId.equals(snapshot.summary().get(SnapshotSummary.STAGED_WAP_ID_PROP))) {
        return snapshot;
      }
    }
    throw new IllegalStateException(
        "the write %s to %s left no staged snapshot (is %s still true?)"
            .formatted(wapId, table.name(), TableProperties.WRITE_AUDIT_PUBLISH_ENABLED));
  }

  /**
   * Write-audit-publish must be on for Spark to stage rather than commit. {@link RawTableSetup}
   * creates tables with it on; this turns it on (one commit, once) in tables created before.
   */
  private static void enableStaging(Table table) {
    if (!"true".equals(table.properties().get(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED))) {
      table.updateProperties().set(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED, "true").commit();
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
