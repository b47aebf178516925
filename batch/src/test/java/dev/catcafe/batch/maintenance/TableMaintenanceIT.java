package dev.catcafe.batch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.spark.testing.LakeAssertions;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingCatalogs.Lake;
import dev.catcafe.streaming.ingest.IngestionConfig;
import dev.catcafe.streaming.ingest.RawIngestionJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compacts a raw table that the real ingestion wrote in many small commits, while the ingestion
 * keeps committing to it from a producer that never pauses: no streaming commit is lost, no row
 * changes, and the table ends with far fewer files. On each catalog type and storage ({@link
 * TestingCatalogs#lakes}): on S3 every step, orphan removal's listing included, runs through the
 * object store.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.catcafe.spark.testing.TestingCatalogs#lakes")
@ExtendWith(LocalPlatformExtension.class)
final class TableMaintenanceIT {
  /** Unique per run, so a rerun on a platform that outlived the last run sees none of its data. */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private static final Duration PATIENCE = Duration.ofMinutes(6);

  @Parameter Lake lake;

  @Test
  void compactsWhileIngestionKeepsWriting(TestingPlatform platform) throws Exception {
    KafkaSettings kafka =
        platform.isolatedKafka(
            "ing-maint-%s-%s-%s-"
                .formatted(RUN, lake.type().wireName(), lake.storage().wireName()));
    CatalogSettings catalog = TestingCatalogs.onPlatform(lake, platform, "it_ingest_maint_" + RUN);
    String table = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    try (SparkSession spark =
            SparkSessions.create(
                RawIngestionJob.sessionSettings("maintenance-it", catalog, "local[2]")
                    .ui(false)
                    .conf("spark.sql.catalog." + catalog.name() + ".cache-enabled", "false")
                    .build());
        KafkaProducer<String, String> producer = producer(kafka)) {
      IngestionConfig ingestion =
          new IngestionConfig(
              kafka,
              catalog,
              EnumSet.of(Topic.CAT_LOCATIONS),
              platform.scratchDirectory("maintenance-it").toUri().toString(),
              Duration.ofSeconds(1),
              25,
              0,
              true,
              false);
      AtomicLong produced = new AtomicLong();
      produce(producer, kafka, produced, 200);
      List<StreamingQuery> queries = RawIngestionJob.start(spark, ingestion);
      Polling.await(PATIENCE, "many small commits", () -> dataFiles(spark, table) >= 8);

      AtomicBoolean producing = new AtomicBoolean(true);
      Thread trickle =
          new Thread(
              () -> {
                while (producing.get()) {
                  produce(producer, kafka, produced, 5);
                  java.util.concurrent.locks.LockSupport.parkNanos(
                      Duration.ofMillis(200).toNanos());
                }
              },
              "trickle-producer");
      trickle.start();
      MaintenanceConfig config =
          new MaintenanceConfig(
              catalog,
              List.of(Topic.CAT_LOCATIONS.rawTable().tableName()),
              EnumSet.allOf(MaintenanceStep.class),
              2,
              0,
              false,
              Duration.ofDays(7),
              50,
              Duration.ofDays(3));
      List<TableReport> reports = TableMaintenanceJob.run(spark, config, Instant.now());
      long afterMaintenance = currentSnapshot(spark, table).snapshotId();
      Polling.await(
          PATIENCE,
          "ingestion to append after the maintenance",
          () -> {
            Snapshot current = currentSnapshot(spark, table);
            return current.snapshotId() != afterMaintenance && current.operation().equals("append");
          });
      producing.set(false);
      trickle.join();

      Polling.await(
          PATIENCE,
          "every produced record to be ingested",
          () -> spark.table(table).count() >= produced.get());
      for (StreamingQuery query : queries) {
        query.stop();
        assertThat(query.exception().isDefined()).isFalse();
      }

      TableReport report = reports.get(0);
      assertThat(report.table()).isEqualTo(table);
      assertThat(report.rewrittenDataFiles()).isGreaterThanOrEqualTo(8);
      assertThat(report.addedDataFiles()).isLessThan(report.rewrittenDataFiles());
      assertThat(report.failedDataFiles()).isZero();
      List<Row> rows = spark.table(table).orderBy(RawTables.KAFKA_OFFSET).collectAsList();
      assertThat(rows.stream().map(row -> row.<Long>getAs(RawTables.KAFKA_OFFSET)).toList())
          .as("every offset exactly once")
          .containsExactlyElementsOf(LongStream.range(0, produced.get()).boxed().toList());
      assertThat(rows)
          .allSatisfy(
              row -> {
                long offset = row.<Long>getAs(RawTables.KAFKA_OFFSET);
                assertThat(row.<String>getAs("cat_id")).isEqualTo("cat-" + offset);
                assertThat(row.<String>getAs("location")).isEqualTo("spot-" + offset % 15);
                assertThat(row.<java.sql.Timestamp>getAs("event_time").toInstant())
                    .isEqualTo(eventTime(offset));
              });
      Table iceberg = Spark3Util.loadIcebergTable(spark, table);
      List<String> operations = new ArrayList<>();
      for (Snapshot snapshot : iceberg.snapshots()) {
        operations.add(snapshot.operation());
      }
      assertThat(operations).contains("replace").contains("append");
      // Compaction's replace commits sit between streaming appends in one linear history.
      assertThat(operations.lastIndexOf("append")).isGreaterThan(operations.indexOf("replace"));
      LakeAssertions.assertFilesWhereTheStorageSays(spark, platform, catalog, table);
    }
  }

  private static Instant eventTime(long index) {
    return Instant.parse("2025-10-07T00:00:00Z").plusSeconds(index * 60);
  }

  private static KafkaProducer<String, String> producer(KafkaSettings kafka) {
    Properties properties = new Properties();
    properties.putAll(kafka.clientProperties());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(properties);
  }

  /**
   * Sends {@code count} locations; record {@code i} (its offset too) says cat-i is at spot-(i%15).
   */
  private static synchronized void produce(
      KafkaProducer<String, String> producer, KafkaSettings kafka, AtomicLong produced, int count) {
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long index = produced.getAndIncrement();
      String json =
          "{\"event_time\":\"%s\",\"cat_id\":\"cat-%d\",\"location\":\"spot-%d\"}"
              .formatted(EventTimes.format(eventTime(index)), index, index % 15);
      sent.add(producer.send(new ProducerRecord<>(kafka.topicName(Topic.CAT_LOCATIONS), json)));
    }
    try {
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("producing failed", e);
    }
  }

  private static long dataFiles(SparkSession spark, String table) {
    try {
      Table iceberg = Spark3Util.loadIcebergTable(spark, table);
      iceberg.refresh();
      return TableMaintenance.dataFiles(iceberg);
    } catch (Exception e) {
      return 0;
    }
  }

  private static Snapshot currentSnapshot(SparkSession spark, String table) {
    try {
      Table iceberg = Spark3Util.loadIcebergTable(spark, table);
      iceberg.refresh();
      return iceberg.currentSnapshot();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
