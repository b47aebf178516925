package dev.catcafe.simulator.it;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Names of databases and topic prefixes unique to one test run, so re-running against a long-lived
 * platform never reads an earlier run's rows or events.
 */
final class RunNames {
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private RunNames() {}

  /** {@code sim_seed} becomes {@code sim_seed_<run>}. */
  static String database(String base) {
    return requireNonNull(base, "base is null") + "_" + RUN.toLowerCase(Locale.ROOT);
  }

  /** {@code sim-json-} becomes {@code sim-json-<run>-}. */
  static String topicPrefix(String base) {
    return requireNonNull(base, "base is null") + RUN + "-";
  }
}
