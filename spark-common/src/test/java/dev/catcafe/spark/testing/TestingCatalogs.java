package dev.catcafe.spark.testing;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.platform.testing.TestingPlatform;
import java.nio.file.Path;
import java.util.List;

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
   * A lake an integration suite runs over: a catalog type with its warehouse on a storage. The
   * Hadoop catalog keeps its pointers through Hadoop's file system, so it has a file warehouse
   * only.
   */
  public record Lake(CatalogType type, LakeStorage storage) {
    public Lake {
      requireNonNull(type, "type is null");
      requireNonNull(storage, "storage is null");
      if (type == CatalogType.HADOOP && storage != LakeStorage.FILE) {
        throw new IllegalArgumentException("a Hadoop catalog has a file warehouse only");
      }
    }

    /** The namespace of a suite on this lake: the storages' tables apart in the one catalog. */
    public String namespace(String suiteNamespace) {
      return storage == LakeStorage.FILE
          ? suiteNamespace
          : suiteNamespace + "_" + storage.wireName();
    }

    @Override
    public String toString() {
      return type.wireName() + " catalog, " + storage.wireName() + " warehouse";
    }
  }

  /**
   * Every lake a suite runs over, as Iceberg's catalog-parameterized tests do: each catalog type on
   * a file warehouse, and the JDBC catalog (the platform's) on the object store. For
   * {@code @MethodSource("dev.catcafe.spark.testing.TestingCatalogs#lakes")}.
   */
  public static List<Lake> lakes() {
    return List.of(
        new Lake(CatalogType.JDBC, LakeStorage.FILE),
        new Lake(CatalogType.HADOOP, LakeStorage.FILE),
        new Lake(CatalogType.JDBC, LakeStorage.S3));
  }

  /**
   * A catalog on {@code lake} for an integration test, with {@code suiteNamespace} (suffixed by the
   * storage, see {@link Lake#namespace}): the platform's JDBC catalog on its local warehouse or its
   * object store, or a Hadoop catalog on a fresh warehouse in the platform's scratch space.
   */
  public static CatalogSettings onPlatform(
      Lake lake, TestingPlatform platform, String suiteNamespace) {
    requireNonNull(lake, "lake is null");
    requireNonNull(platform, "platform is null");
    String namespace = lake.namespace(suiteNamespace);
    return switch (lake.type()) {
      case JDBC -> platform.catalog(lake.storage(), namespace);
      case HADOOP -> hadoop(platform.scratchDirectory("warehouse-" + namespace), namespace);
    };
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
