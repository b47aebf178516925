package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.Settings;
import java.time.Duration;

/**
 * Everything the Wellness Guardian needs to run.
 *
 * @param kafka where to read readings and write alerts
 * @param mode real-time (default) or micro-batch execution
 * @param thresholds when to alert
 * @param checkpointLocation the query's checkpoint directory (offsets: a restart resumes there)
 * @param triggerInterval real-time mode: how often it checkpoints (at least 5 s, Spark's minimum);
 *     micro-batch mode: the batch spacing (0 = next batch as soon as one ends)
 * @param startingOffsets {@code latest} (the original's choice) or {@code earliest}; used only when
 *     the checkpoint is new
 */
public record WellnessGuardianConfig(
    KafkaSettings kafka,
    AlertJobMode mode,
    WellnessThresholds thresholds,
    String checkpointLocation,
    Duration triggerInterval,
    String startingOffsets) {
  /** Spark's {@code spark.sql.streaming.realTimeMode.minBatchDuration} default. */
  public static final String MINIMUM_REALTIME_INTERVAL_TEXT = "5s";

  public static final Duration MINIMUM_REALTIME_INTERVAL =
      Durations.parse(MINIMUM_REALTIME_INTERVAL_TEXT);

  /**
   * Spark's own default. Real-time mode streams records continuously within a batch, but at each
   * batch boundary it checkpoints and launches new long-running tasks, and records arriving then
   * wait (seconds on a loaded two-core machine): rare boundaries keep the tail latency low. The
   * price is replay: a restart re-reads up to this much input, and repeats its alerts with the same
   * ids.
   */
  public static final String DEFAULT_REALTIME_INTERVAL_TEXT = "5m";

  public static final String DEFAULT_MICROBATCH_INTERVAL_TEXT = "0s";

  public static final Duration DEFAULT_REALTIME_INTERVAL =
      Durations.parse(DEFAULT_REALTIME_INTERVAL_TEXT);

  public static final Duration DEFAULT_MICROBATCH_INTERVAL =
      Durations.parse(DEFAULT_MICROBATCH_INTERVAL_TEXT);

  public WellnessGuardianConfig {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(thresholds, "thresholds is null");
    checkpointLocation = Settings.requireText(checkpointLocation, "checkpoint location");
    requireNonNull(triggerInterval, "triggerInterval is null");
    if (triggerInterval.isNegative()) {
      throw new IllegalArgumentException(
          "trigger interval is %s: expected >= 0".formatted(triggerInterval));
    }
    if (mode == AlertJobMode.REALTIME && triggerInterval.compareTo(MINIMUM_REALTIME_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "trigger interval is %s: real-time mode checkpoints at most every %s"
              .formatted(triggerInterval, MINIMUM_REALTIME_INTERVAL));
    }
    startingOffsets = AlertSettings.requireStartingOffsets(startingOffsets);
  }

  /** The default trigger interval of {@code mode}. */
  public static Duration defaultTriggerInterval(AlertJobMode mode) {
    return switch (requireNonNull(mode, "mode is null")) {
      case REALTIME -> DEFAULT_REALTIME_INTERVAL;
      case MICROBATCH -> DEFAULT_MICROBATCH_INTERVAL;
    };
  }
}
