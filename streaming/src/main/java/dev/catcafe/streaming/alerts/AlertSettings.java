package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.Settings;
import dev.catcafe.spark.SessionSettings;
import java.nio.file.Path;

/** Validation and defaults the alert jobs' settings share. */
final class AlertSettings {
  private AlertSettings() {}

  /**
   * The session settings the alert jobs share. They read and write Kafka only, so unlike the
   * ingestion they have no Iceberg catalog. RocksDB keeps the state off the heap (the Detective's
   * TTL needs it); the shuffle partitions are frozen into a stateful query's checkpoint, so they
   * stay small and fixed. In-process: UI off, driver on the loopback address.
   */
  static SessionSettings.Builder session(String appName, String master) {
    return SessionSettings.builder(appName, master)
        .stateStoreProvider(SessionSettings.ROCKSDB_PROVIDER)
        .shufflePartitions(2)
        .defaultParallelism(2)
        .ui(false)
        .loopback();
  }

  static String requireStartingOffsets(String value) {
    String text = Settings.requireText(value, "starting offsets");
    if (!text.equals("latest") && !text.equals("earliest")) {
      throw new IllegalArgumentException(
          "starting offsets is '%s': expected latest or earliest".formatted(text));
    }
    return text;
  }

  /**
   * The default checkpoint directory of a job: {@code .work/checkpoints/<name>} under the project
   * root ({@code CATCAFE_PROJECT_ROOT}, set by {@code bin/run}), else under the working directory.
   */
  static String defaultCheckpoint(String name) {
    String root = System.getenv().getOrDefault("CATCAFE_PROJECT_ROOT", ".");
    return Path.of(root, ".work", "checkpoints", requireNonNull(name, "name is null"))
        .toAbsolutePath()
        .normalize()
        .toString();
  }
}
