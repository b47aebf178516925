package dev.catcafe.bench.batch;

import dev.catcafe.batch.summary.DailyCatSummaryJob;
import dev.catcafe.batch.summary.DailyCatSummaryResult;
import dev.catcafe.batch.summary.DaySelection;
import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.GeneratedLakeOptions;
import dev.catcafe.bench.Stopwatch;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Benchmark (not a test): writes one synthetic day at the original's rate (≈86.4 million wellness
 * readings, ≈250 thousand interactions) into raw tables of the ingestion's layout in a namespace of
 * its own, then times {@code DailyCatSummaryJob} for that day and, side by side, the same
 * aggregation as a Trino {@code CREATE TABLE AS} over JDBC. Prints input rows per second for each,
 * the ratio, whether the two results agree, and the machine.
 *
 * <pre>
 * bin/run bench dev.catcafe.bench.batch.BatchBenchmark                     # make bench-batch
 * bin/run bench dev.catcafe.bench.batch.BatchBenchmark --rows 8640000      # a tenth of a day
 * </pre>
 */
@Command(
    name = "batch-benchmark",
    description = "Times DailyCatSummaryJob against a Trino CTAS on one synthetic day.")
public final class BatchBenchmark implements Callable<Integer> {
  /** A day of the original's wellness stream: 1,000 available cats, one reading per second. */
  public static final long ORIGINAL_WELLNESS_ROWS_PER_DAY = 86_400_000L;

  private static final String TRINO_TARGET = "daily_cat_summary_trino";

  @Mixin private BenchmarkCommand command;
  @Mixin private GeneratedLakeOptions lake = new GeneratedLakeOptions("cafe_bench");
  @Mixin private SparkMasterOption sparkMaster;

  @Option(
      names = "--rows",
      defaultValue = "" + ORIGINAL_WELLNESS_ROWS_PER_DAY,
      description = "Wellness rows in the day; the default is the original's rate.")
  private long wellnessRows;

  @Option(names = "--cats", defaultValue = "1000")
  private int cats;

  @Option(names = "--day", defaultValue = "2026-01-15", description = "The synthetic day.")
  private LocalDate day;

  @Option(
      names = "--runs",
      defaultValue = "2",
      description = "Timed runs of each engine; the fastest counts (the first warms up).")
  private int runs;

  public static void main(String[] args) {
    Commands.run(new BatchBenchmark(), args);
  }

  @Override
  public Integer call() throws SQLException {
    if (wellnessRows < 1000 || runs < 1) {
      throw new IllegalArgumentException("--rows must be at least 1000 and --runs at least 1");
    }
    CatalogSettings catalog = lake.catalog();
    String benchNamespace = lake.namespace();
    long interactionRows = SyntheticDay.interactionRowsFor(wellnessRows);
    command.printMachine(System.out);
    System.out.printf(
        "input: %,d wellness + %,d interaction rows for %s (%.1f%% of the original's day), %d cats%n",
        wellnessRows,
        interactionRows,
        day,
        100.0 * wellnessRows / ORIGINAL_WELLNESS_ROWS_PER_DAY,
        cats);

    SparkSession spark =
        SparkSessions.create(
            SessionSettings.lakeBatch("batch-benchmark", sparkMaster.master(), catalog).build());
    try (Connection trino = lake.connectTrino("batch-benchmark")) {
      if (lake.generate()) {
        Stopwatch generation = Stopwatch.start();
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
        SyntheticDay synthetic = new SyntheticDay(spark, catalog, day, cats);
        synthetic.writeProfiles();
        synthetic.writeWellness(wellnessRows);
        synthetic.writeInteractions(interactionRows);
        System.out.printf("generated in %.1f s%n", generation.seconds());
      }
      long inputRows = wellnessRows + interactionRows;

      List<Double> sparkSeconds = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        DailyCatSummaryResult result =
            DailyCatSummaryJob.run(spark, catalog, DaySelection.day(day));
        double elapsed = result.duration().toNanos() / 1e9;
        sparkSeconds.add(elapsed);
        System.out.printf(
            "spark run %d: %.2f s, %,d summary rows, %,.0f input rows/s%n",
            run, elapsed, result.rowsWritten(), inputRows / elapsed);
      }

      List<Double> trinoSeconds = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        execute(
            trino,
            "DROP TABLE IF EXISTS %s.%s.%s"
                .formatted(TrinoCatalogs.LAKE_WRITABLE, benchNamespace, TRINO_TARGET));
        Stopwatch query = Stopwatch.start();
        execute(trino, TrinoSummaryQuery.createTableAs(benchNamespace, TRINO_TARGET, day));
        double elapsed = query.seconds();
        trinoSeconds.add(elapsed);
        System.out.printf(
            "trino run %d: %.2f s, %,.0f input rows/s%n", run, elapsed, inputRows / elapsed);
      }

      double sparkBest = sparkSeconds.stream().min(Double::compare).orElseThrow();
      double trinoBest = trinoSeconds.stream().min(Double::compare).orElseThrow();
      String sparkFingerprint =
          fingerprint(trino, benchNamespace, LakeTable.DAILY_CAT_SUMMARY.tableName());
      String trinoFingerprint = fingerprint(trino, benchNamespace, TRINO_TARGET);
      System.out.printf(
          "RESULT rows=%,d spark=%.2fs (%,.0f rows/s) trino=%.2fs (%,.0f rows/s)"
              + " spark/trino throughput ratio=%.2f%n",
          inputRows,
          sparkBest,
          inputRows / sparkBest,
          trinoBest,
          inputRows / trinoBest,
          trinoBest / sparkBest);
      System.out.printf(
          "results agree: %s (spark %s, trino %s)%n",
          sparkFingerprint.equals(trinoFingerprint), sparkFingerprint, trinoFingerprint);
      return sparkFingerprint.equals(trinoFingerprint) ? 0 : 1;
    } finally {
      spark.stop();
    }
  }

  /** Row count and column totals of a summary table, read through Trino for both tables. */
  private static String fingerprint(Connection trino, String schema, String table)
      throws SQLException {
    String sql =
        ("SELECT count(*), count(name), sum(total_interaction_count), sum(like_count),"
                + " round(sum(avg_activity_level), 6), round(sum(max_hours_since_drink), 6)"
                + " FROM iceberg.%s.%s")
            .formatted(schema, table);
    try (Statement statement = trino.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return "rows=%d named=%d interactions=%d likes=%d activity=%s hours=%s"
          .formatted(
              rows.getLong(1),
              rows.getLong(2),
              rows.getLong(3),
              rows.getLong(4),
              rows.getString(5),
              rows.getString(6));
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
