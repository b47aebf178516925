package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

/**
 * Helpers the settings records share to reject bad values with a message naming the setting; the
 * jobs' own config records use them too, so every setting fails the same way.
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

  static IllegalArgumentException invalid(String setting, String value, String expected) {
    return new IllegalArgumentException(
        "%s is '%s': expected %s".formatted(setting, value, expected));
  }

  static String requireIdentifier(String value, String setting) {
    String text = requireText(value, setting);
    if (!text.matches("[a-z_][a-z0-9_]*")) {
      throw invalid(setting, text, "a lower-case SQL identifier ([a-z_][a-z0-9_]*)");
    }
    return text;
  }
}
