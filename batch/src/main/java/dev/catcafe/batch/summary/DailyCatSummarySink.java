package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.catcafe.batch.BatchTable;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import java.sql.Date;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * Writes {@code daily_cat_summary}, partitioned by {@code day}. A run replaces exactly the selected
 * days in one Iceberg commit (overwrite by a filter on the partition column): rows of those days
 * are deleted and the new ones added atomically, other days are untouched, and a failed run commits
 * nothing.
 */
public final class DailyCatSummarySink {
  private final SparkSession spark;
  private final BatchTable table;

  public DailyCatSummarySink(SparkSession spark, CatalogSettings catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.table =
        new BatchTable(
            spark,
            catalog,
            LakeTable.DAILY_CAT_SUMMARY,
            DailyCatSummaryTransform.TABLE_COLUMNS_DDL,
            DailyCatSummaryTransform.DAY);
  }

  public String tableName() {
    return table.name();
  }

  /** Creates the table on the first run; its schema is the transform's output. */
  public void createIfMissing() {
    table.createIfMissing();
  }

  /**
   * Replaces the selected days with {@code summary} (which must hold only rows of those days) and
   * returns what the commit changed.
   */
  public CommitStats replaceDays(Dataset<Row> summary, DaySelection days) {
    requireNonNull(summary, "summary is null");
    createIfMissing();
    Long before = currentSnapshotId();
    table.write(summary, writer -> writer.overwrite(condition(days)));
    Snapshot snapshot = icebergTable().currentSnapshot();
    if (snapshot == null || Long.valueOf(snapshot.snapshotId()).equals(before)) {
      return new CommitStats(0, 0, 0);
    }
    Map<String, String> counts = snapshot.summary();
    return new CommitStats(
        count(counts, "added-records"),
        count(counts, "deleted-records"),
        count(counts, "changed-partition-count"));
  }

  private static Column condition(DaySelection days) {
    if (days instanceof DaySelection.DayRange range) {
      return condition(range);
    }
    if (days instanceof DaySelection.Days set) {
      return set.ranges().stream()
          .map(DailyCatSummarySink::condition)
          .reduce(Column::or)
          .orElse(lit(false));
    }
    return lit(true);
  }

  private static Column condition(DaySelection.DayRange range) {
    return col(DailyCatSummaryTransform.DAY)
        .between(lit(Date.valueOf(range.first())), lit(Date.valueOf(range.last())));
  }

  /** The raw snapshots the last recorded run processed; empty before the first (or no table). */
  Optional<SummaryProgress> progress() {
    if (!spark.catalog().tableExists(table.name())) {
      return Optional.empty();
    }
    return SummaryProgress.fromProperties(icebergTable().properties());
  }

  /**
   * Records {@code progress} after the rewrite that processed it has committed. A separate commit
   * on purpose: a run that dies between the two leaves the older record, so the next run rewrites
   * the same days again (idempotent), never fewer.
   */
  void recordProgress(SummaryProgress progress) {
    requireNonNull(progress, "progress is null");
    UpdateProperties update = icebergTable().updateProperties();
    progress.toProperties().forEach(update::set);
    update.commit();
  }

  private Long currentSnapshotId() {
    Snapshot snapshot = icebergTable().currentSnapshot();
    return snapshot == null ? null : snapshot.snapshotId();
  }

  private Table icebergTable() {
    return loadIcebergTable(spark, table.name());
  }

  /** The Iceberg table {@code name} as it is now (refreshed, not the session's cached copy). */
  static Table loadIcebergTable(SparkSession spark, String name) {
    try {
      Table table = Spark3Util.loadIcebergTable(spark, name);
      table.refresh();
      return table;
    } catch (ParseException | NoSuchTableException e) {
      throw new IllegalStateException("cannot load " + name, e);
    }
  }

  private static long count(Map<String, String> summary, String key) {
    return Long.parseLong(summary.getOrDefault(key, "0"));
  }

  /** What one commit did: rows added and deleted, partitions (days) touched. */
  public record CommitStats(long addedRows, long deletedRows, long changedPartitions) {}
}
