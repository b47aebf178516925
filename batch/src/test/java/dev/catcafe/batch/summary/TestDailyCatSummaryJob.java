package dev.catcafe.batch.summary;

import static dev.catcafe.batch.summary.TestDailyCatSummaryTransform.date;
import static dev.catcafe.batch.summary.TestDailyCatSummaryTransform.interactionRow;
import static dev.catcafe.batch.summary.TestDailyCatSummaryTransform.wellnessRow;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The job's incremental contract on a local Iceberg catalog; the *IT repeats it on the platform.
 */
final class TestDailyCatSummaryJob extends BaseSparkTest {
  private static final LocalDate DAY_1 = LocalDate.parse("2026-11-20");
  private static final LocalDate DAY_2 = LocalDate.parse("2026-11-21");
  private static final LocalDate DAY_3 = LocalDate.parse("2026-11-22");

  /** Day 3, 10:00 UTC: "today" for the catch-up runs. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void rewritesOnlyTheChosenDaysAndIsIdempotent() {
    CatalogSettings catalog = catalog("job_incremental");
    TestingRawTables raw =
        tom(
            catalog,
            List.of(
                wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0),
                wellnessRow("2026-11-21T01:00:00.000Z", "tom", 4.0, 2.0),
                wellnessRow("2026-11-22T01:00:00.000Z", "tom", 6.0, 3.0)),
            List.of(
                interactionRow("2026-11-20T02:00:00.000Z", "tom", "like"),
                interactionRow("2026-11-21T02:00:00.000Z", "tom", "pet")));

    DailyCatSummaryResult all = DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    assertThat(all.rowsWritten()).isEqualTo(3);
    assertThat(summary(catalog))
        .containsExactly(
            RowFactory.create(date("2026-11-20"), "tom", "Tom", 2.0, 1.0, 1L, 1L),
            RowFactory.create(date("2026-11-21"), "tom", "Tom", 4.0, 2.0, 1L, 0L),
            RowFactory.create(date("2026-11-22"), "tom", "Tom", 6.0, 3.0, 0L, 0L));

    // A late event for day 2 and a renamed cat: only day 2 is rewritten, so only it shows both.
    raw.append(
        Topic.CAT_INTERACTIONS, List.of(interactionRow("2026-11-21T23:00:00.000Z", "tom", "like")));
    raw.replaceCatProfiles(List.of(RowFactory.create("tom", "Thomas")));
    DailyCatSummaryResult day2 = DailyCatSummaryJob.run(spark, catalog, DaySelection.day(DAY_2));
    assertThat(day2.rowsWritten()).isEqualTo(1);
    assertThat(day2.rowsReplaced()).isEqualTo(1);
    assertThat(day2.daysRewritten()).isEqualTo(1);
    List<Row> afterDay2 = summary(catalog);
    assertThat(afterDay2)
        .containsExactly(
            RowFactory.create(date("2026-11-20"), "tom", "Tom", 2.0, 1.0, 1L, 1L),
            RowFactory.create(date("2026-11-21"), "tom", "Thomas", 4.0, 2.0, 2L, 1L),
            RowFactory.create(date("2026-11-22"), "tom", "Tom", 6.0, 3.0, 0L, 0L));

    DailyCatSummaryJob.run(spark, catalog, DaySelection.day(DAY_2));
    assertThat(summary(catalog)).isEqualTo(afterDay2);

    DailyCatSummaryJob.run(spark, catalog, new DaySelection.DayRange(DAY_1, DAY_3));
    assertThat(summary(catalog)).extracting(row -> row.getString(2)).containsOnly("Thomas");
  }

  @Test
  void aDayWithoutEventsIsEmptiedNotLeftStale() {
    CatalogSettings catalog = catalog("job_empty_day");
    tom(
        catalog,
        List.of(wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0)),
        List.of(interactionRow("2026-11-20T01:00:00.000Z", "tom", "pet")));
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    deleteEventsBeforeDay2(catalog, LakeTable.CAT_WELLNESS_RAW);
    deleteEventsBeforeDay2(catalog, LakeTable.CAT_INTERACTIONS_RAW);

    DailyCatSummaryResult result = DailyCatSummaryJob.run(spark, catalog, DaySelection.day(DAY_1));

    assertThat(result.rowsReplaced()).isEqualTo(1);
    assertThat(summary(catalog)).isEmpty();
  }

  @Test
  void aCommitThatFailsLeavesThePreviousStateIntact() {
    CatalogSettings catalog = catalog("job_failed_commit");
    tom(
        catalog,
        List.of(
            wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0),
            wellnessRow("2026-11-21T01:00:00.000Z", "tom", 4.0, 2.0)),
        List.of(interactionRow("2026-11-20T01:00:00.000Z", "tom", "pet")));
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    List<Row> before = summary(catalog);
    DailyCatSummarySink sink = new DailyCatSummarySink(spark, catalog);

    // A replacement of day 1 whose computation fails while the write is under way.
    Dataset<Row> failing =
        spark
            .table(sink.tableName())
            .where("day = DATE '2026-11-20'")
            .withColumn("name", raise_error(lit("injected failure")).cast("string"));
    assertThatThrownBy(() -> sink.replaceDays(failing, DaySelection.day(DAY_1)))
        .hasStackTraceContaining("injected failure");

    assertThat(summary(catalog)).isEqualTo(before).hasSize(2);
  }

  @Test
  void failsNamingTheMissingTableAndWritesNothing() {
    CatalogSettings catalog = catalog("job_missing_profiles");
    TestingRawTables raw = new TestingRawTables(spark, catalog);
    raw.append(
        Topic.CAT_WELLNESS, List.of(wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0)));
    raw.append(
        Topic.CAT_INTERACTIONS, List.of(interactionRow("2026-11-20T01:00:00.000Z", "tom", "pet")));

    assertThatThrownBy(() -> DailyCatSummaryJob.run(spark, catalog, DaySelection.day(DAY_1)))
        .hasMessageContaining(LakeTable.CATS_PROFILES_RAW.qualifiedName(catalog));
    assertThat(spark.catalog().tableExists(LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog)))
        .isFalse();
  }

  @Test
  void catchUpRewritesTheDaysWhoseRawDataChangedHoweverLate() {
    CatalogSettings catalog = catalog("job_catch_up");
    TestingRawTables raw =
        tom(
            catalog,
            List.of(
                wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0),
                wellnessRow("2026-11-22T01:00:00.000Z", "tom", 6.0, 3.0)),
            List.of(interactionRow("2026-11-20T02:00:00.000Z", "tom", "like")));
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    long afterRebuild = summarySnapshotId(catalog);

    // Nothing new: nothing rewritten, no commit.
    DailyCatSummaryResult idle = DailyCatSummaryJob.catchUp(spark, catalog, CLOCK);
    assertThat(idle.rowsWritten()).isZero();
    assertThat(idle.toString()).contains("nothing rewritten");
    assertThat(summarySnapshotId(catalog)).isEqualTo(afterRebuild);

    // Events for day 1 arrive on day 3 (the clock's today): day 1 is rewritten, and only it.
    raw.append(
        Topic.CAT_INTERACTIONS,
        List.of(
            interactionRow("2026-11-20T23:00:00.000Z", "tom", "pet"),
            interactionRow("2026-11-20T23:30:00.000Z", "tom", "like")));
    DailyCatSummaryResult late = DailyCatSummaryJob.catchUp(spark, catalog, CLOCK);

    assertThat(late.days()).isEqualTo(DaySelection.days(List.of(DAY_1)));
    assertThat(late.daysRewritten()).isEqualTo(1);
    assertThat(summary(catalog))
        .containsExactly(
            RowFactory.create(date("2026-11-20"), "tom", "Tom", 2.0, 1.0, 3L, 2L),
            RowFactory.create(date("2026-11-22"), "tom", "Tom", 6.0, 3.0, 0L, 0L));
    assertThat(summary(catalog)).isEqualTo(recomputed(catalog));

    long afterLate = summarySnapshotId(catalog);
    assertThat(DailyCatSummaryJob.catchUp(spark, catalog, CLOCK).rowsWritten()).isZero();
    assertThat(summarySnapshotId(catalog)).isEqualTo(afterLate);
  }

  @Test
  void catchUpSeesDeletedRowsAndSkipsCompactions() {
    CatalogSettings catalog = catalog("job_catch_up_delete");
    TestingRawTables raw =
        tom(
            catalog,
            List.of(
                wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0),
                wellnessRow("2026-11-21T01:00:00.000Z", "tom", 4.0, 2.0)),
            List.of(interactionRow("2026-11-21T02:00:00.000Z", "tom", "pet")));
    raw.append(
        Topic.CAT_WELLNESS, List.of(wellnessRow("2026-11-21T05:00:00.000Z", "tom", 8.0, 2.0)));
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());

    spark.sql(
        "CALL %s.system.rewrite_data_files(table => '%s', options => map('min-input-files','1'))"
            .formatted(catalog.name(), LakeTable.CAT_WELLNESS_RAW.qualifiedName(catalog)));
    assertThat(DailyCatSummaryJob.catchUp(spark, catalog, CLOCK).rowsWritten()).isZero();

    deleteEventsBeforeDay2(catalog, LakeTable.CAT_WELLNESS_RAW);
    DailyCatSummaryResult afterDelete = DailyCatSummaryJob.catchUp(spark, catalog, CLOCK);

    assertThat(afterDelete.days()).isEqualTo(DaySelection.days(List.of(DAY_1)));
    assertThat(summary(catalog)).isEqualTo(recomputed(catalog)).hasSize(1);
  }

  @Test
  void catchUpRebuildsEverythingWhenTheRecordedSnapshotExpired() {
    CatalogSettings catalog = catalog("job_catch_up_expired");
    TestingRawTables raw = tomSummarizedOnDay1(catalog);
    raw.append(
        Topic.CAT_WELLNESS, List.of(wellnessRow("2026-11-19T01:00:00.000Z", "tom", 4.0, 1.0)));
    spark.sql(
        "CALL %s.system.expire_snapshots(table => '%s', older_than => TIMESTAMP '2999-01-01',"
                .formatted(catalog.name(), LakeTable.CAT_WELLNESS_RAW.qualifiedName(catalog))
            + " retain_last => 1)");

    DailyCatSummaryResult result = DailyCatSummaryJob.catchUp(spark, catalog, CLOCK);

    assertThat(result.days()).isEqualTo(new DaySelection.AllDays());
    assertThat(summary(catalog)).isEqualTo(recomputed(catalog)).hasSize(2);
  }

  @Test
  void catchUpIgnoresAStagedSnapshotThatWasNeverPublished() {
    CatalogSettings catalog = catalog("job_catch_up_staged");
    TestingRawTables raw = tomSummarizedOnDay1(catalog);
    long afterRebuild = summarySnapshotId(catalog);

    // Ingestion stages each batch (write-audit-publish); a crash before publishing leaves the
    // staged snapshot in the metadata, outside the table's history.
    String wellness = LakeTable.CAT_WELLNESS_RAW.qualifiedName(catalog);
    spark.sql(
        "ALTER TABLE %s SET TBLPROPERTIES ('write.wap.enabled' = 'true')".formatted(wellness));
    spark.conf().set("spark.wap.id", "crashed-before-publishing");
    try {
      raw.append(
          Topic.CAT_WELLNESS, List.of(wellnessRow("2026-11-19T01:00:00.000Z", "tom", 4.0, 1.0)));
    } finally {
      spark.conf().unset("spark.wap.id");
    }
    assertThat(
            spark
                .sql(
                    "SELECT * FROM %s.snapshots WHERE summary['wap.id'] = 'crashed-before-publishing'"
                        .formatted(wellness))
                .count())
        .isOne();

    DailyCatSummaryResult result = DailyCatSummaryJob.catchUp(spark, catalog, CLOCK);

    assertThat(result.days()).isEqualTo(DaySelection.days(List.of()));
    assertThat(summarySnapshotId(catalog)).isEqualTo(afterRebuild);
  }

  @Test
  void theFirstCatchUpRewritesYesterdayAndToday() {
    CatalogSettings catalog = catalog("job_catch_up_first");
    tom(
        catalog,
        List.of(
            wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0),
            wellnessRow("2026-11-22T01:00:00.000Z", "tom", 6.0, 3.0)),
        List.of(interactionRow("2026-11-21T02:00:00.000Z", "tom", "pet")));

    DailyCatSummaryResult first = DailyCatSummaryJob.catchUp(spark, catalog, CLOCK);

    assertThat(first.days()).isEqualTo(new DaySelection.DayRange(DAY_2, DAY_3));
    assertThat(summary(catalog))
        .extracting(row -> row.getDate(0))
        .doesNotContain(date("2026-11-20"));
    assertThat(DailyCatSummaryJob.catchUp(spark, catalog, CLOCK).rowsWritten()).isZero();
  }

  private static List<Row> recomputed(CatalogSettings catalog) {
    return TestingSummaries.recomputedFromRaw(spark, catalog)
        .orderBy("day", "cat_id")
        .collectAsList();
  }

  private static long summarySnapshotId(CatalogSettings catalog) {
    return TestingSummaries.summarySnapshotId(spark, catalog);
  }

  /**
   * Tom with one wellness and one interaction event on day 1, and the summary rebuilt from them.
   */
  private static TestingRawTables tomSummarizedOnDay1(CatalogSettings catalog) {
    TestingRawTables raw =
        tom(
            catalog,
            List.of(wellnessRow("2026-11-20T01:00:00.000Z", "tom", 2.0, 1.0)),
            List.of(interactionRow("2026-11-20T02:00:00.000Z", "tom", "pet")));
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    return raw;
  }

  /** Raw tables holding {@code wellness} and {@code interactions} of the cat "tom", named Tom. */
  private static TestingRawTables tom(
      CatalogSettings catalog, List<Row> wellness, List<Row> interactions) {
    TestingRawTables raw = new TestingRawTables(spark, catalog);
    raw.replaceCatProfiles(List.of(RowFactory.create("tom", "Tom")));
    raw.append(Topic.CAT_WELLNESS, wellness);
    raw.append(Topic.CAT_INTERACTIONS, interactions);
    return raw;
  }

  /** Deletes the rows of {@code rawTable} whose event time is before day 2. */
  private static void deleteEventsBeforeDay2(CatalogSettings catalog, LakeTable rawTable) {
    spark.sql(
        "DELETE FROM %s WHERE event_time < TIMESTAMP '2026-11-21 00:00:00'"
            .formatted(rawTable.qualifiedName(catalog)));
  }

  private static List<Row> summary(CatalogSettings catalog) {
    return spark
        .table(LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog))
        .orderBy("day", "cat_id")
        .collectAsList();
  }
}
