package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * What one check observed. {@code observed} is empty when nothing could be measured (a missing or
 * empty table), which fails the check; {@code detail} says what was seen (examples, a reason).
 */
public record CheckResult(
    QualityCheck check, OptionalDouble observed, boolean passed, String detail) {
  public CheckResult {
    requireNonNull(check, "check is null");
    requireNonNull(observed, "observed is null");
    requireNonNull(detail, "detail is null");
    if (passed && observed.isEmpty()) {
      throw new IllegalArgumentException(check.id() + ": nothing observed cannot pass");
    }
  }

  /** A count that must be zero. */
  static CheckResult zero(QualityCheck check, long count, String detail) {
    return new CheckResult(check, OptionalDouble.of(count), count == 0, detail);
  }

  /** Nothing to measure: the check fails with the reason. */
  static CheckResult unmeasurable(QualityCheck check, String reason) {
    return new CheckResult(check, OptionalDouble.empty(), false, reason);
  }

  /** {@code table.check=observed} and the detail when there is one, for the failure log line. */
  public String describe() {
    String value = observed.isPresent() ? format(observed.getAsDouble()) : "none";
    return "%s=%s (%s)%s"
        .formatted(
            check.id(), value, check.rule().expectation(), detail.isEmpty() ? "" : ": " + detail);
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
