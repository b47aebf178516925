package dev.catcafe.model.cli;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.jobs.CatalogEntry;
import picocli.CommandLine.Option;

/**
 * Where a job serves its Prometheus metrics (a picocli mixin). The port's default is the job
 * catalog's ({@link CatalogEntry#metricsPort()}), so the scrape configuration generated from the
 * catalog finds the job without further settings.
 */
public final class MetricsOptions {
  @Option(
      names = "--metrics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Serve Prometheus metrics on /metrics.")
  private boolean enabled;

  @Option(
      names = "--metrics-host",
      defaultValue = "${env:METRICS_HOST:-" + MetricsSettings.LOOPBACK + "}",
      description = "Address the metrics endpoint binds (0.0.0.0 in a pod). Env METRICS_HOST.")
  private String host;

  @Option(
      names = "--metrics-port",
      description = "Port of the metrics endpoint; 0: any free port. Default: the job catalog's.")
  private Integer port;

  /** The validated settings for {@code job}, whose catalog entry gives the default port. */
  public MetricsSettings settings(CatalogEntry job) {
    requireNonNull(job, "job is null");
    int resolved =
        port != null
            ? port
            : job.metricsPort()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            job.jobName() + " has no metrics port in the job catalog"));
    return new MetricsSettings(enabled, host, resolved);
  }
}
