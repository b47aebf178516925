package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.LakeBatchOptions;
import dev.catcafe.batch.schedule.RunLog;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.CatalogSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs the lake's data-quality checks ({@link LakeQualityChecks}) over yesterday and today, appends
 * every result to {@code data_quality_results}, prints one line naming each failed check, and exits
 * 1 when any failed (0 when all passed).
 *
 * <pre>
 * bin/run-job data-quality        # make quality
 * </pre>
 */
@Command(
    name = "data-quality",
    description =
        "Checks the lake's tables (keys, value ranges, known ids, freshness, Kafka offsets, the"
            + " daily summary), appends the results to data_quality_results; exit 1 if any check"
            + " failed.")
public final class DataQualityJob implements Callable<Integer> {
  /** The exit status of a run in which a check failed. */
  public static final int CHECK_FAILED = 1;

  @Mixin LakeBatchOptions lakeBatchOptions;

  public static void main(String[] args) {
    Commands.run(new DataQualityJob(), args);
  }

  @Override
  public Integer call() {
    CatalogSettings catalog = lakeBatchOptions.catalog();
    return lakeBatchOptions.inSession(
        "data-quality",
        catalog,
        spark -> {
          QualityReport report = run(spark, catalog, Clock.systemUTC());
          RunLog.info(report.toString());
          return report.passed() ? 0 : CHECK_FAILED;
        });
  }

  /** Runs every check over yesterday and today by {@code clock} and appends the results. */
  public static QualityReport run(SparkSession spark, CatalogSettings catalog, Clock clock) {
    requireNonNull(clock, "clock is null");
    QualityReport report =
        new QualityEngine(spark, catalog)
            .run(LakeQualityChecks.all(), QualityWindow.yesterdayAndToday(clock));
    new QualityResultsSink(spark, catalog).append(report);
    return report;
  }
}
