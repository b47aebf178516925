package dev.catcafe.streaming.alerts;

import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.config.KafkaSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options both alert jobs share, declared once: the Kafka cluster, the query's checkpoint and
 * where a new checkpoint starts reading.
 */
public final class AlertStreamOptions {
  @Mixin private KafkaOptions kafka;

  @Option(
      names = "--checkpoint-location",
      description =
          "Checkpoint directory. Default: .work/checkpoints/<query> under CATCAFE_PROJECT_ROOT, else under the working directory.")
  private String checkpointLocation;

  @Option(
      names = "--starting-offsets",
      defaultValue = "latest",
      description = "latest or earliest, for a new checkpoint. Default: ${DEFAULT-VALUE}.")
  private String startingOffsets;

  KafkaSettings kafka() {
    return kafka.settings();
  }

  /** The given checkpoint directory, or the default one of the query {@code name}. */
  String checkpointLocation(String name) {
    return checkpointLocation != null ? checkpointLocation : AlertSettings.defaultCheckpoint(name);
  }

  String startingOffsets() {
    return startingOffsets;
  }
}
