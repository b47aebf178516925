package dev.catcafe.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The event records and the topic schemas are two views of one fact: they must not drift. */
final class TestEventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TIME = "2025-10-07T19:24:56.123Z";

  static Stream<CafeEvent> oneEventPerTopic() {
    return Stream.of(
        new VisitorCheckin(TIME, "v1"),
        new CatInteraction(TIME, "v1", "c1", "like"),
        new CafeOrder(TIME, "o1", "v1", List.of(new OrderItem("latte", 2)), 12.5),
        new CatWellness(TIME, "c1", 3.25, 90, 1.5),
        new CatLocation(TIME, "c1", "sunny_corner"),
        new CatHealthAlert(TIME, "c1", "DEHYDRATION", 4.5, 4.0, "msg", "a1"),
        new PotentialAdopterAlert("v1", TIME, "c1, c2, c3, c4", 4, "msg", "a2"));
  }

  @ParameterizedTest
  @MethodSource("oneEventPerTopic")
  void jsonKeysAreTheTopicSchemaInOrder(CafeEvent event) throws Exception {
    JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(event));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyElementsOf(event.topic().schema().fieldNames());
  }

  @ParameterizedTest
  @MethodSource("oneEventPerTopic")
  void keyIsTheEntityIdNamedByTheTopic(CafeEvent event) throws Exception {
    JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(event));
    String entityId = json.get(event.topic().keyField()).asText();
    if (event.topic() == Topic.POTENTIAL_ADOPTERS) {
      assertThat(MAPPER.readTree(event.key()).get("visitor_id").asText()).isEqualTo(entityId);
    } else {
      assertThat(event.key()).isEqualTo(entityId);
    }
  }

  @ParameterizedTest
  @MethodSource("oneEventPerTopic")
  void roundTripsThroughJson(CafeEvent event) throws Exception {
    String json = MAPPER.writeValueAsString(event);
    assertThat(MAPPER.readValue(json, event.getClass())).isEqualTo(event);
  }

  @org.junit.jupiter.api.Test
  void orderItemsAreObjectsNotStrings() throws Exception {
    CafeOrder order = new CafeOrder(TIME, "o1", "v1", List.of(new OrderItem("latte", 2)), 7.5);
    JsonNode items = MAPPER.readTree(MAPPER.writeValueAsString(order)).get("items");
    assertThat(items.get(0).get("name").asText()).isEqualTo("latte");
    assertThat(items.get(0).get("quantity").asInt()).isEqualTo(2);
  }
}
