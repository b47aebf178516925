package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

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
    String startingOffsets)
    implements AlertQueryConfig {
  public static final String DEFAULT_MICROBATCH_INTERVAL = "0s";

  public WellnessGuardianConfig {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(thresholds, "thresholds is null");
    checkpointLocation = Settings.requireText(checkpointLocation, "--checkpoint-location");
    mode.requireTriggerInterval(triggerInterval, "--trigger-interval");
    startingOffsets = AlertSettings.requireStartingOffsets(startingOffsets);
  }

  /** The default trigger interval of {@code mode}. */
  public static Duration defaultTriggerInterval(AlertJobMode mode) {
    return requireNonNull(mode, "mode is null").defaultTriggerInterval(DEFAULT_MICROBATCH_INTERVAL);
  }
}
