package dev.catcafe.streaming.ingest;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.spark.testing.BaseSparkTest;

/** Catalog settings naming {@link BaseSparkTest}'s catalog; only name and namespace are used. */
final class TestingCatalogs {
  private TestingCatalogs() {}

  static CatalogSettings unitTestCatalog(String namespace) {
    return new CatalogSettings(
        BaseSparkTest.CATALOG,
        CatalogType.JDBC,
        "jdbc:unused-by-unit-tests",
        "",
        "",
        "file:///unused",
        namespace);
  }
}
