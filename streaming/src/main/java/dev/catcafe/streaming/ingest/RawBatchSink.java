package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.spark.FaultPoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Serializable;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one micro-batch of a topic: valid events to the topic's raw table, dead letters to {@code
 * ingest_errors}, each exactly once (see {@link IdempotentAppend}). The raw table is written first;
 * a crash between the two commits replays the batch, skips the raw table and writes the errors.
 * Both dangerous moments are {@link FaultPoint}s, so tests crash the job exactly there.
 */
public final class RawBatchSink implements VoidFunction2<Dataset<Row>, Long> {
  /** The local property Structured Streaming sets on its micro-batch thread. */
  static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

  private static final Logger LOG = LoggerFactory.getLogger(RawBatchSink.class);
  private static final long serialVersionUID = 1L;

  private final Topic topic;
  private final String rawTable;
  private final String errorTable;

  // The function runs on the driver, where it was built; meters are not shipped anywhere.
  private final transient BatchMeters meters;
  private final transient CompletableFuture<?> tablesReady;

  /** A sink whose counts go to a registry nobody reads (tests, benchmarks). */
  public RawBatchSink(Topic topic, CatalogSettings catalog) {
    this(topic, catalog, new SimpleMeterRegistry());
  }

  /** A sink that counts what it writes in {@code registry} ({@link Metric}'s {@code INGEST_*}). */
  public RawBatchSink(Topic topic, CatalogSettings catalog, MeterRegistry registry) {
    this(topic, catalog, registry, CompletableFuture.completedFuture(null));
  }

  /**
   * As {@link #RawBatchSink(Topic, CatalogSettings, MeterRegistry)}, for tables that are still
   * being created when the query starts: each batch first waits for {@code tablesReady}, and fails
   * with its failure.
   */
  public RawBatchSink(
      Topic topic,
      CatalogSettings catalog,
      MeterRegistry registry,
      CompletableFuture<?> tablesReady) {
    this.topic = requireNonNull(topic, "topic is null");
    requireNonNull(catalog, "catalog is null");
    this.rawTable = topic.rawTable().qualifiedName(catalog);
    this.errorTable = LakeTable.INGEST_ERRORS.qualifiedName(catalog);
    this.meters = new BatchMeters(requireNonNull(registry, "registry is null"), topic);
    this.tablesReady = requireNonNull(tablesReady, "tablesReady is null");
  }

  /** The counters of one topic, labelled with its raw table. */
  private record BatchMeters(Counter written, Counter deadLetters, Counter unknownFields) {
    BatchMeters(MeterRegistry registry, Topic topic) {
      this(
          JobMetrics.counter(registry, Metric.INGEST_ROWS_WRITTEN, topic.rawTable().tableName()),
          JobMetrics.counter(registry, Metric.INGEST_DEAD_LETTERS, topic.rawTable().tableName()),
          JobMetrics.counter(
              registry, Metric.INGEST_UNKNOWN_FIELD_RECORDS, topic.rawTable().tableName()));
    }

    void record(BatchCounts counts) {
      written.increment(counts.records() - counts.errors());
      deadLetters.increment(counts.errors());
      unknownFields.increment(counts.recordsWithUnknownFields());
    }
  }

  /** What one batch held (or one task's share of it). */
  public record BatchCounts(long records, long errors, long recordsWithUnknownFields)
      implements Serializable {
    /** The counts of this share and {@code other} together. */
    public BatchCounts plus(BatchCounts other) {
      return new BatchCounts(
          records + other.records,
          errors + other.errors,
          recordsWithUnknownFields + other.recordsWithUnknownFields);
    }
  }

  @Override
  public void call(Dataset<Row> kafkaBatch, Long batchId) {
    requireNonNull(kafkaBatch, "kafkaBatch is null");
    requireNonNull(batchId, "batchId is null");
    SparkSession spark = kafkaBatch.sparkSession();
    String queryId = spark.sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
    if (queryId == null) {
      throw new IllegalStateException("not called from a streaming query: no " + QUERY_ID_PROPERTY);
    }
    long started = System.nanoTime();
    if (tablesReady != null) {
      RawTableSetup.await(tablesReady, rawTable + " and " + errorTable);
    }

    // One load of each table per batch serves its replay check, the tasks' writes and its commit.
    IdempotentAppend raw = IdempotentAppend.of(spark, rawTable, queryId, batchId);
    IdempotentAppend errors = IdempotentAppend.of(spark, errorTable, queryId, batchId);
    long loaded = System.nanoTime();
    boolean replay = raw.isCommitted();
    if (replay) {
      LOG.info(
          "{} batch {} is already in {}: replay skipped", topic.topicName(), batchId, rawTable);
    }
    if (!replay || !errors.isCommitted()) {
      write(kafkaBatch, batchId, queryId, replay ? null : raw, errors, started, loaded);
    }
    // Structured Streaming writes the batch to the checkpoint's commit log once this returns.
    FaultPoint.INGEST_BEFORE_CHECKPOINT_COMMIT.reach(
        () -> "%s batch %d, both tables committed".formatted(topic.topicName(), batchId));
  }

  /**
   * Writes the batch's files and commits them: the valid rows to the raw table unless {@code raw}
   * is null (a replay whose rows are in), then the dead letters, if any, to {@code ingest_errors}
   * unless they are in already.
   */
  private void write(
      Dataset<Row> kafkaBatch,
      long batchId,
      String queryId,
      IdempotentAppend raw,
      IdempotentAppend errors,
      long started,
      long loaded) {
    boolean replay = raw == null;
    RawBatchFiles.Written written =
        RawBatchFiles.write(
            kafkaBatch,
            topic,
            replay ? null : raw.table(),
            errors.table(),
            TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()),
            "%s-%d-%s".formatted(queryId, batchId, UUID.randomUUID()));
    if (!replay) {
      raw.appendFiles(written.rawFiles());
    }
    if (!written.errorFiles().isEmpty()) {
      if (errors.isCommitted()) {
        // A raw table that lost its marker (dropped and created again) is written anew; the dead
        // letters, whose marker is still there, are not.
        written.errorFiles().forEach(file -> errors.table().io().deleteFile(file.location()));
      } else {
        FaultPoint.INGEST_AFTER_RAW_COMMIT.reach(
            () -> "%s batch %d, before the %s commit".formatted(rawTable, batchId, errorTable));
        errors.appendFiles(written.errorFiles());
      }
    }
    if (replay) {
      return; // its rows were counted when they were committed
    }
    BatchCounts counts = written.counts();
    if (meters != null) {
      meters.record(counts);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    LOG.info(
        "{} batch {}: {} records, {} to {}, {} to ingest_errors, {} with unknown fields (ignored), written in {} ms (tables loaded in {} ms)",
        topic.topicName(),
        batchId,
        counts.records(),
        counts.records() - counts.errors(),
        topic.rawTable().tableName(),
        counts.errors(),
        counts.recordsWithUnknownFields(),
        millis,
        TimeUnit.NANOSECONDS.toMillis(loaded - started));
    if (counts.recordsWithUnknownFields() > 0) {
      LOG.warn(
          "{} batch {}: {} records carry fields the schema does not know; they were ignored",
          topic.topicName(),
          batchId,
          counts.recordsWithUnknownFields());
    }
  }
}
