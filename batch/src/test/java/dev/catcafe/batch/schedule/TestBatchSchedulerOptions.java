package dev.catcafe.batch.schedule;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_DEFAULTS;

import dev.catcafe.model.config.EventLogSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pins the scheduler's option names and defaults, and maps each onto its {@link ScheduleSettings}.
 */
final class TestBatchSchedulerOptions {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new BatchScheduler(),
        CATALOG_DEFAULTS
            + POSTGRES_DEFAULTS
            + """
        --interval      1h
        --once
        --spark-master  local[*]
        --event-log-dir ""
        """
            + METRICS_DEFAULTS);
  }

  @Test
  void mapsEveryOptionToScheduleSettings() {
    assertFullMapping(
        BatchScheduler::new,
        CATALOG_ARGUMENTS
            + POSTGRES_ARGUMENTS
            + """
        --interval      15m
        --once          true
        --spark-master  local[3]
        --event-log-dir file:///tmp/events
        """
            + METRICS_ARGUMENTS,
        scheduler ->
            List.of(scheduler.schedule(), scheduler.eventLog.settings(), scheduler.metrics()),
        List.of(
            new ScheduleSettings(Duration.ofMinutes(15), true),
            Optional.of(EventLogSettings.in("file:///tmp/events")),
            METRICS_SETTINGS));
  }
}
