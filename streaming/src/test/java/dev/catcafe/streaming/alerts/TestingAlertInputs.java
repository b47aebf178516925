package dev.catcafe.streaming.alerts;

import dev.catcafe.model.EventTimes;
import java.time.Instant;

/** The JSON values the alert jobs read, as the simulator writes them, for unit and IT suites. */
final class TestingAlertInputs {
  /** Interactions are timed in seconds after this instant. */
  static final Instant START = Instant.parse("2025-10-07T19:00:00.000Z");

  /** The event time of every wellness reading. */
  static final String READING_TIME = "2025-10-07T19:25:00.123Z";

  private TestingAlertInputs() {}

  static String like(String visitorId, String catId, int secondsAfterStart) {
    return interaction(visitorId, catId, "like", secondsAfterStart);
  }

  static String interaction(String visitorId, String catId, String type, int secondsAfterStart) {
    return "{\"event_time\":\"%s\",\"visitor_id\":\"%s\",\"cat_id\":\"%s\",\"interaction_type\":\"%s\"}"
        .formatted(EventTimes.format(START.plusSeconds(secondsAfterStart)), visitorId, catId, type);
  }

  static String reading(String catId, double activity, double hoursSinceDrink) {
    return ("{\"event_time\":\"%s\",\"cat_id\":\"%s\","
            + "\"activity_level\":%s,\"heart_rate\":120,\"hours_since_last_drink\":%s}")
        .formatted(READING_TIME, catId, activity, hoursSinceDrink);
  }
}
