package dev.catcafe.batch.maintenance;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.LakeBatchOptions;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.jobs.MaintenancePolicy;
import dev.catcafe.spark.FaultPoint;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.spark.TaskFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Compacts, rewrites manifests, expires snapshots and removes orphan files of the lake's tables (by
 * default every lake table that exists). Safe to run while ingestion writes. The defaults are those
 * of {@link MaintenancePolicy#SCHEDULED}, except that a run by hand compacts the day being written
 * too unless given {@code --closed-partitions-only} (the cluster's CronJob passes the policy's
 * arguments, so it runs exactly what the local scheduler runs).
 *
 * <pre>
 * bin/run-job table-maintenance [--table cat_wellness_raw] ...
 * </pre>
 */
@Command(
    name = "table-maintenance",
    description =
        "Keeps the lake's Iceberg tables healthy: compaction, manifests, expiry, orphans.")
public final class TableMaintenanceJob implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenanceJob.class);

  @Mixin LakeBatchOptions lakeBatchOptions;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description =
          "Table to maintain (table, namespace.table or catalog.namespace.table); repeatable."
              + " Default: every lake table that exists.")
  private List<String> tables = new ArrayList<>();

  @Option(
      names = "--step",
      paramLabel = "STEP",
      description = "Run only these steps: ${COMPLETION-CANDIDATES}. Default: all.")
  private List<MaintenanceStep> steps = new ArrayList<>();

  @Option(
      names = "--min-input-files",
      defaultValue = MaintenancePolicy.SCHEDULED_MIN_INPUT_FILES,
      description = "Compact a partition once it has this many small files.")
  private int minInputFiles;

  @Option(
      names = "--target-file-size-bytes",
      defaultValue = "0",
      description = "Size of compacted files; 0 = the table's write.target-file-size-bytes.")
  private long targetFileSizeBytes;

  @Option(
      names = "--closed-partitions-only",
      description = "Compact only days before today (UTC), not the day being ingested.")
  private boolean closedPartitionsOnly;

  @Option(
      names = "--snapshot-retention",
      defaultValue = MaintenancePolicy.SCHEDULED_SNAPSHOT_RETENTION,
      converter = Durations.Converter.class,
      description = "Expire snapshots older than this (at least 1d).")
  private Duration snapshotRetention;

  @Option(
      names = "--retain-last",
      defaultValue = MaintenancePolicy.SCHEDULED_RETAIN_LAST,
      description = "Always keep this many newest snapshots.")
  private int retainLast;

  @Option(
      names = "--orphan-file-age",
      defaultValue = MaintenancePolicy.SCHEDULED_ORPHAN_FILE_AGE,
      converter = Durations.Converter.class,
      description = "Only unreferenced files older than this are deleted (at least 1h).")
  private Duration orphanFileAge;

  public static void main(String[] args) {
    Commands.run(new TableMaintenanceJob(), args);
  }

  @Override
  public Integer call() {
    MaintenanceConfig config = config();
    SparkSession spark =
        SparkSessions.create(
            SessionSettings.builder("table-maintenance", lakeBatchOptions.sparkMaster())
                .catalog(config.catalog())
                // Iceberg's actions plan their own parallelism; other shuffles are tiny.
                .shufflePartitions(2)
                .eventLog(lakeBatchOptions.eventLog())
                // Test-only, empty unless -Dcatcafe.fault.halt-at arms the mid-rewrite crash.
                .conf(TaskFault.sessionConf(FaultPoint.MAINTENANCE_MID_REWRITE))
                .build());
    try {
      run(spark, config, Instant.now());
    } finally {
      spark.stop();
    }
    return 0;
  }

  /** The config this command line asks for (public: the manifest tests parse the cluster's run). */
  public MaintenanceConfig config() {
    return new MaintenanceConfig(
        lakeBatchOptions.catalog(),
        tables,
        steps.isEmpty() ? EnumSet.allOf(MaintenanceStep.class) : EnumSet.copyOf(steps),
        minInputFiles,
        targetFileSizeBytes,
        closedPartitionsOnly,
        snapshotRetention,
        retainLast,
        orphanFileAge);
  }

  /** Maintains every configured table (or every existing raw table) and returns the reports. */
  public static List<TableReport> run(SparkSession spark, MaintenanceConfig config, Instant now) {
    requireNonNull(spark, "spark is null");
    requireNonNull(config, "config is null");
    List<TableReport> reports = new ArrayList<>();
    for (String table : tablesToMaintain(spark, config)) {
      reports.add(TableMaintenance.maintain(spark, table, config, now));
    }
    LOG.info("maintained {} tables", reports.size());
    return reports;
  }

  /** The configured tables, or every lake table that exists. */
  public static List<String> tablesToMaintain(SparkSession spark, MaintenanceConfig config) {
    List<String> candidates = candidateTables(config);
    if (!config.tables().isEmpty()) {
      return candidates;
    }
    return candidates.stream().filter(spark.catalog()::tableExists).toList();
  }

  /**
   * The configured tables, or every lake table: what a run maintains of what exists. Public so the
   * manifest tests can show that the cluster's run covers every table.
   */
  public static List<String> candidateTables(MaintenanceConfig config) {
    requireNonNull(config, "config is null");
    if (!config.tables().isEmpty()) {
      return config.tables().stream().map(config::qualify).toList();
    }
    return Arrays.stream(LakeTable.values())
        .map(table -> table.qualifiedName(config.catalog()))
        .toList();
  }
}
