package dev.catcafe.platform.testing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, instead of sleeping a fixed time and hoping. */
public final class Polling {
  private static final Duration INTERVAL = Duration.ofMillis(100);

  private Polling() {}

  /** Returns once {@code condition} holds; fails naming {@code what} when the deadline passes. */
  public static void await(Duration timeout, String what, BooleanSupplier condition) {
    requireNonNull(what, "what is null");
    if (!holdsWithin(timeout, condition)) {
      throw new AssertionError("timed out after %s waiting for %s".formatted(timeout, what));
    }
  }

  /**
   * Whether {@code condition} comes to hold before the deadline: for callers that try something
   * else when it does not (a retry), rather than fail.
   */
  public static boolean holdsWithin(Duration timeout, BooleanSupplier condition) {
    requireNonNull(condition, "condition is null");
    long deadline = System.nanoTime() + requireNonNull(timeout, "timeout is null").toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(INTERVAL.toNanos());
    }
    return true;
  }

  /**
   * Runs {@code assertion} until it passes; when the deadline passes, rethrows its last failure so
   * the report shows what was still wrong.
   */
  public static void awaitAsserted(Duration timeout, Runnable assertion) {
    requireNonNull(assertion, "assertion is null");
    long deadline = System.nanoTime() + requireNonNull(timeout, "timeout is null").toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError failure) {
        if (System.nanoTime() > deadline) {
          throw failure;
        }
      }
      LockSupport.parkNanos(INTERVAL.toNanos());
    }
  }
}
