package dev.catcafe.model.cli;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;

import dev.catcafe.model.config.KafkaSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Records the default of every Kafka option and maps each onto {@link KafkaSettings}. */
final class TestKafkaOptions {
  @Command(name = "kafka")
  static final class Probe {
    @Mixin KafkaOptions kafka;
  }

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new Probe(),
        Map.of("--kafka-bootstrap-servers", "127.0.0.1:9092", "--kafka-topic-prefix", ""));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        Probe::new,
        Map.of("--kafka-bootstrap-servers", "broker:19092,b2:19093", "--kafka-topic-prefix", "t-"),
        probe -> probe.kafka.settings(),
        new KafkaSettings("broker:19092,b2:19093", "t-"));
  }
}
