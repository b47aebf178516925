package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark properties that wire a session to the lakehouse's Iceberg catalog. Plain keys and
 * values, declared only here: the jobs' sessions, the SparkApplications' {@code sparkConf} and the
 * notebooks all use these, so no module needs Spark on its class path to know them.
 */
public final class SparkCatalogConf {
  private SparkCatalogConf() {}

  /** The {@code spark.sql.catalog.<name>.*} properties (and extensions) for the catalog. */
  public static Map<String, String> of(CatalogSettings catalog) {
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
}
