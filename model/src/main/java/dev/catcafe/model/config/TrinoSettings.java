package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * How a client reaches Trino: the one place that turns the platform's settings into a Trino JDBC
 * connection (URL, user, password, and the certificate to trust).
 *
 * @param jdbcUrl {@code jdbc:trino://host:port[/catalog[/schema]]} ({@code TRINO_URL})
 * @param user the Trino user ({@link TrinoUser#userVariable()})
 * @param password its password ({@link TrinoUser#passwordVariable()}); empty only against a Trino
 *     without authentication (Trino takes a password over HTTPS only)
 * @param trustStore a PEM file of the certificate(s) to trust for HTTPS ({@code TRINO_TRUSTSTORE});
 *     empty for the JVM's default trust (a certificate a public CA signed)
 */
public record TrinoSettings(String jdbcUrl, String user, String password, String trustStore) {
  public static final String URL_VARIABLE = "TRINO_URL";
  public static final String TRUSTSTORE_VARIABLE = "TRINO_TRUSTSTORE";
  public static final String URL_SETTING = "TRINO_URL (--trino-url)";

  public TrinoSettings {
    jdbcUrl =
        Settings.requireMatching(
            jdbcUrl, URL_SETTING, "jdbc:trino://[^/]+(/.*)?", "jdbc:trino://host:port");
    user = Settings.requireText(user, "the Trino user");
    password = password == null ? "" : password;
    trustStore = trustStore == null ? "" : trustStore.strip();
  }

  /**
   * The settings of {@code user} from {@code env}: {@code TRINO_URL}, {@code TRINO_TRUSTSTORE} and
   * the user's own variables (its name defaults to {@link TrinoUser#userName()}).
   */
  public static TrinoSettings fromEnvironment(Map<String, String> env, TrinoUser user) {
    requireNonNull(env, "env is null");
    requireNonNull(user, "user is null");
    return new TrinoSettings(
        env.get(URL_VARIABLE),
        env.getOrDefault(user.userVariable(), user.userName()),
        env.getOrDefault(user.passwordVariable(), ""),
        env.getOrDefault(TRUSTSTORE_VARIABLE, ""));
  }

  /** These settings with the URL {@code jdbcUrl} (e.g. one that names a catalog and schema). */
  public TrinoSettings withJdbcUrl(String jdbcUrl) {
    return new TrinoSettings(jdbcUrl, user, password, trustStore);
  }

  /** The server's address, {@code https://host:port} (or {@code http://} without a password). */
  public URI serverUri() {
    URI parsed = URI.create(jdbcUrl.substring("jdbc:".length()));
    return URI.create(
        "%s://%s:%d".formatted(usesTls() ? "https" : "http", parsed.getHost(), parsed.getPort()));
  }

  /** Whether the connection is HTTPS: always when there is a password, which Trino requires. */
  public boolean usesTls() {
    return !password.isEmpty() || !trustStore.isEmpty();
  }

  /** The driver's connection properties: user, password and TLS trust. */
  public Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    if (usesTls()) {
      properties.setProperty("SSL", "true");
    }
    if (!trustStore.isEmpty()) {
      properties.setProperty("SSLTrustStorePath", trustStore);
    }
    return properties;
  }

  /** A new connection (the Trino JDBC driver must be on the class path). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, connectionProperties());
  }

  /** Keeps the password out of logs and exception messages. */
  @Override
  public String toString() {
    return "TrinoSettings[jdbcUrl=%s, user=%s, password=%s, trustStore=%s]"
        .formatted(jdbcUrl, user, password.isEmpty() ? "<none>" : "<redacted>", trustStore);
  }
}
