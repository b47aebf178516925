package dev.catcafe.bench;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.trino.TrinoViews;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a benchmark that generates lake tables in a namespace of its own and queries them
 * through Trino: the lake's catalog, where Trino listens, the namespace (each benchmark its own
 * default) and whether to reuse the tables of a previous run.
 */
public final class GeneratedLakeOptions {
  @Mixin private CatalogOptions catalog;

  @Option(
      names = "--trino-url",
      defaultValue = TrinoViews.DEFAULT_TRINO_URL,
      description = "Trino JDBC URL. Env TRINO_URL.")
  private String trinoUrl;

  // No defaultValue: picocli takes the field's initial value, the benchmark's own namespace.
  @Option(
      names = "--bench-namespace",
      description = "Namespace of the generated tables (dropped and rewritten).")
  private String namespace;

  @Option(names = "--skip-generate", description = "Reuse the tables of a previous run.")
  private boolean skipGenerate;

  /** Options whose {@code --bench-namespace} defaults to {@code defaultNamespace}. */
  public GeneratedLakeOptions(String defaultNamespace) {
    this.namespace = requireNonNull(defaultNamespace, "defaultNamespace is null");
  }

  /** The lake's catalog with the benchmark's namespace instead of the cafe's. */
  public CatalogSettings catalog() {
    return catalog.settings().withNamespace(namespace);
  }

  public String namespace() {
    return namespace;
  }

  /** Whether to write the tables (false with {@code --skip-generate}). */
  public boolean generate() {
    return !skipGenerate;
  }

  /** Trino's JDBC URL ({@code jdbc:trino://host:port}). */
  public String trinoUrl() {
    return trinoUrl;
  }

  /** A Trino connection as {@code user}, the benchmark's name in Trino's query list. */
  public Connection connectTrino(String user) throws SQLException {
    return TrinoViews.connect(trinoUrl, user);
  }
}
