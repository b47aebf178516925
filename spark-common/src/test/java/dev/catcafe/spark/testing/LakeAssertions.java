package dev.catcafe.spark.testing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.platform.testing.TestingPlatform;
import java.util.List;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/**
 * Assertions on where a lake's tables really are, shared by the suites that run on both storages.
 */
public final class LakeAssertions {
  private LakeAssertions() {}

  /**
   * The storage is really used. On {@code s3://}: the table's location is under the catalog's
   * warehouse, its metadata and data files are objects in the bucket (listed through the S3 API),
   * and the platform's local warehouse has nothing of the namespace. On {@code file://}: the table
   * is on local disk.
   */
  public static void assertFilesWhereTheStorageSays(
      SparkSession spark, TestingPlatform platform, CatalogSettings catalog, String table)
      throws Exception {
    requireNonNull(spark, "spark is null");
    requireNonNull(platform, "platform is null");
    requireNonNull(catalog, "catalog is null");
    String location = Spark3Util.loadIcebergTable(spark, requireNonNull(table)).location();
    if (catalog.storage() == LakeStorage.FILE) {
      assertThat(location).as("location of %s", table).startsWith("file:");
      return;
    }
    assertThat(location)
        .as("location of %s", table)
        .startsWith(catalog.warehouse() + "/" + catalog.namespace() + "/");
    List<String> objects = TestingObjectStore.list(platform.objectStore(), location + "/");
    assertThat(objects)
        .as("objects under %s", location)
        .anyMatch(key -> key.startsWith(location + "/metadata/") && key.endsWith(".metadata.json"))
        .anyMatch(key -> key.startsWith(location + "/metadata/") && key.endsWith(".avro"))
        .anyMatch(key -> key.startsWith(location + "/data/") && key.endsWith(".parquet"));
    assertThat(platform.localWarehouse().resolve(catalog.namespace())).doesNotExist();
  }
}
