package dev.catcafe.model.config;

/**
 * The cafe's operational PostgreSQL database.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database} ({@code POSTGRES_URL})
 * @param user the role to connect as ({@code POSTGRES_USER})
 * @param password its password, empty where the server trusts the client ({@code
 *     POSTGRES_PASSWORD})
 */
public record PostgresSettings(String jdbcUrl, String user, String password) {
  public static final String URL_SETTING = "POSTGRES_URL (--postgres-url)";
  public static final String USER_SETTING = "POSTGRES_USER (--postgres-user)";

  public PostgresSettings {
    jdbcUrl =
        Settings.requireMatching(
            jdbcUrl,
            URL_SETTING,
            "jdbc:postgresql://[^/]+/[A-Za-z0-9_\\-]+(\\?.*)?",
            "jdbc:postgresql://host:port/database");
    user = Settings.requireText(user, USER_SETTING);
    password = password == null ? "" : password;
  }

  /** The database name at the end of the URL. */
  public String database() {
    String afterHost = jdbcUrl.substring(jdbcUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
    int query = afterHost.indexOf('?');
    return query < 0 ? afterHost : afterHost.substring(0, query);
  }

  /** Keeps the password out of logs and exception messages. */
  @Override
  public String toString() {
    return "PostgresSettings[jdbcUrl=%s, user=%s, password=%s]"
        .formatted(jdbcUrl, user, password.isEmpty() ? "<none>" : "<redacted>");
  }
}
