package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The Iceberg catalog of the lake, as Spark, Trino and the notebooks all see it.
 *
 * @param name the catalog name in Spark ({@code ICEBERG_CATALOG_NAME}, default {@value
 *     #DEFAULT_NAME})
 * @param type jdbc or hadoop ({@code ICEBERG_CATALOG_TYPE})
 * @param uri the JDBC URL of the catalog database (jdbc; empty for hadoop, whose pointers live in
 *     the warehouse) ({@code ICEBERG_CATALOG_URI})
 * @param user the catalog database role (jdbc only; {@code ICEBERG_CATALOG_USER})
 * @param password its password (jdbc only; {@code ICEBERG_CATALOG_PASSWORD})
 * @param warehouse where table data lives, e.g. {@code file:///…} or {@code s3://…} ({@code
 *     ICEBERG_WAREHOUSE})
 * @param namespace the namespace of the cafe's tables ({@code LAKEHOUSE_NAMESPACE}, default {@value
 *     #DEFAULT_NAMESPACE})
 * @param objectStore the store an {@code s3://} warehouse lives in (endpoint, region, keys); empty
 *     for any other warehouse. An {@code s3://} warehouse given none is the cloud's S3 in {@value
 *     ObjectStoreSettings#DEFAULT_REGION} with the SDK's credential chain.
 */
public record CatalogSettings(
    String name,
    CatalogType type,
    String uri,
    String user,
    String password,
    String warehouse,
    String namespace,
    Optional<ObjectStoreSettings> objectStore) {
  /** The catalog's name in Spark unless {@code ICEBERG_CATALOG_NAME} says otherwise. */
  public static final String DEFAULT_NAME = "lakehouse";

  /** The namespace of the cafe's tables unless {@code LAKEHOUSE_NAMESPACE} says otherwise. */
  public static final String DEFAULT_NAMESPACE = "cafe";

  public static final String NAME_SETTING = "ICEBERG_CATALOG_NAME (--catalog-name)";
  public static final String URI_SETTING = "ICEBERG_CATALOG_URI (--catalog-uri)";
  public static final String WAREHOUSE_SETTING = "ICEBERG_WAREHOUSE (--warehouse)";
  public static final String NAMESPACE_SETTING = "LAKEHOUSE_NAMESPACE (--namespace)";

  public CatalogSettings {
    name = Settings.requireIdentifier(name, NAME_SETTING);
    requireNonNull(type, "type is null");
    user = user == null ? "" : user.strip();
    password = password == null ? "" : password;
    switch (type) {
      case JDBC -> {
        uri = Settings.requireText(uri, URI_SETTING);
        if (!uri.startsWith("jdbc:")) {
          throw Settings.invalid(URI_SETTING, uri, "a JDBC URL for catalog type jdbc");
        }
      }
      case HADOOP -> {
        // A Hadoop catalog is its warehouse: a URI or credentials would be silently ignored.
        if ((uri != null && !uri.isBlank()) || !user.isEmpty() || !password.isEmpty()) {
          throw Settings.invalid(
              URI_SETTING, uri, "no URI, user or password for catalog type hadoop");
        }
        uri = "";
      }
    }
    warehouse =
        Settings.requireMatching(
            warehouse,
            WAREHOUSE_SETTING,
            "[a-z][a-z0-9+.\\-]*:.+",
            "a URI with a scheme, e.g. file:///path or s3://bucket/p");
    namespace = Settings.requireIdentifier(namespace, NAMESPACE_SETTING);
    requireNonNull(objectStore, "objectStore is null");
    if (LakeStorage.of(warehouse) == LakeStorage.S3) {
      if (!warehouse.matches("s3://[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9](/.*)?")) {
        throw Settings.invalid(
            WAREHOUSE_SETTING, warehouse, "s3://<bucket>/<prefix> with a valid bucket name");
      }
      if (type == CatalogType.HADOOP) {
        // Its table pointers go through Hadoop's file system, which has no S3 connector here.
        throw Settings.invalid(WAREHOUSE_SETTING, warehouse, "a file warehouse for type hadoop");
      }
      if (objectStore.isEmpty()) {
        objectStore = Optional.of(ObjectStoreSettings.cloud(ObjectStoreSettings.DEFAULT_REGION));
      }
    } else if (objectStore.isPresent()) {
      // A store's settings beside a file warehouse would be silently ignored.
      throw Settings.invalid(
          WAREHOUSE_SETTING,
          warehouse,
          "an s3:// warehouse, since object store settings are given");
    }
  }

  /** A Hadoop catalog: the table pointers live in {@code warehouse}, nothing else to name. */
  public static CatalogSettings hadoop(String name, String warehouse, String namespace) {
    return new CatalogSettings(
        name, CatalogType.HADOOP, "", "", "", warehouse, namespace, Optional.empty());
  }

  /** The same catalog, for the tables of another namespace (a test's, a benchmark's). */
  public CatalogSettings withNamespace(String otherNamespace) {
    return new CatalogSettings(
        name, type, uri, user, password, warehouse, otherNamespace, objectStore);
  }

  /**
   * The same catalog with its warehouse at {@code otherWarehouse}, in {@code store} if that is an
   * {@code s3://} location (empty otherwise): the same tables' pointers, the files elsewhere.
   */
  public CatalogSettings withWarehouse(String otherWarehouse, Optional<ObjectStoreSettings> store) {
    return new CatalogSettings(name, type, uri, user, password, otherWarehouse, namespace, store);
  }

  /** Where the warehouse lives: the local file system or an object store. */
  public LakeStorage storage() {
    return LakeStorage.of(warehouse);
  }

  /** {@code catalog.namespace}, as Spark names the namespace. */
  public String qualifiedNamespace() {
    return name + "." + namespace;
  }

  /** Keeps the password out of logs and exception messages. */
  @Override
  public String toString() {
    return ("CatalogSettings[name=%s, type=%s, uri=%s, user=%s, warehouse=%s, namespace=%s,"
            + " objectStore=%s]")
        .formatted(
            name,
            type.wireName(),
            uri,
            user,
            warehouse,
            namespace,
            objectStore.map(ObjectStoreSettings::toString).orElse("none"));
  }
}
