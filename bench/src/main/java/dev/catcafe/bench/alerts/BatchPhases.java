package dev.catcafe.bench.alerts;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Sums the phases ({@code durationMs}) of one query's micro-batches while measuring, so a latency
 * figure comes with where a batch spends its time. Real-time mode reports one long batch per
 * checkpoint interval, so this only speaks for micro-batch queries.
 */
final class BatchPhases extends StreamingQueryListener {
  private final Map<String, Long> totalMillis = new TreeMap<>();
  private volatile UUID queryId;
  private volatile boolean measuring;
  private long batches;

  /** Records only the batches of {@code id} from now on. */
  void watch(UUID id) {
    this.queryId = requireNonNull(id, "id is null");
  }

  void startMeasuring() {
    measuring = true;
  }

  void stopMeasuring() {
    measuring = false;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    if (!measuring || !event.progress().id().equals(queryId)) {
      return;
    }
    synchronized (this) {
      batches++;
      event
          .progress()
          .durationMs()
          .forEach((phase, millis) -> totalMillis.merge(phase, millis, Long::sum));
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}

  /** {@code 42 batches, mean ms: addBatch 180, triggerExecution 310, ...}, or "" if none. */
  synchronized String summary() {
    if (batches == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder("  %d batches, mean ms per batch:".formatted(batches));
    totalMillis.forEach(
        (phase, millis) ->
            text.append(String.format(Locale.ROOT, " %s %.0f", phase, (double) millis / batches)));
    return text.toString();
  }
}
