package dev.catcafe.batch.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.LakeTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The gauges follow the last run: each check's pass or fail, the failed count, the run's time. */
final class TestQualityMetrics {
  private static final QualityCheck FRESH =
      new QualityCheck(
          LakeTable.CAT_WELLNESS_RAW, "fresh", new QualityRule.Fresh(Duration.ofHours(1)));
  private static final QualityCheck SUMMARY =
      new QualityCheck(
          LakeTable.DAILY_CAT_SUMMARY, "matches_raw", new QualityRule.SummaryMatchesRaw());

  @Test
  void gaugesShowTheLastRun() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    QualityMetrics metrics = new QualityMetrics(registry);
    assertThat(failedChecks(registry)).isZero();

    metrics.record(report(Instant.parse("2026-12-02T10:00:00Z"), false));
    assertThat(passed(registry, "cat_wellness_raw", "fresh")).isZero();
    assertThat(passed(registry, "daily_cat_summary", "matches_raw")).isEqualTo(1);
    assertThat(failedChecks(registry)).isEqualTo(1);
    assertThat(registry.get("catcafe_data_quality_last_run_timestamp_seconds").gauge().value())
        .isEqualTo(Instant.parse("2026-12-02T10:00:00Z").getEpochSecond());

    metrics.record(report(Instant.parse("2026-12-02T11:00:00Z"), true));
    assertThat(passed(registry, "cat_wellness_raw", "fresh")).isEqualTo(1);
    assertThat(failedChecks(registry)).isZero();
  }

  private static QualityReport report(Instant at, boolean freshPassed) {
    return new QualityReport(
        "run-" + at,
        at,
        List.of(
            new CheckResult(FRESH, OptionalDouble.of(freshPassed ? 10 : 7200), freshPassed, ""),
            CheckResult.zero(SUMMARY, 0, "")),
        Duration.ofSeconds(3));
  }

  private static double passed(SimpleMeterRegistry registry, String table, String check) {
    return registry
        .get("catcafe_data_quality_check_passed")
        .tag("table", table)
        .tag("check", check)
        .gauge()
        .value();
  }

  private static double failedChecks(SimpleMeterRegistry registry) {
    return registry.get("catcafe_data_quality_failed_checks").gauge().value();
  }
}
