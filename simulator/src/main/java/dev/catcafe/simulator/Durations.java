package dev.catcafe.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations of command-line options: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}
 * or ISO {@code PT30S}.
 */
public final class Durations {
  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text, String option) {
    requireNonNull(option, "option is null");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("%s must be set".formatted(option));
    }
    String trimmed = text.strip();
    Matcher matcher = SHORT_FORM.matcher(trimmed);
    Duration duration;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration =
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
    } else {
      try {
        duration = Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "%s is '%s': expected a duration like 500ms, 30s, 5m, 2h or PT30S"
                .formatted(option, text));
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "%s is '%s': expected a positive duration".formatted(option, text));
    }
    return duration;
  }
}
