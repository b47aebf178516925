package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.streaming.metrics.StreamingMetrics;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The listeners both alert jobs register: what they skip as malformed (an observed count), what
 * they drop on purpose ({@link DroppedRecords}), and, when their metrics are served, their progress
 * ({@link StreamingMetrics}).
 */
final class AlertJobListeners {
  private AlertJobListeners() {}

  /**
   * Registers them on {@code spark} for the query {@code queryName}, whose observed metrics {@code
   * observedName} carry the count {@code malformedName}.
   */
  static void register(
      SparkSession spark,
      JobMetrics metrics,
      String queryName,
      String observedName,
      String malformedName) {
    requireNonNull(spark, "spark is null");
    requireNonNull(metrics, "metrics is null");
    spark
        .streams()
        .addListener(
            new ObservedMetricsLogger(
                observedName,
                malformedName,
                Optional.of(
                    metrics.counter(Metric.DROPPED_RECORDS, queryName, Metric.REASON_MALFORMED))));
    spark.streams().addListener(new DroppedRecords(spark, metrics.registry()));
    if (metrics.served()) {
      spark.streams().addListener(new StreamingMetrics(metrics.registry()));
    }
  }
}
