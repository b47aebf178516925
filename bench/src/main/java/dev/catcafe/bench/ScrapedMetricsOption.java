package dev.catcafe.bench;

import picocli.CommandLine.Option;

/**
 * The {@code --metrics} option of a benchmark that runs a streaming job in its own JVM (a picocli
 * mixin): the job's metrics served and scraped as it runs by default, or kept in memory as with its
 * {@code --no-metrics}, to measure what the metrics cost (see {@link ScrapedMetrics}).
 */
public final class ScrapedMetricsOption {
  @Option(
      names = "--metrics",
      description =
          "Run the measured job with its metrics on, as it runs by default (served on a free port"
              + " and scraped at Prometheus's interval, its listeners registered), to measure what"
              + " they cost. Default: off, as with the job's --no-metrics (metrics kept in memory,"
              + " served nowhere).")
  private boolean served;

  /** {@code jobName}'s metrics as the option asks: served and scraped, or in memory only. */
  public ScrapedMetrics start(String jobName) {
    return ScrapedMetrics.start(jobName, served);
  }
}
