package dev.catcafe.bench.trino;

import static java.util.Objects.requireNonNull;

import dev.catcafe.bench.CafeDatabase;
import dev.catcafe.bench.GeneratedLakeOptions;
import dev.catcafe.bench.Stopwatch;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.trino.TrinoViews;
import dev.catcafe.trino.ViewSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The data set both Trino benchmarks measure on ({@link TrinoViewsBenchmark} and {@link
 * DashboardLoadBenchmark}), with the options that say where it goes (a picocli mixin): a number of
 * days of lake data, generated with Spark into a namespace of the benchmark's own, and the
 * analytics views over it. Events name the cats and visitors of the cafe database; while it has
 * fewer than the original's 1,000 available cats, a synthetic roster of 1,000 cats and visitors is
 * added for the run and removed afterwards.
 */
final class ViewsOverGeneratedData {
  private static final String SYNTHETIC_PREFIX = "bench-roster-";
  private static final int ORIGINAL_AVAILABLE_CATS = 1000;

  @Mixin private GeneratedLakeOptions lake;
  @Mixin private SparkMasterOption sparkMaster;
  @Mixin private PostgresOptions postgresOptions;

  @Option(names = "--days", defaultValue = "30")
  private int days;

  /** What a benchmark measures once its data and views are in place. */
  @FunctionalInterface
  interface Measurement {
    void measure(ViewSchemas schemas) throws Exception;
  }

  /** Options whose {@code --bench-namespace} defaults to {@code defaultNamespace}. */
  ViewsOverGeneratedData(String defaultNamespace) {
    this.lake = new GeneratedLakeOptions(defaultNamespace);
  }

  /** The generated lake: its namespace, and how the benchmark reaches Trino. */
  GeneratedLakeOptions lake() {
    return lake;
  }

  /** How many days of data ({@code --days}). */
  int days() {
    return days;
  }

  /**
   * With the cafe's roster (a synthetic one for the run while it is too small), writes {@link
   * #days()} days of lake data from {@code firstDay} unless {@code --skip-generate}, creates the
   * analytics views over them, runs {@code measurement}, and removes the synthetic roster again;
   * {@code name} names the benchmark to Spark and Trino.
   */
  void measure(String name, LocalDate firstDay, Measurement measurement) throws Exception {
    requireNonNull(name, "name is null");
    requireNonNull(firstDay, "firstDay is null");
    requireNonNull(measurement, "measurement is null");
    CatalogSettings catalog = lake.catalog();
    ViewSchemas schemas = ViewSchemas.forNamespace(TrinoCatalogs.LAKE, lake.namespace());
    try (Connection cafe = CafeDatabase.open(postgresOptions.settings())) {
      boolean synthetic = ensureRoster(cafe);
      try {
        if (lake.generate()) {
          generate(
              name,
              catalog,
              firstDay,
              CafeDatabase.ids(cafe, "SELECT cat_id FROM cats WHERE status = 'available'"),
              CafeDatabase.ids(cafe, "SELECT visitor_id FROM visitors"));
        }
        try (Connection trino = lake.connectTrino(name)) {
          List<String> failures = TrinoViews.createOrReplace(trino, schemas, System.out);
          if (!failures.isEmpty()) {
            throw new IllegalStateException("views not created: " + failures);
          }
        }
        measurement.measure(schemas);
      } finally {
        if (synthetic) {
          removeSyntheticRoster(cafe);
        }
      }
    }
  }

  /** Writes {@link #days()} days of lake data from {@code firstDay}. */
  private void generate(
      String name,
      CatalogSettings catalog,
      LocalDate firstDay,
      List<String> catIds,
      List<String> visitorIds) {
    SparkSession spark =
        SparkSessions.create(
            SessionSettings.lakeBatch(name, sparkMaster.master(), catalog).build());
    try {
      Stopwatch generation = Stopwatch.start();
      String written =
          new MonthOfCafeData(spark, catalog, firstDay, days, catIds, visitorIds).writeAll();
      System.out.printf(
          "generated %s (%d available cats, %d visitors) in %.1f s%n",
          written, catIds.size(), visitorIds.size(), generation.seconds());
    } finally {
      spark.stop();
    }
  }

  /** Inserts a synthetic roster if the cafe has too few cats; returns whether it did. */
  private static boolean ensureRoster(Connection cafe) throws SQLException {
    int available =
        CafeDatabase.ids(cafe, "SELECT cat_id FROM cats WHERE status = 'available'").size();
    if (available >= ORIGINAL_AVAILABLE_CATS) {
      return false;
    }
    System.out.printf(
        "the cafe database has %d available cats (the original has %d): adding a synthetic"
            + " roster for the run%n",
        available, ORIGINAL_AVAILABLE_CATS);
    List<String> colours = List.of("tabby", "calico", "black", "orange", "gray", "white");
    List<String> archetypes = List.of("social_kitten", "sleepy_senior", "shy", "standard");
    List<String> personas = List.of("potential_adopter", "casual_visitor", "family", "cat_lover");
    try (PreparedStatement cats =
            cafe.prepareStatement(
                "INSERT INTO cats VALUES (?, ?, ?, 'short', ?, ?, 'available',"
                    + " TIMESTAMP '2025-06-01', NULL, NULL) ON CONFLICT DO NOTHING");
        PreparedStatement visitors =
            cafe.prepareStatement(
                "INSERT INTO visitors VALUES (?, ?, ?, TIMESTAMP '2025-06-01')"
                    + " ON CONFLICT DO NOTHING")) {
      for (int i = 0; i < ORIGINAL_AVAILABLE_CATS; i++) {
        cats.setString(1, SYNTHETIC_PREFIX + "cat-" + i);
        cats.setString(2, "Cat " + i);
        cats.setString(3, colours.get(i % colours.size()));
        cats.setInt(4, i % 240);
        cats.setString(5, archetypes.get(i % archetypes.size()));
        cats.addBatch();
        visitors.setString(1, SYNTHETIC_PREFIX + "visitor-" + i);
        visitors.setString(2, "Visitor " + i);
        visitors.setString(3, personas.get(i % personas.size()));
        visitors.addBatch();
      }
      cats.executeBatch();
      visitors.executeBatch();
    }
    return true;
  }

  private static void removeSyntheticRoster(Connection cafe) throws SQLException {
    try (Statement statement = cafe.createStatement()) {
      statement.execute("DELETE FROM cats WHERE cat_id LIKE '%s%%'".formatted(SYNTHETIC_PREFIX));
      statement.execute(
          "DELETE FROM visitors WHERE visitor_id LIKE '%s%%'".formatted(SYNTHETIC_PREFIX));
    }
  }
}
