package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.spark.FaultPoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;

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

  /** A sink whose counts go to a registry nobody reads (tests, benchmarks). */
  public RawBatchSink(Topic topic, CatalogSettings catalog) {
    this(topic, catalog, new SimpleMeterRegistry());
  }

  /** A sink that counts what it writes in {@code registry} ({@link Metric}'s {@code INGEST_*}). */
  public RawBatchSink(Topic topic, CatalogSettings catalog, MeterRegistry registry) {
    this.topic = requireNonNull(topic, "topic is null");
    requireNonNull(catalog, "catalog is null");
    this.rawTable = topic.rawTable().qualifiedName(catalog);
    this.errorTable = LakeTable.INGEST_ERRORS.qualifiedName(catalog);
    this.meters = new BatchMeters(requireNonNull(registry, "registry is null"), topic);
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

  /** What one batch held. */
  public record BatchCounts(long records, long errors, long recordsWithUnknownFields) {}

  @Override
  public void call(Dataset<Row> kafkaBatch, Long batchId) throws TimeoutException {
    requireNonNull(kafkaBatch, "kafkaBatch is null");
    requireNonNull(batchId, "batchId is null");
    SparkSession spark = kafkaBatch.sparkSession();
    String queryId = spark.sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
    if (queryId == null) {
      throw new IllegalStateException("not called from a streaming query: no " + QUERY_ID_PROPERTY);
    }
    long started = System.nanoTime();
    Dataset<Row> classified = RawEventParser.classify(kafkaBatch, topic);

    BatchCounts counts = null;
    IdempotentAppend raw = IdempotentAppend.of(spark, rawTable, queryId, batchId);
    if (raw.isCommitted()) {
      LOG.info(
          "{} batch {} is already in {}: replay skipped", topic.topicName(), batchId, rawTable);
    } else {
      // The observation counts every record (valid or not) while the valid ones are written, so
      // the dead letters cost a second pass only when there are some.
      Observation observation = new Observation("ingest-%s-%d".formatted(topic.name(), batchId));
      Dataset<Row> observed =
          classified.observe(
              observation,
              count(lit(1)).as("records"),
              sum(when(col(RawEventParser.IS_VALID), 0).otherwise(1)).as("errors"),
              sum(when(col(RawEventParser.UNKNOWN_FIELD_COUNT).gt(0), 1).otherwise(0))
                  .as("with_unknown_fields"));
      raw.append(RawEventParser.validRows(observed, topic));
      counts = observedCounts(observation);
    }

    if (counts == null || counts.errors() > 0) {
      IdempotentAppend errors = IdempotentAppend.of(spark, errorTable, queryId, batchId);
      if (!errors.isCommitted()) {
        Dataset<Row> errorRows = RawEventParser.errorRows(classified);
        if (counts != null || !errorRows.isEmpty()) {
          FaultPoint.INGEST_AFTER_RAW_COMMIT.reach(
              () -> "%s batch %d, before the %s commit".formatted(rawTable, batchId, errorTable));
          errors.append(errorRows);
        }
      }
    }
    if (counts != null) {
      if (meters != null) {
        meters.record(counts);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      LOG.info(
          "{} batch {}: {} records, {} to {}, {} to ingest_errors, {} with unknown fields (ignored), written in {} ms",
          topic.topicName(),
          batchId,
          counts.records(),
          counts.records() - counts.errors(),
          topic.rawTable().tableName(),
          counts.errors(),
          counts.recordsWithUnknownFields(),
          millis);
      if (counts.recordsWithUnknownFields() > 0) {
        LOG.warn(
            "{} batch {}: {} records carry fields the schema does not know; they were ignored",
            topic.topicName(),
            batchId,
            counts.recordsWithUnknownFields());
      }
    }
    // Structured Streaming writes the batch to the checkpoint's commit log once this returns.
    FaultPoint.INGEST_BEFORE_CHECKPOINT_COMMIT.reach(
        () -> "%s batch %d, both tables committed".formatted(topic.topicName(), batchId));
  }

  /** The observed counts; null if they did not arrive (then errors are found by another pass). */
  private static BatchCounts observedCounts(Observation observation) {
    try {
      Row row = Await.result(observation.future(), FiniteDuration.apply(60, TimeUnit.SECONDS));
      return new BatchCounts(
          longField(row, "records"),
          longField(row, "errors"),
          longField(row, "with_unknown_fields"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      LOG.warn(
          "batch metrics unavailable ({}); looking for dead letters with a second pass",
          e.toString());
      return null;
    }
  }

  private static long longField(Row row, String name) {
    int index = row.fieldIndex(name);
    return row.isNullAt(index) ? 0L : ((Number) row.get(index)).longValue();
  }
}
