package dev.catcafe.streaming.ingest;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per micro-batch and query: rows, input and processing rate, batch duration and how
 * far the query is behind the end of its topic (the Kafka source's offsets-behind-latest metrics).
 * The same figures are in the Spark UI's Structured Streaming tab.
 */
public final class IngestionProgressListener extends StreamingQueryListener {
  private static final Logger LOG = LoggerFactory.getLogger(IngestionProgressListener.class);

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    LOG.info("query {} started (id {}, run {})", event.name(), event.id(), event.runId());
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    long lag = 0;
    for (SourceProgress source : progress.sources()) {
      lag += metric(source.metrics(), "maxOffsetsBehindLatest");
    }
    Map<String, Long> durations = new TreeMap<>(progress.durationMs());
    Long batchMillis = durations.remove("triggerExecution");
    LOG.info(
        "query {} batch {}: {} rows, {} rows/s in, {} rows/s processed, batch took {} ms {}, lag {}"
            + " records",
        progress.name(),
        progress.batchId(),
        progress.numInputRows(),
        Math.round(progress.inputRowsPerSecond()),
        Math.round(progress.processedRowsPerSecond()),
        batchMillis == null ? "?" : batchMillis,
        durations,
        lag);
  }

  @Override
  public void onQueryIdle(QueryIdleEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (event.exception().isDefined()) {
      LOG.error("query {} failed: {}", event.id(), event.exception().get());
    } else {
      LOG.info("query {} stopped", event.id());
    }
  }

  private static long metric(Map<String, String> metrics, String name) {
    String value = metrics == null ? null : metrics.get(name);
    if (value == null) {
      return 0;
    }
    try {
      return (long) Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
