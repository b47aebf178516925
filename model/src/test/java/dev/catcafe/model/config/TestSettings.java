package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TestSettings {
  private static CatalogSettings catalog(CatalogType type, String uri, String warehouse) {
    return new CatalogSettings(
        "lakehouse", type, uri, "cafe", "secret", warehouse, "cafe", Optional.empty());
  }

  @Test
  void acceptsTheLocalPlatform() {
    CatalogSettings settings =
        catalog(CatalogType.JDBC, "jdbc:postgresql://127.0.0.1:5432/iceberg_catalog", "file:///w");
    assertThat(settings.qualifiedNamespace()).isEqualTo("lakehouse.cafe");
    assertThat(settings.toString()).doesNotContain("secret");
  }

  @Test
  void unknownCatalogTypeNamesTheSettingAndTheChoices() {
    assertThatThrownBy(() -> CatalogType.parse("hive"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ICEBERG_CATALOG_TYPE")
        .hasMessageContaining("jdbc, hadoop");
    assertThat(CatalogType.parse("HADOOP")).isEqualTo(CatalogType.HADOOP);
  }

  @Test
  void catalogUriMustFitTheType() {
    assertThatThrownBy(() -> catalog(CatalogType.HADOOP, "jdbc:postgresql://h/db", "file:///w"))
        .hasMessageContaining("ICEBERG_CATALOG_URI");
    assertThatThrownBy(() -> catalog(CatalogType.JDBC, "http://h:8181", "file:///w"))
        .hasMessageContaining("ICEBERG_CATALOG_URI");
    assertThat(CatalogSettings.hadoop("lakehouse", "file:///w", "cafe").uri()).isEmpty();
  }

  @Test
  void warehouseNeedsAScheme() {
    assertThatThrownBy(() -> catalog(CatalogType.JDBC, "jdbc:postgresql://h/db", "/tmp/w"))
        .hasMessageContaining("ICEBERG_WAREHOUSE");
  }

  @Test
  void namespaceMustBeAnIdentifier() {
    assertThatThrownBy(
            () ->
                new CatalogSettings(
                    "lakehouse",
                    CatalogType.JDBC,
                    "jdbc:postgresql://h/db",
                    "",
                    "",
                    "file:///w",
                    "Bad-Name",
                    Optional.empty()))
        .hasMessageContaining("LAKEHOUSE_NAMESPACE");
  }

  @Test
  void kafkaServersMustBeHostPortPairs() {
    assertThat(new KafkaSettings("127.0.0.1:9092, broker:19092").servers())
        .containsExactly("127.0.0.1:9092", "broker:19092");
    assertThatThrownBy(() -> new KafkaSettings("localhost"))
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    assertThatThrownBy(() -> new KafkaSettings(" ")).hasMessageContaining("must be set");
  }

  @Test
  void postgresUrlIsCheckedAndPasswordRedacted() {
    PostgresSettings settings =
        new PostgresSettings("jdbc:postgresql://127.0.0.1:5432/cafe?ssl=false", "cafe", "pw");
    assertThat(settings.database()).isEqualTo("cafe");
    assertThat(settings.toString()).doesNotContain("pw]").contains("<redacted>");
    assertThatThrownBy(() -> new PostgresSettings("jdbc:mysql://h/db", "u", ""))
        .hasMessageContaining("POSTGRES_URL");
  }
}
