package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Helpers every settings record shares (here and in the job modules' configs) to reject bad values
 * with a message naming the setting.
 */
public final class Settings {
  private Settings() {}

  /** Fails unless {@code value} is non-blank; names the setting by its variable and option. */
  public static String requireText(String value, String setting) {
    requireNonNull(setting, "setting is null");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("%s must be set".formatted(setting));
    }
    return value.strip();
  }

  public static IllegalArgumentException invalid(String setting, String value, String expected) {
    return new IllegalArgumentException(
        "%s is '%s': expected %s".formatted(setting, value, expected));
  }

  /**
   * Fails unless {@code value} is non-blank and, stripped, matches {@code pattern}; the message
   * names the setting, the value and the {@code expected} form.
   */
  public static String requireMatching(
      String value, String setting, String pattern, String expected) {
    String text = requireText(value, setting);
    if (!text.matches(pattern)) {
      throw invalid(setting, text, expected);
    }
    return text;
  }

  public static String requireIdentifier(String value, String setting) {
    return requireMatching(
        value, setting, "[a-z_][a-z0-9_]*", "a lower-case SQL identifier ([a-z_][a-z0-9_]*)");
  }

  /**
   * The constant of {@code type} whose lower-case name is {@code text} (any case); otherwise a
   * message naming the setting and every choice.
   */
  public static <E extends Enum<E>> E requireChoice(String text, String setting, Class<E> type) {
    String value = requireText(text, setting);
    E[] choices = type.getEnumConstants();
    return Arrays.stream(choices)
        .filter(choice -> choice.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () ->
                invalid(
                    setting,
                    value,
                    "one of "
                        + Arrays.stream(choices)
                            .map(choice -> choice.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))));
  }
}
