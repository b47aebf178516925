package dev.catcafe.model.cli;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.DEFAULT_KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.DEFAULT_POSTGRES_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Records the default of every option of the shared mixins ({@link KafkaOptions}, {@link
 * PostgresOptions}, {@link CatalogOptions}) and maps each onto its settings record.
 */
final class TestOptionMixins {
  @Command(name = "probe")
  static final class Probe {
    @Mixin KafkaOptions kafka;
    @Mixin PostgresOptions postgres;
    @Mixin CatalogOptions catalog;

    List<Object> settings() {
      return List.of(kafka.settings(), postgres.settings(), catalog.settings());
    }
  }

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(new Probe(), KAFKA_DEFAULTS + POSTGRES_DEFAULTS + CATALOG_DEFAULTS);
    Probe defaults = parseWithoutEnvironment(new Probe());
    assertThat(defaults.kafka.settings()).isEqualTo(DEFAULT_KAFKA_SETTINGS);
    assertThat(defaults.postgres.settings()).isEqualTo(DEFAULT_POSTGRES_SETTINGS);
  }

  @Test
  void theObjectStoreDefaultsCommandTakesTheCatalogOptionsOnly() {
    assertRecordedDefaults(new ObjectStoreSparkDefaults(), CATALOG_DEFAULTS);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        Probe::new,
        KAFKA_ARGUMENTS + POSTGRES_ARGUMENTS + CATALOG_ARGUMENTS,
        Probe::settings,
        List.of(KAFKA_SETTINGS, POSTGRES_SETTINGS, CATALOG_SETTINGS));
  }
}
