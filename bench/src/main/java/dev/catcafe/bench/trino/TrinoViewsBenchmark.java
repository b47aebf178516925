package dev.catcafe.bench.trino;

import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.CafeDatabase;
import dev.catcafe.bench.GeneratedLakeOptions;
import dev.catcafe.bench.Percentiles;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.trino.AnalyticsView;
import dev.catcafe.trino.TrinoViews;
import dev.catcafe.trino.ViewSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Benchmark (not a test): writes a month of lake data at the original's rates into a namespace of
 * its own, creates the analytics views over it, and reports p50/p95 latency of each view over
 * repeated runs ({@code SELECT *}, every row fetched over JDBC). Events name the cats and visitors
 * of the cafe database; while it has fewer than the original's 1,000 available cats, a synthetic
 * roster of 1,000 cats and visitors is added for the run and removed afterwards.
 *
 * <pre>
 * bin/run bench dev.catcafe.bench.trino.TrinoViewsBenchmark           # make bench-trino
 * </pre>
 */
@Command(
    name = "trino-views-benchmark",
    description = "p50/p95 latency of each analytics view on a month of data.")
public final class TrinoViewsBenchmark implements Callable<Integer> {
  private static final String SYNTHETIC_PREFIX = "bench-roster-";
  private static final int ORIGINAL_AVAILABLE_CATS = 1000;

  @Mixin private BenchmarkCommand command;
  @Mixin private GeneratedLakeOptions lake = new GeneratedLakeOptions("cafe_views_bench");
  @Mixin private SparkMasterOption sparkMaster;
  @Mixin private PostgresOptions postgresOptions;

  @Option(names = "--days", defaultValue = "30")
  private int days;

  @Option(names = "--runs", defaultValue = "20")
  private int runs;

  @Option(
      names = "--warmup-rounds",
      defaultValue = "3",
      description =
          "Rounds over every view before measuring: a Trino serving dashboards is warm, a freshly"
              + " started one spends its first queries in the JIT.")
  private int warmupRounds;

  public static void main(String[] args) {
    Commands.run(new TrinoViewsBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (days < 1 || runs < 2) {
      throw new IllegalArgumentException("--days must be at least 1 and --runs at least 2");
    }
    command.printMachine(System.out);
    onViewsOverGeneratedData(
        "trino-views-benchmark",
        lake,
        sparkMaster.master(),
        postgresOptions.settings(),
        LocalDate.parse("2026-01-01"),
        days,
        this::measure);
    return 0;
  }

  /** What a benchmark measures once its data and views are in place. */
  @FunctionalInterface
  interface Measurement {
    void measure(ViewSchemas schemas) throws Exception;
  }

  /**
   * The set-up both Trino benchmarks share ({@link DashboardLoadBenchmark} too): with the cafe's
   * roster (a synthetic one for the run while it is too small), writes {@code days} days of lake
   * data from {@code firstDay} unless {@code --skip-generate}, creates the analytics views over
   * them, runs {@code measurement}, and removes the synthetic roster again.
   */
  static void onViewsOverGeneratedData(
      String name,
      GeneratedLakeOptions lake,
      String master,
      PostgresSettings postgres,
      LocalDate firstDay,
      int days,
      Measurement measurement)
      throws Exception {
    CatalogSettings catalog = lake.catalog();
    ViewSchemas schemas = ViewSchemas.forNamespace("iceberg", lake.namespace());
    try (Connection cafe = CafeDatabase.open(postgres)) {
      boolean synthetic = ensureRoster(cafe);
      try {
        if (lake.generate()) {
          generate(
              name,
              master,
              catalog,
              firstDay,
              days,
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

  /** Writes {@code days} days of lake data from {@code firstDay}. */
  private static void generate(
      String name,
      String master,
      CatalogSettings catalog,
      LocalDate firstDay,
      int days,
      List<String> catIds,
      List<String> visitorIds) {
    SparkSession spark =
        SparkSessions.create(SessionSettings.lakeBatch(name, master, catalog).build());
    try {
      long started = System.nanoTime();
      String written =
          new MonthOfCafeData(spark, catalog, firstDay, days, catIds, visitorIds).writeAll();
      System.out.printf(
          "generated %s (%d available cats, %d visitors) in %.1f s%n",
          written, catIds.size(), visitorIds.size(), (System.nanoTime() - started) / 1e9);
    } finally {
      spark.stop();
    }
  }

  private void measure(ViewSchemas schemas) throws SQLException {
    try (Connection trino = lake.connectTrino("trino-views-benchmark")) {
      for (int round = 0; round < warmupRounds; round++) {
        for (AnalyticsView view : AnalyticsView.values()) {
          fetchAll(trino, "SELECT * FROM " + schemas.qualifiedView(view));
        }
      }
      System.out.printf("%-34s %6s %9s %9s %9s%n", "view", "rows", "p50 ms", "p95 ms", "max ms");
      boolean allUnderASecond = true;
      for (AnalyticsView view : AnalyticsView.values()) {
        String sql = "SELECT * FROM " + schemas.qualifiedView(view);
        long rows = fetchAll(trino, sql); // warm-up: plans, metadata and file caches
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
          long started = System.nanoTime();
          fetchAll(trino, sql);
          millis[run] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        double p95 = Percentiles.nearestRank(millis, 95);
        allUnderASecond &= p95 <= 1000;
        System.out.printf(
            "%-34s %6d %9.0f %9.0f %9.0f%n",
            view.viewName(),
            rows,
            Percentiles.nearestRank(millis, 50),
            p95,
            millis[millis.length - 1]);
      }
      System.out.println("every view p95 <= 1 s: " + allUnderASecond);
    }
  }

  private static long fetchAll(Connection trino, String sql) throws SQLException {
    long rows = 0;
    try (Statement statement = trino.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows++;
      }
    }
    return rows;
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
