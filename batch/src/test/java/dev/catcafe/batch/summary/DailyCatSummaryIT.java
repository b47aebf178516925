package dev.catcafe.batch.summary;

import static dev.catcafe.model.config.CatalogType.JDBC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.catcafe.batch.schedule.BatchProcesses;
import dev.catcafe.batch.snapshot.ProfileSnapshotJob;
import dev.catcafe.batch.summary.TestingCafeEvents.SummaryRow;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.LakeAssertions;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingCatalogs.Lake;
import dev.catcafe.spark.testing.TestingSessions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code daily_cat_summary} on the real platform, on each catalog type and storage ({@link
 * TestingCatalogs#lakes}): events written into raw tables of the ingestion's layout, cats in
 * PostgreSQL, the jobs run as {@code make batch} runs them, the result compared with a plain-Java
 * computation over the same events; (JDBC, the catalog Trino shares) Trino reads the summary.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.catcafe.spark.testing.TestingCatalogs#lakes")
@ExtendWith(LocalPlatformExtension.class)
final class DailyCatSummaryIT {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);
  private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);

  private static SparkSession spark;
  private static CatalogSettings catalog;
  private static PostgresSettings postgres;
  private static Map<String, String> catNames;
  private static List<String> catsInEvents;
  private static TestingCafeEvents events;
  private static LocalDate today;

  @Parameter Lake lake;

  @BeforeParameterizedClassInvocation
  static void writeCatsAndEvents(Lake lake) {
    TestingPlatform platform = TestingPlatform.shared();
    catalog = TestingCatalogs.onPlatform(lake, platform, "it_batch_summary");
    postgres = platform.isolatedPostgres("it_batch_summary");
    catNames = new LinkedHashMap<>();
    for (String name : List.of("Luna", "Oliver", "Bella", "Pax")) {
      catNames.put("it-batch-%s-%s".formatted(RUN_ID, name.toLowerCase()), name);
    }
    catsInEvents = new ArrayList<>(catNames.keySet());
    catsInEvents.add("it-batch-%s-stray".formatted(RUN_ID)); // not in PostgreSQL
    TestingCats.reset(postgres);
    TestingCats.upsert(postgres, catNames);
    // Trino's postgresql catalog sees only the shared cafe database: the same cats go there too.
    TestingCats.upsert(platform.postgres(), catNames);

    spark = TestingSessions.create("daily-cat-summary-it", catalog);
    today = LocalDate.now(ZoneOffset.UTC);
    events =
        TestingCafeEvents.generate(
            20261122L, catsInEvents, List.of(today.minusDays(2), today.minusDays(1), today));
    // The namespace may hold a previous run's tables when the platform outlived it.
    TestingCats.dropLakeTables(spark, catalog, LakeTable.values());
    TestingRawTables raw = new TestingRawTables(spark, catalog);
    raw.append(Topic.CAT_WELLNESS, events.wellnessRows());
    raw.append(Topic.CAT_INTERACTIONS, events.interactionRows());
  }

  @AfterParameterizedClassInvocation
  static void stopSpark() {
    TestingSessions.stopIfStarted(spark);
  }

  @Test
  void scheduledCycleThenFullRebuildMatchAnIndependentComputation(TestingPlatform platform)
      throws Exception {
    Map<String, String> environment = platform.environment(platform.kafka(), postgres, catalog);
    spark.sql("DROP TABLE IF EXISTS %s PURGE".formatted(summaryTable()));

    if (lake.equals(TestingCatalogs.lakes().get(0))) {
      BatchProcesses.Outcome cycle =
          BatchProcesses.run(
              environment, JOB_TIMEOUT, "dev.catcafe.batch.schedule.BatchScheduler", "--once");
      // This lake holds only wellness and interactions: the cycle's last step, the data-quality
      // checks, finds the other raw tables missing and fails the cycle after the others did their
      // work, naming the failed checks.
      assertThat(cycle.exitStatus()).as(cycle.toString()).isEqualTo(1);
      assertThat(cycle.stdout())
          .contains("profile snapshot: cats_profiles_raw " + catNames.size() + " rows")
          .contains("daily_cat_summary: rewrote " + today.minusDays(1) + " to " + today)
          .contains("table maintenance:")
          .contains("data-quality failed: data quality: run ")
          .contains("visitor_checkins_raw.fresh=none");
    } else {
      // The cycle's orchestration does not depend on the lake (ProfileSnapshotIT and
      // TableMaintenanceIT run their steps on every lake): here the summary's own JVM, with its
      // default days, on this lake's environment, after the profiles it joins (the cycle's first
      // step).
      ProfileSnapshotJob.run(spark, catalog, postgres);
      BatchProcesses.Outcome daily =
          BatchProcesses.run(
              environment, JOB_TIMEOUT, "dev.catcafe.batch.summary.DailyCatSummaryJob");
      assertThat(daily.exitStatus()).as(daily.toString()).isZero();
      assertThat(daily.stdout())
          .contains("daily_cat_summary: rewrote " + today.minusDays(1) + " to " + today);
    }
    // The default run covers yesterday and today only: the day before is not written yet.
    assertThat(summary())
        .isEqualTo(events.expectedSummary(catNames, List.of(today.minusDays(1), today)));

    BatchProcesses.Outcome all =
        BatchProcesses.run(
            environment, JOB_TIMEOUT, "dev.catcafe.batch.summary.DailyCatSummaryJob", "--all");
    assertThat(all.exitStatus()).as(all.toString()).isZero();
    List<SummaryRow> everything = events.expectedSummary(catNames, events.days());
    assertThat(everything)
        .extracting(SummaryRow::day)
        .contains(today.minusDays(2), today.plusDays(1));
    assertThat(summary()).isEqualTo(everything);

    // Re-running a day rewrites it to exactly the same rows.
    DailyCatSummaryResult rerun =
        DailyCatSummaryJob.run(spark, catalog, DaySelection.day(today.minusDays(1)));
    assertThat(rerun.rowsWritten()).isEqualTo(rerun.rowsReplaced()).isPositive();
    assertThat(summary()).isEqualTo(everything);
    // The jobs' own JVMs wrote through the store's settings of their environment.
    LakeAssertions.assertFilesWhereTheStorageSays(spark, platform, catalog, summaryTable());
  }

  @Test
  void badArgumentPrintsUsageAndExitsNonZero(TestingPlatform platform) {
    BatchProcesses.Outcome outcome =
        BatchProcesses.run(
            platform.environment(platform.kafka(), postgres, catalog),
            JOB_TIMEOUT,
            "dev.catcafe.batch.summary.DailyCatSummaryJob",
            "--day",
            "last-tuesday");

    assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(Commands.USAGE_ERROR);
    assertThat(outcome.stderr()).contains("last-tuesday").contains("Usage: daily-cat-summary");
  }

  @Test
  void trinoReadsTheSummaryAndJoinsItWithPostgresCats(TestingPlatform platform)
      throws SQLException {
    assumeThat(lake.type()).as("Trino reads the lake through the JDBC catalog").isEqualTo(JDBC);
    ProfileSnapshotJob.run(spark, catalog, postgres);
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    Map<String, Long> expected = new LinkedHashMap<>();
    for (SummaryRow row : events.expectedSummary(catNames, events.days())) {
      if (row.name() != null) {
        expected.merge(row.name(), row.interactions(), Long::sum);
      }
    }

    Map<String, Long> actual = new LinkedHashMap<>();
    try (Connection trino = platform.trino(TrinoUser.ANALYST).connect();
        Statement statement = trino.createStatement();
        ResultSet rows =
            statement.executeQuery(
                ("SELECT c.name, sum(s.total_interaction_count)"
                        + " FROM iceberg.%s.daily_cat_summary s"
                        + " JOIN postgresql.public.cats c ON c.cat_id = s.cat_id"
                        + " WHERE c.cat_id LIKE 'it-batch-%s-%%'"
                        + " GROUP BY c.name")
                    .formatted(catalog.namespace(), RUN_ID))) {
      while (rows.next()) {
        actual.put(rows.getString(1), rows.getLong(2));
      }
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  private static List<SummaryRow> summary() {
    // The jobs run in other JVMs: drop the session's cached table metadata to see their commits.
    spark.catalog().refreshTable(summaryTable());
    return TestingCafeEvents.actual(spark.table(summaryTable()).collectAsList());
  }

  private static String summaryTable() {
    return LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog);
  }
}
