package dev.catcafe.streaming.alerts;

import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.config.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;

/** The alert jobs' configurations as the integration tests run them against the real broker. */
final class TestingAlertConfigs {
  private TestingAlertConfigs() {}

  /**
   * The Detective from the earliest offsets, checkpointing in a scratch dir: in micro-batch mode a
   * batch every 200 ms, in real-time mode a checkpoint every 5 s (Spark's minimum).
   */
  static AdopterDetectiveConfig detective(
      KafkaSettings kafka, AlertJobMode mode, AdopterDetectiveRules rules, Path checkpoint) {
    return detective(kafka, mode, rules, checkpoint.toString());
  }

  /** The same, checkpointing at {@code checkpoint}, a directory or an object-store URI. */
  static AdopterDetectiveConfig detective(
      KafkaSettings kafka, AlertJobMode mode, AdopterDetectiveRules rules, String checkpoint) {
    Duration trigger =
        mode == AlertJobMode.REALTIME
            ? Durations.parse(AlertJobMode.MINIMUM_REALTIME_INTERVAL)
            : Duration.ofMillis(200);
    return new AdopterDetectiveConfig(
        new AlertStream(kafka, mode, checkpoint, trigger, "earliest"), rules);
  }
}
