package dev.catcafe.batch.schedule;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.maintenance.MaintenanceConfig;
import dev.catcafe.batch.maintenance.TableMaintenanceJob;
import dev.catcafe.batch.maintenance.TableReport;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.jobs.MaintenancePolicy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The maintenance step of the batch cycle: {@link TableMaintenanceJob} under {@link
 * MaintenancePolicy#SCHEDULED}, the policy the cluster's CronJob runs too, over every lake table
 * that exists.
 */
final class ScheduledMaintenance {
  private ScheduledMaintenance() {}

  static MaintenanceConfig config(CatalogSettings catalog) {
    return MaintenanceConfig.of(catalog, List.of(), MaintenancePolicy.SCHEDULED);
  }

  /** Runs maintenance and returns a one-line report per table. */
  static String run(SparkSession spark, CatalogSettings catalog) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    long started = System.nanoTime();
    MaintenanceConfig config = config(catalog);
    if (TableMaintenanceJob.tablesToMaintain(spark, config).isEmpty()) {
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
