package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The UTC days whose rows a run checks: yesterday and today, the days the summary's first run
 * writes and every daily run revisits, so each day is checked at least twice as it closes. Older
 * days were checked when they were recent; the whole history would grow every run's cost.
 *
 * @param now the run's time: freshness is measured against it
 */
public record QualityWindow(LocalDate firstDay, LocalDate lastDay, Instant now) {
  public QualityWindow {
    requireNonNull(firstDay, "firstDay is null");
    requireNonNull(lastDay, "lastDay is null");
    requireNonNull(now, "now is null");
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException(
          "window ends before it starts: " + firstDay + ".." + lastDay);
    }
  }

  /** Yesterday and today (UTC) by {@code clock}. */
  public static QualityWindow yesterdayAndToday(Clock clock) {
    Instant now = requireNonNull(clock, "clock is null").instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new QualityWindow(today.minusDays(1), today, now);
  }

  /** The window's first instant (included). */
  public Instant start() {
    return firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The instant after the window (excluded). */
  public Instant end() {
    return lastDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
