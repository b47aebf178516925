package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatInteraction(
    String eventTime, String visitorId, String catId, String interactionType) implements CafeEvent {
  public CatInteraction {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(catId, "catId is null");
    requireNonNull(interactionType, "interactionType is null");
  }

  @Override
  public String key() {
    return visitorId;
  }
}
