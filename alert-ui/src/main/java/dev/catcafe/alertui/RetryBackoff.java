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
    // Doubling stops at max, so it takes a few steps however many failures, and cannot overflow.
    Duration delay = initial;
    for (int failure = 1; failure < failures && delay.compareTo(max) < 0; failure++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) < 0 ? delay : max;
  }
}
