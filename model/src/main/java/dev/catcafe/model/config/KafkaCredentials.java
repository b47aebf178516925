package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

/**
 * A Kafka principal's SCRAM credentials ({@code KAFKA_USERNAME}, {@code KAFKA_PASSWORD}). Both go
 * into a JAAS line between double quotes, so neither may hold a quote or a backslash.
 */
public record KafkaCredentials(String username, String password) {
  public static final String USERNAME_SETTING = "KAFKA_USERNAME (--kafka-username)";
  public static final String PASSWORD_SETTING = "KAFKA_PASSWORD";

  public KafkaCredentials {
    username =
        Settings.requireMatching(
            username, USERNAME_SETTING, "[A-Za-z0-9._\\-]+", "letters, digits, '.', '_' or '-'");
    requireNonNull(password, "password is null");
    if (password.isEmpty() || password.contains("\"") || password.contains("\\")) {
      throw new IllegalArgumentException(
          PASSWORD_SETTING + " must be set and hold no double quote or backslash");
    }
  }

  /** Never the password: settings are logged. */
  @Override
  public String toString() {
    return "KafkaCredentials[username=" + username + ", password=***]";
  }
}
