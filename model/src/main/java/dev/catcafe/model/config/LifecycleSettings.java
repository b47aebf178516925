package dev.catcafe.model.config;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;

/**
 * How a streaming job starts and stops.
 *
 * @param stopTimeout on SIGTERM, how long the running batch may take to finish before it is
 *     abandoned (its offsets stay uncommitted, so the restart replays it); the job stops within
 *     about this bound
 * @param startupTimeout at start, how long to wait for Kafka and the catalog database to answer,
 *     retrying, before failing; zero fails at the first refusal
 */
public record LifecycleSettings(Duration stopTimeout, Duration startupTimeout) {
  /**
   * What a supervisor waits beyond the stop timeout before SIGKILL: the JVM's exit after the
   * queries stopped (the session's stop, Spark's own shutdown hooks).
   */
  public static final Duration EXIT_MARGIN = Duration.ofSeconds(15);

  public LifecycleSettings {
    Durations.requirePositive(stopTimeout, "--stop-timeout");
    Durations.requireNonNegative(startupTimeout, "--startup-timeout");
  }

  /** The defaults of the options ({@code --stop-timeout 30s}, {@code --startup-timeout 5m}). */
  public static LifecycleSettings defaults() {
    return new LifecycleSettings(Duration.ofSeconds(30), Duration.ofMinutes(5));
  }

  /** How long a supervisor waits after SIGTERM before SIGKILL: the stop timeout and the margin. */
  public Duration stopGrace() {
    return stopTimeout.plus(EXIT_MARGIN);
  }
}
