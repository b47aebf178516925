package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trino catalog files generated from the settings Spark uses, so the two engines cannot disagree on
 * the catalog name, the catalog database or the warehouse.
 */
public final class TrinoCatalogs {
  /**
   * The Trino catalog that shows the Iceberg lake, read-only whoever asks ({@code
   * iceberg.security=read_only}): what analysts, Superset and the notebooks query. Trino's
   * file-based access rules do not govern table procedures ({@code ALTER TABLE … EXECUTE optimize |
   * expire_snapshots | remove_orphan_files}); the read-only connector refuses them, as it refuses
   * every write and every {@code CALL}.
   */
  public static final String LAKE = "iceberg";

  /**
   * The same lake, writable: for the users that create what analysts read (the view owner's views,
   * the benchmark's tables). The access rules ({@link TrinoAccessRules}) keep everyone else out of
   * it and allow those two only their own schemas.
   */
  public static final String LAKE_WRITABLE = "iceberg_rw";

  /** The Trino catalog that shows the cafe's operational database. */
  public static final String OPERATIONAL = "postgresql";

  private TrinoCatalogs() {}

  /** File name (without {@code .properties}) to contents. */
  public static Map<String, String> generate(CatalogSettings lake, PostgresSettings cafe) {
    return generate(lake, cafe, Optional.empty());
  }

  /**
   * As {@link #generate(CatalogSettings, PostgresSettings)}, with Trino also able to read tables in
   * {@code objectStore} when the lake's warehouse is local (the local platform's store, which some
   * tests put their tables in); the lake's own store wins when it has one.
   */
  public static Map<String, String> generate(
      CatalogSettings lake, PostgresSettings cafe, Optional<ObjectStoreSettings> objectStore) {
    requireNonNull(lake, "lake is null");
    requireNonNull(cafe, "cafe is null");
    requireNonNull(objectStore, "objectStore is null");
    Map<String, String> catalogs = new LinkedHashMap<>();
    String writable =
        lake(lake) + lake.objectStore().or(() -> objectStore).map(TrinoCatalogs::s3).orElse("");
    catalogs.put(
        LAKE,
        writable
            + """
            # Analysts read the lake through this catalog: no write, procedure or table procedure.
            iceberg.security=read_only
            """);
    catalogs.put(LAKE_WRITABLE, writable);
    catalogs.put(
        OPERATIONAL,
        """
        connector.name=postgresql
        connection-url=%s
        connection-user=%s
        connection-password=%s
        """
            .formatted(cafe.jdbcUrl(), cafe.user(), cafe.password()));
    return catalogs;
  }

  private static String lake(CatalogSettings lake) {
    String common =
        """
        connector.name=iceberg
        iceberg.file-format=PARQUET
        # A local warehouse is read through Trino's native local file system (file:/// paths).
        fs.native-local.enabled=true
        local.location=/
        # Start reading the lake side of a join at once instead of waiting (default up to 1 s) for
        # the dynamic filter of its build side: the views join lake tables with PostgreSQL on
        # cat_id/visitor_id, which prunes no partition or file, so the wait only added latency
        # (a third of likes_by_coat_colour's). The filter still drops rows when it arrives.
        iceberg.dynamic-filtering.wait-timeout=0s
        """;
    if (lake.type() != CatalogType.JDBC) {
      throw new IllegalArgumentException(
          "Trino reads the lake through a JDBC catalog only, not " + lake.type().wireName());
    }
    return common
        + """
        iceberg.catalog.type=jdbc
        iceberg.jdbc-catalog.driver-class=org.postgresql.Driver
        iceberg.jdbc-catalog.connection-url=%s
        iceberg.jdbc-catalog.connection-user=%s
        iceberg.jdbc-catalog.connection-password=%s
        iceberg.jdbc-catalog.catalog-name=%s
        iceberg.jdbc-catalog.default-warehouse-dir=%s
        iceberg.jdbc-catalog.schema-version=V1
        """
            .formatted(lake.uri(), lake.user(), lake.password(), lake.name(), lake.warehouse());
  }

  /**
   * Trino's native S3 file system on the store, beside the local one (tables name their scheme).
   */
  private static String s3(ObjectStoreSettings store) {
    StringBuilder properties =
        new StringBuilder(
            """
            # Tables whose location is s3:// are read through Trino's native S3 file system.
            fs.native-s3.enabled=true
            s3.region=%s
            s3.path-style-access=%s
            """
                .formatted(store.region(), store.pathStyleAccess()));
    if (!store.endpoint().isEmpty()) {
      properties.append("s3.endpoint=").append(store.endpoint()).append('\n');
    }
    if (store.hasKeys()) {
      properties.append("s3.aws-access-key=").append(store.accessKeyId()).append('\n');
      properties.append("s3.aws-secret-key=").append(store.secretAccessKey()).append('\n');
    }
    return properties.toString();
  }
}
