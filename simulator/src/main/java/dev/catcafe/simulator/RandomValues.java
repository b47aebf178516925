package dev.catcafe.simulator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The draws the original made with Python's {@code random} module, on a caller-supplied {@link
 * Random} so that a seed reproduces every value, ids included.
 */
public final class RandomValues {
  private RandomValues() {}

  /** Uniform integer in {@code [min, max]}, both inclusive, like Python's {@code randint}. */
  public static int intBetween(Random random, int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range [%d, %d]".formatted(min, max));
    }
    return min + random.nextInt(max - min + 1);
  }

  /** Uniform double in {@code [min, max)}, like Python's {@code uniform}. */
  public static double doubleBetween(Random random, double min, double max) {
    return min + random.nextDouble() * (max - min);
  }

  /** True with probability {@code probability}. */
  public static boolean chance(Random random, double probability) {
    return random.nextDouble() < probability;
  }

  public static <T> T pick(Random random, List<T> values) {
    requireNonNull(values, "values is null");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    return values.get(random.nextInt(values.size()));
  }

  public static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * A version-4 (random) UUID whose bits come from {@code random}: same seed, same ids, which is
   * what makes the generated profiles reproducible and a re-run recognisable.
   */
  public static UUID uuid(Random random) {
    long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  /** Rounds half-up to 2 decimal places, as the original's {@code round(x, 2)} nearly did. */
  public static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
