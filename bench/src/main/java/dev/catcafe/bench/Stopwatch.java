package dev.catcafe.bench;

/**
 * Wall-clock time since a start, on {@link System#nanoTime()}: how every benchmark times a step, in
 * the units it prints.
 */
public final class Stopwatch {
  private final long startedNanos;

  private Stopwatch(long startedNanos) {
    this.startedNanos = startedNanos;
  }

  /** A stopwatch started now. */
  public static Stopwatch start() {
    return new Stopwatch(System.nanoTime());
  }

  /** Seconds since the start. */
  public double seconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /** Milliseconds since the start. */
  public double millis() {
    return (System.nanoTime() - startedNanos) / 1e6;
  }
}
