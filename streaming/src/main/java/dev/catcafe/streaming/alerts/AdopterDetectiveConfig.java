package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.Settings;
import java.time.Duration;

/**
 * Everything the Adopter Detective needs to run.
 *
 * @param kafka where to read interactions and write alerts
 * @param rules threshold, state TTL and watermark
 * @param checkpointLocation the query's checkpoint directory (offsets and visitor state)
 * @param triggerInterval micro-batch spacing (0 = next batch as soon as one ends); {@code
 *     transformWithState} cannot run in real-time mode before Spark 4.3
 * @param startingOffsets {@code latest} (the original's choice) or {@code earliest}; used only when
 *     the checkpoint is new
 */
public record AdopterDetectiveConfig(
    KafkaSettings kafka,
    AdopterDetectiveRules rules,
    String checkpointLocation,
    Duration triggerInterval,
    String startingOffsets) {
  /**
   * A processing-time transformWithState runs a batch every interval even without data, so
   * back-to-back batches ({@code PT0S}) would keep a core busy; half a second keeps the alert
   * latency under a second.
   */
  public static final String DEFAULT_TRIGGER_INTERVAL_TEXT = "500ms";

  public static final Duration DEFAULT_TRIGGER_INTERVAL =
      Durations.parse(DEFAULT_TRIGGER_INTERVAL_TEXT);

  public AdopterDetectiveConfig {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(rules, "rules is null");
    checkpointLocation = Settings.requireText(checkpointLocation, "checkpoint location");
    requireNonNull(triggerInterval, "triggerInterval is null");
    if (triggerInterval.isNegative()) {
      throw new IllegalArgumentException(
          "trigger interval is %s: expected >= 0".formatted(triggerInterval));
    }
    startingOffsets = AlertSettings.requireStartingOffsets(startingOffsets);
  }
}
