package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A collar reading: one per available cat per simulation tick. */
public record CatWellness(
    @JsonProperty("event_time") String eventTime,
    @JsonProperty("cat_id") String catId,
    @JsonProperty("activity_level") double activityLevel,
    @JsonProperty("heart_rate") int heartRate,
    @JsonProperty("hours_since_last_drink") double hoursSinceLastDrink)
    implements CafeEvent {
  public CatWellness {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(catId, "catId is null");
  }

  @Override
  public String key() {
    return catId;
  }
}
