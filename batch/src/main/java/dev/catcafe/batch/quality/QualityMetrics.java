package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.monitoring.Metric;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last run's results as gauges: each check's pass (1) or fail (0) ({@link
 * Metric#DATA_QUALITY_CHECK_PASSED}, by table and check), the failed count and the run's time. One
 * instance per registry for the life of the process: a gauge reads the values this object holds.
 */
public final class QualityMetrics {
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> passedByCheck = new HashMap<>();
  private final AtomicLong failedChecks = new AtomicLong();
  private final AtomicLong lastRunMillis = new AtomicLong();

  public QualityMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
    gauge(Metric.DATA_QUALITY_FAILED_CHECKS, failedChecks, 1);
    gauge(Metric.DATA_QUALITY_LAST_RUN, lastRunMillis, 1000);
  }

  /** Sets every gauge from {@code report}. */
  public synchronized void record(QualityReport report) {
    requireNonNull(report, "report is null");
    for (CheckResult result : report.results()) {
      QualityCheck check = result.check();
      passedByCheck
          .computeIfAbsent(
              check.id(),
              id -> {
                AtomicLong passed = new AtomicLong();
                gauge(
                    Metric.DATA_QUALITY_CHECK_PASSED,
                    passed,
                    1,
                    check.table().tableName(),
                    check.name());
                return passed;
              })
          .set(result.passed() ? 1 : 0);
    }
    failedChecks.set(report.failures().size());
    lastRunMillis.set(report.runTime().toEpochMilli());
  }

  private void gauge(Metric metric, AtomicLong value, double divisor, String... labels) {
    Gauge.builder(metric.meterName(), value, held -> held.get() / divisor)
        .description(metric.help())
        .tags(JobMetrics.tags(metric, labels))
        .register(registry);
  }
}
