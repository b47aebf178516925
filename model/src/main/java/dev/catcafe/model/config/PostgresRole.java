package dev.catcafe.model.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The PostgreSQL roles of the lakehouse, one per component, each allowed only its job ({@link
 * PostgresBootstrap} holds the grants). No component connects as a superuser: the superuser only
 * creates these roles, the databases and the schema. The job catalog declares which role each
 * program runs as ({@code CatalogEntry#postgresRole}); the local launcher ({@code bin/run-job}) and
 * the cluster manifests both give a program that role's credentials and no other.
 */
public enum PostgresRole {
  /** Seeds the cafe (inserts cats and visitors, empties them on reset) and reads the roster. */
  SIMULATOR("cafe_simulator", PostgresBootstrap.CAFE_DATABASE, "simulator"),
  /** Reads cats and visitors, updates only a cat's status and adoption date, keeps its ledger. */
  ALERT_UI("cafe_alert_ui", PostgresBootstrap.CAFE_DATABASE, "alert-ui"),
  /** The Spark jobs that snapshot the profile tables into the lake: reads cats and visitors. */
  PROFILE_READER("cafe_profile_reader", PostgresBootstrap.CAFE_DATABASE, "profile-reader"),
  /** Trino's {@code postgresql} catalog: reads the operational tables. */
  TRINO("cafe_trino", PostgresBootstrap.CAFE_DATABASE, "trino"),
  /** Analysts and notebooks querying the operational tables directly: reads them. */
  ANALYST("cafe_analyst", PostgresBootstrap.CAFE_DATABASE, "analyst"),
  /** The Iceberg JDBC catalog: owns its tables in its own database, and nothing in the cafe's. */
  ICEBERG_CATALOG("cafe_iceberg", PostgresBootstrap.CATALOG_DATABASE, "iceberg-catalog"),
  /** Superset's metadata (cluster): owns its own database. */
  SUPERSET("cafe_superset", PostgresBootstrap.SUPERSET_DATABASE, "superset");

  /** The prefix of every role's Kubernetes Secret (key {@value #SECRET_PASSWORD_KEY}). */
  public static final String SECRET_PREFIX = "catcafe-postgres-";

  /** The key of the password in a role's Secret. */
  public static final String SECRET_PASSWORD_KEY = "password";

  private final String roleName;
  private final String database;
  private final String slug;

  PostgresRole(String roleName, String database, String slug) {
    this.roleName = roleName;
    this.database = database;
    this.slug = slug;
  }

  /** The role's name in PostgreSQL (a plain lower-case identifier, safe in SQL text). */
  public String roleName() {
    return roleName;
  }

  /** The database the role works in. */
  public String database() {
    return database;
  }

  /** The key of the role's generated password in the local platform's secrets file. */
  public String localSecretKey() {
    return "postgres.role." + roleName + ".password";
  }

  /** The Kubernetes Secret holding the role's password, read by the role's workloads only. */
  public String kubernetesSecret() {
    return SECRET_PREFIX + slug;
  }

  /**
   * The environment variable the cluster's PostgreSQL bootstrap reads the role's password from (set
   * from {@link #kubernetesSecret} in the PostgreSQL pod only).
   */
  public String passwordVariable() {
    return roleName.toUpperCase(Locale.ROOT) + "_PASSWORD";
  }

  /** The roles that work in {@code database}. */
  public static List<PostgresRole> of(String database) {
    return Arrays.stream(values()).filter(role -> role.database.equals(database)).toList();
  }

  /** The role named {@code roleName}. */
  public static PostgresRole named(String roleName) {
    return Arrays.stream(values())
        .filter(role -> role.roleName.equals(roleName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no PostgreSQL role " + roleName));
  }
}
