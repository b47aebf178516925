package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.OperationalSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the PostgreSQL superuser does, and all it is for: creates the {@link PostgresRole}s, the
 * databases, the cafe's tables, and grants each role its job. Every statement can run again on a
 * bootstrapped server (a role or grant that exists is kept), so the local platform runs it on every
 * start and a home from before a role existed gets it. The cluster runs the same statements from
 * PostgreSQL's init script ({@code sparkapps}).
 */
public final class PostgresBootstrap {
  /** The cafe's operational database (cats, visitors, the UI's adoption ledger). */
  public static final String CAFE_DATABASE = "cafe";

  /** The Iceberg JDBC catalog's database, owned by {@link PostgresRole#ICEBERG_CATALOG}. */
  public static final String CATALOG_DATABASE = "iceberg_catalog";

  /**
   * Superset's metadata database (the cluster's Superset), owned by {@link PostgresRole#SUPERSET}.
   */
  public static final String SUPERSET_DATABASE = "superset";

  private static final String CATS = OperationalSchema.CATS_TABLE;
  private static final String VISITORS = OperationalSchema.VISITORS_TABLE;
  private static final String DECISIONS = OperationalSchema.ADOPTION_DECISIONS_TABLE;

  private PostgresBootstrap() {}

  /**
   * Creates each missing role, then makes sure none may log in as more than itself (no superuser,
   * no database or role creation). Passwords come after, from {@link #setPassword}.
   */
  public static List<String> createRoles() {
    List<String> statements = new ArrayList<>();
    for (PostgresRole role : PostgresRole.values()) {
      statements.add(
          ("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s')"
                  + " THEN CREATE ROLE %1$s LOGIN; END IF; END $$")
              .formatted(role.roleName()));
      statements.add(
          "ALTER ROLE %s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
              .formatted(role.roleName()));
    }
    return statements;
  }

  /**
   * Sets {@code role}'s password to {@code passwordSql}: a quoted literal the caller built from a
   * generated password, or a psql variable ({@code :'NAME'}) in the cluster's init script.
   */
  public static String setPassword(PostgresRole role, String passwordSql) {
    requireNonNull(role, "role is null");
    requireNonNull(passwordSql, "passwordSql is null");
    return "ALTER ROLE %s PASSWORD %s".formatted(role.roleName(), passwordSql);
  }

  /**
   * Every database, with the role that owns it; empty for the cafe's, which the bootstrap's own
   * role owns (so no component may alter its tables).
   */
  public static Map<String, Optional<PostgresRole>> databases() {
    Map<String, Optional<PostgresRole>> databases = new LinkedHashMap<>();
    databases.put(CAFE_DATABASE, Optional.empty());
    databases.put(CATALOG_DATABASE, Optional.of(PostgresRole.ICEBERG_CATALOG));
    databases.put(SUPERSET_DATABASE, Optional.of(PostgresRole.SUPERSET));
    return databases;
  }

  /**
   * What runs connected to {@code database} after it exists: in the cafe's, its tables and the
   * grants of the roles that work there; in the catalog's and Superset's, their owner's rights over
   * every table (a catalog created before its role existed is handed over). Nobody else connects.
   */
  public static List<String> databaseStatements(String database) {
    requireNonNull(database, "database is null");
    List<String> statements = new ArrayList<>();
    statements.add("REVOKE ALL ON DATABASE %s FROM PUBLIC".formatted(database));
    if (database.equals(CAFE_DATABASE)) {
      statements.add("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      statements.addAll(OperationalSchema.ddl());
      String roles = names(PostgresRole.of(CAFE_DATABASE));
      statements.add("GRANT CONNECT ON DATABASE %s TO %s".formatted(database, roles));
      statements.add("GRANT USAGE ON SCHEMA public TO " + roles);
      statements.addAll(cafeGrants());
      return statements;
    }
    PostgresRole owner =
        Optional.ofNullable(databases().get(database))
            .flatMap(role -> role)
            .orElseThrow(() -> new IllegalArgumentException("unknown database " + database));
    statements.add("ALTER DATABASE %s OWNER TO %s".formatted(database, owner.roleName()));
    statements.add(
        ("DO $$ DECLARE t record; BEGIN FOR t IN SELECT tablename FROM pg_tables"
                + " WHERE schemaname = 'public' AND tableowner <> '%1$s'"
                + " LOOP EXECUTE format('ALTER TABLE public.%%I OWNER TO %1$s', t.tablename);"
                + " END LOOP; END $$")
            .formatted(owner.roleName()));
    return statements;
  }

  /** Each cafe role's rights on the cafe's tables: exactly what its component does. */
  static List<String> cafeGrants() {
    String simulator = PostgresRole.SIMULATOR.roleName();
    String ui = PostgresRole.ALERT_UI.roleName();
    return List.of(
        // Seeding inserts the profiles; --reset empties the tables (and the ledger of the old
        // cafe's adoptions) first. The producer reads the roster.
        "GRANT SELECT, INSERT, DELETE ON %s, %s TO %s".formatted(CATS, VISITORS, simulator),
        "GRANT DELETE ON %s TO %s".formatted(DECISIONS, simulator),
        // The UI reads cats and visitors, adopts a cat (its status and date, nothing else) and
        // keeps its ledger of decisions (an insert, then its status).
        "GRANT SELECT ON %s, %s, %s TO %s".formatted(CATS, VISITORS, DECISIONS, ui),
        "GRANT UPDATE (status, adopted_date) ON %s TO %s".formatted(CATS, ui),
        "GRANT INSERT, UPDATE (status) ON %s TO %s".formatted(DECISIONS, ui),
        "GRANT SELECT ON %s, %s TO %s"
            .formatted(CATS, VISITORS, PostgresRole.PROFILE_READER.roleName()),
        "GRANT SELECT ON %s, %s, %s TO %s, %s"
            .formatted(
                CATS,
                VISITORS,
                DECISIONS,
                PostgresRole.TRINO.roleName(),
                PostgresRole.ANALYST.roleName()));
  }

  private static String names(List<PostgresRole> roles) {
    return roles.stream().map(PostgresRole::roleName).collect(Collectors.joining(", "));
  }
}
