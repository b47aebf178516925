package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

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

  public static String requireIdentifier(String value, String setting) {
    String text = requireText(value, setting);
    if (!text.matches("[a-z_][a-z0-9_]*")) {
      throw invalid(setting, text, "a lower-case SQL identifier ([a-z_][a-z0-9_]*)");
    }
    return text;
  }
}
