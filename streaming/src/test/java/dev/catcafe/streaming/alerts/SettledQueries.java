package dev.catcafe.streaming.alerts;

import dev.catcafe.platform.testing.Polling;
import java.time.Duration;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/** Waits for an alert query to have processed and committed what was sent to it. */
final class SettledQueries {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private SettledQueries() {}

  /**
   * Returns once what was sent before is processed and committed. A real-time batch runs until its
   * interval ends, so there it waits for two more batches to end: the second began after the call,
   * so everything sent before it has been read, its offsets committed and (the Detective) its state
   * saved.
   */
  static void settle(StreamingQuery query, AlertJobMode mode) {
    if (mode == AlertJobMode.MICROBATCH) {
      query.processAllAvailable();
      return;
    }
    long seen = lastBatchId(query);
    Polling.await(TIMEOUT, "two more real-time batches", () -> lastBatchId(query) >= seen + 2);
  }

  private static long lastBatchId(StreamingQuery query) {
    StreamingQueryProgress progress = query.lastProgress();
    return progress == null ? -1 : progress.batchId();
  }
}
