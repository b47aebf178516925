package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A few days of wellness readings and interactions for a handful of cats, generated from a seed,
 * and the summary they should give, computed here in plain Java (no Spark, no SQL) so the job is
 * checked against an independent computation.
 */
public final class TestingCafeEvents {
  private static final List<String> INTERACTION_TYPES =
      List.of("pet", "play", "feed", "photo", "like");

  /** One wellness reading. */
  public record Wellness(Instant time, String catId, double activity, double hours) {
    Row row() {
      return RowFactory.create(Timestamp.from(time), catId, activity, 100, hours);
    }
  }

  /** One interaction. */
  public record Interaction(Instant time, String catId, String type) {
    Row row() {
      return RowFactory.create(Timestamp.from(time), "it-visitor", catId, type);
    }
  }

  /** One expected summary row; doubles rounded so float summation order does not matter. */
  public record SummaryRow(
      LocalDate day,
      String catId,
      String name,
      double avgActivity,
      double maxHours,
      long interactions,
      long likes) {
    public static SummaryRow of(Row row) {
      return new SummaryRow(
          row.getDate(0).toLocalDate(),
          row.getString(1),
          row.getString(2),
          round(row.getDouble(3)),
          round(row.getDouble(4)),
          row.getLong(5),
          row.getLong(6));
    }
  }

  private final List<Wellness> wellness = new ArrayList<>();
  private final List<Interaction> interactions = new ArrayList<>();

  /**
   * Random readings and interactions for {@code catIds} on {@code days}: each cat-day gets 0–4 of
   * each (so some have only one kind), plus readings one millisecond either side of each midnight.
   */
  public static TestingCafeEvents generate(long seed, List<String> catIds, List<LocalDate> days) {
    Random random = new Random(seed);
    TestingCafeEvents events = new TestingCafeEvents();
    for (LocalDate day : days) {
      Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
      for (String cat : catIds) {
        events.wellness.addAll(
            zeroToFour(
                random,
                () ->
                    new Wellness(
                        start.plusSeconds(random.nextInt(86_400)),
                        cat,
                        twoDecimals(0.1 + random.nextDouble() * 9.9),
                        twoDecimals(0.5 + random.nextDouble() * 3.4))));
        events.interactions.addAll(
            zeroToFour(
                random,
                () ->
                    new Interaction(
                        start.plusSeconds(random.nextInt(86_400)),
                        cat,
                        INTERACTION_TYPES.get(random.nextInt(INTERACTION_TYPES.size())))));
      }
      // Day boundaries: the last millisecond of the day and the first of the next.
      String cat = catIds.get(0);
      events.wellness.add(new Wellness(start.plusMillis(86_399_999), cat, 1.0, 3.9));
      events.interactions.add(new Interaction(start.plusMillis(86_399_999), cat, "like"));
      events.interactions.add(new Interaction(start.plusSeconds(86_400), cat, "pet"));
    }
    return events;
  }

  /** A random count from 0 to 4 of {@code event}s, drawn in order from the same {@code random}. */
  private static <T> List<T> zeroToFour(Random random, Supplier<T> event) {
    int count = random.nextInt(5);
    List<T> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(event.get());
    }
    return events;
  }

  /** Every UTC day that has an event. */
  public Set<LocalDate> days() {
    Set<LocalDate> days = new TreeSet<>();
    wellness.forEach(reading -> days.add(utcDay(reading.time())));
    interactions.forEach(interaction -> days.add(utcDay(interaction.time())));
    return days;
  }

  public List<Row> wellnessRows() {
    return wellness.stream().map(Wellness::row).toList();
  }

  public List<Row> interactionRows() {
    return interactions.stream().map(Interaction::row).toList();
  }

  /** The summary of the given days, by (day, cat_id), with names from {@code names}. */
  public List<SummaryRow> expectedSummary(
      Map<String, String> names, Collection<LocalDate> selectedDays) {
    requireNonNull(names, "names is null");
    Map<String, Accumulator> byDayAndCat = new TreeMap<>();
    for (Wellness reading : wellness) {
      accumulator(byDayAndCat, selectedDays, reading.time(), reading.catId())
          .ifPresent(
              accumulator -> {
                accumulator.activitySum += reading.activity();
                accumulator.readings++;
                accumulator.maxHours = Math.max(accumulator.maxHours, reading.hours());
              });
    }
    for (Interaction interaction : interactions) {
      accumulator(byDayAndCat, selectedDays, interaction.time(), interaction.catId())
          .ifPresent(
              accumulator -> {
                accumulator.interactions++;
                if (interaction.type().equals("like")) {
                  accumulator.likes++;
                }
              });
    }
    return byDayAndCat.values().stream()
        .map(
            a ->
                new SummaryRow(
                    a.day,
                    a.catId,
                    names.get(a.catId),
                    a.readings == 0 ? 0.0 : round(a.activitySum / a.readings),
                    a.readings == 0 ? 0.0 : round(a.maxHours),
                    a.interactions,
                    a.likes))
        .sorted(Comparator.comparing(SummaryRow::day).thenComparing(SummaryRow::catId))
        .toList();
  }

  /**
   * The accumulator of {@code catId} on the UTC day of {@code time}, made on first use; empty when
   * that day is not selected.
   */
  private static Optional<Accumulator> accumulator(
      Map<String, Accumulator> byDayAndCat,
      Collection<LocalDate> selectedDays,
      Instant time,
      String catId) {
    LocalDate day = utcDay(time);
    if (!selectedDays.contains(day)) {
      return Optional.empty();
    }
    return Optional.of(
        byDayAndCat.computeIfAbsent(day + "|" + catId, key -> new Accumulator(day, catId)));
  }

  /** Summary rows read from Spark, in (day, cat_id) order, comparable with the expectation. */
  public static List<SummaryRow> actual(List<Row> rows) {
    return rows.stream()
        .map(SummaryRow::of)
        .sorted(Comparator.comparing(SummaryRow::day).thenComparing(SummaryRow::catId))
        .toList();
  }

  public static Date sqlDate(LocalDate day) {
    return Date.valueOf(day);
  }

  private static LocalDate utcDay(Instant time) {
    return LocalDate.ofInstant(time, ZoneOffset.UTC);
  }

  private static double twoDecimals(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static double round(double value) {
    return Math.round(value * 1e9) / 1e9;
  }

  private static final class Accumulator {
    final LocalDate day;
    final String catId;
    double activitySum;
    long readings;
    double maxHours = Double.NEGATIVE_INFINITY;
    long interactions;
    long likes;

    Accumulator(LocalDate day, String catId) {
      this.day = day;
      this.catId = catId;
    }
  }
}
