package dev.catcafe.batch.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.summary.DailyCatSummaryJob;
import dev.catcafe.batch.summary.DaySelection;
import dev.catcafe.batch.summary.TestingRawTables;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The checks on a local Iceberg catalog: a clean lake passes, each broken rule fails its check. */
final class TestQualityEngine extends BaseSparkTest {
  @Test
  void aCleanLakePassesEveryCheckAndTheResultsAreAppended() {
    CatalogSettings catalog = catalog("quality_clean");

    QualityReport report = checkSummarizedCleanLake(catalog, TestingQualityLake::writeLateWellness);

    assertThat(report.failures()).as(report.toString()).isEmpty();
    assertThat(report.results()).hasSameSizeAs(LakeQualityChecks.all());
    assertThat(report.toString()).contains("0 failed").doesNotContain("FAILED");
    List<Row> stored =
        queryResults(catalog, "SELECT run_id, table_name, check_name, passed FROM %s");
    assertThat(stored).hasSameSizeAs(LakeQualityChecks.all());
    assertThat(stored).allSatisfy(row -> assertThat(row.getString(0)).isEqualTo(report.runId()));
    assertThat(stored).allSatisfy(row -> assertThat(row.getBoolean(3)).isTrue());
  }

  @Test
  void eachBrokenRuleFailsExactlyItsCheck() {
    CatalogSettings catalog = catalog("quality_broken");

    QualityReport report =
        checkSummarizedCleanLake(catalog, TestingQualityLake::breakEveryKindOfCheck);

    assertThat(report.failures())
        .extracting(result -> result.check().id())
        .as(report.toString())
        .containsExactlyInAnyOrderElementsOf(TestingQualityLake.BROKEN_CHECKS);
    assertThat(observed(report, "cafe_orders_raw.total_amount_not_negative")).isEqualTo(1);
    assertThat(observed(report, "cat_locations_raw.kafka_offsets_without_gaps")).isEqualTo(998);
    assertThat(observed(report, "cat_health_alerts_raw.kafka_offsets_unique")).isEqualTo(1);
    assertThat(observed(report, "daily_cat_summary.matches_raw")).isEqualTo(1);
    assertThat(observed(report, "potential_adopters_raw.fresh")).isBetween(3 * 3600.0, 4 * 3600.0);
    assertThat(report.toString())
        .contains("8 failed")
        .contains("cat_interactions_raw.cat_id_known=1 (0 rows with a cat_id missing from")
        .contains("e.g. ghost")
        .contains("cat_wellness_raw.activity_level_in_range=1")
        .contains("e.g. 12.0");
    List<Row> failedRows =
        queryResults(
            catalog, "SELECT concat(table_name, '.', check_name) FROM %s WHERE NOT passed");
    assertThat(failedRows)
        .extracting(row -> row.getString(0))
        .containsExactlyInAnyOrderElementsOf(TestingQualityLake.BROKEN_CHECKS);
  }

  @Test
  void missingTablesFailTheirChecksWithTheReason() {
    CatalogSettings catalog = catalog("quality_empty");
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());

    QualityReport report =
        new QualityEngine(spark, catalog)
            .run(LakeQualityChecks.all(), QualityWindow.yesterdayAndToday(Clock.systemUTC()));

    assertThat(report.failures()).hasSameSizeAs(LakeQualityChecks.all());
    assertThat(report.failures())
        .allSatisfy(
            result -> {
              assertThat(result.observed()).isEmpty();
              assertThat(result.detail()).contains("does not exist");
            });
  }

  @Test
  void anEmptyTableIsAsFreshAsItIsNew() {
    CatalogSettings catalog = catalog("quality_new");
    new TestingRawTables(spark, catalog).append(Topic.CAT_HEALTH_ALERTS, List.of());
    QualityCheck fresh =
        LakeQualityChecks.all().stream()
            .filter(check -> check.id().equals("cat_health_alerts_raw.fresh"))
            .findFirst()
            .orElseThrow();
    QualityEngine engine = new QualityEngine(spark, catalog);
    Instant now = Instant.now();

    CheckResult justCreated =
        engine.evaluate(fresh, QualityWindow.yesterdayAndToday(Clock.fixed(now, ZoneOffset.UTC)));
    assertThat(justCreated.passed()).as(justCreated.describe()).isTrue();
    assertThat(justCreated.detail()).startsWith("no rows since the table was created at ");

    Instant later = now.plus(LakeQualityChecks.RAW_FRESHNESS).plusSeconds(60);
    CheckResult neverFilled =
        engine.evaluate(fresh, QualityWindow.yesterdayAndToday(Clock.fixed(later, ZoneOffset.UTC)));
    assertThat(neverFilled.passed()).isFalse();
    assertThat(neverFilled.observed().getAsDouble()).isGreaterThan(3600);
  }

  /**
   * Writes the clean lake of {@code catalog} (profiles, clean events and the summary built from
   * them), applies {@code change} to it, then runs the job's checks and returns their report.
   */
  private static QualityReport checkSummarizedCleanLake(
      CatalogSettings catalog, Consumer<TestingQualityLake> change) {
    TestingQualityLake lake =
        new TestingQualityLake(spark, catalog, Clock.systemUTC().instant(), "");
    lake.writeProfiles();
    lake.writeCleanEvents();
    DailyCatSummaryJob.run(spark, catalog, new DaySelection.AllDays());
    change.accept(lake);
    return DataQualityJob.run(spark, catalog, Clock.systemUTC());
  }

  /** The rows of {@code sql}, in which {@code %s} names the results table of {@code catalog}. */
  private static List<Row> queryResults(CatalogSettings catalog, String sql) {
    return spark
        .sql(sql.formatted(LakeTable.DATA_QUALITY_RESULTS.qualifiedName(catalog)))
        .collectAsList();
  }

  private static double observed(QualityReport report, String checkId) {
    return report.results().stream()
        .filter(result -> result.check().id().equals(checkId))
        .findFirst()
        .orElseThrow()
        .observed()
        .orElseThrow();
  }
}
