package dev.catcafe.streaming.ingest;

import static dev.catcafe.model.testing.ConfigAssertions.NO_DEFAULT;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pins the raw ingestion's option names and defaults, and maps each onto the typed config. */
final class TestIngestionConfig {
  private static final String WORKING_DIRECTORY = System.getProperty("user.dir");

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new RawIngestionJob(),
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("--kafka-topic-prefix", ""),
            Map.entry("--catalog-name", "lakehouse"),
            Map.entry("--catalog-type", "jdbc"),
            Map.entry("--catalog-uri", "jdbc:postgresql://127.0.0.1:5432/iceberg_catalog"),
            Map.entry("--catalog-user", "cafe"),
            Map.entry("--warehouse", "file://" + WORKING_DIRECTORY + "/.work/platform/warehouse"),
            Map.entry("--namespace", "cafe"),
            Map.entry(
                "--checkpoint-root",
                "file://" + WORKING_DIRECTORY + "/.work/checkpoints/raw-ingestion"),
            Map.entry("--trigger-interval", "30s"),
            Map.entry("--max-offsets-per-trigger", "500000"),
            Map.entry("--min-partitions", "0"),
            Map.entry("--fail-on-data-loss", "true"),
            Map.entry("--available-now", NO_DEFAULT),
            Map.entry("--topic", NO_DEFAULT),
            Map.entry("--spark-master", "local[*]"),
            Map.entry("--spark-ui", "true"),
            Map.entry("--spark-conf", NO_DEFAULT)));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        RawIngestionJob::new,
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "broker:19092"),
            Map.entry("--kafka-topic-prefix", "t-"),
            Map.entry("--catalog-name", "lake"),
            Map.entry("--catalog-type", "JDBC"),
            Map.entry("--catalog-uri", "jdbc:postgresql://db:5433/catalog"),
            Map.entry("--catalog-user", "keeper"),
            Map.entry("--warehouse", "s3://bucket/warehouse"),
            Map.entry("--namespace", "shop"),
            Map.entry("--checkpoint-root", "/tmp/checkpoints/"),
            Map.entry("--trigger-interval", "2s"),
            Map.entry("--max-offsets-per-trigger", "1000"),
            Map.entry("--min-partitions", "4"),
            Map.entry("--fail-on-data-loss", "false"),
            Map.entry("--available-now", "true"),
            Map.entry("--topic", "CAT_WELLNESS"),
            Map.entry("--spark-master", "local[1]"),
            Map.entry("--spark-ui", "false"),
            Map.entry("--spark-conf", "spark.sql.shuffle.partitions=3")),
        job -> List.of(job.config(), job.sparkMaster, job.sparkUi, job.sparkConf),
        List.of(
            new IngestionConfig(
                new KafkaSettings("broker:19092", "t-"),
                new CatalogSettings(
                    "lake",
                    CatalogType.JDBC,
                    "jdbc:postgresql://db:5433/catalog",
                    "keeper",
                    System.getenv().getOrDefault("ICEBERG_CATALOG_PASSWORD", ""),
                    "s3://bucket/warehouse",
                    "shop"),
                Set.of(Topic.CAT_WELLNESS),
                "/tmp/checkpoints",
                Duration.ofSeconds(2),
                1000,
                4,
                false,
                true),
            "local[1]",
            false,
            Map.of("spark.sql.shuffle.partitions", "3")));
  }

  @Test
  void defaultsIngestEveryTopicContinuously() {
    IngestionConfig config = parseWithoutEnvironment(new RawIngestionJob()).config();

    assertThat(config.topics()).isEqualTo(EnumSet.allOf(Topic.class));
    assertThat(config.triggerInterval()).isEqualTo(IngestionConfig.DEFAULT_TRIGGER_INTERVAL);
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxOffsetsPerTrigger())
        .isEqualTo(IngestionConfig.DEFAULT_MAX_OFFSETS_PER_TRIGGER);
    assertThat(config.failOnDataLoss()).isTrue();
    assertThat(config.availableNow()).isFalse();
  }

  @Test
  void triggerIntervalMustBePositive() {
    assertThatThrownBy(
            () -> parseWithoutEnvironment(new RawIngestionJob(), "--trigger-interval=0s").config())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--trigger-interval");
  }
}
