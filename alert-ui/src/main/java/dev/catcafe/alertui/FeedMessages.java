package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catcafe.model.CatStatus;
import dev.catcafe.model.WireName;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.PotentialAdopterAlert;

/**
 * Shapes the WebSocket frames of the Live Cafe Feed exactly as the original did (spec §5.5): {@code
 * {"type": …, "data": {…}}}, where {@code data} is the alert as read from Kafka plus the name the
 * UI looked up.
 */
public final class FeedMessages {
  /** The original's fallbacks when a profile is missing from PostgreSQL. */
  public static final String UNKNOWN_CAT = "Unknown Cat";

  public static final String UNKNOWN_VISITOR = "A visitor";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FeedMessages() {}

  public static ObjectNode healthAlert(CatHealthAlert alert, String catName) {
    requireNonNull(alert, "alert is null");
    ObjectNode data = MAPPER.valueToTree(alert);
    data.put("cat_name", catNameOrUnknown(catName));
    return envelope(MessageType.CAT_HEALTH_ALERT, data);
  }

  /**
   * The adopter alert with the original's rewrite: the thin alert names the visitor by id, the page
   * shows the first name instead.
   */
  public static ObjectNode potentialAdopter(PotentialAdopterAlert alert, String visitorFullName) {
    requireNonNull(alert, "alert is null");
    String firstName = firstName(visitorFullName);
    ObjectNode data = MAPPER.valueToTree(alert);
    data.put("alert_message", PotentialAdopterAlert.message(firstName, alert.numberOfLikes()));
    data.put("visitor_name", firstName);
    return envelope(MessageType.POTENTIAL_ADOPTER, data);
  }

  public static ObjectNode catStatusUpdate(String catId, String catName) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put("cat_id", requireNonNull(catId, "catId is null"));
    data.put("cat_name", catNameOrUnknown(catName));
    data.put("status", CatStatus.ADOPTED.wireName());
    return envelope(MessageType.CAT_STATUS_UPDATE, data);
  }

  /** The first word of a "First Last" name, or {@value #UNKNOWN_VISITOR} when there is none. */
  public static String firstName(String fullName) {
    if (fullName == null || fullName.isBlank()) {
      return UNKNOWN_VISITOR;
    }
    return fullName.strip().split("\\s+", 2)[0];
  }

  public static String toJson(ObjectNode message) {
    return requireNonNull(message, "message is null").toString();
  }

  private static String catNameOrUnknown(String catName) {
    return catName == null || catName.isBlank() ? UNKNOWN_CAT : catName;
  }

  private static ObjectNode envelope(MessageType type, ObjectNode data) {
    ObjectNode message = MAPPER.createObjectNode();
    message.put("type", type.wireName());
    message.set("data", data);
    return message;
  }

  /** The frame types of the feed, by their wire names ({@code cat_health_alert}, …). */
  private enum MessageType implements WireName {
    CAT_HEALTH_ALERT,
    POTENTIAL_ADOPTER,
    CAT_STATUS_UPDATE
  }
}
