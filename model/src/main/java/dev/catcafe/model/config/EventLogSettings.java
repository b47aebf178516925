package dev.catcafe.model.config;

import static dev.catcafe.model.config.Settings.requireText;
import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a job writes its Spark event log, which the History Server reads to show the job's UI after
 * it ended. Every job writes it the same way: compressed, and rolled over into files of at most
 * {@link #rollingMaxFileSize} so a streaming job that never ends does not grow one file without
 * bound (the History Server compacts and its cleaner removes old files: see {@code
 * HistoryServerSettings} in spark-common).
 *
 * @param directory the event-log directory as a URI or absolute path ({@code
 *     file:///…/spark-events} locally, the lake's volume in the cluster; {@code
 *     SPARK_EVENT_LOG_DIR})
 * @param rollingMaxFileSize the size at which an application's log rolls over to a new file, e.g.
 *     {@code 128m}; Spark's minimum is 10m
 * @param objectStore the store of an {@code s3://} directory, for a job whose catalog does not
 *     already name it (the alert jobs open no lake); empty otherwise
 */
public record EventLogSettings(
    String directory, String rollingMaxFileSize, Optional<ObjectStoreSettings> objectStore) {
  /** Spark's own default roll-over size; a streaming job's day fills a few such files. */
  public static final String DEFAULT_ROLLING_MAX_FILE_SIZE = "128m";

  /** The codec Spark writes and the History Server reads (Spark's default in 4.x). */
  public static final String COMPRESSION_CODEC = "zstd";

  private static final long MIN_ROLLING_BYTES = 10L * 1024 * 1024;

  public EventLogSettings {
    directory =
        requireText(directory, "event-log directory (--event-log-dir / SPARK_EVENT_LOG_DIR)");
    rollingMaxFileSize = requireText(rollingMaxFileSize, "rollingMaxFileSize");
    if (!rollingMaxFileSize.matches("[1-9]\\d*[mg]")) {
      throw new IllegalArgumentException(
          "rollingMaxFileSize is '%s': expected a size like 128m or 1g"
              .formatted(rollingMaxFileSize));
    }
    if (bytes(rollingMaxFileSize) < MIN_ROLLING_BYTES) {
      throw new IllegalArgumentException(
          "rollingMaxFileSize is '%s': Spark rolls event logs at 10m at the least"
              .formatted(rollingMaxFileSize));
    }
    requireNonNull(objectStore, "objectStore is null");
    if (objectStore.isPresent() && LakeStorage.of(directory) != LakeStorage.S3) {
      throw new IllegalArgumentException(
          "an object store goes with an s3:// event-log directory only: " + directory);
    }
  }

  public EventLogSettings(String directory, String rollingMaxFileSize) {
    this(directory, rollingMaxFileSize, Optional.empty());
  }

  /** The same log, written through {@code store} when its directory is {@code s3://}. */
  public EventLogSettings inStore(ObjectStoreSettings store) {
    requireNonNull(store, "store is null");
    return new EventLogSettings(
        directory, rollingMaxFileSize, LakeStorage.storeFor(directory, () -> store));
  }

  /** Event logs in {@code directory}, rolled at {@link #DEFAULT_ROLLING_MAX_FILE_SIZE}. */
  public static EventLogSettings in(String directory) {
    return new EventLogSettings(directory, DEFAULT_ROLLING_MAX_FILE_SIZE);
  }

  /** The {@code spark.eventLog.*} settings of a session that writes this log. */
  public Map<String, String> sparkConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.eventLog.enabled", "true");
    conf.put("spark.eventLog.dir", directory);
    conf.put("spark.eventLog.compress", "true");
    conf.put("spark.eventLog.compression.codec", COMPRESSION_CODEC);
    conf.put("spark.eventLog.rolling.enabled", "true");
    conf.put("spark.eventLog.rolling.maxFileSize", rollingMaxFileSize);
    objectStore.ifPresent(store -> conf.putAll(SparkCatalogConf.hadoopObjectStoreConf(store)));
    return conf;
  }

  private static long bytes(String size) {
    long number = Long.parseLong(size.substring(0, size.length() - 1));
    return number * 1024 * 1024 * (size.endsWith("g") ? 1024 : 1);
  }
}
