package dev.catcafe.batch.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the batch sequence repeats.
 *
 * @param interval time from the start of one cycle to the start of the next (at least a minute: a
 *     cycle rewrites two days of summary and must not overlap the next one by design)
 * @param once run one cycle and exit with its status, instead of repeating
 */
public record ScheduleSettings(Duration interval, boolean once) {
  public static final Duration MINIMUM_INTERVAL = Duration.ofMinutes(1);

  public ScheduleSettings {
    requireNonNull(interval, "interval is null");
    if (interval.compareTo(MINIMUM_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "--interval is %s: expected at least %s".formatted(interval, MINIMUM_INTERVAL));
    }
  }
}
