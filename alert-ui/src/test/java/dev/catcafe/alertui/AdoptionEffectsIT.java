package dev.catcafe.alertui;

import static dev.catcafe.alertui.AlertFeedIT.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Adoption write-backs are effects keyed by alert id: an alert delivered twice, or replayed after a
 * restart, adopts at most one cat and leaves one decision; a write-back attempted while PostgreSQL
 * is unreachable is retried, survives a UI restart, and lands once when PostgreSQL is back.
 */
@ExtendWith(LocalPlatformExtension.class)
final class AdoptionEffectsIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final LocalDate ADMITTED = LocalDate.of(2025, 6, 1);
  private static PostgresSettings postgres;
  private static TestingPlatform platform;

  @BeforeAll
  static void start(TestingPlatform testingPlatform) {
    platform = testingPlatform;
    postgres = TestingCafe.emptyCafe(platform, "ui_effects");
    TestingCafe.insertVisitor(postgres, "visitor-ada", "Ada Lovelace");
  }

  @Test
  void anAdopterAlertSeenAgainAfterARestartAdoptsNoSecondCat() {
    KafkaSettings kafka = platform.isolatedKafka("ui-effects-repeat-");
    List<String> liked = List.of("fx-a", "fx-b", "fx-c");
    liked.forEach(AdoptionEffectsIT::availableCat);
    availableCat("fx-marker-cat");
    // Two UIs whose seeded draws pick different cats for the same alert: without the ledger the
    // second would adopt a second cat.
    long firstSeed = 1;
    long secondSeed = seedPickingAnotherCat(firstSeed, liked);

    try (KafkaProducer<String, String> producer = TestingCafe.producer(kafka)) {
      try (AlertUiApp first = startAdopting(kafka, "ui-effects-first", firstSeed)) {
        TestingCafe.send(producer, kafka, TestingCafe.adopter("fx-1", "visitor-ada", liked));
        TestingCafe.send(producer, kafka, TestingCafe.adopter("fx-1", "visitor-ada", liked));
        Polling.await(DEADLINE, "decision for fx-1", () -> !decisions("fx-1").isEmpty());
        Polling.await(DEADLINE, "write-backs settled", () -> first.pendingWriteBacks() == 0);
      }
      assertThat(adopted(liked)).hasSize(1);

      // A new UI, a new consumer group reading from the start: every copy of fx-1 comes again,
      // and once more after it; fx-2 marks the end (write-backs apply in order).
      try (AlertUiApp second = startAdopting(kafka, "ui-effects-second", secondSeed);
          FeedClient client = TestingCafe.feed(second)) {
        TestingCafe.send(producer, kafka, TestingCafe.adopter("fx-1", "visitor-ada", liked));
        TestingCafe.send(
            producer, kafka, TestingCafe.adopter("fx-2", "visitor-ada", List.of("fx-marker-cat")));
        Polling.await(DEADLINE, "decision for fx-2", () -> !decisions("fx-2").isEmpty());
        awaitMessage(client, "fx-2");

        assertThat(statusUpdates(client, liked)).isEmpty();
      }
    }
    List<String> adopted = adopted(liked);
    assertThat(adopted).hasSize(1);
    assertThat(decisions("fx-1")).containsExactly("adopt/%s/adopted/1".formatted(adopted.get(0)));
  }

  @Test
  void aWriteBackWhilePostgresIsUnreachableIsRetriedAcrossARestartAndLandsOnce() {
    KafkaSettings kafka = platform.isolatedKafka("ui-effects-outage-");
    availableCat("out-a");
    URI direct = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort());
        KafkaProducer<String, String> producer = TestingCafe.producer(kafka)) {
      PostgresSettings throughProxy =
          new PostgresSettings(
              "jdbc:postgresql://127.0.0.1:%d%s".formatted(proxy.port(), direct.getPath()),
              postgres.user(),
              postgres.password());
      String group = "ui-effects-outage";
      try (AlertUiApp first = startAdopting(kafka, throughProxy, group, 3)) {
        proxy.cut();
        TestingCafe.send(producer, kafka, TestingCafe.adopter("out-1", "visitor-ada", liked()));

        Polling.await(DEADLINE, "retried write-back", () -> first.failedWriteBackTries() >= 2);
        assertThat(first.pendingWriteBacks()).isEqualTo(1);
        assertThat(TestingCafe.get(first.port(), "/health").statusCode()).isEqualTo(503);
      }
      // Stopped with the write-back unsettled: the restart reads the alert again.
      assertThat(decisions("out-1")).isEmpty();
      assertThat(TestingCafe.catStatus(postgres, "out-a")).contains("available");

      try (AlertUiApp second = startAdopting(kafka, throughProxy, group, 4);
          FeedClient client = TestingCafe.feed(second)) {
        Polling.await(DEADLINE, "alert read again", () -> second.pendingWriteBacks() == 1);
        Polling.await(DEADLINE, "retried again", () -> second.failedWriteBackTries() >= 1);

        proxy.restore();

        Polling.await(DEADLINE, "write-back landed", () -> second.pendingWriteBacks() == 0);
        Polling.await(
            DEADLINE, "cat_status_update", () -> !statusUpdates(client, liked()).isEmpty());
        assertThat(statusUpdates(client, liked())).hasSize(1);
        assertThat(TestingCafe.get(second.port(), "/health").statusCode()).isEqualTo(200);
      }
    }
    assertThat(TestingCafe.catStatus(postgres, "out-a")).contains("adopted+dated");
    assertThat(decisions("out-1"))
        .singleElement()
        .satisfies(row -> assertThat(row).startsWith("adopt/out-a/adopted/"))
        .satisfies(row -> assertThat(attempts(row)).isGreaterThan(1));
  }

  @Test
  void aWriteBackThatKeepsFailingIsRecordedAsFailedWithItsReason() {
    KafkaSettings kafka = platform.isolatedKafka("ui-effects-failing-");
    availableCat("fail-a");
    // A trigger that refuses this one cat: an error of the statement, not of the connection.
    TestingCafe.execute(
        postgres,
        "CREATE OR REPLACE FUNCTION refuse_fail_a() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.cat_id = 'fail-a' THEN RAISE EXCEPTION 'fail-a may not leave'; END IF;"
            + " RETURN NEW; END $$ LANGUAGE plpgsql");
    TestingCafe.execute(
        postgres,
        "CREATE OR REPLACE TRIGGER refuse_fail_a BEFORE UPDATE ON cats"
            + " FOR EACH ROW EXECUTE FUNCTION refuse_fail_a()");
    try (KafkaProducer<String, String> producer = TestingCafe.producer(kafka);
        AlertUiApp app = startAdopting(kafka, "ui-effects-failing", 5)) {
      TestingCafe.send(
          producer, kafka, TestingCafe.adopter("fail-1", "visitor-ada", List.of("fail-a")));

      Polling.await(DEADLINE, "failure recorded", () -> !decisions("fail-1").isEmpty());
      Polling.await(DEADLINE, "write-back settled", () -> app.pendingWriteBacks() == 0);
      assertThat(app.failedWriteBackTries()).isEqualTo(WriteBackWorker.ATTEMPTS_BEFORE_GIVING_UP);
    } finally {
      TestingCafe.execute(postgres, "DROP TRIGGER refuse_fail_a ON cats");
    }
    assertThat(decisions("fail-1")).containsExactly("adopt/fail-a/failed/3");
    assertThat(TestingCafe.decisionReason(postgres, "fail-1"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("fail-a may not leave"));
    assertThat(TestingCafe.catStatus(postgres, "fail-a")).contains("available");
  }

  private static List<String> liked() {
    return List.of("out-a");
  }

  private static AlertUiApp startAdopting(KafkaSettings kafka, String group, long seed) {
    return startAdopting(kafka, postgres, group, seed);
  }

  private static AlertUiApp startAdopting(
      KafkaSettings kafka, PostgresSettings database, String group, long seed) {
    return TestingCafe.startAssigned(
        TestingCafe.config(kafka, database, group).withAdoptionShare(1.0), seed);
  }

  /** A seed whose first draw over {@code liked} differs from {@code firstSeed}'s first draw. */
  private static long seedPickingAnotherCat(long firstSeed, List<String> liked) {
    String likedCats = String.join(", ", liked);
    Optional<String> firstPick =
        new AdoptionDecision(1.0, new Random(firstSeed)).catToAdopt(likedCats);
    return IntStream.range(2, 1_000)
        .filter(
            seed ->
                !new AdoptionDecision(1.0, new Random(seed))
                    .catToAdopt(likedCats)
                    .equals(firstPick))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> adopted(List<String> catIds) {
    return catIds.stream()
        .filter(catId -> TestingCafe.catStatus(postgres, catId).orElse("").startsWith("adopted"))
        .toList();
  }

  private static List<String> decisions(String alertId) {
    return TestingCafe.decisions(postgres, alertId);
  }

  private static int attempts(String row) {
    return Integer.parseInt(row.substring(row.lastIndexOf('/') + 1));
  }

  private static List<JsonNode> statusUpdates(FeedClient client, List<String> catIds) {
    return TestingCafe.statusUpdates(client, catIds::contains);
  }

  private static void availableCat(String catId) {
    TestingCafe.insertAvailableCat(postgres, catId, "black", "short", 12, ADMITTED);
  }
}
