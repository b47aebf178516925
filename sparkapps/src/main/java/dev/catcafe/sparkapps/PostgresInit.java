package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.PostgresBootstrap;
import dev.catcafe.model.config.PostgresRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's PostgreSQL bootstrap: the {@code postgresql-init} ConfigMap the image runs from
 * {@code /docker-entrypoint-initdb.d} once, on an empty data directory, as its superuser. It runs
 * the statements the local platform runs ({@link PostgresBootstrap}): every role, its password from
 * the variable the StatefulSet sets from the role's own Secret (psql's {@code \getenv}, so no
 * password is in the script or on a command line), the databases, the cafe's tables and the grants.
 * No workload gets the superuser's Secret; the StatefulSet's own manifest lists the roles' Secrets
 * (a test keeps it equal to {@link PostgresRole}).
 */
public final class PostgresInit {
  /** The ConfigMap the StatefulSet mounts on {@code /docker-entrypoint-initdb.d}. */
  public static final String CONFIG_MAP = "postgresql-init";

  /** The script's name in the ConfigMap (sourced by the entrypoint, as it is not executable). */
  public static final String SCRIPT = "10-roles.sh";

  /** The superuser's Secret (key {@value PostgresRole#SECRET_PASSWORD_KEY}): PostgreSQL's only. */
  public static final String SUPERUSER_SECRET = PostgresRole.SECRET_PREFIX + "superuser";

  private PostgresInit() {}

  public static Map<String, Object> configMap(ClusterProfile profile) {
    requireNonNull(profile, "profile is null");
    return Yaml.configMap(
        Yaml.metadata(CONFIG_MAP, profile.namespace(), "postgresql"), map(SCRIPT, script()));
  }

  /** The init script: one psql session on the server, then one in each database. */
  static String script() {
    StringBuilder text = new StringBuilder();
    text.append(
        "# Roles, databases, tables and grants (dev.catcafe.model.config.PostgresBootstrap).\n");
    text.append(
        "psql_as_superuser=(psql -v ON_ERROR_STOP=1 --no-password --username \"$POSTGRES_USER\")\n");
    List<String> server = new ArrayList<>();
    for (PostgresRole role : PostgresRole.values()) {
      server.add("\\getenv %s %s".formatted(psqlVariable(role), role.passwordVariable()));
    }
    PostgresBootstrap.createRoles().forEach(sql -> server.add(sql + ";"));
    for (PostgresRole role : PostgresRole.values()) {
      server.add(PostgresBootstrap.setPassword(role, ":'%s'".formatted(psqlVariable(role))) + ";");
    }
    for (Map.Entry<String, Optional<PostgresRole>> database :
        PostgresBootstrap.databases().entrySet()) {
      String owner = database.getValue().map(role -> " OWNER " + role.roleName()).orElse("");
      server.add(
          ("SELECT 'CREATE DATABASE %1$s%2$s' WHERE NOT EXISTS"
                  + " (SELECT FROM pg_database WHERE datname = '%1$s')\\gexec")
              .formatted(database.getKey(), owner));
    }
    session(text, "postgres", server);
    for (String database : PostgresBootstrap.databases().keySet()) {
      session(
          text,
          database,
          PostgresBootstrap.databaseStatements(database).stream().map(sql -> sql + ";").toList());
    }
    return text.toString();
  }

  private static void session(StringBuilder text, String database, List<String> lines) {
    text.append("\"${psql_as_superuser[@]}\" --dbname ").append(database).append(" <<'SQL'\n");
    lines.forEach(line -> text.append(line).append('\n'));
    text.append("SQL\n");
  }

  private static String psqlVariable(PostgresRole role) {
    return role.roleName().toLowerCase(Locale.ROOT) + "_password";
  }
}
