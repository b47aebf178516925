package dev.catcafe.simulator;

import static dev.catcafe.model.testing.ConfigAssertions.NO_DEFAULT;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.testing.ConfigAssertions.Mapping;
import dev.catcafe.simulator.producer.KafkaTuning;
import dev.catcafe.simulator.producer.ProductionConfig;
import dev.catcafe.simulator.simulation.SimulationRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Pins the producer's option names and defaults, and maps each onto its typed config. */
final class TestProductionConfig {
  private static final String POSTGRES_PASSWORD =
      System.getenv().getOrDefault("POSTGRES_PASSWORD", "");

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new ProduceEvents(),
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("--kafka-topic-prefix", ""),
            Map.entry("--postgres-url", "jdbc:postgresql://127.0.0.1:5432/cafe"),
            Map.entry("--postgres-user", "cafe"),
            Map.entry("--tick-millis", NO_DEFAULT),
            Map.entry("--speed", NO_DEFAULT),
            Map.entry("--burst", NO_DEFAULT),
            Map.entry("--duration", NO_DEFAULT),
            Map.entry("--max-events", "0"),
            Map.entry("--cats", NO_DEFAULT),
            Map.entry("--visitors", NO_DEFAULT),
            Map.entry("--refresh-interval", "60s"),
            Map.entry("--stats-interval", "10s"),
            Map.entry("--seed", NO_DEFAULT),
            Map.entry("--anomaly-rate", "0.0002"),
            Map.entry("--compression", "lz4"),
            Map.entry("--linger-ms", "20"),
            Map.entry("--batch-size", "262144"),
            Map.entry("--kafka-timeout", "15s")));
  }

  @Test
  void mapsEveryOption() {
    // --tick-millis and --speed exclude each other: two command lines map them.
    Mapping everythingButSpeed =
        new Mapping(
            Map.ofEntries(
                Map.entry("--kafka-bootstrap-servers", "broker:19092"),
                Map.entry("--kafka-topic-prefix", "t-"),
                Map.entry("--postgres-url", "jdbc:postgresql://db:5433/shop"),
                Map.entry("--postgres-user", "clerk"),
                Map.entry("--tick-millis", "250"),
                Map.entry("--burst", "true"),
                Map.entry("--duration", "1m"),
                Map.entry("--max-events", "100"),
                Map.entry("--cats", "5"),
                Map.entry("--visitors", "3"),
                Map.entry("--refresh-interval", "PT30S"),
                Map.entry("--stats-interval", "5s"),
                Map.entry("--seed", "42"),
                Map.entry("--anomaly-rate", "0.5"),
                Map.entry("--compression", "zstd"),
                Map.entry("--linger-ms", "5"),
                Map.entry("--batch-size", "65536"),
                Map.entry("--kafka-timeout", "2m")),
            List.of(
                new ProductionConfig(
                    4.0,
                    true,
                    Optional.of(Duration.ofMinutes(1)),
                    100,
                    OptionalInt.of(5),
                    OptionalInt.of(3),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5),
                    42,
                    new SimulationRules(0.5)),
                new KafkaTuning("zstd", 5, 65_536, Duration.ofMinutes(2)),
                new KafkaSettings("broker:19092", "t-"),
                new PostgresSettings(
                    "jdbc:postgresql://db:5433/shop", "clerk", POSTGRES_PASSWORD)));
    // The other options at their defaults: the annotations and the constants agree.
    Mapping speed =
        new Mapping(
            Map.of("--speed", "20", "--seed", "7"),
            List.of(
                new ProductionConfig(
                    20,
                    false,
                    Optional.empty(),
                    0,
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(10),
                    7,
                    SimulationRules.ORIGINAL),
                KafkaTuning.DEFAULT,
                new KafkaSettings("127.0.0.1:9092"),
                new PostgresSettings(
                    "jdbc:postgresql://127.0.0.1:5432/cafe", "cafe", POSTGRES_PASSWORD)));
    assertFullMapping(
        ProduceEvents::new,
        command ->
            List.of(
                command.config(),
                command.tuning(),
                command.kafka.settings(),
                command.postgres.settings()),
        everythingButSpeed,
        speed);
  }
}
