package dev.catcafe.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The wire form of every timestamp on Kafka: UTC, millisecond precision, a literal {@code Z}, e.g.
 * {@code 2025-10-07T19:24:56.123Z}. The original wrote local time with a {@code Z} appended; we
 * always write UTC so the {@code Z} is true.
 */
public final class EventTimes {
  /** The pattern in Spark's and Java's datetime syntax. */
  public static final String PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

  private static final DateTimeFormatter FORMATTER =
      DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneOffset.UTC);

  private EventTimes() {}

  public static String format(Instant instant) {
    return FORMATTER.format(requireNonNull(instant, "instant is null"));
  }

  public static Instant parse(String text) {
    return FORMATTER.parse(requireNonNull(text, "text is null"), Instant::from);
  }
}
