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
   * Registers them on {@code spark} for the query {@code queryName}, whose observed metrics {@code
   * observedName} carry the count {@code malformedName}. Returns them, for a caller that runs
   * several queries on one session (the latency benchmark) to remove them again.
   */
  public static List<StreamingQueryListener> register(
      SparkSession spark,
      JobMetrics metrics,
      String queryName,
      String observedName,
      String malformedName) {
    requireNonNull(spark, "spark is null");
    requireNonNull(metrics, "metrics is null");
    List<StreamingQueryListener> listeners = new ArrayList<>();
    listeners.add(
        new ObservedMetricsLogger(
            observedName,
            malformedName,
            Optional.of(
                metrics.counter(Metric.DROPPED_RECORDS, queryName, Metric.REASON_MALFORMED))));
    listeners.add(new DroppedRecords(spark, metrics.registry()));
    if (metrics.served()) {
      listeners.add(new StreamingMetrics(metrics.registry()));
    }
    listeners.forEach(listener -> spark.streams().addListener(listener));
    return List.copyOf(listeners);
  }
}
