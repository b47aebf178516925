package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the Adopter Detective raises (spec §4.2), plus an id that is stable across restarts. */
public record PotentialAdopterAlert(
    @JsonProperty("visitor_id") String visitorId,
    @JsonProperty("alert_time") String alertTime,
    @JsonProperty("liked_cats") String likedCats,
    @JsonProperty("number_of_likes") long numberOfLikes,
    @JsonProperty("alert_message") String alertMessage,
    @JsonProperty("alert_id") String alertId)
    implements CafeEvent {
  public PotentialAdopterAlert {
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(alertTime, "alertTime is null");
    requireNonNull(likedCats, "likedCats is null");
    requireNonNull(alertMessage, "alertMessage is null");
    requireNonNull(alertId, "alertId is null");
  }

  /**
   * The original's upsert sink keyed these by a JSON object, {@code {"visitor_id":"…"}}; we keep
   * it.
   */
  @Override
  public String key() {
    return "{\"visitor_id\":\"" + visitorId + "\"}";
  }
}
