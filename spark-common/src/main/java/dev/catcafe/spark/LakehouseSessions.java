package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import dev.catcafe.spark.fs.LocalFileSystems;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds Spark sessions wired to the lakehouse's Iceberg catalog. Jobs call {@link #builder} and
 * add their own settings; the catalog properties are {@link SparkCatalogConf}'s, so Spark, the
 * manifests and the notebooks use the same keys.
 */
public final class LakehouseSessions {
  private LakehouseSessions() {}

  /** {@link SparkCatalogConf#of}: the catalog properties are plain data of the model. */
  public static Map<String, String> catalogConf(CatalogSettings catalog) {
    return SparkCatalogConf.of(catalog);
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
