package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Test-only crash points: the moments at which a crash is dangerous for exactly-once, named so a
 * test can stop a job at each of them instead of killing it at a random moment and hoping.
 *
 * <p>Started with {@code -Dcatcafe.fault.halt-at=<point>} (the name, case-insensitive), a JVM halts
 * with {@link #HALT_STATUS} the first time it reaches that point: {@link Runtime#halt}, no shutdown
 * hook, no flush, as {@code kill -9} would. Without the property nothing is armed and {@link
 * #reach} costs one comparison of a constant.
 */
public enum FaultPoint {
  /** Ingestion: the raw table holds the batch, {@code ingest_errors} does not yet. */
  INGEST_AFTER_RAW_COMMIT,
  /**
   * Ingestion: both tables hold the batch; Structured Streaming has not written the batch to the
   * checkpoint's commit log (it does so after the sink returns), so a restart replays the batch.
   */
  INGEST_BEFORE_CHECKPOINT_COMMIT,
  /**
   * Table maintenance: the compaction has written rewritten files (its first task ended) and has
   * not finished committing them.
   */
  MAINTENANCE_MID_REWRITE,
  /**
   * An alert job: the broker has acknowledged the first alert the job sent, and the batch that
   * holds it is not in the checkpoint's commit log (the task has not even finished), so a restart
   * sends the batch's alerts again.
   */
  ALERT_AFTER_KAFKA_WRITE;

  /** The system property that arms a point. */
  public static final String PROPERTY = "catcafe.fault.halt-at";

  /** The exit status of a JVM halted at a fault point (distinct from a failure's 1). */
  public static final int HALT_STATUS = 86;

  private static final FaultPoint ARMED = parse(System.getProperty(PROPERTY));

  /** Whether this JVM halts at this point. */
  public boolean isArmed() {
    return this == ARMED;
  }

  /**
   * Halts the JVM if this point is armed; otherwise does nothing (not even build the context).
   * {@code context} says where (the table, the batch) in the line printed before halting.
   */
  public void reach(Supplier<String> context) {
    if (this == ARMED) {
      halt(requireNonNull(context, "context is null").get());
    }
  }

  /** The JVM option that arms this point. */
  public String jvmOption() {
    return "-D%s=%s".formatted(PROPERTY, name());
  }

  private void halt(String context) {
    System.out.flush();
    System.err.println("fault point %s reached (%s): halting the JVM".formatted(name(), context));
    System.err.flush();
    Runtime.getRuntime().halt(HALT_STATUS);
  }

  /** The point {@code value} names, null for none; a name that is no point is an error. */
  static FaultPoint parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-D%s=%s names no fault point; known: %s"
              .formatted(PROPERTY, value, Arrays.toString(values())),
          e);
    }
  }
}
