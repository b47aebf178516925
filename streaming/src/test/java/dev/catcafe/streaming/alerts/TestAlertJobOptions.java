package dev.catcafe.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Pins the jobs' option names and defaults, and that bad values are usage errors. */
final class TestAlertJobOptions {
  @Test
  void guardianDefaultsAreTheOriginalsInRealTimeMode() {
    WellnessGuardianJob job = parse(new WellnessGuardianJob());

    WellnessGuardianConfig config = job.config();

    assertThat(config.mode()).isEqualTo(AlertJobMode.REALTIME);
    assertThat(config.thresholds()).isEqualTo(new WellnessThresholds(4.0, 0.1));
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.startingOffsets()).isEqualTo("latest");
    assertThat(config.checkpointLocation()).endsWith("wellness-guardian-realtime");
  }

  @Test
  void guardianOptionsOverrideDefaults() {
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

    assertThat(config.mode()).isEqualTo(AlertJobMode.MICROBATCH);
    assertThat(config.thresholds()).isEqualTo(new WellnessThresholds(5.0, 0.2));
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.checkpointLocation()).isEqualTo("/tmp/cp");
    assertThat(config.kafka().topicPrefix()).isEqualTo("t-");
  }

  @Test
  void detectiveDefaultsAreTheOriginalsThresholdAThirtyDayTtlAndATenMinuteWatermark() {
    AdopterDetectiveConfig config = parse(new AdopterDetectiveJob()).config();

    assertThat(config.rules())
        .isEqualTo(new AdopterDetectiveRules(3, Duration.ofDays(30), Duration.ofMinutes(10)));
    assertThat(config.triggerInterval()).isEqualTo(AdopterDetectiveConfig.DEFAULT_TRIGGER_INTERVAL);
    assertThat(config.checkpointLocation()).endsWith("adopter-detective");
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThat(Commands.execute(new WellnessGuardianJob(), "--mode=continuous"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new WellnessGuardianJob(), "--trigger-interval=PT1S"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--state-ttl=PT0S"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--starting-offsets=middle"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--no-such-option"))
        .isEqualTo(Commands.USAGE_ERROR);
  }

  @Test
  void thresholdsRejectNonsense() {
    assertThatThrownBy(() -> new WellnessThresholds(Double.NaN, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new WellnessGuardianConfig(
                    new KafkaSettings("127.0.0.1:9092"),
                    AlertJobMode.REALTIME,
                    WellnessThresholds.defaults(),
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
