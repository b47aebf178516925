package dev.catcafe.model.cli;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;

import dev.catcafe.model.config.PostgresSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Records the default of every PostgreSQL option and maps each onto {@link PostgresSettings}. */
final class TestPostgresOptions {
  @Command(name = "postgres")
  static final class Probe {
    @Mixin PostgresOptions postgres;
  }

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new Probe(),
        Map.of(
            "--postgres-url", "jdbc:postgresql://127.0.0.1:5432/cafe", "--postgres-user", "cafe"));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        Probe::new,
        Map.of("--postgres-url", "jdbc:postgresql://db:5433/shop", "--postgres-user", "clerk"),
        probe -> probe.postgres.settings(),
        // The password has no option on purpose: it comes from the environment only.
        new PostgresSettings(
            "jdbc:postgresql://db:5433/shop",
            "clerk",
            System.getenv().getOrDefault("POSTGRES_PASSWORD", "")));
  }
}
