package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.LocalPlatformDefaults;
import dev.catcafe.model.config.PostgresBootstrap;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL from Debian's server binaries, run with {@code pg_ctl} on a data directory under the
 * platform's home. PostgreSQL refuses to run as root, so as root every server command runs as the
 * {@code postgres} user, which then must own the data directory and be able to reach it.
 */
final class PostgresServer {
  static final String ADMIN_ROLE = "catcafe_admin";
  private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

  private final PlatformConfig config;
  private final Secrets secrets;
  private final Path directory;

  PostgresServer(PlatformConfig config, Secrets secrets) {
    this.config = requireNonNull(config, "config is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
    this.directory = config.home().resolve("postgres");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The newest installed server's bin directory. */
  static Path binaries() {
    try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
          .max(
              Comparator.comparing(
                  bin ->
                      Integer.parseInt(
                          bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new PlatformException(
          "No PostgreSQL server found under %s: install it with 'make deps' (apt-get install postgresql)."
              .formatted(DEBIAN_BINARIES));
    }
  }

  private Path dataDirectory() {
    return directory.resolve("data");
  }

  private List<String> asServerUser(String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  boolean isRunning() {
    return Files.exists(dataDirectory().resolve("postmaster.pid"))
        && ShellCommands.succeeds(pgCtl("status"));
  }

  /** {@code pg_ctl <action> <options> -D <data>} as the server user. */
  private List<String> pgCtl(String action, String... options) {
    List<String> command = new ArrayList<>();
    command.add(binaries().resolve("pg_ctl").toString());
    command.add(action);
    command.addAll(List.of(options));
    command.addAll(List.of("-D", dataDirectory().toString()));
    return asServerUser(command.toArray(String[]::new));
  }

  /** Initializes the cluster on first use, starts it, and creates the roles and databases. */
  void start() {
    if (!isRunning()) {
      Ports.requireFree(config.postgresPort(), "PostgreSQL", "POSTGRES_PORT");
      if (!Files.exists(dataDirectory().resolve("PG_VERSION"))) {
        initialize();
      }
      Path log = config.logs().resolve("postgres.log");
      prepareForServerUser(log);
      ShellCommands.run(
          pgCtl(
              "start",
              "-w",
              "-t",
              "60",
              "-l",
              log.toString(),
              "-o",
              "-p %d -c listen_addresses=%s -k %s"
                  .formatted(
                      config.postgresPort(), config.bindHost(), directory.resolve("socket"))),
          90);
    }
    createRolesAndDatabases();
  }

  private void initialize() {
    try {
      Files.createDirectories(directory.resolve("socket"));
      Path passwordFile = directory.resolve("admin-password");
      Files.writeString(passwordFile, secrets.get("postgres.admin.password"));
      prepareForServerUser(directory);
      ShellCommands.run(
          asServerUser(
              binaries().resolve("initdb").toString(),
              "-D",
              dataDirectory().toString(),
              "-U",
              ADMIN_ROLE,
              "--pwfile=" + passwordFile,
              "--auth-host=scram-sha-256",
              "--auth-local=peer",
              "-E",
              "UTF8",
              "--locale=C.UTF-8"),
          120);
      Files.delete(passwordFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As root, hands {@code path} to the postgres user and checks that user can reach it. */
  private void prepareForServerUser(Path path) {
    try {
      if (path.getFileName().toString().endsWith(".log")) {
        Files.createDirectories(path.getParent());
        if (!Files.exists(path)) {
          Files.createFile(path);
        }
      }
      if (!isRoot()) {
        return;
      }
      ShellCommands.run(List.of("chown", "-R", "postgres:postgres", path.toString()), 60);
      if (!ShellCommands.succeeds(
          List.of("runuser", "-u", "postgres", "--", "test", "-w", path.toString()))) {
        throw new PlatformException(
            ("The postgres user cannot reach %s (a parent folder is closed to other users)."
                    + " Set CATCAFE_HOME to a folder under /var/tmp or /srv.")
                .formatted(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stop() {
    stop("fast");
  }

  /**
   * {@code pg_ctl stop -m immediate}: the server quits without a shutdown checkpoint, as a crash
   * would (fault-injection tests); {@link #start} brings it back, recovering from its WAL.
   */
  void stopImmediately() {
    stop("immediate");
  }

  private void stop(String mode) {
    if (isRunning()) {
      ShellCommands.run(pgCtl("stop", "-w", "-m", mode), 90);
    }
  }

  /**
   * {@code pg_ctl restart -m immediate}: the server quits without a shutdown checkpoint, as a crash
   * would, and starts again recovering from its WAL (fault-injection tests); open connections
   * break. (pg_ctl restarts with the options of the last start.)
   */
  void restartImmediately() {
    ShellCommands.run(
        pgCtl(
            "restart",
            "-w",
            "-t",
            "60",
            "-m",
            "immediate",
            "-l",
            config.logs().resolve("postgres.log").toString()),
        90);
  }

  String adminUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(config.postgresPort(), database);
  }

  String appPassword() {
    return secrets.get("postgres.app.password");
  }

  /** The credentials of {@code role}, in its own database; its password generated on first use. */
  PostgresSettings settings(PostgresRole role) {
    return new PostgresSettings(
        adminUrl(role.database()), role.roleName(), secrets.get(role.localSecretKey()));
  }

  private Connection admin() throws SQLException {
    return admin("postgres");
  }

  private Connection admin(String database) throws SQLException {
    return DriverManager.getConnection(
        adminUrl(database), ADMIN_ROLE, secrets.get("postgres.admin.password"));
  }

  /**
   * The superuser's one job, on every start (each statement keeps what exists, so a home from
   * before a role existed gets it): the owner role of the cafe's schema and of the tests'
   * databases, every component's role with its password from the secrets file, the databases, the
   * cafe's tables and each role's grants.
   */
  private void createRolesAndDatabases() {
    try (Connection connection = admin();
        Statement statement = connection.createStatement()) {
      if (!exists(
          connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", LocalPlatformDefaults.APP_ROLE)) {
        // DDL takes no bind parameters; the password is our own base64url text, so it is safe.
        statement.execute(
            "CREATE ROLE %s LOGIN PASSWORD '%s'"
                .formatted(LocalPlatformDefaults.APP_ROLE, appPassword()));
      }
      for (String sql : PostgresBootstrap.createRoles()) {
        statement.execute(sql);
      }
      for (PostgresRole role : PostgresRole.values()) {
        // The password is generated base64url text: nothing in it needs quoting.
        statement.execute(
            PostgresBootstrap.setPassword(role, "'" + secrets.get(role.localSecretKey()) + "'"));
      }
      for (var database : PostgresBootstrap.databases().entrySet()) {
        createDatabase(
            connection,
            database.getKey(),
            database.getValue().map(PostgresRole::roleName).orElse(LocalPlatformDefaults.APP_ROLE));
      }
    } catch (SQLException e) {
      throw new PlatformException("PostgreSQL setup failed: " + e.getMessage(), e);
    }
    for (String database : PostgresBootstrap.databases().keySet()) {
      try (Connection connection = admin(database);
          Statement statement = connection.createStatement()) {
        if (database.equals(PostgresBootstrap.CAFE_DATABASE)) {
          // The cafe's tables belong to the owner role, like the tests' own databases' do.
          statement.execute("SET ROLE " + LocalPlatformDefaults.APP_ROLE);
        }
        for (String sql : PostgresBootstrap.databaseStatements(database)) {
          statement.execute(sql);
        }
      } catch (SQLException e) {
        throw new PlatformException(
            "PostgreSQL setup of database %s failed: %s".formatted(database, e.getMessage()), e);
      }
    }
  }

  /** Creates an empty database owned by the owner role, if it does not exist. */
  void createDatabase(String database) {
    try (Connection connection = admin()) {
      createDatabase(connection, database, LocalPlatformDefaults.APP_ROLE);
    } catch (SQLException e) {
      throw new PlatformException(
          "could not create database " + database + ": " + e.getMessage(), e);
    }
  }

  private static void createDatabase(Connection connection, String database, String owner)
      throws SQLException {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "database name must be a lower-case identifier: " + database);
    }
    if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE %s OWNER %s".formatted(database, owner));
      }
    }
  }

  private static boolean exists(Connection connection, String sql, String value)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
