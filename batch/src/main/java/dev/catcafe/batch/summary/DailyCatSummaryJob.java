package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.schedule.RunLog;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.JobGroups;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Builds {@code daily_cat_summary} from the lake (raw wellness and interactions, the cat profile
 * snapshot) for the chosen UTC days, replacing only those days' partitions in one commit. Running
 * it twice for a day gives the same rows.
 *
 * <pre>
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob                 # yesterday and today
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob --day 2026-11-21
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob --from 2026-11-01 --to 2026-11-21
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob --all           # rebuild everything
 * </pre>
 */
@Command(
    name = "daily-cat-summary",
    description =
        "Rewrites daily_cat_summary for the given UTC days (default: yesterday and today).")
public final class DailyCatSummaryJob implements Callable<Integer> {
  /** The Spark UI's job group of the summary's jobs. */
  public static final String JOB_GROUP = "daily-cat-summary";

  @Mixin private CatalogOptions catalogOptions;
  @Mixin private SparkMasterOption sparkMaster;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private DayOptions dayOptions;

  /** The day options: one of --day, --from/--to, --all. */
  static final class DayOptions {
    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "Rewrite this UTC day.")
    LocalDate day;

    @ArgGroup(exclusive = false)
    RangeOptions range;

    @Option(names = "--all", description = "Rebuild the whole table from the raw tables.")
    boolean all;
  }

  /** --from and --to, given together. */
  static final class RangeOptions {
    @Option(
        names = "--from",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "First UTC day to rewrite.")
    LocalDate from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "Last UTC day to rewrite (included).")
    LocalDate to;
  }

  public static void main(String[] args) {
    Commands.run(new DailyCatSummaryJob(), args);
  }

  @Override
  public Integer call() {
    CatalogSettings catalog = catalogOptions.settings();
    DaySelection days = daySelection(Clock.systemUTC());
    SparkSession spark =
        SparkSessions.create(
            SessionSettings.lakeBatch("daily-cat-summary", sparkMaster.master(), catalog).build());
    try {
      RunLog.info(run(spark, catalog, days).toString());
      return 0;
    } finally {
      spark.stop();
    }
  }

  DaySelection daySelection(Clock clock) {
    if (dayOptions == null) {
      return DaySelection.yesterdayAndToday(clock);
    }
    if (dayOptions.all) {
      return new DaySelection.AllDays();
    }
    if (dayOptions.day != null) {
      return DaySelection.day(dayOptions.day);
    }
    return new DaySelection.DayRange(dayOptions.range.from, dayOptions.range.to);
  }

  /** Reads the lake, summarizes the selected days and replaces them in one commit. */
  public static DailyCatSummaryResult run(
      SparkSession spark, CatalogSettings catalog, DaySelection days) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(days, "days is null");
    long started = System.nanoTime();
    LakeEventSource source = new LakeEventSource(spark, catalog);
    Dataset<Row> summary =
        DailyCatSummaryTransform.summarize(
            source.events(Topic.CAT_WELLNESS, days),
            source.events(Topic.CAT_INTERACTIONS, days),
            source.catProfiles());
    // The selected days are replaced in one commit, so they are one labelled step.
    DailyCatSummarySink.CommitStats stats =
        JobGroups.run(
            spark,
            JOB_GROUP,
            "daily_cat_summary: rewrite " + days,
            () -> new DailyCatSummarySink(spark, catalog).replaceDays(summary, days));
    return new DailyCatSummaryResult(
        days,
        stats.addedRows(),
        stats.deletedRows(),
        stats.changedPartitions(),
        Duration.ofNanos(System.nanoTime() - started));
  }
}
