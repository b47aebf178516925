package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket of wrong staff tokens: up to {@code burst} wrong attempts at once, refilled at one
 * per {@code refill}. While it is empty every attempt is refused before the token is compared, so a
 * guesser learns nothing and gets {@code 429}; staff typing their token wait at most one refill.
 * One bucket for the whole UI, not one per client address: behind a port-forward or a proxy every
 * client has the same address, and a guesser can change theirs.
 */
final class FailedAttemptLimiter {
  /** Wrong tokens accepted in a row before attempts are refused. */
  static final int DEFAULT_BURST = 10;

  /** How often one more wrong attempt is allowed once the burst is spent. */
  static final Duration DEFAULT_REFILL = Duration.ofSeconds(1);

  private final int burst;
  private final long refillNanos;
  private final LongSupplier nanoClock;
  private double available;
  private long updatedNanos;

  FailedAttemptLimiter(int burst, Duration refill, LongSupplier nanoClock) {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
    this.burst = burst;
    this.refillNanos = requireNonNull(refill, "refill is null").toNanos();
    if (refillNanos <= 0) {
      throw new IllegalArgumentException("refill must be positive: " + refill);
    }
    this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    this.available = burst;
    this.updatedNanos = nanoClock.getAsLong();
  }

  static FailedAttemptLimiter defaults() {
    return new FailedAttemptLimiter(DEFAULT_BURST, DEFAULT_REFILL, System::nanoTime);
  }

  /**
   * Takes one attempt from the bucket if one is left: each attempt is counted as wrong up front, so
   * concurrent guesses cannot all pass before the first is counted. {@link #succeeded} gives a
   * right one back.
   */
  synchronized boolean tryAttempt() {
    refill();
    if (available < 1.0) {
      return false;
    }
    available -= 1.0;
    return true;
  }

  /** Gives back the attempt of a right token: only wrong ones count. */
  synchronized void succeeded() {
    refill();
    available = Math.min(burst, available + 1.0);
  }

  /** Seconds until the next attempt is permitted (for {@code Retry-After}), at least 1. */
  synchronized long retryAfterSeconds() {
    refill();
    double missing = Math.max(0.0, 1.0 - available);
    return Math.max(1L, (long) Math.ceil(missing * refillNanos / 1e9));
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    available = Math.min(burst, available + (double) (now - updatedNanos) / refillNanos);
    updatedNanos = now;
  }
}
