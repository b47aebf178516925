package dev.catcafe.model.monitoring;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;

/**
 * The numbers behind the scrape configuration and the alerting rules, declared once for the local
 * Prometheus and the cluster's. Tests shorten the windows ({@link #withJobDownFor}).
 *
 * @param scrapeInterval how often Prometheus scrapes each job (and evaluates the rules)
 * @param jobDownFor how long a job's scrape must fail (or its target be missing) before {@code
 *     CatcafeJobDown} fires: longer than a supervised restart (back-off 30 s plus start-up)
 * @param lagGrowingFor how long the ingestion's Kafka lag must keep growing before {@code
 *     CatcafeIngestionLagGrowing} fires
 * @param alertSilence how long the Wellness Guardian may read readings without raising a single
 *     alert before {@code CatcafeNoHealthAlerts} fires (the simulator's collars always produce
 *     some)
 * @param deadLetterRatio the share of a topic's records going to {@code ingest_errors} above which
 *     {@code CatcafeDeadLettersHigh} fires
 * @param deadLetterFor how long that share must stay above the threshold
 * @param batchRunMissingAfter how long a batch job may go without a successful run (since the last
 *     one, or since the scheduler started) before {@code CatcafeBatchRunMissing} fires; a failed
 *     run within this window fires {@code CatcafeBatchRunFailed}. The local scheduler runs every
 *     hour by default.
 */
public record MonitoringPolicy(
    Duration scrapeInterval,
    Duration jobDownFor,
    Duration lagGrowingFor,
    Duration alertSilence,
    double deadLetterRatio,
    Duration deadLetterFor,
    Duration batchRunMissingAfter) {
  public static final MonitoringPolicy DEFAULT =
      new MonitoringPolicy(
          Duration.ofSeconds(15),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          0.01,
          Duration.ofMinutes(5),
          Duration.ofHours(2));

  public MonitoringPolicy {
    Durations.requirePositive(scrapeInterval, "scrapeInterval");
    Durations.requireNonNegative(jobDownFor, "jobDownFor");
    Durations.requirePositive(lagGrowingFor, "lagGrowingFor");
    Durations.requirePositive(alertSilence, "alertSilence");
    Durations.requireNonNegative(deadLetterFor, "deadLetterFor");
    Durations.requirePositive(batchRunMissingAfter, "batchRunMissingAfter");
    if (!(deadLetterRatio > 0 && deadLetterRatio < 1)) {
      throw new IllegalArgumentException(
          "deadLetterRatio is %s: expected between 0 and 1".formatted(deadLetterRatio));
    }
  }

  /** The same policy with another scrape interval and job-down window (short ones in tests). */
  public MonitoringPolicy withJobDownFor(Duration newScrapeInterval, Duration newJobDownFor) {
    return new MonitoringPolicy(
        newScrapeInterval,
        newJobDownFor,
        lagGrowingFor,
        alertSilence,
        deadLetterRatio,
        deadLetterFor,
        batchRunMissingAfter);
  }
}
