package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

public record CatLocation(
    @JsonProperty("event_time") String eventTime,
    @JsonProperty("cat_id") String catId,
    @JsonProperty("location") String location)
    implements CafeEvent {
  public CatLocation {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(catId, "catId is null");
    requireNonNull(location, "location is null");
  }

  @Override
  public String key() {
    return catId;
  }
}
