package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

public record CatInteraction(
    @JsonProperty("event_time") String eventTime,
    @JsonProperty("visitor_id") String visitorId,
    @JsonProperty("cat_id") String catId,
    @JsonProperty("interaction_type") String interactionType)
    implements CafeEvent {
  public CatInteraction {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(catId, "catId is null");
    requireNonNull(interactionType, "interactionType is null");
  }

  @Override
  public String key() {
    return catId;
  }
}
