package dev.catcafe.batch.schedule;

import static dev.catcafe.batch.TestingLakeBatchOptions.EVENT_LOG;
import static dev.catcafe.batch.TestingLakeBatchOptions.LAKE_BATCH_ARGUMENTS;
import static dev.catcafe.batch.TestingLakeBatchOptions.LAKE_BATCH_DEFAULTS;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.TestingOptions.METRICS_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_DEFAULTS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the scheduler's option names and defaults, and maps each onto its {@link ScheduleSettings}.
 */
final class TestBatchSchedulerOptions {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new BatchScheduler(),
        LAKE_BATCH_DEFAULTS
            + POSTGRES_DEFAULTS
            + """
        --interval      1h
        --once
        """
            + METRICS_DEFAULTS);
  }

  @Test
  void mapsEveryOptionToScheduleSettings() {
    assertFullMapping(
        BatchScheduler::new,
        LAKE_BATCH_ARGUMENTS
            + POSTGRES_ARGUMENTS
            + """
        --interval      15m
        --once          true
        """
            + METRICS_ARGUMENTS,
        scheduler ->
            List.of(
                scheduler.schedule(), scheduler.lakeBatchOptions.eventLog(), scheduler.metrics()),
        List.of(new ScheduleSettings(Duration.ofMinutes(15), true), EVENT_LOG, METRICS_SETTINGS));
  }
}
