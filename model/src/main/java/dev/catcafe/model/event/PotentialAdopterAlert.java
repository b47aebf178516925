package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What the Adopter Detective raises (spec §4.2), plus an id that is stable across restarts. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PotentialAdopterAlert(
    String visitorId,
    String alertTime,
    String likedCats,
    long numberOfLikes,
    String alertMessage,
    String alertId)
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
