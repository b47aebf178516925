package dev.catcafe.batch.schedule;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.maintenance.MaintenanceConfig;
import dev.catcafe.batch.maintenance.MaintenanceStep;
import dev.catcafe.batch.maintenance.TableMaintenanceJob;
import dev.catcafe.batch.maintenance.TableReport;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The maintenance step of the batch cycle: {@link TableMaintenanceJob} over every lake table that
 * exists, including the ones the batch itself rewrites each cycle (the profile snapshots and the
 * summary gain a snapshot per cycle, which expiry must bound). The day ingestion is writing is left
 * alone by compaction; snapshots are kept for a week, so profile time travel reaches a week back.
 */
final class ScheduledMaintenance {
  private ScheduledMaintenance() {}

  static MaintenanceConfig config(SparkSession spark, CatalogSettings catalog) {
    List<String> tables =
        Arrays.stream(LakeTable.values())
            .map(table -> table.qualifiedName(catalog))
            .filter(spark.catalog()::tableExists)
            .toList();
    return new MaintenanceConfig(
        catalog,
        tables,
        EnumSet.allOf(MaintenanceStep.class),
        5,
        0,
        true,
        MaintenanceConfig.DEFAULT_SNAPSHOT_RETENTION,
        50,
        MaintenanceConfig.DEFAULT_ORPHAN_FILE_AGE);
  }

  /** Runs maintenance and returns a one-line report per table. */
  static String run(SparkSession spark, CatalogSettings catalog) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    long started = System.nanoTime();
    MaintenanceConfig config = config(spark, catalog);
    if (config.tables().isEmpty()) {
      return "table maintenance: no lake tables yet";
    }
    List<TableReport> reports = TableMaintenanceJob.run(spark, config, Instant.now());
    return "table maintenance: %d tables in %.1f s%n  %s"
        .formatted(
            reports.size(),
            (System.nanoTime() - started) / 1e9,
            reports.stream().map(TableReport::toString).collect(Collectors.joining("\n  ")));
  }
}
