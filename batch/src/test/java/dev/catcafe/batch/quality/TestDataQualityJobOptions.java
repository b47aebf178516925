package dev.catcafe.batch.quality;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_SETTINGS;

import dev.catcafe.model.config.EventLogSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins the data-quality job's option names and defaults and maps each onto its settings. */
final class TestDataQualityJobOptions {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new DataQualityJob(),
        CATALOG_DEFAULTS
            + """
        --spark-master            local[*]
        --event-log-dir           ""
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        DataQualityJob::new,
        CATALOG_ARGUMENTS
            + """
        --spark-master            local[3]
        --event-log-dir           file:///tmp/events
        """,
        job -> List.of(job.catalog(), job.sparkMaster(), job.eventLog.settings()),
        List.of(
            CATALOG_SETTINGS, "local[3]", Optional.of(EventLogSettings.in("file:///tmp/events"))));
  }
}
