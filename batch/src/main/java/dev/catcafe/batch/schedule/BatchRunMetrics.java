package dev.catcafe.batch.schedule;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.quality.QualityMetrics;
import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.model.monitoring.Metric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scheduler did, per batch job of the catalog, as metrics: runs by status ({@link
 * Metric#BATCH_RUNS}), the last success ({@link Metric#BATCH_LAST_SUCCESS}, the scheduler's start
 * until a run succeeds, so "no success for two hours" also catches a job that never succeeded) and
 * the last run's duration.
 */
final class BatchRunMetrics {
  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<SparkJob, AtomicLong> lastSuccessMillis = new EnumMap<>(SparkJob.class);
  private final Map<SparkJob, AtomicLong> lastDurationMillis = new EnumMap<>(SparkJob.class);
  private final QualityMetrics quality;

  BatchRunMetrics(MeterRegistry registry, Clock clock) {
    this.registry = requireNonNull(registry, "registry is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.quality = new QualityMetrics(registry);
    long started = clock.millis();
    for (SparkJob job : JobCatalog.batchSequence()) {
      AtomicLong success = new AtomicLong(started);
      AtomicLong duration = new AtomicLong();
      lastSuccessMillis.put(job, success);
      lastDurationMillis.put(job, duration);
      gauge(Metric.BATCH_LAST_SUCCESS, job, success);
      gauge(Metric.BATCH_RUN_DURATION, job, duration);
      runs(job, Metric.STATUS_SUCCESS);
      runs(job, Metric.STATUS_FAILURE);
    }
  }

  /** The data-quality step's gauges, in the same registry. */
  QualityMetrics quality() {
    return quality;
  }

  void succeeded(SparkJob job, Duration took) {
    record(job, took, Metric.STATUS_SUCCESS);
    lastSuccessMillis.get(job).set(clock.millis());
  }

  void failed(SparkJob job, Duration took) {
    record(job, took, Metric.STATUS_FAILURE);
  }

  private void record(SparkJob job, Duration took, String status) {
    requireNonNull(job, "job is null");
    requireNonNull(took, "took is null");
    lastDurationMillis.get(job).set(took.toMillis());
    runs(job, status).increment();
  }

  private Counter runs(SparkJob job, String status) {
    return JobMetrics.counter(registry, Metric.BATCH_RUNS, job.jobName(), status);
  }

  private void gauge(Metric metric, SparkJob job, AtomicLong millis) {
    Gauge.builder(metric.meterName(), millis, value -> value.get() / 1000.0)
        .description(metric.help())
        .tags(JobMetrics.tags(metric, job.jobName()))
        .register(registry);
  }
}
