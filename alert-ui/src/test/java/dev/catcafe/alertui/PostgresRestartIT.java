package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI's write-backs against a PostgreSQL server really stopped and restarted ({@code pg_ctl -m
 * immediate}, the PostgreSQL of a platform of the test's own; Kafka is the shared platform's): a
 * write-back attempted while the server is down lands once it is back, and a burst of write-backs
 * with a restart in the middle adopts every cat exactly once and announces each once. No adoption
 * lost or doubled.
 */
@ExtendWith(LocalPlatformExtension.class)
final class PostgresRestartIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final LocalDate ADMITTED = LocalDate.of(2025, 7, 1);
  private static final int BURST = 150;

  @Test
  void writeBacksSurviveARealPostgresStopAndRestart(TestingPlatform platform) {
    KafkaSettings kafka = platform.isolatedKafka("ui-pg-restart-");
    try (TestingPlatform own = TestingPlatform.startPrivate("ui-pg-restart");
        KafkaProducer<String, String> producer = TestingCafe.producer(kafka)) {
      PostgresSettings postgres = TestingCafe.emptyCafe(own, "ui_pg_restart");
      TestingCafe.insertVisitor(postgres, "visitor-pg", "Grace Hopper");
      TestingCafe.insertCat(
          postgres, "pg-down", "Down", "grey", "short", 10, "available", ADMITTED);
      List<String> burstCats = IntStream.range(0, BURST).mapToObj(i -> "pg-burst-" + i).toList();
      for (String catId : burstCats) {
        TestingCafe.insertAvailableCat(postgres, catId, "grey", "short", 10, ADMITTED);
      }
      try (AlertUiApp app =
              TestingCafe.startAssigned(
                  TestingCafe.config(kafka, postgres, "ui-pg-restart").withAdoptionShare(1.0), 9);
          FeedClient client = TestingCafe.feed(app)) {
        // 1. PostgreSQL is down when the alert comes: retried until it is back, then lands once.
        own.stopPostgresImmediately();
        TestingCafe.send(
            producer, kafka, TestingCafe.adopter("pg-1", "visitor-pg", List.of("pg-down")));
        Polling.await(DEADLINE, "retried write-back", () -> app.failedWriteBackTries() >= 2);
        assertThat(app.pendingWriteBacks()).isEqualTo(1);

        own.startPostgres();
        Polling.await(DEADLINE, "write-back landed", () -> app.pendingWriteBacks() == 0);
        assertThat(TestingCafe.catStatus(postgres, "pg-down")).contains("adopted+dated");
        assertThat(TestingCafe.decisions(postgres, "pg-1"))
            .singleElement()
            .satisfies(row -> assertThat(row).startsWith("adopt/pg-down/adopted/"));

        // 2. A burst of write-backs held up by a lock (so they are surely in flight), then an
        // immediate restart: the held write-back's connection dies under it.
        try (Connection locker =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
          locker.setAutoCommit(false);
          try (Statement lock = locker.createStatement()) {
            lock.execute("LOCK TABLE adoption_decisions IN ACCESS EXCLUSIVE MODE");
          }
          for (int i = 0; i < BURST; i++) {
            TestingCafe.send(
                producer,
                kafka,
                TestingCafe.adopter("pg-burst-a" + i, "visitor-pg", List.of(burstCats.get(i))));
          }
          Polling.await(DEADLINE, "the burst handed over", () -> app.pendingWriteBacks() == BURST);
          own.restartPostgresImmediately();
        } catch (SQLException lockHolderKilled) {
          // the restart ended the locking session, as intended
        }

        Polling.await(
            DEADLINE,
            "every burst decision recorded",
            () ->
                TestingCafe.decisions(postgres, "pg-burst-a" + (BURST - 1)).size() == 1
                    && app.pendingWriteBacks() == 0);
        Polling.await(
            DEADLINE,
            "every adoption announced",
            () -> announced(client, "pg-burst-").size() == BURST);

        Map<String, Long> announcements =
            announced(client, "pg-burst-").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(announcements)
            .hasSize(BURST)
            .allSatisfy((cat, times) -> assertThat(times).isOne());
        assertThat(announced(client, "pg-down")).containsExactly("pg-down");
      }
      for (int i = 0; i < BURST; i++) {
        assertThat(TestingCafe.catStatus(postgres, burstCats.get(i)))
            .as(burstCats.get(i))
            .contains("adopted+dated");
        assertThat(TestingCafe.decisions(postgres, "pg-burst-a" + i))
            .singleElement()
            .satisfies(row -> assertThat(row).startsWith("adopt/"));
      }
    }
  }

  private static List<String> announced(FeedClient client, String catIdPrefix) {
    return TestingCafe.statusUpdates(client, catId -> catId.startsWith(catIdPrefix)).stream()
        .map(message -> message.get("data").get("cat_id").asText())
        .toList();
  }
}
