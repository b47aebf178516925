package dev.catcafe.batch.schedule;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.LakeBatchOptions;
import dev.catcafe.batch.quality.DataQualityJob;
import dev.catcafe.batch.quality.QualityMetrics;
import dev.catcafe.batch.quality.QualityReport;
import dev.catcafe.batch.snapshot.ProfileSnapshotJob;
import dev.catcafe.batch.summary.DailyCatSummaryJob;
import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.MetricsOptions;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the job catalog's batch sequence (profile snapshot, then daily summary for yesterday and
 * today, then table maintenance: {@link JobCatalog#batchSequence()}) in one Spark session, once or
 * on an interval, logging what each step did. A step that fails ends its cycle (later steps depend
 * on it); Iceberg's atomic commits leave the tables as the previous cycle left them. With {@code
 * --once} the failure is the exit status; otherwise the next cycle tries again.
 *
 * <pre>
 * bin/run-job batch-scheduler --once          # make batch
 * bin/run-job batch-scheduler --interval 1h   # make run
 * </pre>
 */
@Command(
    name = "batch-scheduler",
    description = "Runs profile snapshot -> daily_cat_summary -> table maintenance on an interval.")
public final class BatchScheduler implements Callable<Integer> {
  @Mixin LakeBatchOptions lakeBatchOptions;
  @Mixin private PostgresOptions postgresOptions;
  @Mixin private MetricsOptions metricsOptions;

  @Option(
      names = "--interval",
      defaultValue = "${env:BATCH_INTERVAL:-1h}",
      converter = Durations.Converter.class,
      description = "Time between cycle starts, e.g. 1h, 15m, PT30M. Env BATCH_INTERVAL.")
  private Duration interval;

  @Option(names = "--once", description = "Run one cycle now and exit with its status.")
  private boolean once;

  public static void main(String[] args) {
    Commands.run(new BatchScheduler(), args);
  }

  /** The schedule this command line asks for. */
  ScheduleSettings schedule() {
    return new ScheduleSettings(interval, once);
  }

  /** Where the scheduler serves its metrics. */
  MetricsSettings metrics() {
    return metricsOptions.settings(JvmApp.BATCH_SCHEDULER);
  }

  @Override
  public Integer call() {
    ScheduleSettings schedule = schedule();
    CatalogSettings catalog = lakeBatchOptions.catalog();
    PostgresSettings postgres = postgresOptions.settings();
    try (JobMetrics jobMetrics = JobMetrics.start(JvmApp.BATCH_SCHEDULER.jobName(), metrics())) {
      BatchRunMetrics runs = new BatchRunMetrics(jobMetrics.registry(), Clock.systemUTC());
      return lakeBatchOptions.inSession(
          "batch-scheduler",
          catalog,
          spark -> {
            if (schedule.once()) {
              runCycle(spark, catalog, postgres, Clock.systemUTC(), runs);
              return 0;
            }
            RunLog.info("batch scheduler: a cycle every %s".formatted(schedule.interval()));
            while (true) {
              Instant cycleStart = Instant.now();
              try {
                runCycle(spark, catalog, postgres, Clock.systemUTC(), runs);
              } catch (RuntimeException e) {
                RunLog.info("batch cycle failed, tables keep their previous state: " + describe(e));
              }
              waitUntil(cycleStart.plus(schedule.interval()));
            }
          });
    }
  }

  /**
   * One cycle: the catalog's batch jobs in the catalog's order ({@link
   * JobCatalog#batchSequence()}); the first failure ends the cycle and is rethrown.
   */
  public static void runCycle(
      SparkSession spark, CatalogSettings catalog, PostgresSettings postgres, Clock clock) {
    runCycle(
        spark, catalog, postgres, clock, new BatchRunMetrics(new SimpleMeterRegistry(), clock));
  }

  /** As {@link #runCycle(SparkSession, CatalogSettings, PostgresSettings, Clock)}, counted. */
  static void runCycle(
      SparkSession spark,
      CatalogSettings catalog,
      PostgresSettings postgres,
      Clock clock,
      BatchRunMetrics runs) {
    requireNonNull(clock, "clock is null");
    requireNonNull(runs, "runs is null");
    long started = System.nanoTime();
    RunLog.info("batch cycle: starting");
    for (SparkJob job : JobCatalog.batchSequence()) {
      BatchStep step = stepOf(job, runs.quality());
      long stepStarted = System.nanoTime();
      try {
        RunLog.info(step.run(spark, catalog, postgres, clock));
        runs.succeeded(job, Duration.ofNanos(System.nanoTime() - stepStarted));
      } catch (RuntimeException e) {
        runs.failed(job, Duration.ofNanos(System.nanoTime() - stepStarted));
        RunLog.info("%s failed: %s".formatted(job.jobName(), describe(e)));
        throw e;
      }
    }
    RunLog.info(
        "batch cycle: done in %.1f s".formatted((System.nanoTime() - started) / 1_000_000_000.0));
  }

  /** What one batch job of the catalog does inside a cycle; returns a report line. */
  @FunctionalInterface
  interface BatchStep {
    String run(SparkSession spark, CatalogSettings catalog, PostgresSettings postgres, Clock clock);
  }

  /**
   * The in-session step of a catalog batch job. A new {@link SparkJob} fails to compile here until
   * it says whether and how the local scheduler runs it. The data-quality step sets {@code
   * quality}'s gauges and fails when a check failed, naming each.
   */
  static BatchStep stepOf(SparkJob job, QualityMetrics quality) {
    requireNonNull(quality, "quality is null");
    return switch (job) {
      case PROFILE_SNAPSHOT ->
          (spark, catalog, postgres, clock) ->
              ProfileSnapshotJob.run(spark, catalog, postgres).toString();
      case DAILY_CAT_SUMMARY ->
          (spark, catalog, postgres, clock) ->
              DailyCatSummaryJob.catchUp(spark, catalog, clock).toString();
      case TABLE_MAINTENANCE ->
          (spark, catalog, postgres, clock) -> ScheduledMaintenance.run(spark, catalog);
      case DATA_QUALITY ->
          (spark, catalog, postgres, clock) -> {
            QualityReport report = DataQualityJob.run(spark, catalog, clock);
            quality.record(report);
            if (!report.passed()) {
              throw new DataQualityFailedException(report);
            }
            return report.toString();
          };
      case RAW_INGESTION, WELLNESS_GUARDIAN, ADOPTER_DETECTIVE ->
          throw new IllegalArgumentException(job.jobName() + " is a streaming job, not a step");
    };
  }

  /** A data-quality run in which a check failed: its message names every failed check. */
  static final class DataQualityFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DataQualityFailedException(QualityReport report) {
      super(report.toString());
    }
  }

  private static String describe(Throwable failure) {
    if (failure instanceof DataQualityFailedException) {
      return failure.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure ? String.valueOf(failure) : failure + " (cause: " + root + ")";
  }

  private static void waitUntil(Instant next) {
    long millis = Duration.between(Instant.now(), next).toMillis();
    if (millis > 0) {
      try {
        TimeUnit.MILLISECONDS.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the next cycle", e);
      }
    }
  }
}
