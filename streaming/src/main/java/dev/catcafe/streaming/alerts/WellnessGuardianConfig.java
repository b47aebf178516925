package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Everything the Wellness Guardian needs to run.
 *
 * @param stream readings in, alerts out: real-time (default) or micro-batch execution
 * @param thresholds when to alert
 */
public record WellnessGuardianConfig(AlertStream stream, WellnessThresholds thresholds)
    implements AlertQueryConfig {
  public static final String DEFAULT_MICROBATCH_INTERVAL = "0s";

  public WellnessGuardianConfig {
    requireNonNull(stream, "stream is null");
    requireNonNull(thresholds, "thresholds is null");
  }

  /** The default trigger interval of {@code mode}. */
  public static Duration defaultTriggerInterval(AlertJobMode mode) {
    return requireNonNull(mode, "mode is null").defaultTriggerInterval(DEFAULT_MICROBATCH_INTERVAL);
  }
}
