package dev.catcafe.alertui;

import static dev.catcafe.alertui.AlertFeedIT.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI's consumer outlives its broker: the broker (of a platform of the test's own) is killed
 * with SIGKILL, stays down for a while, comes back on the same data, and the UI goes on delivering
 * alerts and writing back, without a restart of the UI.
 */
@ExtendWith(LocalPlatformExtension.class)
final class BrokerOutageIT {
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  @Test
  void theConsumerResumesAfterTheBrokerWasKilledAndCameBack(TestingPlatform platform) {
    PostgresSettings postgres = platform.isolatedPostgres("ui_broker_outage");
    TestingCafe.createTables(postgres);
    TestingCafe.insertVisitor(postgres, "visitor-kb", "Alan Turing");
    TestingCafe.insertCat(
        postgres, "kb-cat", "Kafka", "black", "long", 30, "available", LocalDate.of(2025, 3, 1));
    try (TestingPlatform own = TestingPlatform.startPrivate("ui-broker-outage")) {
      KafkaSettings kafka = own.kafka();
      try (AlertUiApp app =
              TestingCafe.startAssigned(
                  TestingCafe.config(kafka, postgres, "ui-broker-outage").withAdoptionShare(1.0),
                  11);
          FeedClient client = TestingCafe.feed(app)) {
        try (KafkaProducer<String, String> producer = TestingCafe.producer(kafka)) {
          TestingCafe.send(producer, kafka, TestingCafe.dehydration("kb-before", "kb-cat"));
          awaitMessage(client, "kb-before");
        }

        own.killKafka();
        Instant back = Instant.now().plus(OUTAGE);
        Polling.await(
            OUTAGE.plusSeconds(10), "the outage to last", () -> Instant.now().isAfter(back));
        own.startKafka();

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
  }
}
