package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI's consumer outlives a failing Kafka client: the real client's poll throws (injected at the
 * client boundary, everything else is the real broker), the consumer replaces the client and goes
 * on delivering, from the committed offsets.
 */
@ExtendWith(LocalPlatformExtension.class)
final class AlertConsumerRecoveryIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void aPollFailureDoesNotEndTheConsumer(TestingPlatform platform) {
    KafkaSettings kafka = platform.isolatedKafka("ui-recovery-");
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_recovery");
    List<String> published = new CopyOnWriteArrayList<>();
    AtomicInteger clientsMade = new AtomicInteger();
    AtomicInteger pollsBeforeFailure = new AtomicInteger(3);

    try (ConnectionPool pool = new ConnectionPool(postgres, 2, Duration.ofSeconds(10));
        var producer = TestingCafe.producer(kafka)) {
      AdoptionLedger ledger = new AdoptionLedger(pool);
      WriteBackWorker writeBacks = new WriteBackWorker(ledger, RetryBackoff.DEFAULT);
      CatRepository cats = new CatRepository(pool);
      AlertFeed feed =
          new AlertFeed(
              new NameDirectory(cats, 100),
              cats,
              new AdoptionDecision(0.0, new Random(1)),
              new AlertDeduplicator(100),
              ledger,
              writeBacks,
              published::add);
      AlertConsumer consumer =
          new AlertConsumer(
              kafka,
              () -> {
                clientsMade.incrementAndGet();
                return new KafkaConsumer<>(
                    AlertConsumer.clientProperties(kafka, "ui-recovery", "earliest"),
                    new StringDeserializer(),
                    new StringDeserializer()) {
                  @Override
                  public ConsumerRecords<String, String> poll(Duration timeout) {
                    if (pollsBeforeFailure.decrementAndGet() == 0) {
                      throw new KafkaException("injected poll failure");
                    }
                    return super.poll(timeout);
                  }
                };
              },
              feed,
              new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
      try (writeBacks;
          consumer) {
        TestingCafe.send(producer, kafka, TestingCafe.dehydration("rc-before", "cat-1"));
        consumer.start();
        Polling.await(DEADLINE, "client replaced", () -> consumer.clientFailures() == 1);

        TestingCafe.send(producer, kafka, TestingCafe.dehydration("rc-after", "cat-1"));

        Polling.await(
            DEADLINE,
            "both alerts published",
            () ->
                published.stream().anyMatch(text -> text.contains("rc-before"))
                    && published.stream().anyMatch(text -> text.contains("rc-after")));
        Polling.await(DEADLINE, "consumer healthy", consumer::alive);
        assertThat(clientsMade.get()).isEqualTo(2);
        assertThat(consumer.clientFailures()).isEqualTo(1);
      }
    }
  }
}
