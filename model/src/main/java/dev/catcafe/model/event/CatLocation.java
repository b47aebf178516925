package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatLocation(String eventTime, String catId, String location) implements CafeEvent {
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
