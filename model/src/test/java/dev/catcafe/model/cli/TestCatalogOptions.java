package dev.catcafe.model.cli;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Records the default of every catalog option and maps each onto {@link CatalogSettings}. */
final class TestCatalogOptions {
  @Command(name = "catalog")
  static final class Probe {
    @Mixin CatalogOptions catalog;
  }

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new Probe(),
        Map.of(
            "--catalog-name", "lakehouse",
            "--catalog-type", "jdbc",
            "--catalog-uri", "jdbc:postgresql://127.0.0.1:5432/iceberg_catalog",
            "--catalog-user", "cafe",
            "--warehouse", "file://" + System.getProperty("user.dir") + "/.work/platform/warehouse",
            "--namespace", "cafe"));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        Probe::new,
        Map.of(
            "--catalog-name", "lake",
            // Another spelling of jdbc: the URI and the user apply to the jdbc type only.
            "--catalog-type", "JDBC",
            "--catalog-uri", "jdbc:postgresql://db:5433/catalog",
            "--catalog-user", "keeper",
            "--warehouse", "s3://bucket/warehouse",
            "--namespace", "shop"),
        probe -> probe.catalog.settings(),
        // The password has no option on purpose: it comes from the environment only.
        new CatalogSettings(
            "lake",
            CatalogType.JDBC,
            "jdbc:postgresql://db:5433/catalog",
            "keeper",
            System.getenv().getOrDefault("ICEBERG_CATALOG_PASSWORD", ""),
            "s3://bucket/warehouse",
            "shop"));
  }
}
