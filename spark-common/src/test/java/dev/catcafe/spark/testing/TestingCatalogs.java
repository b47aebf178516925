package dev.catcafe.spark.testing;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.platform.testing.TestingPlatform;
import java.nio.file.Path;

/**
 * The Iceberg catalogs of the tests, each what its settings say: a Hadoop catalog on a warehouse
 * directory (unit tests; no service) or the test platform's JDBC catalog on its PostgreSQL (the one
 * Trino reads). Suites that touch the lake run over {@link CatalogType every type} through {@link
 * #onPlatform}.
 */
public final class TestingCatalogs {
  /** The catalog's name in Spark, as the jobs' default ({@code ICEBERG_CATALOG_NAME}). */
  public static final String NAME = "lakehouse";

  private TestingCatalogs() {}

  /** A Hadoop catalog whose table pointers and data live under {@code warehouse}. */
  public static CatalogSettings hadoop(Path warehouse, String namespace) {
    return CatalogSettings.hadoop(
        NAME, requireNonNull(warehouse, "warehouse is null").toUri().toString(), namespace);
  }

  /** The test platform's JDBC catalog with {@code namespace}, which exists afterwards. */
  public static CatalogSettings jdbc(TestingPlatform platform, String namespace) {
    return requireNonNull(platform, "platform is null").catalog(namespace);
  }

  /**
   * A catalog of {@code type} for an integration test: JDBC on the platform's PostgreSQL, or Hadoop
   * on a fresh warehouse in the platform's scratch space.
   */
  public static CatalogSettings onPlatform(
      CatalogType type, TestingPlatform platform, String namespace) {
    requireNonNull(type, "type is null");
    requireNonNull(platform, "platform is null");
    return switch (type) {
      case JDBC -> jdbc(platform, namespace);
      case HADOOP -> hadoop(platform.scratchDirectory("warehouse-" + namespace), namespace);
    };
  }
}
