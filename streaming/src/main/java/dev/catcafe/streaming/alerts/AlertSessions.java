package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.spark.fs.LocalFileSystems;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session of an alert job. The alert jobs read and write Kafka only, so unlike the
 * ingestion job they need no Iceberg catalog.
 */
public final class AlertSessions {
  /**
   * RocksDB keeps transformWithState's state off the JVM heap and supports its TTL and column
   * families.
   */
  public static final String ROCKSDB_PROVIDER =
      "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

  private AlertSessions() {}

  /**
   * A session for {@code appName} on {@code master}. The session time zone is UTC because the
   * alerts format their times with {@code date_format}, which uses it, and the wire form is UTC.
   */
  public static SparkSession.Builder builder(String appName, String master) {
    SparkSession.Builder builder = SparkSession.builder();
    // Checkpoint and state files on file: paths without a forked chmod per file.
    LocalFileSystems.sparkConf().forEach(builder::config);
    return builder
        .appName(requireNonNull(appName, "appName is null"))
        .master(requireNonNull(master, "master is null"))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.streaming.stateStore.providerClass", ROCKSDB_PROVIDER)
        // Frozen into a stateful query's checkpoint: keep it small and fixed.
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1");
  }
}
