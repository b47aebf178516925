package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What the Wellness Guardian raises (spec §4.1), plus an id that is stable across restarts. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatHealthAlert(
    String alertTime,
    String catId,
    String alertType,
    double value,
    double threshold,
    String alertMessage,
    String alertId)
    implements CafeEvent {
  public CatHealthAlert {
    requireNonNull(alertTime, "alertTime is null");
    requireNonNull(catId, "catId is null");
    requireNonNull(alertType, "alertType is null");
    requireNonNull(alertMessage, "alertMessage is null");
    requireNonNull(alertId, "alertId is null");
  }

  @Override
  public String key() {
    return catId;
  }
}
