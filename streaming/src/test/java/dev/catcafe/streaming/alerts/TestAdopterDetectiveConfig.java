package dev.catcafe.streaming.alerts;

import static dev.catcafe.model.testing.ConfigAssertions.NO_DEFAULT;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the Detective's option names and defaults, and that bad values are usage errors. */
final class TestAdopterDetectiveConfig {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new AdopterDetectiveJob(),
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("--kafka-topic-prefix", ""),
            Map.entry("--threshold", "3"),
            Map.entry("--state-ttl", "30d"),
            Map.entry("--watermark-delay", "10m"),
            Map.entry("--checkpoint-location", NO_DEFAULT),
            Map.entry("--trigger-interval", "500ms"),
            Map.entry("--starting-offsets", "latest"),
            Map.entry("--spark-master", "local[2]")));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        AdopterDetectiveJob::new,
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "broker:19092"),
            Map.entry("--kafka-topic-prefix", "t-"),
            Map.entry("--threshold", "5"),
            // Short and ISO forms alike, through the one duration converter.
            Map.entry("--state-ttl", "7d"),
            Map.entry("--watermark-delay", "PT1M"),
            Map.entry("--checkpoint-location", "/tmp/cp"),
            Map.entry("--trigger-interval", "2s"),
            Map.entry("--starting-offsets", "earliest"),
            Map.entry("--spark-master", "local[1]")),
        job -> List.of(job.config(), job.sparkMaster),
        List.of(
            new AdopterDetectiveConfig(
                new KafkaSettings("broker:19092", "t-"),
                new AdopterDetectiveRules(5, Duration.ofDays(7), Duration.ofMinutes(1)),
                "/tmp/cp",
                Duration.ofSeconds(2),
                "earliest"),
            "local[1]"));
  }

  @Test
  void defaultsAreTheOriginalsThresholdAThirtyDayTtlAndATenMinuteWatermark() {
    AdopterDetectiveConfig config = parseWithoutEnvironment(new AdopterDetectiveJob()).config();

    assertThat(config.rules())
        .isEqualTo(new AdopterDetectiveRules(3, Duration.ofDays(30), Duration.ofMinutes(10)));
    assertThat(config.rules()).isEqualTo(AdopterDetectiveRules.defaults());
    assertThat(config.triggerInterval()).isEqualTo(AdopterDetectiveConfig.DEFAULT_TRIGGER_INTERVAL);
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.checkpointLocation()).endsWith("adopter-detective");
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--state-ttl=PT0S"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--state-ttl=0s"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--starting-offsets=middle"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new AdopterDetectiveJob(), "--no-such-option"))
        .isEqualTo(Commands.USAGE_ERROR);
  }
}
