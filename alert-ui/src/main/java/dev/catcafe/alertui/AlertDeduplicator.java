package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

/**
 * Remembers the last {@code capacity} alert ids so an alert redelivered by Kafka (a restart that
 * resumes from the last committed offset, a job that replays) shows once on the page.
 */
public final class AlertDeduplicator {
  private final LruCache<String, Boolean> seen;

  public AlertDeduplicator(int capacity) {
    this.seen = new LruCache<>(capacity);
  }

  /** Returns true the first time {@code alertId} is offered, false for a repeat. */
  public boolean firstTime(String alertId) {
    return seen.putIfAbsent(requireNonNull(alertId, "alertId is null"), Boolean.TRUE);
  }
}
