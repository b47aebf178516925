package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Whether a series sampled during a soak stays bounded after its warm-up: the peak of its second
 * half may exceed the peak of its first half by at most a factor and a slack. A leak or a lag that
 * keeps growing fails; the saw-tooth of a garbage collector or of micro-batches does not.
 *
 * @param factor how much higher the second half's peak may be, e.g. 1.5
 * @param slack what the second half's peak may exceed that by in absolute terms (bytes, records),
 *     so a near-zero series is not judged by noise
 */
public record Flatness(double factor, long slack) {
  public Flatness {
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("factor is %s: expected at least 1".formatted(factor));
    }
    if (slack < 0) {
      throw new IllegalArgumentException("slack is %d: expected at least 0".formatted(slack));
    }
  }

  /** True if {@code values} (in sampling order, warm-up excluded) stay bounded. */
  public boolean holds(List<Long> values) {
    requireNonNull(values, "values is null");
    if (values.size() < 2) {
      return true;
    }
    int half = values.size() / 2;
    long firstPeak = values.subList(0, half).stream().mapToLong(Long::longValue).max().orElse(0);
    long secondPeak =
        values.subList(half, values.size()).stream().mapToLong(Long::longValue).max().orElse(0);
    return secondPeak <= firstPeak * factor + slack;
  }
}
