package dev.catcafe.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.model.monitoring.Metric;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Runs by status, last success (the start until one succeeds) and duration per batch job. */
final class TestBatchRunMetrics {
  private static final Instant START = Instant.parse("2026-12-02T06:00:00Z");

  @Test
  void countsRunsAndKeepsTheLastSuccess() {
    MeterRegistry registry = new SimpleMeterRegistry();
    MutableClock clock = new MutableClock(START);
    BatchRunMetrics runs = new BatchRunMetrics(registry, clock);
    String summary = SparkJob.DAILY_CAT_SUMMARY.jobName();

    assertThat(gauge(registry, Metric.BATCH_LAST_SUCCESS, summary))
        .isEqualTo(START.getEpochSecond());
    clock.now = START.plusSeconds(3600);
    runs.failed(SparkJob.DAILY_CAT_SUMMARY, Duration.ofSeconds(4));
    assertThat(gauge(registry, Metric.BATCH_LAST_SUCCESS, summary))
        .as("a failure leaves the last success")
        .isEqualTo(START.getEpochSecond());
    clock.now = START.plusSeconds(7200);
    runs.succeeded(SparkJob.DAILY_CAT_SUMMARY, Duration.ofMillis(2500));

    assertThat(gauge(registry, Metric.BATCH_LAST_SUCCESS, summary))
        .isEqualTo(START.getEpochSecond() + 7200);
    assertThat(gauge(registry, Metric.BATCH_RUN_DURATION, summary)).isEqualTo(2.5);
    assertThat(runs(registry, summary, Metric.STATUS_SUCCESS)).isEqualTo(1);
    assertThat(runs(registry, summary, Metric.STATUS_FAILURE)).isEqualTo(1);
    assertThat(runs(registry, SparkJob.TABLE_MAINTENANCE.jobName(), Metric.STATUS_FAILURE))
        .as("every batch job's counters exist from the start")
        .isZero();
  }

  private static double gauge(MeterRegistry registry, Metric metric, String job) {
    return registry.get(metric.meterName()).tag("batch_job", job).gauge().value();
  }

  private static double runs(MeterRegistry registry, String job, String status) {
    return registry
        .get(Metric.BATCH_RUNS.meterName())
        .tag("batch_job", job)
        .tag("status", status)
        .counter()
        .count();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
