package dev.catcafe.bench;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.TrinoOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a benchmark that generates lake tables in a namespace of its own and queries them
 * through Trino: the lake's catalog, where Trino listens, the namespace (each benchmark its own
 * default) and whether to reuse the tables of a previous run.
 */
public final class GeneratedLakeOptions {
  @Mixin private CatalogOptions catalog;

  /** The benchmarks' own Trino user: writes the bench namespaces only. */
  @Mixin private TrinoOptions trino = new TrinoOptions(TrinoUser.BENCH);

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

  /** How the benchmark reaches Trino (as {@link TrinoUser#BENCH}). */
  public TrinoSettings trino() {
    return trino.settings();
  }

  /**
   * A Trino connection as {@link TrinoUser#BENCH}; {@code source} names the benchmark in Trino's
   * query list.
   */
  public Connection connectTrino(String source) throws SQLException {
    TrinoSettings settings = trino.settings();
    Properties properties = settings.connectionProperties();
    properties.setProperty("source", source);
    return DriverManager.getConnection(settings.jdbcUrl(), properties);
  }
}
