package dev.catcafe.batch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.schedule.BatchProcesses;
import dev.catcafe.batch.summary.TestingRawTables;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.FaultPoint;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Halts the maintenance JVM in the middle of a compaction ({@link
 * FaultPoint#MAINTENANCE_MID_REWRITE}: rewritten files written, nothing committed), then reruns it:
 * the halted run leaves the table exactly as it was, and the rerun compacts it without changing a
 * row.
 */
@ExtendWith(LocalPlatformExtension.class)
final class MaintenanceCrashIT {
  /** Unique per run, so a rerun on a platform that outlived the last run sees none of its data. */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
  private static final int COMMITS = 6;
  private static final int EVENTS_PER_COMMIT = 20;

  @Test
  void aRewriteHaltedMidwayChangesNothingAndTheRerunCompacts(TestingPlatform platform)
      throws Exception {
    CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_maint_crash_" + RUN);
    String table = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    try (SparkSession spark =
        SparkSessions.create(
            SessionSettings.builder("maintenance-crash-it", "local[1]")
                .catalog(catalog)
                .ui(false)
                .conf("spark.sql.catalog." + catalog.name() + ".cache-enabled", "false")
                .build())) {
      TestingRawTables raw = new TestingRawTables(spark, catalog);
      Instant day = Instant.parse("2025-10-07T10:00:00Z");
      for (int commit = 0; commit < COMMITS; commit++) {
        List<Row> events = new ArrayList<>();
        for (int event = 0; event < EVENTS_PER_COMMIT; event++) {
          int index = commit * EVENTS_PER_COMMIT + event;
          // Two days: two partitions, each with one small file per commit.
          Instant time = day.plus(Duration.ofHours(index % 2 * 24L)).plusSeconds(index);
          events.add(RowFactory.create(Timestamp.from(time), "cat-" + index, "spot-" + index % 7));
        }
        raw.append(Topic.CAT_LOCATIONS, events);
      }
      List<Row> before = rows(spark, table);
      assertThat(before).hasSize(COMMITS * EVENTS_PER_COMMIT);
      Table iceberg = Spark3Util.loadIcebergTable(spark, table);
      long snapshotBefore = iceberg.currentSnapshot().snapshotId();
      long filesBefore = TableMaintenance.dataFiles(iceberg);
      assertThat(filesBefore).isEqualTo(2L * COMMITS);

      Map<String, String> environment =
          new HashMap<>(platform.environment(platform.kafka(), platform.postgres(), catalog));
      environment.put("JAVA_OPTS", FaultPoint.MAINTENANCE_MID_REWRITE.jvmOption());
      BatchProcesses.Outcome halted = maintain(environment, table);
      assertThat(halted.exitStatus()).as(halted.toString()).isEqualTo(FaultPoint.HALT_STATUS);
      assertThat(halted.stdout() + halted.stderr())
          .contains("fault point MAINTENANCE_MID_REWRITE reached (rewrite of");
      iceberg.refresh();
      assertThat(iceberg.currentSnapshot().snapshotId())
          .as("the halted rewrite committed nothing")
          .isEqualTo(snapshotBefore);
      assertThat(rows(spark, table)).as("the rows after the halt").isEqualTo(before);

      environment.remove("JAVA_OPTS");
      BatchProcesses.Outcome rerun = maintain(environment, table);
      assertThat(rerun.exitStatus()).as(rerun.toString()).isZero();
      iceberg.refresh();
      assertThat(iceberg.currentSnapshot().operation()).isEqualTo("replace");
      assertThat(TableMaintenance.dataFiles(iceberg)).as("compacted").isEqualTo(2);
      assertThat(rows(spark, table)).as("the rows after the rerun").isEqualTo(before);
    }
  }

  private static BatchProcesses.Outcome maintain(Map<String, String> environment, String table) {
    return BatchProcesses.run(
        environment,
        JOB_TIMEOUT,
        TableMaintenanceJob.class.getName(),
        "--table",
        table,
        "--step",
        MaintenanceStep.REWRITE_DATA_FILES.name(),
        "--step",
        MaintenanceStep.EXPIRE_SNAPSHOTS.name(),
        "--min-input-files",
        "2");
  }

  private static List<Row> rows(SparkSession spark, String table) {
    return spark.table(table).orderBy(RawTables.KAFKA_OFFSET).collectAsList();
  }
}
