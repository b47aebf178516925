package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A single-node Trino (coordinator that also works) from the Maven Central tarball, with two
 * catalogs generated from the same settings Spark uses: {@code iceberg} (the lake) and {@code
 * postgresql} (the cafe database). Clients authenticate with a password over HTTPS only (the port
 * serves no plain HTTP: Trino takes passwords over TLS only, and the node's own requests go over
 * the same TLS port, signed with a shared secret); {@link TrinoSecurity} writes the certificate,
 * the password file and the access rules.
 */
final class TrinoServer {
  // A scan the scheduler must place on a node serving the catalog: "No nodes available" until the
  // node manager has seen this node announce its catalogs (SELECT 1, or a system table, runs
  // earlier on the coordinator alone).
  private static final String READINESS_SCAN =
      "SELECT count(*) FROM TABLE(%s.system.query(query => 'SELECT 1'))"
          .formatted(TrinoCatalogs.OPERATIONAL);

  private final PlatformConfig config;
  private final ServiceProcess process;
  private final TrinoSecurity security;

  TrinoServer(PlatformConfig config, Secrets secrets) {
    this.config = requireNonNull(config, "config is null");
    this.process = new ServiceProcess("trino", "Trino", config);
    this.security = new TrinoSecurity(process.directory().resolve("etc"), secrets);
  }

  String jdbcUrl() {
    return "jdbc:trino://127.0.0.1:" + config.trinoPort();
  }

  /** The PEM certificate clients trust ({@code TRINO_TRUSTSTORE}). */
  Path certificate() {
    return security.certificate();
  }

  /** How {@code user} connects: URL, its password from the secrets file, the certificate. */
  TrinoSettings settings(TrinoUser user) {
    return new TrinoSettings(
        jdbcUrl(), user.userName(), security.password(user), certificate().toString());
  }

  boolean isRunning() {
    return process.isRunning();
  }

  /**
   * Starts Trino with its catalogs on {@code lake} and {@code cafe}; its lake catalog also reads
   * tables in {@code objectStore} (the platform's store), whatever the lake's warehouse.
   */
  void start(
      CatalogSettings lake, PostgresSettings cafe, ObjectStoreSettings objectStore, Path javaHome) {
    if (isRunning()) {
      return;
    }
    ServiceProcess.requireBuilt(config.trinoDistribution().resolve("lib"), "Trino server");
    Ports.requireFree(config.trinoPort(), "Trino", "TRINO_PORT");
    writeConfiguration(lake, cafe, objectStore);
    Path directory = process.directory();
    process.start(
        List.of(
            javaHome.resolve("bin/java").toString(),
            "-Xmx" + config.trinoHeap(),
            "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djdk.attach.allowAttachSelf=true",
            "-XX:+EnableDynamicAgentLoading",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            process.marker(),
            "-Dnode.environment=catcafe",
            "-Dnode.id=catcafe-local",
            "-Dnode.data-dir=" + directory.resolve("data"),
            "-Dnode.internal-address=127.0.0.1",
            // Airlift's HTTP server listens on every interface unless told (CATCAFE_BIND_HOST).
            "-Dnode.bind-ip=" + config.bindHost(),
            "-Dconfig=" + directory.resolve("etc/config.properties"),
            "-Dlog.levels-file=" + directory.resolve("etc/log.properties"),
            "-cp",
            config.trinoDistribution().resolve("lib") + "/*",
            "io.trino.server.TrinoServer"));
  }

  /**
   * Waits until the server can run a query that reads a table. {@code /v1/info} reports {@code
   * "starting":false}, and even {@code SELECT 1} or {@code system.runtime.nodes} answer, before the
   * node manager knows which node serves a catalog, so a table scan sent right then fails with "No
   * nodes available": readiness is a scan of the operational catalog that returns its row.
   */
  void awaitReady(Duration timeout) {
    process.awaitReady(timeout, Duration.ofMillis(500), this::readinessScan);
  }

  /**
   * Runs the readiness scan through the Trino JDBC driver.
   *
   * @return empty when the query returned its row
   */
  private Optional<String> readinessScan() throws SQLException {
    try (Connection connection = settings(TrinoUser.PLATFORM).connect();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(10);
      try (ResultSet result = statement.executeQuery(READINESS_SCAN)) {
        return result.next() && result.getLong(1) > 0
            ? Optional.empty()
            : Optional.of("no row yet");
      }
    }
  }

  boolean stop() {
    return process.stop(Duration.ofSeconds(30));
  }

  private void writeConfiguration(
      CatalogSettings lake, PostgresSettings cafe, ObjectStoreSettings objectStore) {
    try {
      Path directory = process.directory();
      Path etc = directory.resolve("etc");
      Files.createDirectories(etc.resolve("catalog"));
      Files.createDirectories(directory.resolve("data"));
      security.writeFiles();
      // Owner-only: it holds the keystore's password and the internal secret.
      AtomicFiles.replace(
          etc.resolve("config.properties"),
          """
          # Written by the local platform on every start.
          coordinator=true
          node-scheduler.include-coordinator=true
          http-server.http.enabled=false
          http-server.https.enabled=true
          http-server.https.port=%1$d
          http-server.https.keystore.path=%2$s
          http-server.https.keystore.key=%3$s
          http-server.authentication.type=PASSWORD
          password-authenticator.config-files=%4$s
          access-control.config-files=%5$s
          internal-communication.shared-secret=%6$s
          internal-communication.https.required=true
          internal-communication.https.keystore.path=%2$s
          internal-communication.https.keystore.key=%3$s
          internal-communication.https.truststore.path=%2$s
          internal-communication.https.truststore.key=%3$s
          discovery.uri=https://127.0.0.1:%1$d
          plugin.dir=%7$s
          catalog.config-dir=%8$s
          query.max-memory=1GB
          query.max-memory-per-node=1GB
          """
              .formatted(
                  config.trinoPort(),
                  security.keyStore(),
                  security.keyStorePassword(),
                  etc.resolve("password-authenticator.properties"),
                  etc.resolve("access-control.properties"),
                  security.sharedSecret(),
                  config.trinoDistribution().resolve("plugin"),
                  etc.resolve("catalog")),
          true);
      Files.writeString(
          etc.resolve("log.properties"), "io.trino=WARN\nio.trino.server.Server=INFO\n");
      for (Map.Entry<String, String> catalog :
          TrinoCatalogs.generate(lake, cafe, Optional.of(objectStore)).entrySet()) {
        Path file = etc.resolve("catalog").resolve(catalog.getKey() + ".properties");
        Files.writeString(file, catalog.getValue());
        // The files carry passwords: owner-only.
        Files.setPosixFilePermissions(
            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
