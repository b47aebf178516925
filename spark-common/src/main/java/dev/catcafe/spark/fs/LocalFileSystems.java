package dev.catcafe.spark.fs;

import java.util.Map;

/** Spark settings that make {@code file:} paths use the forkless local file system. */
public final class LocalFileSystems {
  private LocalFileSystems() {}

  /**
   * {@code spark.hadoop.fs.file.impl} and {@code spark.hadoop.fs.AbstractFileSystem.file.impl}:
   * both Hadoop APIs, since Iceberg writes through one and streaming checkpoints through the other.
   * Other schemes (s3a, hdfs) are untouched.
   */
  public static Map<String, String> sparkConf() {
    return Map.of(
        "spark.hadoop.fs.file.impl",
        ForklessLocalFileSystem.class.getName(),
        "spark.hadoop.fs.AbstractFileSystem.file.impl",
        ForklessLocalFs.class.getName());
  }
}
