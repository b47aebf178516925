package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What one {@code DailyCatSummaryJob} run did.
 *
 * @param days the days it was asked to rewrite
 * @param rowsWritten summary rows the commit added
 * @param rowsReplaced summary rows the commit removed (the previous version of those days)
 * @param daysRewritten day partitions the commit touched
 * @param duration wall time of the run
 */
public record DailyCatSummaryResult(
    DaySelection days, long rowsWritten, long rowsReplaced, long daysRewritten, Duration duration) {
  public DailyCatSummaryResult {
    requireNonNull(days, "days is null");
    requireNonNull(duration, "duration is null");
  }

  @Override
  public String toString() {
    if (days instanceof DaySelection.Days set && set.isEmpty()) {
      return "daily_cat_summary: no raw data changed since the last run: nothing rewritten";
    }
    return "daily_cat_summary: rewrote %s (%d day partitions changed): %d rows written, %d replaced, in %.1f s"
        .formatted(days, daysRewritten, rowsWritten, rowsReplaced, duration.toMillis() / 1000.0);
  }
}
