package dev.catcafe.streaming.alerts;

/**
 * Topic prefixes unique to one test run: the tests read their output topics from the beginning, so
 * a second run against the same platform must not find the first run's alerts there.
 */
final class RunPrefixes {
  private static final long RUN = System.currentTimeMillis();

  private RunPrefixes() {}

  static String of(String prefix) {
    return "%s%d-".formatted(prefix, RUN);
  }
}
