package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.LakeBatchOptions;
import dev.catcafe.batch.schedule.RunLog;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.JobGroups;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * <p>Without a day option it catches up: it rewrites every day whose raw rows changed since the
 * raw-table snapshots its last run recorded (late events included, however late), and nothing when
 * nothing changed. The first run, with nothing recorded, rewrites yesterday and today.
 *
 * <pre>
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob                 # days changed since last run
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob --day 2026-11-21
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob --from 2026-11-01 --to 2026-11-21
 * bin/run batch dev.catcafe.batch.summary.DailyCatSummaryJob --all           # rebuild everything
 * </pre>
 */
@Command(
    name = "daily-cat-summary",
    description =
        "Rewrites daily_cat_summary for the given UTC days (default: every day whose raw data"
            + " changed since the last run; yesterday and today on the first run).")
public final class DailyCatSummaryJob implements Callable<Integer> {
  /** The Spark UI's job group of the summary's jobs. */
  public static final String JOB_GROUP = "daily-cat-summary";

  @Mixin LakeBatchOptions lakeBatchOptions;

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
    CatalogSettings catalog = lakeBatchOptions.catalog();
    DaySelection days = daySelection(Clock.systemUTC());
    return lakeBatchOptions.inSession(
        "daily-cat-summary",
        catalog,
        spark -> {
          DailyCatSummaryResult result =
              dayOptions == null
                  ? catchUp(spark, catalog, Clock.systemUTC())
                  : run(spark, catalog, days);
          RunLog.info(result.toString());
          return 0;
        });
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

  /**
   * Rewrites every day whose raw rows changed since the snapshots the last run recorded, then
   * records the snapshots it read. The first run (nothing recorded) rewrites yesterday and today; a
   * raw table whose recorded snapshot has left its history (expired) makes it rebuild every day.
   */
  public static DailyCatSummaryResult catchUp(
      SparkSession spark, CatalogSettings catalog, Clock clock) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(clock, "clock is null");
    long started = System.nanoTime();
    LakeEventSource source = new LakeEventSource(spark, catalog);
    DailyCatSummarySink sink = new DailyCatSummarySink(spark, catalog);
    SummaryProgress current = source.currentSnapshots();
    Optional<SummaryProgress> recorded = sink.progress();
    DaySelection days =
        recorded
            .map(last -> changedDays(source, last, current))
            .orElseGet(() -> DaySelection.yesterdayAndToday(clock));
    if (days instanceof DaySelection.Days set && set.isEmpty()) {
      if (!recorded.get().equals(current)) {
        sink.recordProgress(current); // only compactions since: move past them
      }
      return new DailyCatSummaryResult(
          days, 0, 0, 0, Duration.ofNanos(System.nanoTime() - started));
    }
    DailyCatSummaryResult result = rewrite(spark, catalog, days, current, started);
    sink.recordProgress(current);
    return result;
  }

  /**
   * Reads the lake, summarizes the selected days and replaces them in one commit. A rebuild of all
   * days also records the raw snapshots it read, so the next catch-up starts from there.
   */
  public static DailyCatSummaryResult run(
      SparkSession spark, CatalogSettings catalog, DaySelection days) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(days, "days is null");
    long started = System.nanoTime();
    SummaryProgress current = new LakeEventSource(spark, catalog).currentSnapshots();
    DailyCatSummaryResult result = rewrite(spark, catalog, days, current, started);
    if (days instanceof DaySelection.AllDays) {
      new DailyCatSummarySink(spark, catalog).recordProgress(current);
    }
    return result;
  }

  /**
   * What {@code daily_cat_summary} should hold for {@code days}: the summary recomputed from the
   * raw tables at the snapshots its last run recorded (the current ones when none is recorded), so
   * rows ingested since do not count as a difference. The data-quality checks compare the table
   * with it.
   */
  public static Dataset<Row> recompute(
      SparkSession spark, CatalogSettings catalog, DaySelection.DayRange days) {
    requireNonNull(days, "days is null");
    LakeEventSource source = new LakeEventSource(spark, catalog);
    SummaryProgress progress =
        new DailyCatSummarySink(spark, catalog).progress().orElseGet(source::currentSnapshots);
    return summarize(source, days, progress);
  }

  static DaySelection changedDays(
      LakeEventSource source, SummaryProgress recorded, SummaryProgress current) {
    Set<LocalDate> days = new TreeSet<>();
    for (Topic topic : SummaryProgress.SOURCES) {
      RawChanges.Changes changes =
          RawChanges.between(
              source.icebergTable(topic),
              recorded.snapshot(topic),
              current.snapshot(topic),
              topic.eventTimeField());
      if (changes.unknownBecause().isPresent()) {
        RunLog.info("daily_cat_summary: rebuilding every day: " + changes.unknownBecause().get());
        return new DaySelection.AllDays();
      }
      days.addAll(changes.days());
    }
    return DaySelection.changed(days);
  }

  private static DailyCatSummaryResult rewrite(
      SparkSession spark,
      CatalogSettings catalog,
      DaySelection days,
      SummaryProgress snapshots,
      long started) {
    Dataset<Row> summary = summarize(new LakeEventSource(spark, catalog), days, snapshots);
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

  /** The summary of {@code days} from the raw tables as they were at {@code snapshots}. */
  private static Dataset<Row> summarize(
      LakeEventSource source, DaySelection days, SummaryProgress snapshots) {
    return DailyCatSummaryTransform.summarize(
        source.events(Topic.CAT_WELLNESS, days, snapshots.snapshot(Topic.CAT_WELLNESS)),
        source.events(Topic.CAT_INTERACTIONS, days, snapshots.snapshot(Topic.CAT_INTERACTIONS)),
        source.catProfiles());
  }
}
