package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.ObjectStoreSparkDefaults;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The lake on an object store: one set of settings, the same keys for Spark and Trino. */
final class TestObjectStoreSettings {
  private static final ObjectStoreSettings STORE =
      new ObjectStoreSettings("http://127.0.0.1:9000", "us-east-1", "key-id", "the-secret");
  private static final PostgresSettings CAFE =
      new PostgresSettings("jdbc:postgresql://127.0.0.1:5432/cafe", "cafe", "pw");

  private static CatalogSettings jdbc(String warehouse, Optional<ObjectStoreSettings> store) {
    return new CatalogSettings(
        "lakehouse",
        CatalogType.JDBC,
        "jdbc:postgresql://127.0.0.1:5432/iceberg_catalog",
        "cafe",
        "pw",
        warehouse,
        "cafe",
        store);
  }

  @Test
  void sparkWritesAnS3WarehouseThroughIcebergsS3FileIo() {
    CatalogSettings lake = jdbc("s3://lake/warehouse", Optional.of(STORE));
    assertThat(lake.storage()).isEqualTo(LakeStorage.S3);
    assertThat(SparkCatalogConf.of(lake))
        .containsEntry("spark.sql.catalog.lakehouse.warehouse", "s3://lake/warehouse")
        .containsEntry("spark.sql.catalog.lakehouse.io-impl", SparkCatalogConf.S3_FILE_IO)
        .containsEntry("spark.sql.catalog.lakehouse.s3.endpoint", "http://127.0.0.1:9000")
        .containsEntry("spark.sql.catalog.lakehouse.s3.path-style-access", "true")
        .containsEntry("spark.sql.catalog.lakehouse.client.region", "us-east-1")
        .containsEntry("spark.sql.catalog.lakehouse.s3.access-key-id", "key-id")
        .containsEntry("spark.sql.catalog.lakehouse.s3.secret-access-key", "the-secret");
    assertThat(lake.toString()).contains("key-id").doesNotContain("the-secret");
  }

  @Test
  void sparksOwnFilesGoToTheSameStoreThroughS3aUnderTheS3Scheme() {
    CatalogSettings lake = jdbc("s3://lake/warehouse", Optional.of(STORE));
    assertThat(SparkCatalogConf.of(lake))
        .containsEntry("spark.hadoop.fs.s3.impl", SparkCatalogConf.S3A_FILE_SYSTEM)
        .containsEntry("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000")
        .containsEntry("spark.hadoop.fs.s3a.connection.ssl.enabled", "false")
        .containsEntry("spark.hadoop.fs.s3a.path.style.access", "true")
        .containsEntry("spark.hadoop.fs.s3a.endpoint.region", "us-east-1")
        .containsEntry(
            "spark.hadoop.fs.s3a.aws.credentials.provider", SparkCatalogConf.S3A_KEYS_PROVIDER)
        .containsEntry("spark.hadoop.fs.s3a.access.key", "key-id")
        .containsEntry("spark.hadoop.fs.s3a.secret.key", "the-secret");
    // The cloud's S3: no endpoint, virtual-host addressing, the SDK's chain (pod identity).
    assertThat(SparkCatalogConf.hadoopObjectStoreConf(ObjectStoreSettings.cloud("eu-west-1")))
        .containsEntry("spark.hadoop.fs.s3a.path.style.access", "false")
        .containsEntry("spark.hadoop.fs.s3a.endpoint.region", "eu-west-1")
        .containsEntry(
            "spark.hadoop.fs.s3a.aws.credentials.provider", SparkCatalogConf.SDK_DEFAULT_CHAIN)
        .doesNotContainKeys(
            "spark.hadoop.fs.s3a.endpoint",
            "spark.hadoop.fs.s3a.access.key",
            "spark.hadoop.fs.s3a.secret.key");
  }

  @Test
  void theNotebookKernelsSparkDefaultsAreTheStoresKeys() {
    assertThat(
            ObjectStoreSparkDefaults.render(jdbc("s3://lake/warehouse", Optional.of(STORE)))
                .lines())
        .contains(
            "spark.sql.catalog.lakehouse.io-impl " + SparkCatalogConf.S3_FILE_IO,
            "spark.sql.catalog.lakehouse.s3.endpoint http://127.0.0.1:9000",
            "spark.sql.catalog.lakehouse.s3.secret-access-key the-secret",
            "spark.hadoop.fs.s3a.secret.key the-secret");
    assertThat(ObjectStoreSparkDefaults.render(jdbc("file:///w", Optional.empty()))).isEmpty();
  }

  @Test
  void aFileWarehouseHasNoS3Keys() {
    CatalogSettings lake = jdbc("file:///data/warehouse", Optional.empty());
    assertThat(lake.storage()).isEqualTo(LakeStorage.FILE);
    assertThat(SparkCatalogConf.of(lake).keySet())
        .noneMatch(
            key -> key.contains(".s3.") || key.contains(".s3a.") || key.endsWith(".io-impl"));
  }

  @Test
  void anS3WarehouseWithoutStoreSettingsIsTheCloudsWithItsCredentialChain() {
    CatalogSettings lake = jdbc("s3://lake/warehouse", Optional.empty());
    assertThat(lake.objectStore()).contains(ObjectStoreSettings.cloud("us-east-1"));
    assertThat(SparkCatalogConf.of(lake))
        .containsEntry("spark.sql.catalog.lakehouse.io-impl", SparkCatalogConf.S3_FILE_IO)
        .containsEntry("spark.sql.catalog.lakehouse.s3.path-style-access", "false")
        .doesNotContainKeys(
            "spark.sql.catalog.lakehouse.s3.endpoint",
            "spark.sql.catalog.lakehouse.s3.access-key-id");
  }

  @Test
  void badSettingsNameTheSetting() {
    assertThatThrownBy(() -> jdbc("file:///w", Optional.of(STORE)))
        .hasMessageContaining("ICEBERG_WAREHOUSE")
        .hasMessageContaining("s3://");
    assertThatThrownBy(() -> jdbc("s3://Bad_Bucket/w", Optional.of(STORE)))
        .hasMessageContaining("ICEBERG_WAREHOUSE");
    assertThatThrownBy(() -> CatalogSettings.hadoop("lakehouse", "s3://lake/w", "cafe"))
        .hasMessageContaining("ICEBERG_WAREHOUSE")
        .hasMessageContaining("hadoop");
    assertThatThrownBy(() -> new ObjectStoreSettings("127.0.0.1:9000", "us-east-1", "", ""))
        .hasMessageContaining("S3_ENDPOINT");
    assertThatThrownBy(() -> new ObjectStoreSettings("", "US East", "", ""))
        .hasMessageContaining("S3_REGION");
    assertThatThrownBy(() -> new ObjectStoreSettings("", "us-east-1", "key-id", ""))
        .hasMessageContaining("S3_ACCESS_KEY_ID")
        .hasMessageContaining("S3_SECRET_ACCESS_KEY");
    assertThatThrownBy(() -> LakeStorage.parse("gcs"))
        .hasMessageContaining("LAKE_STORAGE")
        .hasMessageContaining("file, s3");
    assertThat(LakeStorage.parse("S3")).isEqualTo(LakeStorage.S3);
  }

  /** Item 2 of issue 15: no untested REST branch, and asking for one says what there is. */
  @Test
  void restCatalogTypeIsRefusedNamingTheSupportedTypes() {
    assertThatThrownBy(() -> CatalogType.parse("rest"))
        .hasMessageContaining("ICEBERG_CATALOG_TYPE (--catalog-type)")
        .hasMessageContaining("'rest'")
        .hasMessageContaining("jdbc, hadoop");
  }

  @Test
  void trinoReadsTheLakesStore() throws Exception {
    Properties iceberg =
        icebergCatalog(jdbc("s3://lake/warehouse", Optional.of(STORE)), Optional.empty());
    assertThat(iceberg)
        .containsEntry("iceberg.jdbc-catalog.default-warehouse-dir", "s3://lake/warehouse")
        .containsEntry("fs.native-s3.enabled", "true")
        .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("s3.region", "us-east-1")
        .containsEntry("s3.aws-access-key", "key-id")
        .containsEntry("s3.aws-secret-key", "the-secret")
        // Tables written before a switch keep their file:// location: still readable.
        .containsEntry("fs.native-local.enabled", "true");
  }

  @Test
  void trinoOnALocalLakeAlsoReadsThePlatformsStore() throws Exception {
    CatalogSettings local = jdbc("file:///data/warehouse", Optional.empty());
    assertThat(icebergCatalog(local, Optional.empty())).doesNotContainKey("fs.native-s3.enabled");
    assertThat(icebergCatalog(local, Optional.of(STORE)))
        .containsEntry("iceberg.jdbc-catalog.default-warehouse-dir", "file:///data/warehouse")
        .containsEntry("fs.native-s3.enabled", "true")
        .containsEntry("s3.endpoint", "http://127.0.0.1:9000");
  }

  private static Properties icebergCatalog(
      CatalogSettings lake, Optional<ObjectStoreSettings> platformStore) throws Exception {
    Properties iceberg = new Properties();
    iceberg.load(
        new StringReader(
            TrinoCatalogs.generate(lake, CAFE, platformStore).get(TrinoCatalogs.LAKE)));
    return iceberg;
  }
}
