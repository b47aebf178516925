package dev.catcafe.batch.maintenance;

import static java.util.Objects.requireNonNull;

import dev.catcafe.spark.FaultPoint;
import dev.catcafe.spark.JobGroups;
import dev.catcafe.spark.TaskFault;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.ExpireSnapshots;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.actions.RewriteManifests;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Iceberg table healthy with Iceberg's Spark actions, safely while streaming appends
 * continue: compaction only replaces files (a concurrent append adds files and never conflicts with
 * it; Iceberg retries the losing commit against the new metadata), and it commits file group by
 * file group ({@code partial-progress}) so a conflict costs one group, not the whole run.
 */
public final class TableMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);

  /** The Spark UI's job group of the maintenance steps' jobs. */
  public static final String JOB_GROUP = "table-maintenance";

  /** How often a step is planned again after a concurrent commit invalidated its plan. */
  static final int STEP_ATTEMPTS = 5;

  private TableMaintenance() {}

  /** Runs the configured steps on {@code tableName} and reports what changed. */
  public static TableReport maintain(
      SparkSession spark, String tableName, MaintenanceConfig config, Instant now) {
    requireNonNull(spark, "spark is null");
    requireNonNull(tableName, "tableName is null");
    requireNonNull(config, "config is null");
    requireNonNull(now, "now is null");
    Table table = load(spark, tableName);
    long filesBefore = dataFiles(table);
    RewriteDataFiles.Result compaction = null;
    RewriteManifests.Result manifests = null;
    ExpireSnapshots.Result expiry = null;
    int expiredSnapshots = 0;
    long orphans = 0;
    for (MaintenanceStep step : config.orderedSteps()) {
      for (int attempt = 1; ; attempt++) {
        table.refresh();
        try {
          // Labels the step's jobs in the Spark UI; Iceberg's actions nest their own labels.
          String label = "%s on %s".formatted(step.name().toLowerCase(Locale.ROOT), tableName);
          switch (step) {
            case REWRITE_DATA_FILES ->
                compaction =
                    labelled(spark, label, () -> rewriteDataFiles(spark, table, config, now));
            case REWRITE_MANIFESTS ->
                manifests =
                    labelled(
                        spark,
                        label,
                        () -> SparkActions.get(spark).rewriteManifests(table).execute());
            case EXPIRE_SNAPSHOTS -> {
              Set<Long> before = snapshotIds(table);
              expiry = labelled(spark, label, () -> expireSnapshots(spark, table, config, now));
              table.refresh();
              before.removeAll(snapshotIds(table));
              expiredSnapshots = before.size();
            }
            case REMOVE_ORPHAN_FILES ->
                orphans =
                    labelled(spark, label, () -> removeOrphanFiles(spark, table, config, now))
                        .orphanFilesCount();
          }
          break;
        } catch (ValidationException | CommitFailedException conflict) {
          // A concurrent commit (e.g. a streaming append) changed what this step planned against.
          // Iceberg already retried the commit; re-plan on the new metadata a few times.
          if (attempt >= STEP_ATTEMPTS) {
            throw conflict;
          }
          LOG.warn(
              "{} on {} conflicted with a concurrent commit ({}); re-planning, attempt {}",
              step,
              tableName,
              conflict.getMessage(),
              attempt + 1);
        }
      }
    }
    table.refresh();
    TableReport report =
        new TableReport(
            tableName,
            filesBefore,
            dataFiles(table),
            compaction == null ? 0 : compaction.rewrittenDataFilesCount(),
            compaction == null ? 0 : compaction.addedDataFilesCount(),
            compaction == null ? 0 : compaction.rewrittenBytesCount(),
            compaction == null ? 0 : compaction.failedDataFilesCount(),
            manifests == null ? 0 : count(manifests.rewrittenManifests()),
            manifests == null ? 0 : count(manifests.addedManifests()),
            expiredSnapshots,
            expiry == null ? 0 : expiry.deletedDataFilesCount(),
            expiry == null
                ? 0
                : expiry.deletedManifestsCount() + expiry.deletedManifestListsCount(),
            orphans);
    LOG.info("{}", report);
    return report;
  }

  /** Live data files of the table's current snapshot. */
  public static long dataFiles(Table table) {
    Snapshot current = requireNonNull(table, "table is null").currentSnapshot();
    if (current == null) {
      return 0;
    }
    String total = current.summary().get("total-data-files");
    return total == null ? 0 : Long.parseLong(total);
  }

  /** Runs {@code action} with its Spark jobs labelled in the maintenance's job group. */
  private static <T> T labelled(SparkSession spark, String description, Supplier<T> action) {
    return JobGroups.run(spark, JOB_GROUP, description, action);
  }

  private static ExpireSnapshots.Result expireSnapshots(
      SparkSession spark, Table table, MaintenanceConfig config, Instant now) {
    return SparkActions.get(spark)
        .expireSnapshots(table)
        .expireOlderThan(now.minus(config.snapshotRetention()).toEpochMilli())
        .retainLast(config.retainLastSnapshots())
        .execute();
  }

  private static DeleteOrphanFiles.Result removeOrphanFiles(
      SparkSession spark, Table table, MaintenanceConfig config, Instant now) {
    return SparkActions.get(spark)
        .deleteOrphanFiles(table)
        .olderThan(now.minus(config.orphanFileAge()).toEpochMilli())
        // An object store is listed through the table's FileIO (S3FileIO): Hadoop's file system
        // has no S3 connector on this class path. A local table keeps Hadoop's listing.
        .usePrefixListing(table.location().startsWith("s3://"))
        .execute();
  }

  private static RewriteDataFiles.Result rewriteDataFiles(
      SparkSession spark, Table table, MaintenanceConfig config, Instant now) {
    RewriteDataFiles rewrite =
        SparkActions.get(spark)
            .rewriteDataFiles(table)
            .binPack()
            .option(RewriteDataFiles.PARTIAL_PROGRESS_ENABLED, "true")
            .option(RewriteDataFiles.PARTIAL_PROGRESS_MAX_COMMITS, "10")
            .option("min-input-files", Integer.toString(config.minInputFiles()));
    if (config.targetFileSizeBytes() > 0) {
      rewrite =
          rewrite.option(
              RewriteDataFiles.TARGET_FILE_SIZE_BYTES, Long.toString(config.targetFileSizeBytes()));
    }
    if (config.closedPartitionsOnly()) {
      Optional<String> dayColumn = dayPartitionSource(table);
      if (dayColumn.isPresent()) {
        Instant today =
            LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        long todayMicros = ChronoUnit.MICROS.between(Instant.EPOCH, today);
        rewrite = rewrite.filter(Expressions.lessThan(dayColumn.get(), todayMicros));
      } else {
        LOG.info("{} has no day partition: compacting all of it", table.name());
      }
    }
    RewriteDataFiles compaction = rewrite;
    return TaskFault.during(
        FaultPoint.MAINTENANCE_MID_REWRITE, "rewrite of " + table.name(), compaction::execute);
  }

  /** The column a {@code days(...)} partition of the table is derived from, if it has one. */
  static Optional<String> dayPartitionSource(Table table) {
    for (PartitionField field : table.spec().fields()) {
      if (field.transform().toString().equals("day")) {
        return Optional.of(table.schema().findColumnName(field.sourceId()));
      }
    }
    return Optional.empty();
  }

  private static Set<Long> snapshotIds(Table table) {
    Set<Long> ids = new HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      ids.add(snapshot.snapshotId());
    }
    return ids;
  }

  private static int count(Iterable<?> items) {
    int count = 0;
    for (Object ignored : items) {
      count++;
    }
    return count;
  }

  private static Table load(SparkSession spark, String tableName) {
    try {
      return Spark3Util.loadIcebergTable(spark, tableName);
    } catch (org.apache.spark.sql.catalyst.parser.ParseException
        | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalArgumentException("cannot load table %s".formatted(tableName), e);
    }
  }
}
