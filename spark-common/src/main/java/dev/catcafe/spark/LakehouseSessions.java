package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.fs.LocalFileSystems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds Spark sessions wired to the lakehouse's Iceberg catalog. Jobs call {@link #builder} and
 * add their own settings; the catalog properties exist only here, so Spark, the manifests and the
 * notebooks use the same keys.
 */
public final class LakehouseSessions {
  private LakehouseSessions() {}

  /** The {@code spark.sql.catalog.<name>.*} properties (and extensions) for the catalog. */
  public static Map<String, String> catalogConf(CatalogSettings catalog) {
    requireNonNull(catalog, "catalog is null");
    String prefix = "spark.sql.catalog." + catalog.name();
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(
        "spark.sql.extensions",
        "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
    conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
    conf.put(prefix + ".type", catalog.type().wireName());
    conf.put(prefix + ".uri", catalog.uri());
    conf.put(prefix + ".warehouse", catalog.warehouse());
    switch (catalog.type()) {
      case JDBC -> {
        conf.put(prefix + ".jdbc.user", catalog.user());
        conf.put(prefix + ".jdbc.password", catalog.password());
        // Trino's JDBC catalog speaks the V1 layout of the catalog tables; Spark must match it.
        conf.put(prefix + ".jdbc.schema-version", "V1");
      }
      case REST -> {
        // A REST catalog brings its own auth and FileIO configuration; nothing to add by default.
      }
    }
    // Timestamps in the lake are UTC instants; the session zone decides how dates are cut.
    conf.put("spark.sql.session.timeZone", "UTC");
    return conf;
  }

  /**
   * A session builder for {@code appName} with the catalog configured, {@code file:} paths on the
   * {@link LocalFileSystems forkless local file system}, and the UI left as is.
   */
  public static SparkSession.Builder builder(String appName, CatalogSettings catalog) {
    SparkSession.Builder builder = SparkSession.builder().appName(requireNonNull(appName));
    catalogConf(catalog).forEach(builder::config);
    LocalFileSystems.sparkConf().forEach(builder::config);
    return builder;
  }

  /**
   * A small in-process session for tests and local runs: {@code local[2]}, UI off, few shuffle
   * partitions (frozen into stateful checkpoints, so keep it fixed).
   */
  public static SparkSession.Builder localBuilder(String appName, CatalogSettings catalog) {
    return builder(appName, catalog)
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1");
  }
}
