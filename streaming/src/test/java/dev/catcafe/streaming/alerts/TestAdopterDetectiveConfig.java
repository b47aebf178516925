package dev.catcafe.streaming.alerts;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_ARGUMENTS;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_DEFAULTS;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_EVENT_LOG;
import static dev.catcafe.streaming.alerts.TestingAlertStreamOptions.STREAM_LIFECYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.jobs.SparkJob;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins the Detective's option names and defaults, and that bad values are usage errors. */
final class TestAdopterDetectiveConfig {
  @Test
  void recordsEveryDefault() {
    // No --trigger-interval default: it depends on the mode (defaultTriggerInterval).
    assertRecordedDefaults(
        new AdopterDetectiveJob(),
        STREAM_DEFAULTS
            + """
        --mode                 realtime
        --threshold            3
        --state-ttl            30d
        --watermark-delay      10m
        --trigger-interval
        --spark-master         local[2]
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        AdopterDetectiveJob::new,
        // Short and ISO forms alike, through the one duration converter.
        STREAM_ARGUMENTS
            + """
        --mode                 microbatch
        --threshold            5
        --state-ttl            7d
        --watermark-delay      PT1M
        --trigger-interval     250ms
        --spark-master         local[1]
        """,
        job ->
            List.of(
                job.config(),
                job.sparkMaster.master(),
                job.stream.lifecycle(),
                job.stream.eventLog(),
                job.stream.metrics(SparkJob.ADOPTER_DETECTIVE)),
        List.of(
            new AdopterDetectiveConfig(
                new AlertStream(
                    KAFKA_SETTINGS,
                    AlertJobMode.MICROBATCH,
                    "/tmp/cp",
                    Duration.ofMillis(250),
                    "earliest"),
                new AdopterDetectiveRules(5, Duration.ofDays(7), Duration.ofMinutes(1))),
            "local[1]",
            STREAM_LIFECYCLE,
            STREAM_EVENT_LOG,
            METRICS_SETTINGS));
  }

  @Test
  void defaultsAreTheOriginalsThresholdAThirtyDayTtlATenMinuteWatermarkAndRealTimeMode() {
    AdopterDetectiveConfig config = parseWithoutEnvironment(new AdopterDetectiveJob()).config();

    assertThat(config.rules())
        .isEqualTo(new AdopterDetectiveRules(3, Duration.ofDays(30), Duration.ofMinutes(10)));
    assertThat(config.rules()).isEqualTo(AdopterDetectiveRules.defaults());
    assertThat(config.stream().mode()).isEqualTo(AlertJobMode.REALTIME);
    // Real-time mode checkpoints every five minutes, in its own directory, the state beside it.
    assertThat(config.stream().triggerInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.stream().checkpointLocation()).endsWith("adopter-detective-realtime");
    assertThat(config.stateDirectory())
        .isEqualTo(config.stream().checkpointLocation() + "/visitor-likes");
  }

  @Test
  void microBatchModeTriggersEveryTenthOfASecondInTheCheckpointItAlwaysHad() {
    AdopterDetectiveConfig config =
        parseWithoutEnvironment(new AdopterDetectiveJob(), "--mode=microbatch").config();

    assertThat(config.stream().mode()).isEqualTo(AlertJobMode.MICROBATCH);
    assertThat(config.stream().triggerInterval())
        .isEqualTo(Durations.parse(AdopterDetectiveConfig.DEFAULT_TRIGGER_INTERVAL));
    assertThat(config.stream().triggerInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.stream().checkpointLocation()).endsWith("adopter-detective");
  }

  @Test
  void theRealTimeStateFollowsAnObjectStoreCheckpoint() {
    AdopterDetectiveConfig config =
        parseWithoutEnvironment(
                new AdopterDetectiveJob(), "--checkpoint-location=s3://lake/checkpoints/detective/")
            .config();

    assertThat(config.stateDirectory()).isEqualTo("s3://lake/checkpoints/detective/visitor-likes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--state-ttl=PT0S",
        "--state-ttl=0s",
        "--starting-offsets=middle",
        "--mode=continuous",
        "--trigger-interval=1s",
        "--mode=realtime --trigger-interval=4999ms"
      })
  void badValuesAreUsageErrors(String arguments) {
    assertThat(Commands.execute(new AdopterDetectiveJob(), arguments.split(" ")))
        .isEqualTo(Commands.USAGE_ERROR);
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--no-such-option"))
        .isEqualTo(Commands.USAGE_ERROR);
  }
}
