package dev.catcafe.spark.history;

import static dev.catcafe.model.config.Settings.requireText;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import dev.catcafe.model.jobs.JvmApp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the Spark History Server runs: which event logs it reads (the directory every job writes to,
 * {@code SPARK_EVENT_LOG_DIR}), where it listens, and how long it keeps what it reads.
 *
 * @param logDirectory the event-log directory, a URI or absolute path
 * @param bindAddress the address the UI listens on: {@code 127.0.0.1} locally, {@code 0.0.0.0} in a
 *     pod behind its Service
 * @param port the UI's port ({@code 0}: any free port)
 * @param retention the cleaner deletes event logs older than this, finished or not (a streaming
 *     job's rolled files included)
 * @param updateInterval how often the directory is scanned for new and updated logs
 * @param rollingFilesToRetain a rolling log (the streaming jobs') is compacted down to this many
 *     newest files, so a job that never ends has a bounded log
 * @param objectStore the store of an {@code s3://} directory (the cluster's, where the lake is);
 *     empty for a local one
 */
public record HistoryServerSettings(
    String logDirectory,
    String bindAddress,
    int port,
    Duration retention,
    Duration updateInterval,
    int rollingFilesToRetain,
    Optional<ObjectStoreSettings> objectStore) {
  /** The original deployment's port, Spark's default. */
  public static final int DEFAULT_PORT = JvmApp.HISTORY_SERVER_PORT;

  /** Local runs serve the loopback address only, as every other service of the platform. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  public static final String DEFAULT_RETENTION = "7d";
  public static final String DEFAULT_UPDATE_INTERVAL = "10s";
  public static final int DEFAULT_ROLLING_FILES_TO_RETAIN = 2;

  public HistoryServerSettings {
    logDirectory =
        requireText(logDirectory, "event-log directory (--log-directory / SPARK_EVENT_LOG_DIR)");
    bindAddress = requireText(bindAddress, "bindAddress (--bind-address)");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port (SPARK_HISTORY_PORT) must be 0-65535: " + port);
    }
    requirePositive(retention, "--retention");
    requirePositive(updateInterval, "--update-interval");
    if (rollingFilesToRetain < 1) {
      throw new IllegalArgumentException(
          "rollingFilesToRetain must be at least 1: " + rollingFilesToRetain);
    }
    requireNonNull(objectStore, "objectStore is null");
    if (objectStore.isPresent() != (LakeStorage.of(logDirectory) == LakeStorage.S3)) {
      throw new IllegalArgumentException(
          "an object store goes with an s3:// event-log directory only: " + logDirectory);
    }
  }

  /** The History Server's {@code spark.history.*} settings. */
  public Map<String, String> sparkConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.history.fs.logDirectory", logDirectory);
    conf.put("spark.history.ui.port", Integer.toString(port));
    conf.put("spark.history.fs.update.interval", updateInterval.toMillis() + "ms");
    conf.put("spark.history.fs.cleaner.enabled", "true");
    conf.put("spark.history.fs.cleaner.maxAge", retention.toSeconds() + "s");
    conf.put(
        "spark.history.fs.eventLog.rolling.maxFilesToRetain",
        Integer.toString(rollingFilesToRetain));
    // Through S3A, as the jobs write them (SparkCatalogConf#hadoopObjectStoreConf).
    objectStore.ifPresent(store -> conf.putAll(SparkCatalogConf.hadoopObjectStoreConf(store)));
    return conf;
  }

  private static void requirePositive(Duration duration, String option) {
    requireNonNull(duration, option + " is null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(option + " must be positive: " + duration);
    }
  }
}
