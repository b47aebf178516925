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

  /** Iceberg's {@code S3FileIO}, as Iceberg's catalog reads it (without the Spark prefix). */
  private static final S3Client ICEBERG_S3_FILE_IO =
      new S3Client(
          "io-impl",
          S3_FILE_IO,
          "s3.endpoint",
          "s3.path-style-access",
          "client.region",
          "s3.access-key-id",
          "s3.secret-access-key");

  /** Hadoop's S3A for the {@code s3://} scheme, as Spark's own files reach the store. */
  private static final S3Client HADOOP_S3A =
      new S3Client(
          "spark.hadoop.fs.s3.impl",
          S3A_FILE_SYSTEM,
          "spark.hadoop.fs.s3a.endpoint",
          "spark.hadoop.fs.s3a.path.style.access",
          "spark.hadoop.fs.s3a.endpoint.region",
          "spark.hadoop.fs.s3a.access.key",
          "spark.hadoop.fs.s3a.secret.key");

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
    return ICEBERG_S3_FILE_IO.properties(requireNonNull(store, "store is null"));
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
    Map<String, String> conf = HADOOP_S3A.properties(requireNonNull(store, "store is null"));
    if (!store.endpoint().isEmpty()) {
      conf.put(
          "spark.hadoop.fs.s3a.connection.ssl.enabled",
          Boolean.toString(store.endpoint().startsWith("https:")));
    }
    // The keys given, or else the SDK's default chain (pod identity), as S3FileIO does.
    conf.put(
        "spark.hadoop.fs.s3a.aws.credentials.provider",
        store.hasKeys() ? S3A_KEYS_PROVIDER : SDK_DEFAULT_CHAIN);
    return conf;
  }

  /**
   * One S3 client's properties: the class that implements it, and its names for the store's
   * settings. Which settings a client is given is decided once, in {@link #properties}: the
   * endpoint only for a self-hosted store, the keys only when they are set (otherwise the client
   * asks the SDK's default chain).
   */
  private record S3Client(
      String implementationProperty,
      String implementation,
      String endpointProperty,
      String pathStyleProperty,
      String regionProperty,
      String accessKeyProperty,
      String secretKeyProperty) {
    Map<String, String> properties(ObjectStoreSettings store) {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put(implementationProperty, implementation);
      if (!store.endpoint().isEmpty()) {
        properties.put(endpointProperty, store.endpoint());
      }
      properties.put(pathStyleProperty, Boolean.toString(store.pathStyleAccess()));
      properties.put(regionProperty, store.region());
      if (store.hasKeys()) {
        properties.put(accessKeyProperty, store.accessKeyId());
        properties.put(secretKeyProperty, store.secretAccessKey());
      }
      return properties;
    }
  }
}
