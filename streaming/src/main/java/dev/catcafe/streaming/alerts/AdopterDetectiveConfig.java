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
   * A tenth of a second: a like waits for the next trigger (50 ms on average) or, when batches take
   * longer than that (they take 80–140 ms here), for the batch in flight. The Detective's session
   * runs no batch without data ({@link AdopterDetectiveJob#sessionSettings}), so an idle query only
   * asks Kafka for new offsets each interval: 4% of a core, against 10–12% back to back ({@code
   * 0s}) and 1% at 500 ms, the earlier default, which added a quarter of a second on average.
   */
  public static final String DEFAULT_TRIGGER_INTERVAL = "100ms";

  public AdopterDetectiveConfig {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(rules, "rules is null");
    checkpointLocation = Settings.requireText(checkpointLocation, "--checkpoint-location");
    Durations.requireNonNegative(triggerInterval, "--trigger-interval");
    startingOffsets = AlertSettings.requireStartingOffsets(startingOffsets);
  }
}
