package dev.catcafe.model.cli;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.LocalPlatformDefaults;
import dev.catcafe.model.config.ObjectStoreSettings;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Iceberg catalog options every Spark job and tool shares. */
public final class CatalogOptions {
  @Option(
      names = "--catalog-name",
      defaultValue = "${env:ICEBERG_CATALOG_NAME:-" + CatalogSettings.DEFAULT_NAME + "}",
      description = "Iceberg catalog name in Spark. Env ICEBERG_CATALOG_NAME.")
  private String name;

  @Option(
      names = "--catalog-type",
      defaultValue = "${env:ICEBERG_CATALOG_TYPE:-jdbc}",
      description = "jdbc or hadoop. Env ICEBERG_CATALOG_TYPE.")
  private String type;

  @Option(
      names = "--catalog-uri",
      defaultValue = "${env:ICEBERG_CATALOG_URI:-" + LocalPlatformDefaults.CATALOG_URL + "}",
      description = "Catalog database JDBC URL (jdbc). Env ICEBERG_CATALOG_URI.")
  private String uri;

  @Option(
      names = "--catalog-user",
      defaultValue = "${env:ICEBERG_CATALOG_USER:-" + LocalPlatformDefaults.APP_ROLE + "}",
      description = "Catalog database role (jdbc). Env ICEBERG_CATALOG_USER.")
  private String user;

  @Option(
      names = "--warehouse",
      defaultValue =
          "${env:ICEBERG_WAREHOUSE:-file://${sys:user.dir}/"
              + LocalPlatformDefaults.HOME
              + "/"
              + LocalPlatformDefaults.WAREHOUSE_DIRECTORY
              + "}",
      description = "Where table files live. Env ICEBERG_WAREHOUSE.")
  private String warehouse;

  @Option(
      names = "--namespace",
      defaultValue = "${env:LAKEHOUSE_NAMESPACE:-" + CatalogSettings.DEFAULT_NAMESPACE + "}",
      description = "Namespace of the cafe's tables. Env LAKEHOUSE_NAMESPACE.")
  private String namespace;

  @Mixin private ObjectStoreOptions objectStoreOptions;

  /*
   * The password comes from ICEBERG_CATALOG_PASSWORD only (arguments show in `ps`), the store's
   * keys from the environment too (ObjectStoreOptions). The store's settings apply to an s3:// warehouse only (the local platform's
   * environment names its store whichever warehouse it uses).
   */
  public CatalogSettings settings() {
    CatalogType catalogType = CatalogType.parse(type);
    Optional<ObjectStoreSettings> objectStore =
        LakeStorage.storeFor(warehouse, objectStoreOptions::settings);
    if (catalogType == CatalogType.HADOOP) {
      // The JDBC defaults of uri and user do not apply: a Hadoop catalog is its warehouse.
      return CatalogSettings.hadoop(name, warehouse, namespace);
    }
    return new CatalogSettings(
        name,
        catalogType,
        uri,
        user,
        System.getenv().getOrDefault("ICEBERG_CATALOG_PASSWORD", ""),
        warehouse,
        namespace,
        objectStore);
  }
}
