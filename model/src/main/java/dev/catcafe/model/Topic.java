package dev.catcafe.model;

import static dev.catcafe.model.Field.required;
import static dev.catcafe.model.FieldType.DOUBLE;
import static dev.catcafe.model.FieldType.INT;
import static dev.catcafe.model.FieldType.LONG;
import static dev.catcafe.model.FieldType.MONEY;
import static dev.catcafe.model.FieldType.ORDER_ITEMS;
import static dev.catcafe.model.FieldType.STRING;
import static dev.catcafe.model.FieldType.TIMESTAMP;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.model.event.CafeOrder;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.CatInteraction;
import dev.catcafe.model.event.CatLocation;
import dev.catcafe.model.event.CatWellness;
import dev.catcafe.model.event.PotentialAdopterAlert;
import dev.catcafe.model.event.VisitorCheckin;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The seven Kafka topics of the cafe, with the schema of their JSON values, the field their records
 * are keyed by, the field that carries event time, the raw lake table they are ingested into, and
 * the event record that carries them in Java.
 */
public enum Topic {
  // Keyed by the visitor: the Adopter Detective's state is per visitor, and with all of a
  // visitor's likes in one partition its real-time tasks each keep exactly their visitors' state.
  CAT_INTERACTIONS(
      "cat-interactions",
      CatInteraction.class,
      "visitor_id",
      "event_time",
      LakeTable.CAT_INTERACTIONS_RAW,
      EventSchema.of(
          required("event_time", TIMESTAMP),
          required("visitor_id", STRING),
          required("cat_id", STRING),
          required("interaction_type", STRING))),
  CAT_WELLNESS(
      "cat-wellness-iot",
      CatWellness.class,
      "cat_id",
      "event_time",
      LakeTable.CAT_WELLNESS_RAW,
      EventSchema.of(
          required("event_time", TIMESTAMP),
          required("cat_id", STRING),
          required("activity_level", DOUBLE),
          required("heart_rate", INT),
          required("hours_since_last_drink", DOUBLE))),
  VISITOR_CHECKINS(
      "visitor-checkins",
      VisitorCheckin.class,
      "visitor_id",
      "event_time",
      LakeTable.VISITOR_CHECKINS_RAW,
      EventSchema.of(required("event_time", TIMESTAMP), required("visitor_id", STRING))),
  CAFE_ORDERS(
      "cafe-orders",
      CafeOrder.class,
      "visitor_id",
      "event_time",
      LakeTable.CAFE_ORDERS_RAW,
      EventSchema.of(
          required("event_time", TIMESTAMP),
          required("order_id", STRING),
          required("visitor_id", STRING),
          required("items", ORDER_ITEMS),
          required("total_amount", MONEY))),
  CAT_LOCATIONS(
      "cat-locations",
      CatLocation.class,
      "cat_id",
      "event_time",
      LakeTable.CAT_LOCATIONS_RAW,
      EventSchema.of(
          required("event_time", TIMESTAMP),
          required("cat_id", STRING),
          required("location", STRING))),
  CAT_HEALTH_ALERTS(
      "cat-health-alerts",
      CatHealthAlert.class,
      "cat_id",
      "alert_time",
      LakeTable.CAT_HEALTH_ALERTS_RAW,
      EventSchema.of(
          required("alert_time", TIMESTAMP),
          required("cat_id", STRING),
          required("alert_type", STRING),
          required("value", DOUBLE),
          required("threshold", DOUBLE),
          required("alert_message", STRING),
          required("alert_id", STRING))),
  POTENTIAL_ADOPTERS(
      "potential-adopters",
      PotentialAdopterAlert.class,
      "visitor_id",
      "alert_time",
      LakeTable.POTENTIAL_ADOPTERS_RAW,
      EventSchema.of(
          required("visitor_id", STRING),
          required("alert_time", TIMESTAMP),
          required("liked_cats", STRING),
          required("number_of_likes", LONG),
          required("alert_message", STRING),
          required("alert_id", STRING)));

  // Every event asks for its topic on the producer's hot path: a map, not a scan of values().
  private static final Map<Class<? extends CafeEvent>, Topic> BY_EVENT_TYPE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Topic::eventType, t -> t));

  private final String topicName;
  private final Class<? extends CafeEvent> eventType;
  private final String keyField;
  private final String eventTimeField;
  private final LakeTable rawTable;
  private final EventSchema schema;

  Topic(
      String topicName,
      Class<? extends CafeEvent> eventType,
      String keyField,
      String eventTimeField,
      LakeTable rawTable,
      EventSchema schema) {
    this.topicName = topicName;
    this.eventType = eventType;
    this.keyField = keyField;
    this.eventTimeField = eventTimeField;
    this.rawTable = rawTable;
    this.schema = schema;
  }

  /** The Kafka topic name, as the original system named it. */
  public String topicName() {
    return topicName;
  }

  /** The record type of this topic's values. */
  public Class<? extends CafeEvent> eventType() {
    return eventType;
  }

  /** The entity id every record is keyed by, so one partition keeps an entity's events in order. */
  public String keyField() {
    return keyField;
  }

  public String eventTimeField() {
    return eventTimeField;
  }

  public LakeTable rawTable() {
    return rawTable;
  }

  public EventSchema schema() {
    return schema;
  }

  /** Whether this topic carries alerts the streaming jobs derive, rather than simulator events. */
  public boolean isAlert() {
    return this == CAT_HEALTH_ALERTS || this == POTENTIAL_ADOPTERS;
  }

  /** The topic that carries records of {@code eventType}. */
  public static Topic carrying(Class<? extends CafeEvent> eventType) {
    Topic topic = BY_EVENT_TYPE.get(requireNonNull(eventType, "eventType is null"));
    if (topic == null) {
      throw new IllegalArgumentException("no topic carries " + eventType.getName());
    }
    return topic;
  }

  public static Optional<Topic> byName(String topicName) {
    return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
  }
}
