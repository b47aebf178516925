package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.monitoring.Metric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the alert jobs drop on purpose, so it is visible instead of silent: Kafka offsets
 * skipped because retention deleted them ({@code failOnDataLoss=false}), and likes the Detective
 * drops as late. Each count is a named Spark accumulator ({@code <query>.skipped_offsets}, {@code
 * adopter_detective.late_likes}: in the Spark UI), this listener logs every batch that moved one,
 * with the total since start, and counts it in {@link Metric#DROPPED_RECORDS} ({@code reason}
 * {@value Metric#REASON_SKIPPED_OFFSET} or {@value Metric#REASON_LATE_LIKE}).
 */
public final class DroppedRecords extends StreamingQueryListener {
  public static final String SKIPPED_OFFSETS = "skipped_offsets";
  public static final String LATE_LIKES = AdopterDetectiveTransform.METRICS + ".late_likes";

  private static final Logger LOG = LoggerFactory.getLogger(DroppedRecords.class);
  private static final Map<SparkContext, Map<String, LongAccumulator>> COUNTERS =
      new WeakHashMap<>();

  private final SparkSession spark;
  private final MeterRegistry registry;

  /** The late likes already logged: the listener logs what a batch added. */
  private long lateLikesLogged;

  /** Logs what is dropped; the metrics go to a registry nobody reads. */
  public DroppedRecords(SparkSession spark) {
    this(spark, new SimpleMeterRegistry());
  }

  /** Logs what is dropped and counts it in {@code registry}. */
  public DroppedRecords(SparkSession spark, MeterRegistry registry) {
    this.spark = requireNonNull(spark, "spark is null");
    this.registry = requireNonNull(registry, "registry is null");
  }

  /** The session's counter named {@code name}, registered with Spark on first use. */
  public static LongAccumulator counter(SparkSession spark, String name) {
    requireNonNull(spark, "spark is null");
    requireNonNull(name, "name is null");
    SparkContext context = spark.sparkContext();
    synchronized (COUNTERS) {
      return COUNTERS
          .computeIfAbsent(context, ignored -> new HashMap<>())
          .computeIfAbsent(name, context::longAccumulator);
    }
  }

  /** The counter of Kafka offsets the query {@code queryName} skipped. */
  public static LongAccumulator skippedOffsets(SparkSession spark, String queryName) {
    return counter(spark, requireNonNull(queryName, "queryName is null") + "." + SKIPPED_OFFSETS);
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    var progress = event.progress();
    long skipped = 0;
    for (SourceProgress source : progress.sources()) {
      if (source.description().startsWith("KafkaV2")) {
        skipped +=
            SkippedOffsets.count(source.startOffset(), source.endOffset(), source.numInputRows());
      }
    }
    if (skipped > 0 && progress.name() != null) {
      LongAccumulator counter = skippedOffsets(spark, progress.name());
      counter.add(skipped);
      dropped(progress.name(), Metric.REASON_SKIPPED_OFFSET).increment(skipped);
      LOG.warn(
          "{}: skipped {} Kafka offsets no longer in the topic (retention) in batch {} ({} since"
              + " start)",
          progress.name(),
          skipped,
          progress.batchId(),
          counter.value());
    }
    logLateLikes(progress.name(), progress.batchId());
  }

  // Spark's listener bus delivers the events of a session one at a time, on one thread.
  private void logLateLikes(String queryName, long batchId) {
    LongAccumulator lateLikes;
    synchronized (COUNTERS) {
      lateLikes = COUNTERS.getOrDefault(spark.sparkContext(), Map.of()).get(LATE_LIKES);
    }
    if (lateLikes == null) {
      return;
    }
    long total = lateLikes.value();
    long before = lateLikesLogged;
    lateLikesLogged = total;
    dropped(queryName, Metric.REASON_LATE_LIKE).increment(total - before);
    if (total > before) {
      LOG.warn(
          "{}: dropped {} late likes (behind the watermark) by batch {} ({} since start)",
          queryName,
          total - before,
          batchId,
          total);
    }
  }

  private Counter dropped(String queryName, String reason) {
    return JobMetrics.counter(registry, Metric.DROPPED_RECORDS, queryName, reason);
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    // Registered at 0 from the start, so a rate over it exists before the first drop.
    if (event.name() != null) {
      dropped(event.name(), Metric.REASON_SKIPPED_OFFSET);
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}
}
