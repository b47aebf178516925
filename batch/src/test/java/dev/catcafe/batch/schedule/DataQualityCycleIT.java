package dev.catcafe.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.batch.quality.DataQualityJob;
import dev.catcafe.batch.quality.LakeQualityChecks;
import dev.catcafe.batch.quality.QualityCheck;
import dev.catcafe.batch.quality.TestingQualityLake;
import dev.catcafe.batch.summary.TestingCats;
import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingSessions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data-quality step on the real platform (PostgreSQL profiles, the JDBC catalog): a clean day
 * passes the scheduler's whole cycle (profiles snapshotted from PostgreSQL, the summary, the
 * maintenance, the checks) and the job's own JVM; then rows that break each kind of check make
 * exactly those checks fail, in the results table, in the cycle's failure and in the metrics the
 * scheduler serves.
 */
@ExtendWith(LocalPlatformExtension.class)
final class DataQualityCycleIT {
  // A JVM of its own runs 41 Spark queries: minutes on a loaded 2-core machine.
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(12);
  private static final String PREFIX = "dq-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  @AutoClose private static SparkSession spark;

  @Test
  void aCleanDayPassesAndEachBrokenRuleFailsExactlyItsCheck(TestingPlatform platform)
      throws SQLException {
    CatalogSettings catalog =
        TestingCatalogs.onPlatform(CatalogType.JDBC, platform, "it_batch_quality");
    PostgresSettings postgres = platform.postgres();
    spark = TestingSessions.create("data-quality-it", catalog);
    TestingCats.dropLakeTables(spark, catalog, LakeTable.values());
    TestingQualityLake lake =
        new TestingQualityLake(spark, catalog, Clock.systemUTC().instant(), PREFIX);
    TestingCats.upsert(postgres, lake.cats());
    upsertVisitors(postgres, lake.visitors());
    lake.writeCleanEvents();

    try (JobMetrics metrics =
        JobMetrics.start(
            "batch-scheduler", new MetricsSettings(true, MetricsSettings.LOOPBACK, 0))) {
      BatchRunMetrics runs = new BatchRunMetrics(metrics.registry(), Clock.systemUTC());

      // A clean day: the whole cycle succeeds, every check passes and says so in its gauge.
      BatchScheduler.runCycle(spark, catalog, postgres, Clock.systemUTC(), runs);
      String clean = metrics.scrape();
      assertThat(clean).contains("catcafe_data_quality_failed_checks 0.0");
      for (QualityCheck check : LakeQualityChecks.all()) {
        assertThat(clean).contains(gauge(check.table().tableName(), check.name(), 1));
      }
      assertThat(latestRun(catalog)).allSatisfy(row -> assertThat(row.getBoolean(1)).isTrue());
      assertThat(latestRun(catalog)).hasSameSizeAs(LakeQualityChecks.all());

      // The job's own JVM, as the cluster's CronJob and `make quality` run it.
      BatchProcesses.Outcome job =
          BatchProcesses.run(
              platform.environment(platform.kafka(), postgres, catalog),
              JOB_TIMEOUT,
              DataQualityJob.class.getName());
      assertThat(job.exitStatus()).as(job.toString()).isZero();
      assertThat(job.stdout()).contains("data quality: run ").contains(" 0 failed");

      // Rows that break one check each: exactly those fail, everywhere.
      lake.breakEveryKindOfCheck();
      assertThatThrownBy(
              () -> BatchScheduler.runCycle(spark, catalog, postgres, Clock.systemUTC(), runs))
          .isInstanceOf(BatchScheduler.DataQualityFailedException.class)
          .hasMessageContaining("8 failed")
          .satisfies(
              failure ->
                  assertThat(failure.getMessage()).contains(TestingQualityLake.BROKEN_CHECKS));
      Set<String> failedInTable =
          latestRun(catalog).stream()
              .filter(row -> !row.getBoolean(1))
              .map(row -> row.getString(0))
              .collect(Collectors.toSet());
      assertThat(failedInTable).isEqualTo(TestingQualityLake.BROKEN_CHECKS);
      String broken = metrics.scrape();
      assertThat(broken).contains("catcafe_data_quality_failed_checks 8.0");
      for (QualityCheck check : LakeQualityChecks.all()) {
        int expected = TestingQualityLake.BROKEN_CHECKS.contains(check.id()) ? 0 : 1;
        assertThat(broken).contains(gauge(check.table().tableName(), check.name(), expected));
      }
      assertThat(broken)
          .contains("catcafe_batch_runs_total{batch_job=\"data-quality\",status=\"failure\"} 1.0")
          .contains("catcafe_batch_runs_total{batch_job=\"data-quality\",status=\"success\"} 1.0");

      BatchProcesses.Outcome failingJob =
          BatchProcesses.run(
              platform.environment(platform.kafka(), postgres, catalog),
              JOB_TIMEOUT,
              DataQualityJob.class.getName());
      assertThat(failingJob.exitStatus()).as(failingJob.toString()).isEqualTo(1);
      assertThat(failingJob.stdout()).contains("8 failed").contains("FAILED: ");
      for (String check : TestingQualityLake.BROKEN_CHECKS) {
        assertThat(failingJob.stdout()).contains(check + "=");
      }
    }
  }

  private static String gauge(String table, String check, int value) {
    return "catcafe_data_quality_check_passed{check=\"%s\",table=\"%s\"} %d.0"
        .formatted(check, table, value);
  }

  /** The latest run's results: {@code table.check}, passed. */
  private static List<Row> latestRun(CatalogSettings catalog) {
    String table = LakeTable.DATA_QUALITY_RESULTS.qualifiedName(catalog);
    spark.catalog().refreshTable(table);
    return spark
        .sql(
            ("SELECT concat(table_name, '.', check_name), passed FROM %1$s"
                    + " WHERE run_time = (SELECT max(run_time) FROM %1$s)")
                .formatted(table))
        .collectAsList();
  }

  private static void upsertVisitors(PostgresSettings postgres, List<String> visitorIds)
      throws SQLException {
    try (Connection connection = TestingCats.connect(postgres)) {
      OperationalSchema.createTables(connection);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO visitors VALUES (?, ?, 'cat_lover', TIMESTAMP '2026-01-01')"
                  + " ON CONFLICT (visitor_id) DO NOTHING")) {
        for (String visitor : visitorIds) {
          insert.setString(1, visitor);
          insert.setString(2, visitor);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
