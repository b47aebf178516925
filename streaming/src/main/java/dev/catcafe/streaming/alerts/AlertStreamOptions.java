package dev.catcafe.streaming.alerts;

import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.LifecycleOptions;
import dev.catcafe.model.cli.MetricsOptions;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.jobs.CatalogEntry;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options both alert jobs share, declared once: the Kafka cluster, the query's checkpoint,
 * where a new checkpoint starts reading, how the job starts and stops, where it serves metrics.
 */
public final class AlertStreamOptions {
  @Mixin private KafkaOptions kafka;

  @Mixin private LifecycleOptions lifecycle;

  @Mixin private MetricsOptions metrics;

  @Option(
      names = "--checkpoint-location",
      description =
          "Checkpoint directory. Default: .work/checkpoints/<query> under CATCAFE_PROJECT_ROOT, else under the working directory.")
  private String checkpointLocation;

  @Option(
      names = "--starting-offsets",
      defaultValue = "latest",
      description = "latest or earliest, for a new checkpoint.")
  private String startingOffsets;

  KafkaSettings kafka() {
    return kafka.settings();
  }

  LifecycleSettings lifecycle() {
    return lifecycle.settings();
  }

  /** Where {@code job} serves its metrics: the catalog's port unless an option says otherwise. */
  MetricsSettings metrics(CatalogEntry job) {
    return metrics.settings(job);
  }

  /** The given checkpoint directory, or the default one of the query {@code name}. */
  String checkpointLocation(String name) {
    return checkpointLocation != null ? checkpointLocation : AlertSettings.defaultCheckpoint(name);
  }

  String startingOffsets() {
    return startingOffsets;
  }
}
