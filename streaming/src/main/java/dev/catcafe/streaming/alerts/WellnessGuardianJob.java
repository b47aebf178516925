package dev.catcafe.streaming.alerts;

import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.streaming.alerts.AlertJobListeners.ObservedQuery;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Cat Wellness Guardian (spec §4.1): reads collar readings from {@code cat-wellness-iot},
 * writes DEHYDRATION and STRESS alerts to {@code cat-health-alerts} keyed by {@code cat_id}. By
 * default it runs in Spark 4.1's real-time mode; {@code --mode=microbatch} runs the same transform
 * on a processing-time trigger.
 *
 * <pre>bin/run streaming dev.catcafe.streaming.alerts.WellnessGuardianJob [--mode=microbatch]</pre>
 */
@Command(
    name = "wellness-guardian",
    description = "Raises cat health alerts from collar readings (stateless, real-time mode).")
public final class WellnessGuardianJob implements Callable<Integer> {
  public static final String QUERY_NAME = "wellness-guardian";

  /** What the query observes: the readings it skipped as malformed. */
  public static final ObservedQuery OBSERVED =
      new ObservedQuery(
          QUERY_NAME, WellnessGuardianTransform.METRICS, WellnessGuardianTransform.MALFORMED);

  /** Collar readings in, health alerts out. */
  private static final AlertQuery QUERY =
      new AlertQuery(OBSERVED, Topic.CAT_WELLNESS, Topic.CAT_HEALTH_ALERTS);

  @Mixin AlertStreamOptions stream;

  @Option(
      names = "--dehydration-threshold-hours",
      defaultValue = "" + WellnessThresholds.DEFAULT_DEHYDRATION_HOURS,
      description = "DEHYDRATION when hours_since_last_drink > this.")
  double dehydrationHours;

  @Option(
      names = "--stress-threshold",
      defaultValue = "" + WellnessThresholds.DEFAULT_STRESS_ACTIVITY_LEVEL,
      description = "STRESS when activity_level < this.")
  double stressActivityLevel;

  /**
   * Real-time mode holds one task slot per Kafka partition for as long as it runs, so the local
   * default gives more slots than a small machine has cores.
   */
  @Mixin SparkMasterOption sparkMaster = new SparkMasterOption("local[4]");

  /** The validated configuration the options describe. */
  public WellnessGuardianConfig config() {
    return new WellnessGuardianConfig(
        stream.stream(
            mode -> QUERY_NAME + "-" + mode.wireName(),
            WellnessGuardianConfig.DEFAULT_MICROBATCH_INTERVAL),
        new WellnessThresholds(dehydrationHours, stressActivityLevel));
  }

  @Override
  public Integer call() throws TimeoutException, StreamingQueryException, InterruptedException {
    return new AlertJobRun<>(SparkJob.WELLNESS_GUARDIAN, QUERY, WellnessGuardianJob::start)
        .run(stream, config(), sessionSettings(sparkMaster.master()));
  }

  /** The Guardian's session: the alert jobs' settings (no catalog; UTC; in-process). */
  public static SessionSettings.Builder sessionSettings(String master) {
    return AlertSettings.session(QUERY_NAME, master);
  }

  /** Starts the query: Kafka source, {@link WellnessGuardianTransform#guard}, Kafka sink. */
  public static StreamingQuery start(SparkSession spark, WellnessGuardianConfig config)
      throws TimeoutException {
    return QUERY.start(
        spark, config, readings -> WellnessGuardianTransform.guard(readings, config.thresholds()));
  }

  public static void main(String[] args) {
    Commands.run(new WellnessGuardianJob(), args);
  }
}
