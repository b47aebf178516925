package dev.catcafe.trino;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.TrinoCatalogs;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates or replaces the analytics views over trino-jdbc, idempotently: the schema is created if
 * missing and every view is {@code CREATE OR REPLACE}d from its SQL file. A view whose tables do
 * not exist yet (Trino checks them at creation) is reported with Trino's error; the others are
 * still created, and the exit status is 1.
 *
 * <pre>
 * bin/run trino dev.catcafe.trino.TrinoViews          # make trino-views
 * </pre>
 */
@Command(
    name = "trino-views",
    description = "Creates or replaces the cafe's analytics views in Trino.")
public final class TrinoViews implements Callable<Integer> {
  /** The {@code --trino-url} default: env {@code TRINO_URL}, else the local platform's Trino. */
  public static final String DEFAULT_TRINO_URL = "${env:TRINO_URL:-jdbc:trino://127.0.0.1:8080}";

  @Option(
      names = "--trino-url",
      defaultValue = DEFAULT_TRINO_URL,
      description = "Trino JDBC URL. Env TRINO_URL.")
  private String trinoUrl;

  @Option(
      names = "--trino-user",
      defaultValue = "${env:TRINO_USER:-catcafe}",
      description = "Env TRINO_USER.")
  private String trinoUser;

  @Option(
      names = "--lake-catalog",
      defaultValue = TrinoCatalogs.LAKE,
      description = "Trino's catalog of the lake.")
  private String lakeCatalog;

  @Option(
      names = "--namespace",
      defaultValue = "${env:LAKEHOUSE_NAMESPACE:-cafe}",
      description =
          "The lake namespace the views read; they live in <namespace>_analytics. Env"
              + " LAKEHOUSE_NAMESPACE.")
  private String namespace;

  public static void main(String[] args) {
    Commands.run(new TrinoViews(), args);
  }

  @Override
  public Integer call() throws SQLException {
    ViewSchemas schemas = ViewSchemas.forNamespace(lakeCatalog, namespace);
    if (!trinoUrl.startsWith("jdbc:trino://")) {
      throw new IllegalArgumentException(
          "TRINO_URL (--trino-url) is '%s': expected jdbc:trino://host:port".formatted(trinoUrl));
    }
    try (Connection trino = connect(trinoUrl, trinoUser)) {
      List<String> failures = createOrReplace(trino, schemas, System.out);
      if (!failures.isEmpty()) {
        System.err.println("views not created: " + String.join("; ", failures));
        return 1;
      }
      return 0;
    }
  }

  /**
   * Creates the analytics schema if missing and creates or replaces every view; returns one message
   * per view that failed (empty when all were created).
   */
  public static List<String> createOrReplace(Connection trino, ViewSchemas schemas, PrintStream log)
      throws SQLException {
    requireNonNull(trino, "trino is null");
    requireNonNull(schemas, "schemas is null");
    requireNonNull(log, "log is null");
    execute(trino, "CREATE SCHEMA IF NOT EXISTS " + schemas.analytics());
    List<String> failures = new ArrayList<>();
    for (AnalyticsView view : AnalyticsView.values()) {
      long started = System.nanoTime();
      try {
        execute(trino, schemas.createStatement(view));
        log.printf(
            "view %s created or replaced in %d ms%n",
            schemas.qualifiedView(view), (System.nanoTime() - started) / 1_000_000);
      } catch (SQLException e) {
        String failure = "%s: %s".formatted(schemas.qualifiedView(view), e.getMessage());
        log.println("view " + failure);
        failures.add(failure);
      }
    }
    return failures;
  }

  public static Connection connect(String url, String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", requireNonNull(user, "user is null"));
    return DriverManager.getConnection(requireNonNull(url, "url is null"), properties);
  }

  private static void execute(Connection trino, String sql) throws SQLException {
    try (Statement statement = trino.createStatement()) {
      statement.execute(sql);
    }
  }
}
