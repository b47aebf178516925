package dev.catcafe.model.cli;

import dev.catcafe.model.config.LifecycleSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every streaming job shares about its life cycle: how long SIGTERM may take and how
 * long a start-up waits for a service that is not up yet (a picocli mixin).
 */
public final class LifecycleOptions {
  /**
   * The {@code --stop-timeout} default. Kubernetes gives a pod 30 s by default; the job's pods get
   * this plus {@link LifecycleSettings#EXIT_MARGIN} (the job catalog's stop grace).
   */
  public static final String DEFAULT_STOP_TIMEOUT = "30s";

  /** The {@code --startup-timeout} default: a platform start takes about a minute. */
  public static final String DEFAULT_STARTUP_TIMEOUT = "5m";

  @Option(
      names = "--stop-timeout",
      defaultValue = DEFAULT_STOP_TIMEOUT,
      converter = Durations.Converter.class,
      description =
          "On SIGTERM, let the running batch finish for at most this long, then abandon it (the"
              + " checkpoint replays it).")
  private Duration stopTimeout;

  @Option(
      names = "--startup-timeout",
      defaultValue = DEFAULT_STARTUP_TIMEOUT,
      converter = Durations.Converter.class,
      description =
          "At start, wait this long for Kafka and the catalog database to answer, retrying with a"
              + " log line, before failing.")
  private Duration startupTimeout;

  /** The validated settings the options describe. */
  public LifecycleSettings settings() {
    return new LifecycleSettings(stopTimeout, startupTimeout);
  }
}
