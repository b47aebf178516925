package dev.catcafe.model.cli;

import dev.catcafe.model.config.EventLogSettings;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --event-log-dir} option every Spark job shares (a picocli mixin): where the job writes
 * its Spark event log for the History Server. The value comes from the option, else the environment
 * variable {@code SPARK_EVENT_LOG_DIR} (the local platform writes it into {@code platform.env}:
 * {@code <platform home>/spark-events}; the cluster's ConfigMap holds the lake's directory), else
 * no event log: a test or an ad-hoc run leaves nothing behind.
 */
public final class EventLogOption {
  @Option(
      names = "--event-log-dir",
      defaultValue = "${env:SPARK_EVENT_LOG_DIR:-}",
      paramLabel = "URI",
      description =
          "Write the Spark event log (compressed, rolled at "
              + EventLogSettings.DEFAULT_ROLLING_MAX_FILE_SIZE
              + ") into this directory, for the History Server. Env SPARK_EVENT_LOG_DIR (the local"
              + " platform sets <platform home>/spark-events). Default: none, no event log.")
  private String directory;

  /** The event log to write, or none when neither the option nor the environment names one. */
  public Optional<EventLogSettings> settings() {
    if (directory == null || directory.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(EventLogSettings.in(directory));
  }

  /**
   * The event log, written through {@code store} when it is in one: for a job without a catalog,
   * whose session would otherwise know no store ({@link EventLogSettings#inStore}).
   */
  public Optional<EventLogSettings> settings(ObjectStoreOptions store) {
    return settings().map(log -> log.inStore(store.settings()));
  }
}
