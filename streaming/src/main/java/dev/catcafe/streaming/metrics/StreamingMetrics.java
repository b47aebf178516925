package dev.catcafe.streaming.metrics;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.monitoring.Metric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Turns every streaming query's progress reports into Prometheus metrics ({@link Metric}'s {@code
 * STREAMING_*}), labelled with the query's name: rows in and out, rates, batch time, state size,
 * and per Kafka partition how far the query is behind the newest offset. These are the figures
 * Spark's Structured Streaming tab shows; Spark's own metrics system exports only some of them (see
 * the streaming README), so the listener reads them where they are complete, in the progress
 * report.
 */
public final class StreamingMetrics extends StreamingQueryListener {
  private final MeterRegistry registry;
  private final Map<String, QueryMeters> queries = new ConcurrentHashMap<>();
  private final Map<UUID, String> names = new ConcurrentHashMap<>();
  private final Map<String, GaugeValue> offsetsBehind = new ConcurrentHashMap<>();

  public StreamingMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    String name = name(event.name(), event.id());
    names.put(event.id(), name);
    meters(name).active.set(1);
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    String name = name(progress.name(), progress.id());
    QueryMeters meters = meters(name);
    meters.active.set(1);
    meters.batches.increment();
    meters.inputRows.increment(progress.numInputRows());
    meters.inputRate.set(finite(progress.inputRowsPerSecond()));
    meters.processingRate.set(finite(progress.processedRowsPerSecond()));
    Long batchMillis = progress.durationMs().get("triggerExecution");
    if (batchMillis != null) {
      meters.batchDuration.set(batchMillis / 1000.0);
    }
    meters.lastProgress.set(Instant.parse(progress.timestamp()).toEpochMilli() / 1000.0);
    if (progress.sink() != null && progress.sink().numOutputRows() >= 0) {
      meters.outputRows.increment(progress.sink().numOutputRows());
    }
    long stateRows = 0;
    long stateBytes = 0;
    for (StateOperatorProgress operator : progress.stateOperators()) {
      stateRows += operator.numRowsTotal();
      stateBytes += operator.memoryUsedBytes();
    }
    if (progress.stateOperators().length > 0) {
      meters.stateRows.set(stateRows);
      meters.stateMemory.set(stateBytes);
    }
    for (SourceProgress source : progress.sources()) {
      KafkaOffsets.behind(source.endOffset(), source.latestOffset())
          .forEach(
              (partition, behind) ->
                  offsetsBehind(name, partition.topic(), partition.partition()).set(behind));
    }
  }

  @Override
  public void onQueryIdle(QueryIdleEvent event) {
    // An idle query is alive: its last-progress time moves on although no batch ran.
    String name = names.get(event.id());
    if (name != null) {
      meters(name).lastProgress.set(Instant.parse(event.timestamp()).toEpochMilli() / 1000.0);
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    String name = names.get(event.id());
    if (name != null) {
      meters(name).active.set(0);
    }
  }

  private static String name(String name, UUID id) {
    return name != null ? name : id.toString();
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private QueryMeters meters(String query) {
    return queries.computeIfAbsent(query, name -> new QueryMeters(registry, name));
  }

  private GaugeValue offsetsBehind(String query, String topic, int partition) {
    return offsetsBehind.computeIfAbsent(
        query + "\u0000" + topic + "\u0000" + partition,
        key ->
            GaugeValue.register(
                registry,
                Metric.STREAMING_OFFSETS_BEHIND_LATEST,
                query,
                topic,
                Integer.toString(partition)));
  }

  /** A gauge's current value, set by the listener and read at each scrape. */
  static final class GaugeValue {
    private volatile double value;

    static GaugeValue register(MeterRegistry registry, Metric metric, String... labelValues) {
      if (metric.type() != Metric.Type.GAUGE) {
        throw new IllegalArgumentException(metric + " is not a gauge");
      }
      GaugeValue holder = new GaugeValue();
      Gauge.builder(metric.meterName(), holder, GaugeValue::get)
          .description(metric.help())
          .tags(JobMetrics.tags(metric, labelValues))
          .strongReference(true)
          .register(registry);
      return holder;
    }

    void set(double newValue) {
      value = newValue;
    }

    double get() {
      return value;
    }
  }

  /** The meters of one query. */
  private static final class QueryMeters {
    final Counter inputRows;
    final Counter outputRows;
    final Counter batches;
    final GaugeValue inputRate;
    final GaugeValue processingRate;
    final GaugeValue batchDuration;
    final GaugeValue lastProgress;
    final GaugeValue stateRows;
    final GaugeValue stateMemory;
    final GaugeValue active;

    QueryMeters(MeterRegistry registry, String query) {
      inputRows = JobMetrics.counter(registry, Metric.STREAMING_INPUT_ROWS, query);
      outputRows = JobMetrics.counter(registry, Metric.STREAMING_OUTPUT_ROWS, query);
      batches = JobMetrics.counter(registry, Metric.STREAMING_BATCHES, query);
      inputRate = GaugeValue.register(registry, Metric.STREAMING_INPUT_RATE, query);
      processingRate = GaugeValue.register(registry, Metric.STREAMING_PROCESSING_RATE, query);
      batchDuration = GaugeValue.register(registry, Metric.STREAMING_BATCH_DURATION, query);
      lastProgress = GaugeValue.register(registry, Metric.STREAMING_LAST_PROGRESS, query);
      stateRows = GaugeValue.register(registry, Metric.STREAMING_STATE_ROWS, query);
      stateMemory = GaugeValue.register(registry, Metric.STREAMING_STATE_MEMORY, query);
      active = GaugeValue.register(registry, Metric.STREAMING_QUERY_ACTIVE, query);
    }
  }
}
