package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Arrays;
import java.util.List;

/**
 * What the Adopter Detective raises (spec §4.2), plus an id that is stable across restarts. The
 * wire format of {@code liked_cats} and the wording of {@code alert_message} live here alone: the
 * Detective writes them, the alert UI reads the one and rewrites the other.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PotentialAdopterAlert(
    String visitorId,
    String alertTime,
    String likedCats,
    long numberOfLikes,
    String alertMessage,
    String alertId)
    implements CafeEvent {
  /** How {@code liked_cats} joins the cat ids: the original's {@code LISTAGG} separator. */
  public static final String LIKED_CATS_SEPARATOR = ", ";

  public PotentialAdopterAlert {
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(alertTime, "alertTime is null");
    requireNonNull(likedCats, "likedCats is null");
    requireNonNull(alertMessage, "alertMessage is null");
    requireNonNull(alertId, "alertId is null");
  }

  /**
   * The alert that {@code visitorId} liked {@code likedCatIds} (in that order), the last like at
   * {@code alertTime}: the count is theirs, the message names the visitor by id, as the original's.
   */
  public static PotentialAdopterAlert of(
      String visitorId, String alertTime, List<String> likedCatIds, String alertId) {
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(likedCatIds, "likedCatIds is null");
    return new PotentialAdopterAlert(
        visitorId,
        alertTime,
        String.join(LIKED_CATS_SEPARATOR, likedCatIds),
        likedCatIds.size(),
        message(visitorId, likedCatIds.size()),
        alertId);
  }

  /**
   * The original's message about {@code who}: the visitor's id in the alert on Kafka, their first
   * name on the alert UI's page.
   */
  public static String message(String who, long numberOfLikes) {
    return "Potential adopter detected: %s has liked %d cats."
        .formatted(requireNonNull(who, "who is null"), numberOfLikes);
  }

  /**
   * The cat ids of a {@code liked_cats} value, stripped, the empty ones dropped (none for {@code
   * null}): lenient, as the value may come from the original's Flink job.
   */
  public static List<String> likedCatIds(String likedCats) {
    if (likedCats == null) {
      return List.of();
    }
    return Arrays.stream(likedCats.split(","))
        .map(String::strip)
        .filter(id -> !id.isEmpty())
        .toList();
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
