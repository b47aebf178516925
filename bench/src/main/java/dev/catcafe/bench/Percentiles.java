package dev.catcafe.bench;

import static java.util.Objects.requireNonNull;

/**
 * Nearest-rank percentiles of sorted measurements, the one definition every benchmark reports: the
 * p-th percentile is the smallest value with at least p % of the values at or below it.
 */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code percent}-th percentile (0 to 100) of non-empty ascending {@code sorted} values. */
  public static long nearestRank(long[] sorted, double percent) {
    requireNonNull(sorted, "sorted is null");
    return sorted[index(sorted.length, percent)];
  }

  /** The {@code percent}-th percentile (0 to 100) of non-empty ascending {@code sorted} values. */
  public static double nearestRank(double[] sorted, double percent) {
    requireNonNull(sorted, "sorted is null");
    return sorted[index(sorted.length, percent)];
  }

  private static int index(int count, double percent) {
    if (count == 0) {
      throw new IllegalArgumentException("no values to take a percentile of");
    }
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent is %s: expected 0 to 100".formatted(percent));
    }
    int rank = (int) Math.ceil(percent / 100.0 * count);
    return Math.max(0, Math.min(count - 1, rank - 1));
  }
}
