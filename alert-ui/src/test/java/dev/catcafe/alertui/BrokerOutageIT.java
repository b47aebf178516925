package dev.catcafe.alertui;

import static dev.catcafe.alertui.AlertFeedIT.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI's consumer outlives its broker: the broker (of a platform of the test's own) is killed
 * with SIGKILL, stays down for a while, comes back on the same data, and the UI goes on delivering
 * alerts and writing back, without a restart of the UI. A write-back that settles while the broker
 * is away has its offset committed once the broker is back, with no further record to carry it (the
 * commit that failed in the outage is sent again).
 */
@ExtendWith(LocalPlatformExtension.class)
final class BrokerOutageIT {
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  @Test
  void theConsumerResumesAfterTheBrokerWasKilledAndCameBack(TestingPlatform platform)
      throws SQLException {
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_broker_outage");
    TestingCafe.insertVisitor(postgres, "visitor-kb", "Alan Turing");
    TestingCafe.insertCat(
        postgres, "kb-cat", "Kafka", "black", "long", 30, "available", LocalDate.of(2025, 3, 1));
    TestingCafe.insertCat(
        postgres,
        "kb-held-cat",
        "Max",
        "white",
        "short",
        20,
        "available",
        LocalDate.of(2025, 3, 1));
    try (TestingPlatform own = TestingPlatform.startPrivate("ui-broker-outage")) {
      KafkaSettings kafka = own.kafka();
      try (AlertUiApp app =
              TestingCafe.startAssigned(
                  TestingCafe.config(kafka, postgres, "ui-broker-outage").withAdoptionShare(1.0),
                  11);
          FeedClient client = TestingCafe.feed(app)) {
        // A write-back held in flight by a lock, so its offset cannot be committed yet.
        try (Connection locker = connect(postgres)) {
          locker.setAutoCommit(false);
          try (Statement lock = locker.createStatement()) {
            lock.execute("LOCK TABLE adoption_decisions IN ACCESS EXCLUSIVE MODE");
          }
          try (KafkaProducer<String, String> producer = TestingCafe.producer(kafka)) {
            TestingCafe.send(producer, kafka, TestingCafe.dehydration("kb-before", "kb-cat"));
            TestingCafe.send(
                producer,
                kafka,
                TestingCafe.adopter("kb-held", "visitor-kb", List.of("kb-held-cat")));
            awaitMessage(client, "kb-before");
          }
          Polling.await(DEADLINE, "the write-back in flight", () -> app.pendingWriteBacks() == 1);

          own.killKafka();
          Instant back = Instant.now().plus(OUTAGE);
          locker.commit();
          Polling.await(
              DEADLINE, "the write-back settled in the outage", () -> app.pendingWriteBacks() == 0);
          Polling.await(
              OUTAGE.plusSeconds(10), "the outage to last", () -> Instant.now().isAfter(back));
        }
        own.startKafka();
        Polling.await(
            DEADLINE,
            "the settled offset committed after the outage",
            () -> committedAdopterOffsets(kafka, "ui-broker-outage") == 1);

        try (KafkaProducer<String, String> producer = TestingCafe.producer(kafka)) {
          TestingCafe.send(producer, kafka, TestingCafe.dehydration("kb-after", "kb-cat"));
          TestingCafe.send(
              producer, kafka, TestingCafe.adopter("kb-adopt", "visitor-kb", List.of("kb-cat")));
        }
        awaitMessage(client, "kb-after");
        Polling.await(
            DEADLINE,
            "the adoption written back",
            () -> TestingCafe.decisions(postgres, "kb-adopt").size() == 1);
        Polling.await(
            DEADLINE,
            "consumer healthy",
            () -> TestingCafe.get(app.port(), "/health").statusCode() == 200);
      }
    }
    assertThat(TestingCafe.catStatus(postgres, "kb-cat")).contains("adopted+dated");
    assertThat(TestingCafe.decisions(postgres, "kb-adopt"))
        .containsExactly("adopt/kb-cat/adopted/1");
    assertThat(TestingCafe.decisions(postgres, "kb-held"))
        .containsExactly("adopt/kb-held-cat/adopted/1");
  }

  /** The group's committed offsets on the adopter topic, over its partitions. */
  private static long committedAdopterOffsets(KafkaSettings kafka, String group) {
    String topic = kafka.topicName(Topic.POTENTIAL_ADOPTERS);
    try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS)
          .entrySet()
          .stream()
          .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
          .mapToLong(entry -> entry.getValue().offset())
          .sum();
    } catch (ExecutionException | TimeoutException failure) {
      return -1; // the broker is not answering yet: poll again
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private static Connection connect(PostgresSettings postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }
}
