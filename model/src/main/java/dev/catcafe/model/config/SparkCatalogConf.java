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
  /**
   * Iceberg's S3 file IO, in the runtime jar; its AWS SDK comes from {@code iceberg-aws-bundle}.
   */
  public static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

  /** Hadoop's S3 connector ({@code hadoop-aws}), through which Spark writes its own files. */
  public static final String S3A_FILE_SYSTEM = "org.apache.hadoop.fs.s3a.S3AFileSystem";

  /** S3A's provider of the keys it is given, and the AWS SDK's default chain (pod identity). */
  static final String S3A_KEYS_PROVIDER = "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider";

  static final String SDK_DEFAULT_CHAIN =
      "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider";

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
    if (catalog.type() == CatalogType.JDBC) {
      conf.put(prefix + ".uri", catalog.uri());
    }
    conf.put(prefix + ".warehouse", catalog.warehouse());
    switch (catalog.type()) {
      case JDBC -> {
        conf.put(prefix + ".jdbc.user", catalog.user());
        conf.put(prefix + ".jdbc.password", catalog.password());
        // Trino's JDBC catalog speaks the V1 layout of the catalog tables; Spark must match it.
        conf.put(prefix + ".jdbc.schema-version", "V1");
      }
      case HADOOP -> {
        // The table pointers are files under the warehouse: nothing else to configure.
      }
    }
    catalog
        .objectStore()
        .ifPresent(
            store -> {
              conf.putAll(objectStoreConf(prefix, store));
              conf.putAll(hadoopObjectStoreConf(store));
            });
    // Timestamps in the lake are UTC instants; the session zone decides how dates are cut.
    conf.put("spark.sql.session.timeZone", "UTC");
    return conf;
  }

  /**
   * The catalog properties that put its files in an object store: Iceberg's own {@code S3FileIO}
   * (the AWS SDK of {@code iceberg-aws-bundle}, no Hadoop S3 connector), the endpoint with
   * path-style addressing for a self-hosted store, the region and the keys. Without keys the SDK's
   * default credential chain applies (pod identity in a cloud).
   */
  public static Map<String, String> objectStoreConf(
      String catalogPrefix, ObjectStoreSettings store) {
    requireNonNull(catalogPrefix, "catalogPrefix is null");
    requireNonNull(store, "store is null");
    Map<String, String> conf = new LinkedHashMap<>();
    for (Map.Entry<String, String> property : fileIoProperties(store).entrySet()) {
      conf.put(catalogPrefix + "." + property.getKey(), property.getValue());
    }
    return conf;
  }

  /** The same properties without the Spark prefix: what Iceberg's catalog and FileIO read. */
  public static Map<String, String> fileIoProperties(ObjectStoreSettings store) {
    requireNonNull(store, "store is null");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("io-impl", S3_FILE_IO);
    if (!store.endpoint().isEmpty()) {
      properties.put("s3.endpoint", store.endpoint());
    }
    properties.put("s3.path-style-access", Boolean.toString(store.pathStyleAccess()));
    properties.put("client.region", store.region());
    if (store.hasKeys()) {
      properties.put("s3.access-key-id", store.accessKeyId());
      properties.put("s3.secret-access-key", store.secretAccessKey());
    }
    return properties;
  }

  /**
   * The Hadoop settings that put Spark's own files in the same store: Iceberg writes the tables
   * through {@code S3FileIO}, but Spark writes streaming checkpoints and event logs through a
   * Hadoop file system, here S3A ({@code hadoop-aws} on the AWS SDK of {@code iceberg-aws-bundle}).
   * The {@code s3://} scheme is mapped to S3A, so one scheme names every location of the lake; the
   * endpoint, addressing, region and keys are the catalog's, and without keys S3A asks the SDK's
   * default chain (pod identity), as {@code S3FileIO} does.
   */
  public static Map<String, String> hadoopObjectStoreConf(ObjectStoreSettings store) {
    requireNonNull(store, "store is null");
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.hadoop.fs.s3.impl", S3A_FILE_SYSTEM);
    if (!store.endpoint().isEmpty()) {
      conf.put("spark.hadoop.fs.s3a.endpoint", store.endpoint());
      conf.put(
          "spark.hadoop.fs.s3a.connection.ssl.enabled",
          Boolean.toString(store.endpoint().startsWith("https:")));
    }
    conf.put("spark.hadoop.fs.s3a.path.style.access", Boolean.toString(store.pathStyleAccess()));
    conf.put("spark.hadoop.fs.s3a.endpoint.region", store.region());
    if (store.hasKeys()) {
      conf.put("spark.hadoop.fs.s3a.aws.credentials.provider", S3A_KEYS_PROVIDER);
      conf.put("spark.hadoop.fs.s3a.access.key", store.accessKeyId());
      conf.put("spark.hadoop.fs.s3a.secret.key", store.secretAccessKey());
    } else {
      conf.put("spark.hadoop.fs.s3a.aws.credentials.provider", SDK_DEFAULT_CHAIN);
    }
    return conf;
  }
}
