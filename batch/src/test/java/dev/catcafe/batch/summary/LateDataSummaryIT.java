package dev.catcafe.batch.summary;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.schedule.BatchProcesses;
import dev.catcafe.batch.summary.TestingCafeEvents.SummaryRow;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingSessions;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Late data on the real platform (the JDBC catalog Trino shares): events for day D that arrive on
 * D+2, outside any fixed yesterday-and-today window, reach {@code daily_cat_summary} on the next
 * default run (the job's command, in its own JVM, as the scheduler runs it), which makes D equal a
 * recomputation from the raw tables; a run with no new raw data then changes nothing.
 */
@ExtendWith(LocalPlatformExtension.class)
final class LateDataSummaryIT {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);
  private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
  @AutoClose private static SparkSession spark;

  @Test
  void lateEventsForADayTwoDaysBackReachTheSummaryOnTheNextRun(TestingPlatform platform) {
    CatalogSettings catalog =
        TestingCatalogs.onPlatform(CatalogType.JDBC, platform, "it_batch_late");
    spark = TestingSessions.create("late-data-summary-it", catalog);
    TestingCats.dropLakeTables(spark, catalog, LakeTable.values());
    Map<String, String> names =
        Map.of("late-%s-luna".formatted(RUN_ID), "Luna", "late-%s-tom".formatted(RUN_ID), "Tom");
    List<String> cats = names.keySet().stream().sorted().toList();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate day = today.minusDays(2);
    TestingRawTables raw = new TestingRawTables(spark, catalog);
    raw.replaceCatProfiles(
        names.entrySet().stream()
            .map(cat -> RowFactory.create(cat.getKey(), cat.getValue()))
            .toList());
    TestingCafeEvents onTime =
        TestingCafeEvents.generate(5L, cats, List.of(day, day.plusDays(1), today));
    raw.append(Topic.CAT_WELLNESS, onTime.wellnessRows());
    raw.append(Topic.CAT_INTERACTIONS, onTime.interactionRows());
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    long onTimeInteractions = interactions(onTime.expectedSummary(names, List.of(day)));
    assertThat(interactions(summaryOf(catalog, day))).isEqualTo(onTimeInteractions);

    // On D+2 (today), a second batch of events for D arrives.
    TestingCafeEvents late = TestingCafeEvents.generate(6L, cats, List.of(day));
    raw.append(Topic.CAT_WELLNESS, late.wellnessRows());
    raw.append(Topic.CAT_INTERACTIONS, late.interactionRows());
    BatchProcesses.Outcome next =
        BatchProcesses.run(
            platform.environment(platform.kafka(), platform.postgres(), catalog),
            JOB_TIMEOUT,
            "dev.catcafe.batch.summary.DailyCatSummaryJob");

    assertThat(next.exitStatus()).as(next.toString()).isZero();
    assertThat(next.stdout()).contains("daily_cat_summary: rewrote " + day);
    spark.catalog().refreshTable(LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog));
    List<SummaryRow> afterLate = summaryOf(catalog, day);
    assertThat(afterLate).isEqualTo(recomputedFromRaw(catalog, day));
    assertThat(interactions(afterLate))
        .isEqualTo(onTimeInteractions + interactions(late.expectedSummary(names, List.of(day))));

    // Nothing new in the raw tables: nothing changes, not even a new snapshot.
    List<SummaryRow> everything = summaryOf(catalog, null);
    long snapshot = summarySnapshotId(catalog);
    DailyCatSummaryResult idle = DailyCatSummaryJob.catchUp(spark, catalog, Clock.systemUTC());

    assertThat(idle.rowsWritten()).isZero();
    assertThat(summarySnapshotId(catalog)).isEqualTo(snapshot);
    assertThat(summaryOf(catalog, null)).isEqualTo(everything);
  }

  private static long interactions(List<SummaryRow> rows) {
    return rows.stream().mapToLong(SummaryRow::interactions).sum();
  }

  /** The summary's rows of {@code day} (all days when null), comparable with expectations. */
  private static List<SummaryRow> summaryOf(CatalogSettings catalog, LocalDate day) {
    var rows = spark.table(LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog));
    if (day != null) {
      rows = rows.where(col("day").equalTo(lit(Date.valueOf(day))));
    }
    return TestingCafeEvents.actual(rows.collectAsList());
  }

  /** The summary of {@code day} computed afresh over the whole raw tables. */
  private static List<SummaryRow> recomputedFromRaw(CatalogSettings catalog, LocalDate day) {
    List<Row> rows =
        TestingSummaries.recomputedFromRaw(spark, catalog)
            .where(col("day").equalTo(lit(Date.valueOf(day))))
            .collectAsList();
    return TestingCafeEvents.actual(rows);
  }

  private static long summarySnapshotId(CatalogSettings catalog) {
    return TestingSummaries.summarySnapshotId(spark, catalog);
  }
}
