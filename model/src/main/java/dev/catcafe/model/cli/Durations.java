package dev.catcafe.model.cli;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 2h}, {@code 7d} (a space before the unit is fine), or ISO-8601 ({@code PT30S}). Every
 * command of the project parses them here, so they all accept the same forms.
 */
public final class Durations {
  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a duration must be set");
    }
    String value = text.strip().toLowerCase(Locale.ROOT);
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

  /** {@code duration} if it is more than zero; otherwise fails naming {@code setting}. */
  public static Duration requirePositive(Duration duration, String setting) {
    requireNonNull(setting, "setting is null");
    requireNonNull(duration, setting + " is null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "%s is %s: expected a positive duration".formatted(setting, duration));
    }
    return duration;
  }

  /**
   * The picocli converter, so options can be typed {@link Duration}: every duration option names it
   * ({@code converter = Durations.Converter.class}), and a bad value is a usage error that names
   * the option.
   */
  public static final class Converter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
