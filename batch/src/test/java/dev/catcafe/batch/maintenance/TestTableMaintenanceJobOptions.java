package dev.catcafe.batch.maintenance;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_SETTINGS;

import dev.catcafe.model.config.EventLogSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pins the table maintenance's option names and defaults (those of the one maintenance policy) and
 * maps each option onto its {@link MaintenanceConfig}.
 */
final class TestTableMaintenanceJobOptions {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new TableMaintenanceJob(),
        CATALOG_DEFAULTS
            + """
        --table
        --step
        --min-input-files         5
        --target-file-size-bytes  0
        --closed-partitions-only
        --snapshot-retention      7d
        --retain-last             50
        --orphan-file-age         3d
        --spark-master            local[*]
        --event-log-dir           ""
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        TableMaintenanceJob::new,
        CATALOG_ARGUMENTS
            + """
        --table                   cat_wellness_raw
        --step                    EXPIRE_SNAPSHOTS
        --min-input-files         9
        --target-file-size-bytes  1024
        --closed-partitions-only  true
        --snapshot-retention      2d
        --retain-last             7
        --orphan-file-age         5h
        --spark-master            local[3]
        --event-log-dir           file:///tmp/events
        """,
        job -> List.of(job.config(), job.eventLog.settings()),
        List.of(
            new MaintenanceConfig(
                CATALOG_SETTINGS,
                List.of("cat_wellness_raw"),
                EnumSet.of(MaintenanceStep.EXPIRE_SNAPSHOTS),
                9,
                1024,
                true,
                Duration.ofDays(2),
                7,
                Duration.ofHours(5)),
            Optional.of(EventLogSettings.in("file:///tmp/events"))));
  }
}
