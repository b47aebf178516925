package dev.catcafe.spark.testing;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/** Reads an object store through the S3 API, as the tests' witness of what the lake wrote there. */
public final class TestingObjectStore {
  private TestingObjectStore() {}

  /**
   * Every object under {@code prefix} (an {@code s3://bucket/key-prefix} URI), as {@code s3://}
   * locations: a ListObjectsV2 listing through Iceberg's {@code S3FileIO} and the AWS SDK.
   */
  public static List<String> list(ObjectStoreSettings store, String prefix) {
    requireNonNull(store, "store is null");
    requireNonNull(prefix, "prefix is null");
    FileIO io =
        CatalogUtil.loadFileIO(
            SparkCatalogConf.S3_FILE_IO,
            SparkCatalogConf.fileIoProperties(store),
            new Configuration());
    try {
      List<String> locations = new ArrayList<>();
      for (FileInfo file : ((SupportsPrefixOperations) io).listPrefix(prefix)) {
        locations.add(file.location());
      }
      return locations;
    } finally {
      io.close();
    }
  }
}
