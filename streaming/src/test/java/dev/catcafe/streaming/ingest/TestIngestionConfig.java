package dev.catcafe.streaming.ingest;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.jobs.SparkJob;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pins the raw ingestion's option names and defaults, and maps each onto the typed config. */
final class TestIngestionConfig {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new RawIngestionJob(),
        KAFKA_DEFAULTS
            + CATALOG_DEFAULTS
            + """
        --checkpoint-root          file://${sys:user.dir}/.work/checkpoints/raw-ingestion
        --trigger-interval         30s
        --max-offsets-per-trigger  500000
        --min-partitions           0
        --fail-on-data-loss        true
        --available-now
        --topic
        --spark-master             local[*]
        --event-log-dir            ""
        --spark-ui                 true
        --spark-conf
        --stop-timeout             30s
        --startup-timeout          5m
        """
            + METRICS_DEFAULTS);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        RawIngestionJob::new,
        KAFKA_ARGUMENTS
            + CATALOG_ARGUMENTS
            + """
        --checkpoint-root          /tmp/checkpoints/
        --trigger-interval         2s
        --max-offsets-per-trigger  1000
        --min-partitions           4
        --fail-on-data-loss        false
        --available-now            true
        --topic                    CAT_WELLNESS
        --spark-master             local[1]
        --event-log-dir            file:///tmp/events
        --spark-ui                 false
        --spark-conf               spark.sql.shuffle.partitions=3
        --stop-timeout             10s
        --startup-timeout          0s
        """
            + METRICS_ARGUMENTS,
        job ->
            List.of(
                job.config(),
                job.sparkMaster.master(),
                job.sparkUi,
                job.sparkConf,
                job.lifecycle.settings(),
                job.eventLog.settings(),
                job.metrics.settings(SparkJob.RAW_INGESTION)),
        List.of(
            new IngestionConfig(
                KAFKA_SETTINGS,
                CATALOG_SETTINGS,
                Set.of(Topic.CAT_WELLNESS),
                "/tmp/checkpoints",
                Duration.ofSeconds(2),
                1000,
                4,
                false,
                true),
            "local[1]",
            false,
            Map.of("spark.sql.shuffle.partitions", "3"),
            new LifecycleSettings(Duration.ofSeconds(10), Duration.ZERO),
            Optional.of(EventLogSettings.in("file:///tmp/events")),
            METRICS_SETTINGS));
  }

  @Test
  void defaultsIngestEveryTopicContinuously() {
    IngestionConfig config = parseWithoutEnvironment(new RawIngestionJob()).config();

    assertThat(config.topics()).isEqualTo(EnumSet.allOf(Topic.class));
    assertThat(config.triggerInterval())
        .isEqualTo(Durations.parse(IngestionConfig.DEFAULT_TRIGGER_INTERVAL));
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxOffsetsPerTrigger())
        .isEqualTo(IngestionConfig.DEFAULT_MAX_OFFSETS_PER_TRIGGER);
    assertThat(config.failOnDataLoss()).isTrue();
    assertThat(config.availableNow()).isFalse();
  }

  @Test
  void theStopTimeoutDefaultsToThirtySecondsAndMustBePositive() {
    assertThat(parseWithoutEnvironment(new RawIngestionJob()).lifecycle.settings())
        .isEqualTo(LifecycleSettings.defaults());
    assertThatThrownBy(
            () ->
                parseWithoutEnvironment(new RawIngestionJob(), "--stop-timeout=0s")
                    .lifecycle
                    .settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--stop-timeout");
  }

  @Test
  void aFailureBeforeTheFirstBatchNamesTheCheckpointAndWhatToDo() {
    String message =
        RawIngestionJob.resumeFailure(
            "raw-ingestion-cat_wellness_raw",
            "file:///lake/checkpoints/raw-ingestion/cat_wellness_raw",
            new IllegalStateException("partitions deleted"));

    assertThat(message)
        .contains("raw-ingestion-cat_wellness_raw")
        .contains("checkpoint file:///lake/checkpoints/raw-ingestion/cat_wellness_raw")
        .contains("partitions deleted")
        .contains("--checkpoint-root (INGEST_CHECKPOINT_ROOT)")
        .contains("Moving the directory aside starts the query afresh");
  }

  @Test
  void triggerIntervalMustBePositive() {
    assertThatThrownBy(
            () -> parseWithoutEnvironment(new RawIngestionJob(), "--trigger-interval=0s").config())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--trigger-interval");
  }
}
