package dev.catcafe.alertui;

import static dev.catcafe.alertui.AlertFeedIT.awaitMessage;
import static dev.catcafe.alertui.TestingCafe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Adopter alerts adopt liked cats in PostgreSQL, once, and the feed announces it. */
@ExtendWith(LocalPlatformExtension.class)
final class AdoptionWriteBackIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final LocalDate ADMITTED = LocalDate.of(2025, 5, 1);
  private static PostgresSettings postgres;
  private static KafkaSettings kafka;
  private static KafkaSettings quietKafka;
  @AutoClose private static AlertUiApp alwaysAdopts;
  @AutoClose private static AlertUiApp neverAdopts;
  @AutoClose private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start(TestingPlatform platform) {
    postgres = TestingCafe.emptyCafe(platform, "ui_adopt");
    kafka = platform.isolatedKafka("ui-adopt-");
    quietKafka = platform.isolatedKafka("ui-adopt-quiet-");
    TestingCafe.insertVisitor(postgres, "visitor-grace", "Grace Hopper");
    alwaysAdopts =
        TestingCafe.startAssigned(
            TestingCafe.config(kafka, postgres, "ui-adopt-it").withAdoptionShare(1.0), 3);
    neverAdopts =
        TestingCafe.startAssigned(
            TestingCafe.config(quietKafka, postgres, "ui-adopt-quiet-it").withAdoptionShare(0.0),
            3);
    producer = TestingCafe.producer(kafka);
  }

  @Test
  void anAdopterAlertAdoptsALikedCatAndAnnouncesIt() {
    cat("wb-luna", "Luna", "available");
    try (FeedClient client = TestingCafe.feed(alwaysAdopts)) {
      sendAdopterAlert("wb-a1", "wb-luna");

      awaitMessage(client, "wb-a1");
      JsonNode update = awaitStatusUpdate(client, "wb-luna");
      assertThat(update.get("data").get("cat_name").asText()).isEqualTo("Luna");
      assertThat(update.get("data").get("status").asText()).isEqualTo("adopted");
      assertThat(TestingCafe.catStatus(postgres, "wb-luna")).contains("adopted+dated");
      JsonNode adopted =
          json(TestingCafe.get(alwaysAdopts.port(), "/api/cats?status=adopted&limit=100"));
      List<String> adoptedIds = new ArrayList<>();
      adopted.get("cats").forEach(cat -> adoptedIds.add(cat.get("cat_id").asText()));
      assertThat(adoptedIds).contains("wb-luna");
    }
  }

  @Test
  void anAlreadyAdoptedCatIsNeitherChangedNorAnnounced() {
    cat("wb-old", "Old Tom", "adopted");
    try (FeedClient client = TestingCafe.feed(alwaysAdopts)) {
      sendAdopterAlert("wb-a2", "wb-old");
      TestingCafe.send(producer, kafka, TestingCafe.dehydration("wb-after-a2", "wb-old"));

      awaitMessage(client, "wb-after-a2");
      // The write-back runs on its own thread, after the feed: wait for its decision, or the
      // check below could pass before a wrong announcement went out.
      Polling.await(
          DEADLINE,
          "decision for wb-a2",
          () -> !TestingCafe.decisions(postgres, "wb-a2").isEmpty());
      Polling.await(DEADLINE, "write-back settled", () -> alwaysAdopts.pendingWriteBacks() == 0);
      assertThat(TestingCafe.decisions(postgres, "wb-a2"))
          .containsExactly("adopt/wb-old/already_adopted/1");
      assertThat(statusUpdates(client, "wb-old")).isEmpty();
      // The seeded adoption date (admission + 3 days) is untouched.
      assertThat(TestingCafe.catStatus(postgres, "wb-old")).contains("adopted+dated");
      assertThat(
              json(TestingCafe.get(alwaysAdopts.port(), "/api/cats?status=adopted&limit=100"))
                  .findValues("adopted_date")
                  .stream()
                  .map(JsonNode::asText)
                  .toList())
          .contains("2025-05-04T00:00:00");
    }
  }

  @Test
  void shareZeroNeverWritesBack() {
    cat("wb-kept", "Kept", "available");
    KafkaProducer<String, String> quietProducer = TestingCafe.producer(quietKafka);
    try (quietProducer;
        FeedClient client = TestingCafe.feed(neverAdopts)) {
      for (int i = 0; i < 20; i++) {
        TestingCafe.send(
            quietProducer,
            quietKafka,
            TestingCafe.adopter("wb-q" + i, "visitor-grace", List.of("wb-kept")));
      }

      awaitMessage(client, "wb-q19");
      Polling.await(DEADLINE, "nothing in flight", () -> neverAdopts.pendingWriteBacks() == 0);
      assertThat(TestingCafe.decisions(postgres, "wb-q19")).isEmpty();
      assertThat(statusUpdates(client, "wb-kept")).isEmpty();
      assertThat(TestingCafe.catStatus(postgres, "wb-kept")).contains("available");
    }
  }

  @Test
  void twoAdoptionsOfOneCatAtOnceExactlyOneWins() throws Exception {
    int cats = 12;
    for (int i = 0; i < cats; i++) {
      cat("race-" + i, "Racer " + i, "available");
    }
    // Two pools, so the two attempts hold two separate connections and really contend.
    try (ConnectionPool firstPool = new ConnectionPool(postgres, 1, Duration.ofSeconds(10));
        ConnectionPool secondPool = new ConnectionPool(postgres, 1, Duration.ofSeconds(10))) {
      CatRepository first = new CatRepository(firstPool);
      CatRepository second = new CatRepository(secondPool);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        for (int i = 0; i < cats; i++) {
          String catId = "race-" + i;
          CyclicBarrier start = new CyclicBarrier(2);
          Future<AdoptionOutcome> one =
              threads.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return first.adoptIfAvailable(catId);
                  });
          Future<AdoptionOutcome> other =
              threads.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return second.adoptIfAvailable(catId);
                  });
          List<AdoptionOutcome.Result> results =
              List.of(
                  one.get(30, TimeUnit.SECONDS).result(), other.get(30, TimeUnit.SECONDS).result());

          assertThat(results)
              .as(catId)
              .containsExactlyInAnyOrder(
                  AdoptionOutcome.Result.ADOPTED, AdoptionOutcome.Result.ALREADY_ADOPTED);
          assertThat(TestingCafe.catStatus(postgres, catId)).contains("adopted+dated");
        }
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void adoptingAMissingCatChangesNothing() throws Exception {
    try (ConnectionPool pool = new ConnectionPool(postgres, 1, Duration.ofSeconds(10))) {
      AdoptionOutcome outcome = new CatRepository(pool).adoptIfAvailable("no-such-cat");

      assertThat(outcome.result()).isEqualTo(AdoptionOutcome.Result.NOT_FOUND);
      assertThat(TestingCafe.catStatus(postgres, "no-such-cat")).isEmpty();
    }
  }

  /** Grace's adopter alert for the one cat she liked, to the UI that always adopts. */
  private static void sendAdopterAlert(String alertId, String likedCatId) {
    TestingCafe.send(
        producer, kafka, TestingCafe.adopter(alertId, "visitor-grace", List.of(likedCatId)));
  }

  private static void cat(String catId, String name, String status) {
    TestingCafe.insertCat(postgres, catId, name, "calico", "medium", 18, status, ADMITTED);
  }

  private static JsonNode awaitStatusUpdate(FeedClient client, String catId) {
    Polling.await(
        DEADLINE, "cat_status_update for " + catId, () -> !statusUpdates(client, catId).isEmpty());
    return statusUpdates(client, catId).get(0);
  }

  private static List<JsonNode> statusUpdates(FeedClient client, String catId) {
    return TestingCafe.statusUpdates(client, catId::equals);
  }
}
