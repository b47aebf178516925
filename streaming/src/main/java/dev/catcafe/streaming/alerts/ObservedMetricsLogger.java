package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Totals one observed count of a query (e.g. malformed records) across its progress reports and
 * logs each batch that had some, so skipped input is visible without stopping the job.
 */
public final class ObservedMetricsLogger extends StreamingQueryListener {
  private static final Logger LOG = LoggerFactory.getLogger(ObservedMetricsLogger.class);

  private final String metricsName;
  private final String countName;
  private final AtomicLong total = new AtomicLong();
  private final Optional<Counter> counter;

  public ObservedMetricsLogger(String metricsName, String countName) {
    this(metricsName, countName, Optional.empty());
  }

  /** Also adds each batch's count to {@code counter} (a metric). */
  public ObservedMetricsLogger(String metricsName, String countName, Optional<Counter> counter) {
    this.metricsName = requireNonNull(metricsName, "metricsName is null");
    this.countName = requireNonNull(countName, "countName is null");
    this.counter = requireNonNull(counter, "counter is null");
  }

  /** The count summed over every progress report seen so far. */
  public long total() {
    return total.get();
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    Row metrics = event.progress().observedMetrics().get(metricsName);
    if (metrics == null || metrics.isNullAt(metrics.fieldIndex(countName))) {
      return;
    }
    long count = ((Number) metrics.getAs(countName)).longValue();
    counter.ifPresent(metric -> metric.increment(count));
    if (count > 0) {
      LOG.warn(
          "{}: skipped {} {} in batch {} ({} since start)",
          event.progress().name(),
          count,
          countName,
          event.progress().batchId(),
          total.addAndGet(count));
    }
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}
}
