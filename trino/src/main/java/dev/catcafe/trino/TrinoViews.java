package dev.catcafe.trino;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.TrinoOptions;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.model.config.TrinoUser;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Creates or replaces the analytics views over trino-jdbc, idempotently: the schema is created if
 * missing and every view is {@code CREATE OR REPLACE}d from its SQL file. A view whose tables do
 * not exist yet (Trino checks them at creation) is reported with Trino's error; the others are
 * still created, and the exit status is 1.
 *
 * <p>It connects as {@link TrinoUser#VIEW_OWNER}, the one user that may create them. The views are
 * Trino's default {@code SECURITY DEFINER}: a query of a view reads its tables as the view's owner,
 * and the access rules let the owner grant that read ({@code GRANT_SELECT}), so the read-only
 * analyst reads every view.
 *
 * <pre>
 * bin/run trino dev.catcafe.trino.TrinoViews          # make trino-views
 * </pre>
 */
@Command(
    name = "trino-views",
    description = "Creates or replaces the cafe's analytics views in Trino.")
public final class TrinoViews implements Callable<Integer> {
  /** The view owner: owns the analytics schemas and the views, reads what they read. */
  @Mixin private TrinoOptions trino = new TrinoOptions(TrinoUser.VIEW_OWNER);

  @Option(
      names = "--lake-catalog",
      defaultValue = TrinoCatalogs.LAKE,
      description = "Trino's catalog of the lake, as analysts read it (the views read it too).")
  private String lakeCatalog;

  @Option(
      names = "--writable-lake-catalog",
      defaultValue = TrinoCatalogs.LAKE_WRITABLE,
      description = "Trino's writable catalog of the same lake, where the views are created.")
  private String writableLakeCatalog;

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
    try (Connection connection = trino.settings().connect()) {
      List<String> failures = createOrReplace(connection, schemas, writableLakeCatalog, System.out);
      if (!failures.isEmpty()) {
        System.err.println("views not created: " + String.join("; ", failures));
        return 1;
      }
      return 0;
    }
  }

  /**
   * As {@link #createOrReplace(Connection, ViewSchemas, String, PrintStream)} through the
   * platform's writable lake catalog ({@link TrinoCatalogs#LAKE_WRITABLE}).
   */
  public static List<String> createOrReplace(Connection trino, ViewSchemas schemas, PrintStream log)
      throws SQLException {
    return createOrReplace(trino, schemas, TrinoCatalogs.LAKE_WRITABLE, log);
  }

  /**
   * Creates the analytics schema if missing and creates or replaces every view, through {@code
   * writableCatalog}, the writable catalog of the lake that {@code schemas} name (analysts read the
   * views through the read-only one); returns one message per view that failed (empty when all were
   * created).
   */
  public static List<String> createOrReplace(
      Connection trino, ViewSchemas schemas, String writableCatalog, PrintStream log)
      throws SQLException {
    requireNonNull(trino, "trino is null");
    requireNonNull(log, "log is null");
    ViewSchemas created = requireNonNull(schemas, "schemas is null").withViewsIn(writableCatalog);
    execute(trino, "CREATE SCHEMA IF NOT EXISTS " + created.analytics());
    List<String> failures = new ArrayList<>();
    for (AnalyticsView view : AnalyticsView.values()) {
      long started = System.nanoTime();
      try {
        execute(trino, created.createStatement(view));
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

  private static void execute(Connection trino, String sql) throws SQLException {
    try (Statement statement = trino.createStatement()) {
      statement.execute(sql);
    }
  }
}
