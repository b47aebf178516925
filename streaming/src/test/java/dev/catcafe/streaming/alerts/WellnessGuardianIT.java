package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.READING_TIME;
import static dev.catcafe.streaming.alerts.TestingAlertInputs.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.SparkSessions;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Guardian in real-time mode against the real broker: readings across each threshold raise
 * exactly the expected alerts, readings at a threshold and malformed readings raise none, and a
 * query restarted from its checkpoint alerts on new readings once and loses nothing.
 */
@ExtendWith(LocalPlatformExtension.class)
final class WellnessGuardianIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create(WellnessGuardianJob.sessionSettings("local[3]").build());
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void alertsExactlyOnReadingsPastTheThresholdsAndResumesAfterARestart(TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka = platform.isolatedKafka(RunPrefixes.of("alerts-guardian-"));
    // The job and the collars as they run: each its own principal, allowed only its topics.
    WellnessGuardianConfig config =
        new WellnessGuardianConfig(
            new AlertStream(
                platform.kafka(kafka, KafkaPrincipal.WELLNESS_GUARDIAN),
                AlertJobMode.REALTIME,
                platform.scratchDirectory("alerts-guardian").toString(),
                Duration.ofSeconds(5),
                "earliest"),
            WellnessThresholds.defaults());
    TestingKafka.produce(
        platform.kafka(kafka, KafkaPrincipal.SIMULATOR),
        Topic.CAT_WELLNESS,
        List.of(
            reading("dry", 0.5, 4.01),
            reading("at-both-thresholds", 0.1, 4.0),
            "{\"cat_id\":\"broken\",\"hours_since_last_drink\":",
            reading("calm", 0.09, 1.0),
            reading("both", 0.0, 9.5),
            reading("healthy", 0.8, 0.5),
            reading("sentinel-1", 0.5, 5.0)));

    try (AlertTopics alerts = AlertTopics.read(kafka, Topic.CAT_HEALTH_ALERTS)) {
      StreamingQuery query = WellnessGuardianJob.start(spark, config);
      try {
        awaitAlertFor(alerts, "sentinel-1");
      } finally {
        query.stop();
      }
      // One partition keeps order: whatever was to come before the sentinel has come.
      assertThat(typesByCat(alerts.received()))
          .containsExactlyInAnyOrder(
              "dry DEHYDRATION",
              "calm STRESS",
              "both DEHYDRATION",
              "both STRESS",
              "sentinel-1 DEHYDRATION");
      CatHealthAlert dry = alert(alerts.received(), "dry");
      assertThat(dry.alertTime()).isEqualTo(READING_TIME);
      assertThat(dry.value()).isEqualTo(4.01);
      assertThat(dry.threshold()).isEqualTo(4.0);
      assertThat(dry.alertMessage())
          .isEqualTo(
              "Health Alert for dry: Hours since last drink (4.01) exceeds threshold (4.0).");
      assertThat(alerts.received())
          .allSatisfy(record -> assertThat(record.key()).isEqualTo(parse(record).catId()));

      // Readings that arrive while the job is down are alerted on after the restart, once.
      TestingKafka.produce(
          kafka,
          Topic.CAT_WELLNESS,
          List.of(reading("while-down", 0.5, 6.0), reading("sentinel-2", 0.05, 1.0)));
      StreamingQuery restarted = WellnessGuardianJob.start(spark, config);
      try {
        awaitAlertFor(alerts, "sentinel-2");
      } finally {
        restarted.stop();
      }
      List<ConsumerRecord<String, String>> all = alerts.received();
      assertThat(
              all.stream()
                  .map(WellnessGuardianIT::parse)
                  .filter(a -> a.catId().equals("while-down")))
          .hasSize(1);
      // A replay of readings from before the stop would repeat an alert with the same id, so a
      // consumer can drop it; the set of ids is exactly the expected alerts.
      assertThat(all.stream().map(r -> parse(r).alertId()).distinct()).hasSize(7);
    }
  }

  private static void awaitAlertFor(AlertTopics alerts, String catId) {
    Polling.await(
        TIMEOUT,
        "an alert for " + catId,
        () -> alerts.received().stream().anyMatch(r -> parse(r).catId().equals(catId)));
  }

  private static List<String> typesByCat(List<ConsumerRecord<String, String>> records) {
    return records.stream()
        .map(WellnessGuardianIT::parse)
        .map(a -> a.catId() + " " + a.alertType())
        .toList();
  }

  private static CatHealthAlert alert(List<ConsumerRecord<String, String>> records, String catId) {
    return records.stream()
        .map(WellnessGuardianIT::parse)
        .filter(a -> a.catId().equals(catId))
        .findFirst()
        .orElseThrow();
  }

  private static CatHealthAlert parse(ConsumerRecord<String, String> record) {
    return AlertTopics.parse(record, CatHealthAlert.class);
  }
}
