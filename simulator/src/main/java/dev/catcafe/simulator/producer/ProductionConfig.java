package dev.catcafe.simulator.producer;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import dev.catcafe.simulator.simulation.SimulationRules;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the live producer runs.
 *
 * @param ticksPerSecond ticks per wall-clock second when paced (the original: 1); ignored in burst
 * @param burst tick as fast as Kafka accepts the events, never sleeping (benchmarks)
 * @param duration stop after this long; empty: run until stopped
 * @param maxEvents stop after exactly this many events; 0: no limit
 * @param syntheticCats simulate this many made-up available cats instead of reading PostgreSQL's
 * @param syntheticVisitors simulate this many made-up visitors instead of reading PostgreSQL's
 * @param refreshInterval how often the cats and visitors are re-read from PostgreSQL (original: 60
 *     s); this is how an adopted cat stops producing events
 * @param statsInterval how often events/s per topic are logged
 * @param seed seed of the simulation's random numbers
 * @param rules the simulation's tunable probabilities
 */
public record ProductionConfig(
    double ticksPerSecond,
    boolean burst,
    Optional<Duration> duration,
    long maxEvents,
    OptionalInt syntheticCats,
    OptionalInt syntheticVisitors,
    Duration refreshInterval,
    Duration statsInterval,
    long seed,
    SimulationRules rules) {
  public static final double MAXIMUM_TICKS_PER_SECOND = 1_000_000;

  /** The original's pace: one tick a second. */
  public static final long DEFAULT_TICK_MILLIS = 1000;

  /** The original re-reads cats and visitors every minute. */
  public static final String DEFAULT_REFRESH_INTERVAL_TEXT = "60s";

  public static final String DEFAULT_STATS_INTERVAL_TEXT = "10s";

  public ProductionConfig {
    if (!(ticksPerSecond > 0 && ticksPerSecond <= MAXIMUM_TICKS_PER_SECOND)) {
      throw new IllegalArgumentException(
          "ticks per second (--speed, or 1000/--tick-millis) is %s: expected more than 0 and at most %s"
              .formatted(ticksPerSecond, MAXIMUM_TICKS_PER_SECOND));
    }
    requireNonNull(duration, "duration is null");
    requireNonNull(syntheticCats, "syntheticCats is null");
    requireNonNull(syntheticVisitors, "syntheticVisitors is null");
    requireNonNull(refreshInterval, "refreshInterval is null");
    requireNonNull(statsInterval, "statsInterval is null");
    requireNonNull(rules, "rules is null");
    if (maxEvents < 0) {
      throw new IllegalArgumentException(
          "--max-events is %d: expected 0 (no limit) or more".formatted(maxEvents));
    }
    requireCount(syntheticCats, "--cats");
    requireCount(syntheticVisitors, "--visitors");
    Durations.requirePositive(refreshInterval, "--refresh-interval");
    Durations.requirePositive(statsInterval, "--stats-interval");
    duration.ifPresent(value -> Durations.requirePositive(value, "--duration"));
  }

  /** Whether PostgreSQL is needed: unless both cats and visitors are synthetic. */
  public boolean readsDatabase() {
    return syntheticCats.isEmpty() || syntheticVisitors.isEmpty();
  }

  public long tickIntervalNanos() {
    return Math.round(1e9 / ticksPerSecond);
  }

  private static void requireCount(OptionalInt count, String option) {
    if (count.isPresent() && (count.getAsInt() < 0 || count.getAsInt() > 10_000_000)) {
      throw new IllegalArgumentException(
          "%s is %d: expected 0 to 10000000".formatted(option, count.getAsInt()));
    }
  }
}
