package dev.catcafe.batch.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 7d}.
 */
public final class Durations {
  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /** Accepts {@code <number><ms|s|m|h|d>} or ISO-8601 ({@code PT30S}). */
  public static Duration parse(String text) {
    String value = requireNonNull(text, "text is null").strip().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT_FORM.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'%s' is not a duration: expected e.g. 500ms, 30s, 5m, 2h, 7d or PT30S".formatted(text));
    }
  }

  /** The picocli converter, so options can be typed {@link Duration}. */
  public static final class Converter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parse(value);
    }
  }
}
