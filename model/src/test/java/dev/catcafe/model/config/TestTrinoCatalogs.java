package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Trino sees the same catalog Spark does: same name, same catalog database, same warehouse. */
final class TestTrinoCatalogs {
  @Test
  void icebergCatalogMirrorsSparksSettings() throws Exception {
    CatalogSettings lake =
        new CatalogSettings(
            "lakehouse",
            CatalogType.JDBC,
            "jdbc:postgresql://127.0.0.1:5432/iceberg_catalog",
            "cafe",
            "pw",
            "file:///data/warehouse",
            "cafe",
            Optional.empty());
    PostgresSettings cafe =
        new PostgresSettings("jdbc:postgresql://127.0.0.1:5432/cafe", "cafe", "pw2");
    Map<String, String> catalogs = TrinoCatalogs.generate(lake, cafe);
    assertThat(catalogs).containsOnlyKeys("iceberg", "iceberg_rw", "postgresql");

    Properties iceberg = new Properties();
    iceberg.load(new StringReader(catalogs.get("iceberg")));
    assertThat(iceberg)
        .containsEntry("connector.name", "iceberg")
        .containsEntry("iceberg.catalog.type", "jdbc")
        .containsEntry("iceberg.jdbc-catalog.catalog-name", lake.name())
        .containsEntry("iceberg.jdbc-catalog.connection-url", lake.uri())
        .containsEntry("iceberg.jdbc-catalog.default-warehouse-dir", lake.warehouse())
        .containsEntry("iceberg.jdbc-catalog.schema-version", "V1")
        .containsEntry("iceberg.security", "read_only");

    // The writers' catalog is the same lake, without the read-only connector.
    Properties writable = new Properties();
    writable.load(new StringReader(catalogs.get("iceberg_rw")));
    Properties readOnly = new Properties();
    readOnly.putAll(writable);
    readOnly.setProperty("iceberg.security", "read_only");
    assertThat(iceberg).isEqualTo(readOnly);
    assertThat(writable).doesNotContainKey("iceberg.security");

    Properties postgres = new Properties();
    postgres.load(new StringReader(catalogs.get("postgresql")));
    assertThat(postgres)
        .containsEntry("connector.name", "postgresql")
        .containsEntry("connection-url", cafe.jdbcUrl())
        .containsEntry("connection-user", "cafe");
  }
}
