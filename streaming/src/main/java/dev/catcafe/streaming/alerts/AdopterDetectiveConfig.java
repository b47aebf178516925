package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.Settings;
import java.time.Duration;

/**
 * Everything the Adopter Detective needs to run.
 *
 * @param kafka where to read interactions and write alerts
 * @param mode real-time (default: each task keeps its input partition's visitors' state) or
 *     micro-batch ({@code transformWithState})
 * @param rules threshold, state TTL and watermark
 * @param checkpointLocation the query's checkpoint directory (offsets and visitor state)
 * @param triggerInterval micro-batch mode: batch spacing (0 = next batch as soon as one ends);
 *     real-time mode: how often it checkpoints (at least 5 s, Spark's minimum)
 * @param startingOffsets {@code latest} (the original's choice) or {@code earliest}; used only when
 *     the checkpoint is new
 */
public record AdopterDetectiveConfig(
    KafkaSettings kafka,
    AlertJobMode mode,
    AdopterDetectiveRules rules,
    String checkpointLocation,
    Duration triggerInterval,
    String startingOffsets)
    implements AlertQueryConfig {
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
    requireNonNull(mode, "mode is null");
    requireNonNull(rules, "rules is null");
    checkpointLocation = Settings.requireText(checkpointLocation, "--checkpoint-location");
    mode.requireTriggerInterval(triggerInterval, "--trigger-interval");
    startingOffsets = AlertSettings.requireStartingOffsets(startingOffsets);
  }

  /** The default trigger interval of {@code mode}. */
  public static Duration defaultTriggerInterval(AlertJobMode mode) {
    return requireNonNull(mode, "mode is null").defaultTriggerInterval(DEFAULT_TRIGGER_INTERVAL);
  }

  /**
   * Where real-time mode keeps the visitors' state: beside Spark's own checkpoint files, in the
   * same store (a local directory or the lake's object store).
   */
  public String stateDirectory() {
    return checkpointLocation.replaceFirst("/+$", "") + "/visitor-likes";
  }
}
