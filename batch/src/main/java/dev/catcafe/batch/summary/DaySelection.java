package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days of {@code daily_cat_summary} a run rewrites: a range of UTC days, a set of them (the
 * days whose raw data changed), or all of them.
 */
public sealed interface DaySelection {
  /** The default when no day is named: yesterday and today (UTC), so late events still land. */
  static DaySelection yesterdayAndToday(Clock clock) {
    LocalDate today =
        LocalDate.now(requireNonNull(clock, "clock is null").withZone(ZoneOffset.UTC));
    return new DayRange(today.minusDays(1), today);
  }

  static DaySelection day(LocalDate day) {
    return new DayRange(day, day);
  }

  /** Every day that has events: the table is rebuilt from the raw tables. */
  record AllDays() implements DaySelection {
    @Override
    public String toString() {
      return "all days";
    }
  }

  /** The UTC days {@code first} to {@code last}, both included. */
  record DayRange(LocalDate first, LocalDate last) implements DaySelection {
    /** A bound on one run, so a typo in a year cannot start a rewrite of centuries. */
    public static final int MAX_DAYS = 3660;

    public DayRange {
      requireNonNull(first, "first is null");
      requireNonNull(last, "last is null");
      if (last.isBefore(first)) {
        throw new IllegalArgumentException(
            "the last day (%s) is before the first (%s)".formatted(last, first));
      }
      if (first.plusDays(MAX_DAYS).isBefore(last)) {
        throw new IllegalArgumentException(
            "%s to %s is more than %d days: use --all to rebuild everything"
                .formatted(first, last, MAX_DAYS));
      }
    }

    public List<LocalDate> days() {
      return first.datesUntil(last.plusDays(1)).toList();
    }

    @Override
    public String toString() {
      return first.equals(last) ? first.toString() : first + " to " + last;
    }
  }

  /**
   * The given UTC days, in any order and with gaps; possibly none (a run that rewrites nothing).
   */
  static Days days(Collection<LocalDate> days) {
    return new Days(new TreeSet<>(requireNonNull(days, "days is null")));
  }

  /**
   * The days whose raw data changed, as one run rewrites them: those days, or all days when they
   * are more than {@link DayRange#MAX_DAYS} (a scheduled catch-up must not fail on a large
   * backfill, and a rebuild is then the cheaper run).
   */
  static DaySelection changed(Collection<LocalDate> days) {
    Set<LocalDate> distinct = Set.copyOf(requireNonNull(days, "days is null"));
    return distinct.size() > DayRange.MAX_DAYS ? new AllDays() : days(distinct);
  }

  /** A set of UTC days, such as the days whose raw data changed since the last run. */
  record Days(SortedSet<LocalDate> days) implements DaySelection {
    public Days {
      requireNonNull(days, "days is null");
      days = Collections.unmodifiableSortedSet(new TreeSet<>(days));
      if (days.size() > DayRange.MAX_DAYS) {
        throw new IllegalArgumentException(
            "%d days is more than %d: use --all to rebuild everything"
                .formatted(days.size(), DayRange.MAX_DAYS));
      }
    }

    public boolean isEmpty() {
      return days.isEmpty();
    }

    /** The days as runs of consecutive days, so a filter has few terms. */
    public List<DayRange> ranges() {
      List<DayRange> ranges = new ArrayList<>();
      LocalDate first = null;
      LocalDate last = null;
      for (LocalDate day : days) {
        if (last != null && day.equals(last.plusDays(1))) {
          last = day;
          continue;
        }
        if (first != null) {
          ranges.add(new DayRange(first, last));
        }
        first = day;
        last = day;
      }
      if (first != null) {
        ranges.add(new DayRange(first, last));
      }
      return ranges;
    }

    @Override
    public String toString() {
      if (days.isEmpty()) {
        return "no days";
      }
      return String.join(", ", ranges().stream().map(DayRange::toString).toList());
    }
  }
}
