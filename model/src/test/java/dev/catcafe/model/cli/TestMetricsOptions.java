package dev.catcafe.model.cli;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.TestingOptions.METRICS_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@link MetricsOptions}: the port defaults to the job catalog's, 127.0.0.1 unless told. */
final class TestMetricsOptions {
  @Command(name = "probe")
  static final class Probe {
    @Mixin MetricsOptions metrics;
  }

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(new Probe(), METRICS_DEFAULTS);
    assertThat(parseWithoutEnvironment(new Probe()).metrics.settings(SparkJob.RAW_INGESTION))
        .isEqualTo(new MetricsSettings(true, "127.0.0.1", 9401));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        Probe::new,
        METRICS_ARGUMENTS,
        probe -> List.of(probe.metrics.settings(SparkJob.ADOPTER_DETECTIVE)),
        List.of(METRICS_SETTINGS));
  }

  @Test
  void aJobWithoutACatalogPortMustBeGivenOne() {
    MetricsOptions options = parseWithoutEnvironment(new Probe()).metrics;
    assertThatThrownBy(() -> options.settings(JvmApp.TRINO_VIEWS))
        .hasMessageContaining("trino-views has no metrics port in the job catalog");
    assertThat(
            parseWithoutEnvironment(new Probe(), "--metrics-port=0")
                .metrics
                .settings(JvmApp.TRINO_VIEWS)
                .port())
        .isZero();
    assertThatThrownBy(
            () ->
                parseWithoutEnvironment(new Probe(), "--metrics-port=70000")
                    .metrics
                    .settings(SparkJob.RAW_INGESTION))
        .hasMessageContaining("expected 0-65535");
  }
}
