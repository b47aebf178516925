package dev.catcafe.model.config;

import dev.catcafe.model.WireName;

/**
 * The Iceberg catalog implementations the lakehouse runs on, each exercised by the tests. There is
 * no REST type: no REST catalog server installs here, so a REST branch could never be tested.
 */
public enum CatalogType implements WireName {
  /**
   * Table pointers in a relational database: the local platform's and the cluster's catalog, shared
   * with Trino.
   */
  JDBC,
  /**
   * Table pointers as files in the warehouse itself: no service, no credentials. For unit tests and
   * scratch runs; Trino cannot read it.
   */
  HADOOP;

  public static final String SETTING = "ICEBERG_CATALOG_TYPE (--catalog-type)";

  public static CatalogType parse(String text) {
    return Settings.requireChoice(text, SETTING, CatalogType.class);
  }
}
