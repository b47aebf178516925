package dev.catcafe.streaming.alerts;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.TestingOptions.DEFAULT_KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_ARGUMENTS;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_DEFAULTS;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_EVENT_LOG;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_LIFECYCLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.jobs.SparkJob;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Pins the Guardian's option names and defaults, and that bad values are usage errors. */
final class TestWellnessGuardianConfig {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new WellnessGuardianJob(),
        // No --trigger-interval default: it depends on the mode (defaultTriggerInterval).
        STREAM_DEFAULTS
            + """
        --mode                         realtime
        --dehydration-threshold-hours  4.0
        --stress-threshold             0.1
        --trigger-interval
        --spark-master                 local[4]
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        WellnessGuardianJob::new,
        STREAM_ARGUMENTS
            + """
        --mode                         MicroBatch
        --dehydration-threshold-hours  5
        --stress-threshold             0.2
        --trigger-interval             1s
        --spark-master                 local[1]
        """,
        job ->
            List.of(
                job.sparkMaster.master(),
                job.stream.lifecycle(),
                job.config(),
                job.stream.eventLog(),
                job.stream.metrics(SparkJob.WELLNESS_GUARDIAN)),
        List.of(
            "local[1]",
            STREAM_LIFECYCLE,
            new WellnessGuardianConfig(
                new AlertStream(
                    KAFKA_SETTINGS,
                    AlertJobMode.MICROBATCH,
                    "/tmp/cp",
                    Duration.ofSeconds(1),
                    "earliest"),
                new WellnessThresholds(5.0, 0.2)),
            STREAM_EVENT_LOG,
            METRICS_SETTINGS));
  }

  @Test
  void defaultsAreTheOriginalsInRealTimeMode() {
    WellnessGuardianConfig config = parseWithoutEnvironment(new WellnessGuardianJob()).config();

    assertThat(config.stream().mode()).isEqualTo(AlertJobMode.REALTIME);
    assertThat(config.thresholds()).isEqualTo(new WellnessThresholds(4.0, 0.1));
    assertThat(config.thresholds()).isEqualTo(WellnessThresholds.defaults());
    assertThat(config.stream().triggerInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.stream().startingOffsets()).isEqualTo("latest");
    assertThat(config.stream().checkpointLocation()).endsWith("wellness-guardian-realtime");
  }

  @Test
  void optionsOverrideDefaults() {
    WellnessGuardianJob job =
        parse(
            new WellnessGuardianJob(),
            "--mode=MicroBatch",
            "--dehydration-threshold-hours=5",
            "--stress-threshold=0.2",
            "--trigger-interval=PT1S",
            "--checkpoint-location=/tmp/cp",
            "--starting-offsets=earliest",
            "--kafka-topic-prefix=t-");

    WellnessGuardianConfig config = job.config();

    assertThat(config.stream().mode()).isEqualTo(AlertJobMode.MICROBATCH);
    assertThat(config.thresholds()).isEqualTo(new WellnessThresholds(5.0, 0.2));
    assertThat(config.stream().triggerInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.stream().checkpointLocation()).isEqualTo("/tmp/cp");
    assertThat(config.stream().kafka().topicPrefix()).isEqualTo("t-");
  }

  @Test
  void microBatchModeDefaultsToBackToBackBatches() {
    WellnessGuardianConfig config =
        parseWithoutEnvironment(new WellnessGuardianJob(), "--mode=microbatch").config();

    assertThat(config.stream().triggerInterval()).isZero();
    assertThat(config.stream().checkpointLocation()).endsWith("wellness-guardian-microbatch");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"--mode=continuous", "--trigger-interval=PT1S", "--trigger-interval=soon"})
  void badValuesAreUsageErrors(String argument) {
    assertThat(Commands.execute(new WellnessGuardianJob(), argument))
        .isEqualTo(Commands.USAGE_ERROR);
  }

  @Test
  void thresholdsRejectNonsense() {
    assertThatThrownBy(() -> new WellnessThresholds(Double.NaN, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AlertStream(
                    DEFAULT_KAFKA_SETTINGS,
                    AlertJobMode.REALTIME,
                    "/tmp/cp",
                    Duration.ofSeconds(4),
                    "latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("real-time");
  }

  private static <T> T parse(T command, String... args) {
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
