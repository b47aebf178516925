package dev.catcafe.simulator;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to the operational database with the settings every simulator tool uses. */
public final class Databases {
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private Databases() {}

  public static Connection connect(PostgresSettings settings) throws SQLException {
    requireNonNull(settings, "settings is null");
    Properties properties = new Properties();
    properties.setProperty("user", settings.user());
    if (!settings.password().isEmpty()) {
      properties.setProperty("password", settings.password());
    }
    // A dead host should fail in seconds, not after the driver's default of minutes.
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    // Turns a JDBC batch of single-row INSERTs into multi-row INSERTs: ~10x faster seeding.
    properties.setProperty("reWriteBatchedInserts", "true");
    properties.setProperty("ApplicationName", "catcafe-simulator");
    try {
      return DriverManager.getConnection(settings.jdbcUrl(), properties);
    } catch (SQLException e) {
      throw new SQLException(
          "cannot connect to PostgreSQL at %s as %s: %s"
              .formatted(settings.jdbcUrl(), settings.user(), e.getMessage()),
          e.getSQLState(),
          e);
    }
  }
}
