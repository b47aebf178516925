package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

public record VisitorCheckin(
    @JsonProperty("event_time") String eventTime, @JsonProperty("visitor_id") String visitorId)
    implements CafeEvent {
  public VisitorCheckin {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(visitorId, "visitorId is null");
  }

  @Override
  public String key() {
    return visitorId;
  }
}
