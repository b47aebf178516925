package dev.catcafe.bench.trino;

import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.Percentiles;
import dev.catcafe.bench.Stopwatch;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.trino.AnalyticsView;
import dev.catcafe.trino.ViewSchemas;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.Callable;
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
  @Mixin private BenchmarkCommand command;
  @Mixin private ViewsOverGeneratedData data = new ViewsOverGeneratedData("cafe_views_bench");

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
    if (data.days() < 1 || runs < 2) {
      throw new IllegalArgumentException("--days must be at least 1 and --runs at least 2");
    }
    command.printMachine(System.out);
    data.measure("trino-views-benchmark", LocalDate.parse("2026-01-01"), this::measure);
    return 0;
  }

  private void measure(ViewSchemas schemas) throws SQLException {
    try (Connection trino = data.lake().connectTrino("trino-views-benchmark")) {
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
          Stopwatch query = Stopwatch.start();
          fetchAll(trino, sql);
          millis[run] = query.millis();
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
}
