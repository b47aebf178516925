package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.spark.testing.BaseSparkTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replay of a micro-batch after a crash must not write its rows a second time. */
final class TestRawBatchSink extends BaseSparkTest {
  private static final String LOCATION =
      "{\"event_time\":\"2025-10-07T19:24:56.123Z\",\"cat_id\":\"cat-%d\",\"location\":\"sunny_corner\"}";

  @AfterEach
  void clearQueryId() {
    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, null);
  }

  @Test
  void aReplayedBatchIsWrittenOnceToBothTables() throws Exception {
    CatalogSettings catalog = catalog("sink_replay");
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    MeterRegistry registry = new SimpleMeterRegistry();
    RawBatchSink sink = new RawBatchSink(Topic.CAT_LOCATIONS, catalog, registry);
    Dataset<Row> batch0 =
        KafkaRows.of(
            spark,
            "cat-locations",
            0,
            List.of(LOCATION.formatted(1), "oops", LOCATION.formatted(2)));
    Dataset<Row> batch1 = KafkaRows.of(spark, "cat-locations", 3, List.of(LOCATION.formatted(3)));

    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-a");
    sink.call(batch0, 0L);
    sink.call(batch0, 0L);
    sink.call(batch1, 1L);
    sink.call(batch0, 0L);
    sink.call(batch1, 1L);

    String rawTable = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    assertThat(offsets(rawTable)).containsExactly(0L, 2L, 3L);
    assertThat(offsets(LakeTable.INGEST_ERRORS.qualifiedName(catalog))).containsExactly(1L);
    // The metrics count what was committed, a replay not a second time.
    assertThat(count(registry, Metric.INGEST_ROWS_WRITTEN)).isEqualTo(3);
    assertThat(count(registry, Metric.INGEST_DEAD_LETTERS)).isEqualTo(1);
    assertThat(count(registry, Metric.INGEST_UNKNOWN_FIELD_RECORDS)).isZero();
    Table table = Spark3Util.loadIcebergTable(spark, rawTable);
    assertThat(IdempotentAppend.lastCommittedBatch(table, "query-a")).hasValue(1L);
    assertThat(table.currentSnapshot().summary())
        .containsEntry(IdempotentAppend.QUERY_ID, "query-a")
        .containsEntry(IdempotentAppend.BATCH_ID, "1");

    // Another query (a new checkpoint) is a new writer: its batch 0 is not a replay.
    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-b");
    sink.call(batch1, 0L);
    assertThat(offsets(rawTable)).containsExactly(0L, 2L, 3L, 3L);
  }

  /**
   * The job creates the tables while its queries start: a batch that arrives first waits for them,
   * and when they could not be created it fails with why, writing nothing.
   */
  @Test
  void aBatchWaitsForTheTablesBeingCreatedAndFailsWithTheirFailure() throws Exception {
    CatalogSettings catalog = catalog("sink_tables_pending");
    Dataset<Row> batch = KafkaRows.of(spark, "cat-locations", 0, List.of(LOCATION.formatted(1)));
    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-h");

    CompletableFuture<Void> failed = new CompletableFuture<>();
    failed.completeExceptionally(new IllegalStateException("catalog unreachable"));
    RawBatchSink refused =
        new RawBatchSink(Topic.CAT_LOCATIONS, catalog, new SimpleMeterRegistry(), failed);
    assertThatThrownBy(() -> refused.call(batch, 0L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not be created")
        .hasRootCauseMessage("catalog unreachable");

    CompletableFuture<Void> tables = new CompletableFuture<>();
    RawBatchSink sink =
        new RawBatchSink(Topic.CAT_LOCATIONS, catalog, new SimpleMeterRegistry(), tables);
    // The batch runs on the caller's thread, so its query id (a thread-local property) goes with
    // it.
    CompletableFuture<Void> written =
        CompletableFuture.runAsync(
            () -> {
              spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-h");
              sink.call(batch, 0L);
            });
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    assertThat(written).isNotDone();
    tables.complete(null);
    written.get(2, TimeUnit.MINUTES);

    assertThat(offsets(Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog))).containsExactly(0L);
  }

  private static double count(MeterRegistry registry, Metric metric) {
    return registry
        .get(metric.meterName())
        .tag("table", Topic.CAT_LOCATIONS.rawTable().tableName())
        .counter()
        .count();
  }

  @Test
  void writesTheErrorsOfABatchWhoseRawCommitLandedBeforeACrash() throws Exception {
    CatalogSettings catalog = catalog("sink_half_done");
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    Dataset<Row> batch =
        KafkaRows.of(spark, "cat-locations", 0, List.of(LOCATION.formatted(1), "{\"cat_id\":5}"));
    String rawTable = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    // The crash: the valid rows were committed, the process died before the error commit.
    commitValidRowsOnly(catalog, batch, "query-c", 0L);

    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-c");
    new RawBatchSink(Topic.CAT_LOCATIONS, catalog).call(batch, 0L);

    assertThat(offsets(rawTable)).containsExactly(0L);
    Map<Long, String> errors =
        spark.table(LakeTable.INGEST_ERRORS.qualifiedName(catalog)).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    row -> row.<Long>getAs("kafka_offset"), row -> row.<String>getAs("reason")));
    assertThat(errors).containsOnly(Map.entry(1L, "missing required field event_time"));
  }

  @Test
  void aReplayAfterCompactionAndExpiryOfTheBatchsSnapshotIsSkipped() throws Exception {
    CatalogSettings catalog = catalog("sink_expired");
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    RawBatchSink sink = new RawBatchSink(Topic.CAT_LOCATIONS, catalog);
    Dataset<Row> batch0 =
        KafkaRows.of(spark, "cat-locations", 0, List.of(LOCATION.formatted(1), "oops"));
    Dataset<Row> batch1 =
        KafkaRows.of(spark, "cat-locations", 2, List.of(LOCATION.formatted(2), "oops again"));
    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-d");
    sink.call(batch0, 0L);
    sink.call(batch1, 1L);

    // Ingestion stayed down past the retention: maintenance compacted the tables and expired
    // every snapshot but the newest, the compaction's, which carries no batch marker.
    String rawTable = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    String errorTable = LakeTable.INGEST_ERRORS.qualifiedName(catalog);
    for (String name : List.of(rawTable, errorTable)) {
      Table table = TestingOutages.compactAndExpireAllButTheNewestSnapshot(spark, name);
      assertThat(IdempotentAppend.lastCommittedBatch(table, "query-d")).hasValue(1L);
    }

    sink.call(batch1, 1L);
    sink.call(batch0, 0L);

    assertThat(offsets(rawTable)).containsExactly(0L, 2L);
    assertThat(offsets(errorTable)).containsExactly(1L, 3L);
  }

  @Test
  void publishesTheBatchAndItsMarkerInOneSnapshot() throws Exception {
    CatalogSettings catalog = catalog("sink_atomic");
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    String rawTable = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    Dataset<Row> batch = KafkaRows.of(spark, "cat-locations", 0, List.of(LOCATION.formatted(1)));

    commitValidRowsOnly(catalog, batch, "query-e", 7L);

    Table table = Spark3Util.loadIcebergTable(spark, rawTable);
    table.refresh();
    assertThat(table.properties())
        .containsEntry(IdempotentAppend.LAST_BATCH_PREFIX + "query-e", "7");
    // The batch is one snapshot, the table's state, with nothing staged beside it.
    Snapshot current = table.currentSnapshot();
    assertThat(current.summary())
        .containsEntry(IdempotentAppend.QUERY_ID, "query-e")
        .containsEntry(IdempotentAppend.BATCH_ID, "7")
        .containsEntry("added-records", "1");
    assertThat(table.snapshots())
        .as("no staged snapshot left")
        .noneMatch(snapshot -> snapshot.summary().containsKey("wap.id"));
    assertThat(table.snapshots())
        .extracting(Snapshot::snapshotId)
        .containsExactly(current.snapshotId());
    assertThat(offsets(rawTable)).containsExactly(0L);
    assertThat(spark.conf().getOption("spark.wap.id").isDefined())
        .as("no WAP id is left in the session")
        .isFalse();
  }

  @Test
  void writesEachDayOfABatchIntoItsOwnPartitionWithEveryColumn() throws Exception {
    CatalogSettings catalog = catalog("sink_days");
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    String rawTable = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    Dataset<Row> batch =
        KafkaRows.of(
            spark,
            "cat-locations",
            5,
            List.of(
                LOCATION.formatted(1),
                LOCATION.formatted(2).replace("2025-10-07T19", "2025-10-08T01"),
                LOCATION.formatted(3)));
    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-f");

    new RawBatchSink(Topic.CAT_LOCATIONS, catalog).call(batch, 0L);

    Table table = Spark3Util.loadIcebergTable(spark, rawTable);
    table.refresh();
    assertThat(table.currentSnapshot().summary())
        .containsEntry(IdempotentAppend.QUERY_ID, "query-f")
        .containsEntry("added-records", "3")
        .containsEntry("changed-partition-count", "2");
    assertThat(
            spark
                .sql(
                    "SELECT partition.event_time_day, record_count FROM %s.partitions"
                        .formatted(rawTable))
                .orderBy("event_time_day")
                .collectAsList())
        .extracting(Row::toString)
        .containsExactly("[2025-10-07,2]", "[2025-10-08,1]");
    Row second =
        spark
            .sql(
                "SELECT *, ingested_at IS NOT NULL AS stamped FROM %s WHERE kafka_offset = 6"
                    .formatted(rawTable))
            .first();
    assertThat(second.<String>getAs("cat_id")).isEqualTo("cat-2");
    assertThat(second.<String>getAs("location")).isEqualTo("sunny_corner");
    assertThat(second.<Timestamp>getAs("event_time").toInstant())
        .isEqualTo(Instant.parse("2025-10-08T01:24:56.123Z"));
    assertThat(second.<Integer>getAs("kafka_partition")).isZero();
    assertThat(second.<Timestamp>getAs("kafka_timestamp").toInstant())
        .isEqualTo(Instant.parse("2025-10-07T19:25:00Z"));
    assertThat(second.<Boolean>getAs("stamped")).isTrue();
  }

  @Test
  void refusesARawTableNotCutByDay() throws Exception {
    CatalogSettings catalog = catalog("sink_unpartitioned");
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    String rawTable = Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog);
    spark.sql("ALTER TABLE %s DROP PARTITION FIELD days(event_time)".formatted(rawTable));
    spark.sparkContext().setLocalProperty(RawBatchSink.QUERY_ID_PROPERTY, "query-g");
    RawBatchSink sink = new RawBatchSink(Topic.CAT_LOCATIONS, catalog);
    Dataset<Row> batch = KafkaRows.of(spark, "cat-locations", 0, List.of(LOCATION.formatted(1)));

    assertThatThrownBy(() -> sink.call(batch, 0L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ingestion writes tables partitioned by days(<timestamp>)");
    assertThat(offsets(rawTable)).isEmpty();
  }

  /**
   * Writes {@code batch}'s files as the sink's tasks do and commits only the raw table's, as batch
   * {@code batchId} of {@code queryId}: the state a crash before the dead letters' commit leaves.
   */
  private static void commitValidRowsOnly(
      CatalogSettings catalog, Dataset<Row> batch, String queryId, long batchId) throws Exception {
    IdempotentAppend raw =
        IdempotentAppend.of(
            spark, Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog), queryId, batchId);
    Table errors =
        Spark3Util.loadIcebergTable(spark, LakeTable.INGEST_ERRORS.qualifiedName(catalog));
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    raw.appendFiles(
        RawBatchFiles.write(batch, Topic.CAT_LOCATIONS, raw.table(), errors, now, "raw-only")
            .rawFiles());
  }

  private static List<Long> offsets(String table) {
    return spark.table(table).orderBy("kafka_offset").collectAsList().stream()
        .map(row -> row.<Long>getAs("kafka_offset"))
        .toList();
  }
}
