package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VisitorCheckin(String eventTime, String visitorId) implements CafeEvent {
  public VisitorCheckin {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(visitorId, "visitorId is null");
  }

  @Override
  public String key() {
    return visitorId;
  }
}
