package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the Wellness Guardian raises (spec §4.1), plus an id that is stable across restarts. */
public record CatHealthAlert(
    @JsonProperty("alert_time") String alertTime,
    @JsonProperty("cat_id") String catId,
    @JsonProperty("alert_type") String alertType,
    @JsonProperty("value") double value,
    @JsonProperty("threshold") double threshold,
    @JsonProperty("alert_message") String alertMessage,
    @JsonProperty("alert_id") String alertId)
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
