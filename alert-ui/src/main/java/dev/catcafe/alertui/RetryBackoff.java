package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long to wait before the next try of something that failed: {@code initial} after the first
 * failure, doubling each time, never more than {@code max}.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 */
public record RetryBackoff(Duration initial, Duration max) {
  /** The UI's write-backs and its Kafka consumer: quick at first, at most every 10 s. */
  public static final RetryBackoff DEFAULT =
      new RetryBackoff(Duration.ofMillis(250), Duration.ofSeconds(10));

  public RetryBackoff {
    requireNonNull(initial, "initial is null");
    requireNonNull(max, "max is null");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial back-off must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "max back-off %s is below the initial %s".formatted(max, initial));
    }
  }

  /** The wait after failure number {@code failures} (1 for the first). */
  public Duration delay(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1: " + failures);
    }
    // 2^30 × any positive initial exceeds any sensible max, so the shift cannot overflow usefully.
    int doublings = Math.min(failures - 1, 30);
    long millis = initial.toMillis();
    long scaled = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
    return scaled >= max.toMillis() ? max : Duration.ofMillis(scaled);
  }
}
