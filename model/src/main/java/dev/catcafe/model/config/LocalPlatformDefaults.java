package dev.catcafe.model.config;

/**
 * Where and as whom the local platform ({@code make run}) serves unless its environment says
 * otherwise: the launcher's defaults, and so the command lines' defaults when no {@code
 * platform.env} is sourced. Each port is declared here once; the launcher's variables ({@code
 * POSTGRES_PORT}, {@code KAFKA_PORT}, {@code TRINO_PORT}, {@code S3_PORT}) move them.
 */
public final class LocalPlatformDefaults {
  /** The loopback address: the platform serves this machine only unless told otherwise. */
  public static final String HOST = "127.0.0.1";

  public static final int POSTGRES_PORT = 5432;
  public static final int KAFKA_PORT = 9092;
  public static final int TRINO_PORT = 8080;
  public static final int S3_PORT = 9000;

  /** The platform's home below the project root: data, logs, secrets, the local warehouse. */
  public static final String HOME = ".work/platform";

  /** The local warehouse directory below {@link #HOME} ({@code LAKE_STORAGE=file}). */
  public static final String WAREHOUSE_DIRECTORY = "warehouse";

  /**
   * The owner of the cafe's tables and of the tests' own databases; not a superuser. Only the
   * platform's tools use it (the tests, the benchmarks, a shell that sources {@code platform.env}):
   * no component runs as it, each gets its own {@link PostgresRole}.
   */
  public static final String APP_ROLE = "cafe";

  public static final String KAFKA_BOOTSTRAP_SERVERS = HOST + ":" + KAFKA_PORT;

  /** The server's URL, to which a database's name is appended. */
  private static final String POSTGRES_URL =
      "jdbc:postgresql://" + HOST + ":" + POSTGRES_PORT + "/";

  public static final String CAFE_URL = POSTGRES_URL + PostgresBootstrap.CAFE_DATABASE;

  public static final String CATALOG_URL = POSTGRES_URL + PostgresBootstrap.CATALOG_DATABASE;

  public static final String TRINO_URL = "jdbc:trino://" + HOST + ":" + TRINO_PORT;

  private LocalPlatformDefaults() {}
}
