package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.SparkCatalogConf;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.jdbc.JdbcCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Creates the Iceberg JDBC catalog's tables and the lakehouse namespace, through Iceberg's own
 * catalog code. Trino's JDBC catalog does not create them itself, and the local platform wants
 * {@code SHOW SCHEMAS FROM iceberg} to work before any Spark job has run. Idempotent.
 */
@Command(
    name = "catalog-bootstrap",
    description = "Create the Iceberg JDBC catalog tables and the lakehouse namespace.")
public final class CatalogBootstrap implements Callable<Integer> {
  @Mixin private CatalogOptions catalogOptions;

  public static void main(String[] args) {
    Commands.run(new CatalogBootstrap(), args);
  }

  @Override
  public Integer call() {
    CatalogSettings catalog = catalogOptions.settings();
    if (catalog.type() != CatalogType.JDBC) {
      System.out.println("Catalog type " + catalog.type().wireName() + ": nothing to bootstrap.");
      return 0;
    }
    ensureNamespace(catalog);
    System.out.println("Iceberg catalog ready: " + catalog.qualifiedNamespace());
    return 0;
  }

  /**
   * Creates the catalog tables (Iceberg does on initialize) and the namespace, if missing; an
   * object store warehouse is checked first ({@link ObjectStoreCheck}).
   */
  public static void ensureNamespace(CatalogSettings catalog) {
    requireNonNull(catalog, "catalog is null");
    Map<String, String> properties = new HashMap<>();
    properties.put("uri", catalog.uri());
    properties.put("warehouse", catalog.warehouse());
    properties.put("jdbc.user", catalog.user());
    properties.put("jdbc.password", catalog.password());
    properties.put("jdbc.schema-version", "V1");
    catalog
        .objectStore()
        .ifPresent(store -> properties.putAll(SparkCatalogConf.fileIoProperties(store)));
    ObjectStoreCheck.verify(catalog);
    try (JdbcCatalog jdbcCatalog = new JdbcCatalog()) {
      jdbcCatalog.setConf(new Configuration());
      jdbcCatalog.initialize(catalog.name(), properties);
      Namespace namespace = Namespace.of(catalog.namespace());
      if (!jdbcCatalog.namespaceExists(namespace)) {
        jdbcCatalog.createNamespace(namespace);
      }
    }
  }
}
