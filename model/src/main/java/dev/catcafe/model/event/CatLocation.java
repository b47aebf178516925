package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.catcafe.model.Topic;

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
  public Topic topic() {
    return Topic.CAT_LOCATIONS;
  }

  @Override
  public String key() {
    return catId;
  }
}
