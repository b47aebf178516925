package dev.catcafe.batch.maintenance;

import static dev.catcafe.batch.TestingLakeBatchOptions.EVENT_LOG;
import static dev.catcafe.batch.TestingLakeBatchOptions.LAKE_BATCH_ARGUMENTS;
import static dev.catcafe.batch.TestingLakeBatchOptions.LAKE_BATCH_DEFAULTS;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_SETTINGS;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
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
        LAKE_BATCH_DEFAULTS
            + """
        --table
        --step
        --min-input-files         5
        --target-file-size-bytes  0
        --closed-partitions-only
        --snapshot-retention      7d
        --retain-last             50
        --orphan-file-age         3d
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        TableMaintenanceJob::new,
        LAKE_BATCH_ARGUMENTS
            + """
        --table                   cat_wellness_raw
        --step                    EXPIRE_SNAPSHOTS
        --min-input-files         9
        --target-file-size-bytes  1024
        --closed-partitions-only  true
        --snapshot-retention      2d
        --retain-last             7
        --orphan-file-age         5h
        """,
        job -> List.of(job.config(), job.lakeBatchOptions.eventLog()),
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
            EVENT_LOG));
  }
}
