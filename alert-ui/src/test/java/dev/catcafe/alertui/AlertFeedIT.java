package dev.catcafe.alertui;

import static dev.catcafe.alertui.TestingCafe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alerts from Kafka reach a WebSocket client enriched, once, and are replayed to late joiners. */
@ExtendWith(LocalPlatformExtension.class)
final class AlertFeedIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static KafkaSettings kafka;
  @AutoClose private static AlertUiApp app;
  @AutoClose private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start(TestingPlatform platform) {
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_feed");
    kafka = platform.isolatedKafka("ui-feed-");
    TestingCafe.insertCat(
        postgres,
        "cat-whiskers",
        "Whiskers",
        "gray",
        "short",
        120,
        "available",
        LocalDate.of(2025, 3, 1));
    TestingCafe.insertCat(
        postgres,
        "cat-html",
        "<img src=x onerror=alert(1)>",
        "white",
        "long",
        5,
        "available",
        LocalDate.of(2025, 3, 2));
    TestingCafe.insertVisitor(postgres, "visitor-ada", "Ada Lovelace");
    app =
        TestingCafe.startAssigned(
            TestingCafe.config(kafka, postgres, "ui-feed-it").withAdoptionShare(0.0), 1);
    producer = TestingCafe.producer(kafka);
  }

  @Test
  void healthAlertArrivesWithTheCatsName() {
    try (FeedClient client = TestingCafe.feed(app)) {
      TestingCafe.send(producer, kafka, TestingCafe.dehydration("h-known", "cat-whiskers"));

      JsonNode message = awaitMessage(client, "h-known");
      assertThat(message.get("type").asText()).isEqualTo("cat_health_alert");
      JsonNode data = message.get("data");
      assertThat(data.get("cat_name").asText()).isEqualTo("Whiskers");
      assertThat(data.get("cat_id").asText()).isEqualTo("cat-whiskers");
      assertThat(data.get("alert_type").asText()).isEqualTo("DEHYDRATION");
      assertThat(data.get("value").asDouble()).isEqualTo(4.56);
      assertThat(data.get("threshold").asDouble()).isEqualTo(4.0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an unknown cat is named Unknown Cat | h-unknown | cat-nobody | Unknown Cat
          names travel as plain text          | h-html    | cat-html   | <img src=x onerror=alert(1)>
          """)
  void healthAlertNamesTheCat(String scenario, String alertId, String catId, String name) {
    try (FeedClient client = TestingCafe.feed(app)) {
      TestingCafe.send(producer, kafka, TestingCafe.dehydration(alertId, catId));

      assertThat(awaitMessage(client, alertId).get("data").get("cat_name").asText())
          .isEqualTo(name);
    }
  }

  @Test
  void adopterAlertIsRewrittenWithTheVisitorsFirstName() {
    try (FeedClient client = TestingCafe.feed(app)) {
      TestingCafe.send(
          producer,
          kafka,
          TestingCafe.adopter("a-ada", "visitor-ada", List.of("c1", "c2", "c3", "c4")));
      TestingCafe.send(
          producer,
          kafka,
          TestingCafe.adopter("a-ghost", "visitor-ghost", List.of("c1", "c2", "c3", "c4", "c5")));

      JsonNode ada = awaitMessage(client, "a-ada");
      assertThat(ada.get("type").asText()).isEqualTo("potential_adopter");
      assertThat(ada.get("data").get("alert_message").asText())
          .isEqualTo("Potential adopter detected: Ada has liked 4 cats.");
      assertThat(ada.get("data").get("visitor_name").asText()).isEqualTo("Ada");
      assertThat(ada.get("data").get("liked_cats").asText()).isEqualTo("c1, c2, c3, c4");
      assertThat(awaitMessage(client, "a-ghost").get("data").get("alert_message").asText())
          .isEqualTo("Potential adopter detected: A visitor has liked 5 cats.");
    }
  }

  @Test
  void aRepeatedAlertIdIsShownOnce() {
    try (FeedClient client = TestingCafe.feed(app)) {
      TestingCafe.send(producer, kafka, TestingCafe.dehydration("h-twice", "cat-whiskers"));
      TestingCafe.send(producer, kafka, TestingCafe.dehydration("h-twice", "cat-whiskers"));
      TestingCafe.send(producer, kafka, TestingCafe.dehydration("h-after-twice", "cat-whiskers"));

      awaitMessage(client, "h-after-twice");
      assertThat(messagesWithAlertId(client, "h-twice")).hasSize(1);
    }
  }

  @Test
  void aLateClientGetsTheRecentAlerts() {
    try (FeedClient early = TestingCafe.feed(app)) {
      TestingCafe.send(producer, kafka, TestingCafe.dehydration("h-before-late", "cat-whiskers"));
      awaitMessage(early, "h-before-late");
    }
    try (FeedClient late = TestingCafe.feed(app)) {
      assertThat(awaitMessage(late, "h-before-late").get("data").get("cat_name").asText())
          .isEqualTo("Whiskers");
    }
  }

  @Test
  void invalidRecordsAreSkippedAndTheFeedGoesOn() {
    try (FeedClient client = TestingCafe.feed(app)) {
      String topic = kafka.topicName(Topic.CAT_HEALTH_ALERTS);
      TestingCafe.sendRaw(producer, topic, null, "not json at all");
      TestingCafe.sendRaw(producer, topic, null, "[1, 2]");
      TestingCafe.sendRaw(producer, topic, null, "{\"cat_id\": \"cat-whiskers\"}");
      TestingCafe.sendRaw(producer, topic, null, "");
      TestingCafe.sendRaw(producer, kafka.topicName(Topic.POTENTIAL_ADOPTERS), "{}", null);
      TestingCafe.send(producer, kafka, TestingCafe.dehydration("h-after-junk", "cat-whiskers"));

      awaitMessage(client, "h-after-junk");
      assertThat(client.texts())
          .allSatisfy(text -> assertThat(json(text).get("data").get("alert_id")).isNotNull());
    }
  }

  @Test
  void alertWithoutAnIdStillShowsOnce() {
    try (FeedClient client = TestingCafe.feed(app)) {
      // The original's alert jobs wrote no alert_id.
      String original =
          "{\"alert_time\":\"2025-10-07 19:25:00.123\",\"cat_id\":\"cat-whiskers\","
              + "\"alert_type\":\"STRESS\",\"value\":0.05,\"threshold\":0.1,"
              + "\"alert_message\":\"Health Alert for cat-whiskers: Activity level (0.05) is below"
              + " threshold (0.1).\"}";
      TestingCafe.sendRaw(producer, kafka.topicName(Topic.CAT_HEALTH_ALERTS), null, original);

      Polling.awaitAsserted(
          DEADLINE,
          () ->
              assertThat(client.texts())
                  .anySatisfy(
                      text -> {
                        JsonNode data = json(text).get("data");
                        assertThat(data.path("alert_type").asText()).isEqualTo("STRESS");
                        assertThat(data.path("alert_id").asText())
                            .startsWith(kafka.topicName(Topic.CAT_HEALTH_ALERTS) + "-0-");
                        assertThat(data.path("cat_name").asText()).isEqualTo("Whiskers");
                      }));
    }
  }

  /** A new anonymous client of the feed. */
  private static FeedClient connect() {
    return TestingCafe.feed(app);
  }

  static JsonNode awaitMessage(FeedClient client, String alertId) {
    Polling.await(
        DEADLINE,
        "feed message with alert_id " + alertId,
        () -> !messagesWithAlertId(client, alertId).isEmpty());
    return messagesWithAlertId(client, alertId).get(0);
  }

  static List<JsonNode> messagesWithAlertId(FeedClient client, String alertId) {
    return client.texts().stream()
        .map(TestingCafe::json)
        .filter(message -> alertId.equals(message.path("data").path("alert_id").asText(null)))
        .toList();
  }
}
