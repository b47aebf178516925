package dev.catcafe.simulator;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.simulator.SeedProfiles.Seeding;
import dev.catcafe.simulator.profile.ProfileCounts;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Pins the seeder's option names and defaults, and maps each onto what one run seeds. */
final class TestSeedProfiles {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new SeedProfiles(),
        POSTGRES_DEFAULTS
            + """
        --seed            20251007
        --reset
        --adopted-cats    10000
        --available-cats  1000
        --visitors        1000
        --checkup-time
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        SeedProfiles::new,
        POSTGRES_ARGUMENTS
            + """
        --seed            11
        --reset           true
        --adopted-cats    20
        --available-cats  5
        --visitors        7
        --checkup-time    2025-10-07T12:30:45
        """,
        SeedProfiles::seeding,
        new Seeding(
            POSTGRES_SETTINGS,
            11,
            true,
            new ProfileCounts(20, 5, 7),
            LocalDateTime.of(2025, 10, 7, 12, 30, 45)));
  }

  @Test
  void defaultsAreTheOriginalCounts() {
    Seeding seeding = parseWithoutEnvironment(new SeedProfiles()).seeding();

    assertThat(seeding.counts()).isEqualTo(ProfileCounts.ORIGINAL);
    assertThat(seeding.reset()).isFalse();
  }
}
