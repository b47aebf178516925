package dev.catcafe.streaming.alerts;

import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.EventLogOption;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.LifecycleOptions;
import dev.catcafe.model.cli.MetricsOptions;
import dev.catcafe.model.cli.ObjectStoreOptions;
import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.jobs.CatalogEntry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options both alert jobs share, declared once: the Kafka cluster, the execution mode and its
 * trigger interval, the query's checkpoint, where a new checkpoint starts reading, how the job
 * starts and stops, where it serves metrics and where it writes its Spark event log.
 */
public final class AlertStreamOptions {
  @Mixin private KafkaOptions kafka;

  @Mixin private LifecycleOptions lifecycle;

  @Mixin private MetricsOptions metrics;

  @Mixin private EventLogOption eventLog;

  /**
   * The store of an s3:// event log (the cluster's): these jobs open no lake that would name it.
   */
  @Mixin private ObjectStoreOptions objectStore;

  @Option(
      names = "--mode",
      defaultValue = "realtime",
      description =
          "realtime (Trigger.RealTime; the Adopter Detective's tasks then keep their partitions'"
              + " visitors, which needs cat-interactions keyed by visitor_id) or microbatch.")
  private String mode;

  @Option(
      names = "--trigger-interval",
      converter = Durations.Converter.class,
      description =
          "realtime: checkpoint interval (at least "
              + AlertJobMode.MINIMUM_REALTIME_INTERVAL
              + ", default "
              + AlertJobMode.DEFAULT_REALTIME_INTERVAL
              + "); microbatch: batch spacing (default: Wellness Guardian "
              + WellnessGuardianConfig.DEFAULT_MICROBATCH_INTERVAL
              + ", back to back; Adopter Detective "
              + AdopterDetectiveConfig.DEFAULT_TRIGGER_INTERVAL
              + ", a batch runs only when likes came in).")
  private Duration triggerInterval;

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

  /** The event log to write, through the object store when it is in one. */
  Optional<EventLogSettings> eventLog() {
    return eventLog.settings(objectStore);
  }

  /**
   * The stream these options describe: its checkpoint is the given directory, or the default one
   * {@code checkpointName} names for the mode; its trigger interval is the given one, or the mode's
   * default ({@code microbatchDefault} in micro-batch mode).
   */
  AlertStream stream(Function<AlertJobMode, String> checkpointName, String microbatchDefault) {
    AlertJobMode parsedMode = AlertJobMode.parse(mode);
    return new AlertStream(
        kafka(),
        parsedMode,
        checkpointLocation != null
            ? checkpointLocation
            : AlertSettings.defaultCheckpoint(checkpointName.apply(parsedMode)),
        parsedMode.triggerInterval(triggerInterval, microbatchDefault),
        startingOffsets);
  }
}
