package dev.catcafe.batch.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/** Parses an interval written the way people write it ({@code 90s}, {@code 15m}, {@code 1h}). */
public final class Intervals implements ITypeConverter<Duration> {
  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*([smhd])");

  /** Also accepts ISO-8601 ({@code PT1H30M}). */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an interval must be given, e.g. 1h, 15m, 90s");
    }
    String value = text.strip().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT_FORM.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> throw new IllegalStateException("pattern admits no other unit");
      };
    }
    try {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'%s' is not an interval: expected e.g. 1h, 15m, 90s or PT1H".formatted(text), e);
    }
  }

  @Override
  public Duration convert(String value) {
    return parse(value);
  }
}
