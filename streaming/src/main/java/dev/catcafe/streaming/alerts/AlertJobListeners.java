package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.streaming.metrics.StreamingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * The listeners both alert jobs register: what they skip as malformed (an observed count), what
 * they drop on purpose ({@link DroppedRecords}), and, when their metrics are served, their progress
 * ({@link StreamingMetrics}).
 */
public final class AlertJobListeners {
  private AlertJobListeners() {}

  /**
   * What an alert query observes about its input: the query's name, the name of its observed
   * metrics, and the count among them of the records it skipped as malformed.
   */
  public record ObservedQuery(String queryName, String observedName, String malformedName) {
    public ObservedQuery {
      requireNonNull(queryName, "queryName is null");
      requireNonNull(observedName, "observedName is null");
      requireNonNull(malformedName, "malformedName is null");
    }
  }

  /**
   * Registers them on {@code spark} for the query {@code query}. Returns them, for a caller that
   * runs several queries on one session (the latency benchmark) to remove them again.
   */
  public static List<StreamingQueryListener> register(
      SparkSession spark, JobMetrics metrics, ObservedQuery query) {
    requireNonNull(spark, "spark is null");
    requireNonNull(metrics, "metrics is null");
    requireNonNull(query, "query is null");
    List<StreamingQueryListener> listeners = new ArrayList<>();
    listeners.add(
        new ObservedMetricsLogger(
            query.observedName(),
            query.malformedName(),
            Optional.of(
                metrics.counter(
                    Metric.DROPPED_RECORDS, query.queryName(), Metric.REASON_MALFORMED))));
    listeners.add(new DroppedRecords(spark, metrics.registry()));
    if (metrics.served()) {
      listeners.add(new StreamingMetrics(metrics.registry()));
    }
    listeners.forEach(listener -> spark.streams().addListener(listener));
    return List.copyOf(listeners);
  }
}
