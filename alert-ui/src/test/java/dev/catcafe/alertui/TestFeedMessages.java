package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.PotentialAdopterAlert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestFeedMessages {
  private static final CatHealthAlert HEALTH =
      new CatHealthAlert(
          "2025-10-07T19:25:00.123Z",
          "cat-1",
          "DEHYDRATION",
          4.56,
          4.0,
          "Health Alert for cat-1: Hours since last drink (4.56) exceeds threshold (4.0).",
          "alert-h1");
  private static final PotentialAdopterAlert ADOPTER =
      new PotentialAdopterAlert(
          "visitor-1",
          "2025-10-07T19:25:01.000Z",
          "cat-1, cat-2, cat-3, cat-4",
          4,
          "Potential adopter detected: visitor-1 has liked 4 cats.",
          "alert-a1");

  @Test
  void healthAlertKeepsTheAlertFieldsInOrderAndAddsTheCatName() {
    ObjectNode message = FeedMessages.healthAlert(HEALTH, "Whiskers");

    assertThat(message.get("type").asText()).isEqualTo("cat_health_alert");
    JsonNode data = message.get("data");
    assertThat(fieldNames(data))
        .containsExactly(
            "alert_time",
            "cat_id",
            "alert_type",
            "value",
            "threshold",
            "alert_message",
            "alert_id",
            "cat_name");
    assertThat(data.get("cat_name").asText()).isEqualTo("Whiskers");
    assertThat(data.get("value").asDouble()).isEqualTo(4.56);
    assertThat(data.get("alert_message").asText()).isEqualTo(HEALTH.alertMessage());
  }

  @Test
  void unknownCatFallsBackToTheOriginalsPlaceholder() {
    assertThat(FeedMessages.healthAlert(HEALTH, null).get("data").get("cat_name").asText())
        .isEqualTo("Unknown Cat");
    assertThat(FeedMessages.healthAlert(HEALTH, " ").get("data").get("cat_name").asText())
        .isEqualTo("Unknown Cat");
  }

  @Test
  void adopterMessageIsRewrittenWithTheFirstName() {
    ObjectNode message = FeedMessages.potentialAdopter(ADOPTER, "Ada Lovelace");

    assertThat(message.get("type").asText()).isEqualTo("potential_adopter");
    JsonNode data = message.get("data");
    assertThat(data.get("alert_message").asText())
        .isEqualTo("Potential adopter detected: Ada has liked 4 cats.");
    assertThat(data.get("visitor_name").asText()).isEqualTo("Ada");
    assertThat(data.get("visitor_id").asText()).isEqualTo("visitor-1");
    assertThat(data.get("liked_cats").asText()).isEqualTo("cat-1, cat-2, cat-3, cat-4");
    assertThat(data.get("number_of_likes").asLong()).isEqualTo(4);
  }

  @Test
  void unknownVisitorIsAVisitor() {
    assertThat(
            FeedMessages.potentialAdopter(ADOPTER, null).get("data").get("alert_message").asText())
        .isEqualTo("Potential adopter detected: A visitor has liked 4 cats.");
  }

  @Test
  void firstNameIsTheFirstWord() {
    assertThat(FeedMessages.firstName("  Grace   Brewster Hopper ")).isEqualTo("Grace");
    assertThat(FeedMessages.firstName("Cher")).isEqualTo("Cher");
    assertThat(FeedMessages.firstName("")).isEqualTo("A visitor");
    assertThat(FeedMessages.firstName(null)).isEqualTo("A visitor");
  }

  @Test
  void statusUpdateHasTheOriginalsShape() throws Exception {
    String json = FeedMessages.toJson(FeedMessages.catStatusUpdate("cat-9", "Mittens"));

    assertThat(new ObjectMapper().readTree(json))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"type\":\"cat_status_update\",\"data\":{\"cat_id\":\"cat-9\","
                        + "\"cat_name\":\"Mittens\",\"status\":\"adopted\"}}"));
  }

  @Test
  void markupInNamesStaysData() {
    ObjectNode message = FeedMessages.healthAlert(HEALTH, "<img src=x onerror=alert(1)>");

    assertThat(message.get("data").get("cat_name").asText())
        .isEqualTo("<img src=x onerror=alert(1)>");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
