package dev.catcafe.batch.quality;

import static dev.catcafe.batch.TestingLakeBatchOptions.EVENT_LOG;
import static dev.catcafe.batch.TestingLakeBatchOptions.LAKE_BATCH_ARGUMENTS;
import static dev.catcafe.batch.TestingLakeBatchOptions.LAKE_BATCH_DEFAULTS;
import static dev.catcafe.batch.TestingLakeBatchOptions.SPARK_MASTER;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_SETTINGS;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the data-quality job's option names and defaults and maps each onto its settings. */
final class TestDataQualityJobOptions {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(new DataQualityJob(), LAKE_BATCH_DEFAULTS);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        DataQualityJob::new,
        LAKE_BATCH_ARGUMENTS,
        job ->
            List.of(
                job.lakeBatchOptions.catalog(),
                job.lakeBatchOptions.sparkMaster(),
                job.lakeBatchOptions.eventLog()),
        List.of(CATALOG_SETTINGS, SPARK_MASTER, EVENT_LOG));
  }
}
