package dev.catcafe.streaming.alerts;

import static dev.catcafe.model.testing.TestingOptions.KAFKA_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_DEFAULTS;

/** {@link AlertStreamOptions} as both alert jobs' config tests record it, written once. */
final class TestingAlertStreamOptions {
  static final String STREAM_DEFAULTS =
      KAFKA_DEFAULTS
          + """
          --checkpoint-location
          --starting-offsets     latest
          """;

  /** Gives {@link dev.catcafe.model.testing.TestingOptions#KAFKA_SETTINGS} and these values. */
  static final String STREAM_ARGUMENTS =
      KAFKA_ARGUMENTS
          + """
          --checkpoint-location  /tmp/cp
          --starting-offsets     earliest
          """;

  private TestingAlertStreamOptions() {}
}
