package dev.catcafe.streaming.alerts;

import static dev.catcafe.model.testing.ConfigAssertions.NO_DEFAULT;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Pins the Guardian's option names and defaults, and that bad values are usage errors. */
final class TestWellnessGuardianConfig {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new WellnessGuardianJob(),
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("--kafka-topic-prefix", ""),
            Map.entry("--mode", "realtime"),
            Map.entry("--dehydration-threshold-hours", "4.0"),
            Map.entry("--stress-threshold", "0.1"),
            Map.entry("--checkpoint-location", NO_DEFAULT),
            // Mode-dependent: WellnessGuardianConfig.defaultTriggerInterval.
            Map.entry("--trigger-interval", NO_DEFAULT),
            Map.entry("--starting-offsets", "latest"),
            Map.entry("--spark-master", "local[4]")));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        WellnessGuardianJob::new,
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "broker:19092"),
            Map.entry("--kafka-topic-prefix", "t-"),
            Map.entry("--mode", "MicroBatch"),
            Map.entry("--dehydration-threshold-hours", "5"),
            Map.entry("--stress-threshold", "0.2"),
            Map.entry("--checkpoint-location", "/tmp/cp"),
            Map.entry("--trigger-interval", "1s"),
            Map.entry("--starting-offsets", "earliest"),
            Map.entry("--spark-master", "local[1]")),
        job -> List.of(job.config(), job.sparkMaster),
        List.of(
            new WellnessGuardianConfig(
                new KafkaSettings("broker:19092", "t-"),
                AlertJobMode.MICROBATCH,
                new WellnessThresholds(5.0, 0.2),
                "/tmp/cp",
                Duration.ofSeconds(1),
                "earliest"),
            "local[1]"));
  }

  @Test
  void defaultsAreTheOriginalsInRealTimeMode() {
    WellnessGuardianConfig config = parseWithoutEnvironment(new WellnessGuardianJob()).config();

    assertThat(config.mode()).isEqualTo(AlertJobMode.REALTIME);
    assertThat(config.thresholds()).isEqualTo(new WellnessThresholds(4.0, 0.1));
    assertThat(config.thresholds()).isEqualTo(WellnessThresholds.defaults());
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.startingOffsets()).isEqualTo("latest");
    assertThat(config.checkpointLocation()).endsWith("wellness-guardian-realtime");
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

    assertThat(config.mode()).isEqualTo(AlertJobMode.MICROBATCH);
    assertThat(config.thresholds()).isEqualTo(new WellnessThresholds(5.0, 0.2));
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.checkpointLocation()).isEqualTo("/tmp/cp");
    assertThat(config.kafka().topicPrefix()).isEqualTo("t-");
  }

  @Test
  void microBatchModeDefaultsToBackToBackBatches() {
    WellnessGuardianConfig config =
        parseWithoutEnvironment(new WellnessGuardianJob(), "--mode=microbatch").config();

    assertThat(config.triggerInterval()).isZero();
    assertThat(config.checkpointLocation()).endsWith("wellness-guardian-microbatch");
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThat(Commands.execute(new WellnessGuardianJob(), "--mode=continuous"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new WellnessGuardianJob(), "--trigger-interval=PT1S"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new WellnessGuardianJob(), "--trigger-interval=soon"))
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
