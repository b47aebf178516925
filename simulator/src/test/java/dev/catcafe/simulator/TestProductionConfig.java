package dev.catcafe.simulator;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.TestingOptions.DEFAULT_KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.DEFAULT_POSTGRES_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_SETTINGS;

import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.testing.ConfigAssertions.Mapping;
import dev.catcafe.simulator.producer.KafkaTuning;
import dev.catcafe.simulator.producer.ProductionConfig;
import dev.catcafe.simulator.simulation.SimulationRules;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Pins the producer's option names and defaults, and maps each onto its typed config. */
final class TestProductionConfig {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new ProduceEvents(),
        KAFKA_DEFAULTS
            + POSTGRES_DEFAULTS
            + METRICS_DEFAULTS
            + """
        --tick-millis
        --speed
        --burst
        --duration
        --max-events        0
        --cats
        --visitors
        --refresh-interval  60s
        --stats-interval    10s
        --seed
        --anomaly-rate      0.0002
        --compression       lz4
        --linger-ms         20
        --batch-size        262144
        --kafka-timeout     15s
        """);
  }

  @Test
  void mapsEveryOption() {
    // --tick-millis and --speed exclude each other: two command lines map them.
    Mapping everythingButSpeed =
        new Mapping(
            KAFKA_ARGUMENTS
                + POSTGRES_ARGUMENTS
                + METRICS_ARGUMENTS
                + """
            --tick-millis       250
            --burst             true
            --duration          1m
            --max-events        100
            --cats              5
            --visitors          3
            --refresh-interval  PT30S
            --stats-interval    5s
            --seed              42
            --anomaly-rate      0.5
            --compression       zstd
            --linger-ms         5
            --batch-size        65536
            --kafka-timeout     2m
            """,
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
                KAFKA_SETTINGS,
                POSTGRES_SETTINGS,
                METRICS_SETTINGS));
    // The other options at their defaults: the annotations and the constants agree.
    Mapping speed =
        new Mapping(
            """
            --speed  20
            --seed   7
            """,
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
                DEFAULT_KAFKA_SETTINGS,
                DEFAULT_POSTGRES_SETTINGS,
                new MetricsSettings(true, MetricsSettings.LOOPBACK, 9406)));
    assertFullMapping(
        ProduceEvents::new,
        command ->
            List.of(
                command.config(),
                command.tuning(),
                command.kafka.settings(),
                command.postgres.settings(),
                command.metrics.settings(JvmApp.SIMULATOR_PRODUCER)),
        everythingButSpeed,
        speed);
  }
}
