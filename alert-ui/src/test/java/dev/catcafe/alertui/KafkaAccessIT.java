package dev.catcafe.alertui;

import static dev.catcafe.alertui.AlertFeedIT.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaCredentials;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker's authentication and ACLs, with the real broker and the real UI: a client must
 * authenticate, and each principal may touch only its topics. Above all, nobody but the Adopter
 * Detective can write the topic the UI turns into adoptions.
 */
@ExtendWith(LocalPlatformExtension.class)
final class KafkaAccessIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final int FORGED_ALERTS = 1_000;
  private static TestingPlatform platform;
  private static PostgresSettings postgres;
  private static KafkaSettings kafka;
  @AutoClose private static AlertUiApp ui;

  @BeforeAll
  static void start(TestingPlatform testingPlatform) {
    platform = testingPlatform;
    postgres = TestingCafe.emptyCafe(platform, "ui_kafka_access");
    kafka = platform.isolatedKafka("kafka-access-" + System.currentTimeMillis() + "-");
    TestingCafe.insertVisitor(postgres, "visitor-mallory", "Mallory");
    TestingCafe.insertVisitor(postgres, "visitor-ada", "Ada");
    // The UI as it runs: its own principal, and a group under its name; it adopts every time.
    ui =
        TestingCafe.startAssigned(
            TestingCafe.config(
                    platform.kafka(kafka, KafkaPrincipal.ALERT_UI),
                    postgres,
                    KafkaPrincipal.ALERT_UI.userName() + "-access-it")
                .withAdoptionShare(1.0),
            7);
  }

  @Test
  void aClientThatDoesNotAuthenticateReachesNoTopic() throws Exception {
    long before = endOffset(Topic.CAT_INTERACTIONS);
    KafkaSettings anonymous = new KafkaSettings(kafka.bootstrapServers(), kafka.topicPrefix());
    try (KafkaProducer<String, String> producer = producer(anonymous)) {
      assertThatThrownBy(() -> send(producer, Topic.CAT_INTERACTIONS, "{}").get())
          .hasCauseInstanceOf(TimeoutException.class);
    }
    KafkaSettings wrongPassword =
        kafka.withCredentials(
            new KafkaCredentials(KafkaPrincipal.SIMULATOR.userName(), "not-the-password"));
    try (KafkaProducer<String, String> producer = producer(wrongPassword)) {
      assertThatThrownBy(() -> send(producer, Topic.CAT_INTERACTIONS, "{}").get())
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
    assertThat(endOffset(Topic.CAT_INTERACTIONS)).isEqualTo(before);
  }

  @Test
  void noPrincipalButTheDetectiveMayWriteAdopterAlerts() throws Exception {
    for (KafkaPrincipal principal :
        List.of(
            KafkaPrincipal.ALERT_UI,
            KafkaPrincipal.SIMULATOR,
            KafkaPrincipal.WELLNESS_GUARDIAN,
            KafkaPrincipal.RAW_INGESTION)) {
      // A principal that may write no topic at all is refused even its producer id (an
      // idempotent producer's first request): a cluster authorization error, not a topic one.
      try (KafkaProducer<String, String> producer = producer(platform.kafka(kafka, principal))) {
        assertThatThrownBy(() -> send(producer, Topic.POTENTIAL_ADOPTERS, "{}").get())
            .as(principal.userName())
            .hasCauseInstanceOf(AuthorizationException.class);
      }
    }
  }

  @Test
  void aThousandForgedAdopterAlertsAdoptNoCat() throws Exception {
    for (int i = 0; i < 20; i++) {
      cat("forged-" + i);
    }
    cat("genuine");
    long before = endOffset(Topic.POTENTIAL_ADOPTERS);

    // The simulator's principal may write the raw topics, so it authenticates: only the ACL stops
    // it here.
    List<Future<RecordMetadata>> forged = new ArrayList<>();
    try (KafkaProducer<String, String> forger =
        producer(platform.kafka(kafka, KafkaPrincipal.SIMULATOR))) {
      for (int i = 0; i < FORGED_ALERTS; i++) {
        String alert = adopterJson("forged-alert-" + i, "forged-" + (i % 20));
        forged.add(send(forger, Topic.POTENTIAL_ADOPTERS, alert));
      }
      forger.flush();
    }
    for (Future<RecordMetadata> attempt : forged) {
      assertThatThrownBy(attempt::get).hasCauseInstanceOf(TopicAuthorizationException.class);
    }
    assertThat(endOffset(Topic.POTENTIAL_ADOPTERS)).isEqualTo(before);

    // The Detective's alert, sent after the forgeries, adopts: the UI was listening all along.
    try (FeedClient client = TestingCafe.feed(ui);
        KafkaProducer<String, String> detective =
            producer(platform.kafka(kafka, KafkaPrincipal.ADOPTER_DETECTIVE))) {
      detective
          .send(
              new ProducerRecord<>(
                  kafka.topicName(Topic.POTENTIAL_ADOPTERS),
                  "visitor-ada",
                  adopterJson("genuine-alert", "genuine")))
          .get(30, TimeUnit.SECONDS);
      awaitMessage(client, "genuine-alert");
    }
    assertThat(TestingCafe.catStatus(postgres, "genuine")).contains("adopted+dated");
    for (int i = 0; i < 20; i++) {
      assertThat(TestingCafe.catStatus(postgres, "forged-" + i))
          .as("forged-" + i)
          .contains("available");
    }
  }

  @Test
  void theUiMayReadOnlyTheAlertTopicsAndOnlyInItsOwnGroups() {
    KafkaSettings asUi = platform.kafka(kafka, KafkaPrincipal.ALERT_UI);
    try (KafkaConsumer<String, String> consumer =
        consumer(asUi, KafkaPrincipal.ALERT_UI.userName() + "-probe")) {
      consumer.subscribe(List.of(kafka.topicName(Topic.CAT_WELLNESS)));
      assertThatThrownBy(() -> consumer.poll(DEADLINE))
          .isInstanceOf(TopicAuthorizationException.class);
    }
    try (KafkaConsumer<String, String> consumer = consumer(asUi, "someone-elses-group")) {
      consumer.subscribe(List.of(kafka.topicName(Topic.POTENTIAL_ADOPTERS)));
      assertThatThrownBy(() -> consumer.poll(DEADLINE))
          .isInstanceOf(GroupAuthorizationException.class);
    }
  }

  private static void cat(String catId) {
    TestingCafe.insertAvailableCat(postgres, catId, "black", "short", 12, LocalDate.of(2025, 5, 1));
  }

  private static KafkaProducer<String, String> producer(KafkaSettings settings) {
    return new KafkaProducer<>(
        settings.clientProperties(
            Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A refused topic fails each send after a metadata round trip, which backs off
                // up to a second by default: a thousand forgeries would take a quarter of an hour.
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5,
                ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 5)),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(KafkaSettings settings, String group) {
    return new KafkaConsumer<>(
        settings.clientProperties(
            Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest")),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private static Future<RecordMetadata> send(
      KafkaProducer<String, String> producer, Topic topic, String value) {
    return producer.send(new ProducerRecord<>(kafka.topicName(topic), value));
  }

  /** The topic's end offset, read as the platform's principal. */
  private static long endOffset(Topic topic) throws Exception {
    TopicPartition partition = new TopicPartition(kafka.topicName(topic), 0);
    try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
      return admin
          .listOffsets(Map.of(partition, OffsetSpec.latest()))
          .partitionResult(partition)
          .get(30, TimeUnit.SECONDS)
          .offset();
    }
  }

  /** An adopter alert for one liked cat, as the Detective writes it. */
  private static String adopterJson(String alertId, String catId) throws JsonProcessingException {
    return TestingCafe.MAPPER.writeValueAsString(
        TestingCafe.adopter(alertId, "visitor-ada", List.of(catId)));
  }
}
