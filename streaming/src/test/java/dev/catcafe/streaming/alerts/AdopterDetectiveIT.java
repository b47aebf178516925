package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.START;
import static dev.catcafe.streaming.alerts.TestingAlertInputs.interaction;
import static dev.catcafe.streaming.alerts.TestingAlertInputs.like;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.event.PotentialAdopterAlert;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.SparkSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Detective against the real broker, in each mode with the same assertions: the fourth and
 * fifth distinct likes and a repeated like each raise one alert with the right fields, a restart
 * from the checkpoint keeps the visitors' state, and a visitor idle past the state TTL starts again
 * from nothing.
 */
@ExtendWith(LocalPlatformExtension.class)
final class AdopterDetectiveIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSessions.create(
            // Real-time mode holds a task slot per input partition: three in one test.
            AdopterDetectiveJob.sessionSettings("adopter-detective-it", "local[4]").build());
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @ParameterizedTest
  @EnumSource(AlertJobMode.class)
  void alertsOnTheFourthAndFifthLikeAndARepeatAndSurvivesARestart(
      AlertJobMode mode, TestingPlatform platform) throws Exception {
    KafkaSettings kafka =
        platform.isolatedKafka(RunPrefixes.of("alerts-detective-" + mode.wireName() + "-"));
    // The job as it runs: its own principal, allowed only its topics.
    AdopterDetectiveConfig config =
        TestingAlertConfigs.detective(
            platform.kafka(kafka, KafkaPrincipal.ADOPTER_DETECTIVE),
            mode,
            AdopterDetectiveRules.defaults(),
            platform.scratchDirectory("alerts-detective-" + mode.wireName()));
    try (AlertTopics alerts = AlertTopics.read(kafka, Topic.POTENTIAL_ADOPTERS)) {
      StreamingQuery query = AdopterDetectiveJob.start(spark, config);
      try {
        send(
            kafka,
            like("v1", "cat-c", 1),
            interaction("v1", "cat-x", "pet", 2),
            like("v1", "cat-a", 3),
            like("v1", "cat-b", 4),
            "{\"visitor_id\":\"v1\",\"cat_id\":");
        send(kafka, like("v1", "cat-d", 5));
        awaitAlerts(alerts, "v1", 1);
        send(kafka, like("v1", "cat-e", 6));
        awaitAlerts(alerts, "v1", 2);
        send(kafka, like("v1", "cat-a", 7));
        awaitAlerts(alerts, "v1", 3);
        // Let the batch that wrote it commit, so the restart below starts after it.
        SettledQueries.settle(query, mode);
      } finally {
        query.stop();
      }

      List<PotentialAdopterAlert> v1 = alertsFor(alerts.received(), "v1");
      assertThat(v1).extracting(PotentialAdopterAlert::numberOfLikes).containsExactly(4L, 5L, 5L);
      PotentialAdopterAlert fourth = v1.get(0);
      String fourthTime = EventTimes.format(START.plusSeconds(5));
      assertThat(fourth.alertTime()).isEqualTo(fourthTime);
      assertThat(fourth.likedCats()).isEqualTo("cat-a, cat-b, cat-c, cat-d");
      assertThat(fourth.alertMessage())
          .isEqualTo("Potential adopter detected: v1 has liked 4 cats.");
      assertThat(fourth.alertId()).isEqualTo(AdopterAlerts.sha256Hex("v1/4/" + fourthTime));
      assertThat(v1.get(1).likedCats()).isEqualTo("cat-a, cat-b, cat-c, cat-d, cat-e");
      assertThat(v1.get(2).alertTime()).isEqualTo(EventTimes.format(START.plusSeconds(7)));
      assertThat(alerts.received())
          .allSatisfy(r -> assertThat(r.key()).isEqualTo("{\"visitor_id\":\"v1\"}"));

      // While the job is down, v1 likes a sixth cat: after the restart the state is still there.
      send(kafka, like("v1", "cat-f", 8));
      StreamingQuery restarted = AdopterDetectiveJob.start(spark, config);
      try {
        awaitAlerts(alerts, "v1", 4);
        SettledQueries.settle(restarted, mode); // no alert beyond the fourth is still on its way
      } finally {
        restarted.stop();
      }
      assertThat(alertsFor(alerts.received(), "v1"))
          .extracting(PotentialAdopterAlert::numberOfLikes)
          .containsExactly(4L, 5L, 5L, 6L);
    }
  }

  @ParameterizedTest
  @EnumSource(AlertJobMode.class)
  void forgetsAVisitorIdlePastTheStateTtl(AlertJobMode mode, TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka =
        platform.isolatedKafka(RunPrefixes.of("alerts-detective-ttl-" + mode.wireName() + "-"));
    Duration ttl = Duration.ofSeconds(5);
    AdopterDetectiveConfig config =
        TestingAlertConfigs.detective(
            kafka,
            mode,
            new AdopterDetectiveRules(3, ttl, Duration.ofMinutes(10)),
            platform.scratchDirectory("alerts-detective-ttl-" + mode.wireName()));
    try (AlertTopics alerts = AlertTopics.read(kafka, Topic.POTENTIAL_ADOPTERS)) {
      StreamingQuery query = AdopterDetectiveJob.start(spark, config);
      try {
        send(kafka, like("idle", "cat-1", 1), like("idle", "cat-2", 2), like("idle", "cat-3", 3));
        SettledQueries.settle(query, mode); // the state is written: its TTL runs from now
        Instant expired = Instant.now().plus(ttl).plusSeconds(2);
        Polling.await(TIMEOUT, "the TTL to pass", () -> Instant.now().isAfter(expired));

        // Had the state survived, the visitor would have liked 7 cats, not 4.
        send(
            kafka,
            like("idle", "cat-4", 4),
            like("idle", "cat-5", 5),
            like("idle", "cat-6", 6),
            like("idle", "cat-7", 7));
        awaitAlerts(alerts, "idle", 1);
        SettledQueries.settle(query, mode); // no second alert is still on its way
      } finally {
        query.stop();
      }
      assertThat(alertsFor(alerts.received(), "idle"))
          .singleElement()
          .satisfies(
              alert -> {
                assertThat(alert.numberOfLikes()).isEqualTo(4L);
                assertThat(alert.likedCats()).isEqualTo("cat-4, cat-5, cat-6, cat-7");
              });
    }
  }

  /**
   * With {@code cat-interactions} in three partitions, keyed by visitor as the simulator keys it,
   * each visitor's fourth and fifth like raise exactly one alert each: in real-time mode every task
   * keeps its own partition's visitors.
   */
  @ParameterizedTest
  @EnumSource(AlertJobMode.class)
  void alertsEveryVisitorExactlyOverThreePartitions(AlertJobMode mode, TestingPlatform platform)
      throws Exception {
    String name = "alerts-detective-partitions-" + mode.wireName();
    KafkaSettings kafka = platform.isolatedKafka(RunPrefixes.of(name + "-"), 3);
    AdopterDetectiveConfig config =
        TestingAlertConfigs.detective(
            platform.kafka(kafka, KafkaPrincipal.ADOPTER_DETECTIVE),
            mode,
            AdopterDetectiveRules.defaults(),
            platform.scratchDirectory(name));
    List<String> visitors = IntStream.rangeClosed(1, 9).mapToObj(i -> "visitor-" + i).toList();
    try (AlertTopics alerts = AlertTopics.read(kafka, Topic.POTENTIAL_ADOPTERS)) {
      StreamingQuery query = AdopterDetectiveJob.start(spark, config);
      try {
        for (int cat = 1; cat <= 5; cat++) {
          for (String visitor : visitors) {
            TestingKafka.produceKeyed(
                kafka, Topic.CAT_INTERACTIONS, visitor, List.of(like(visitor, "cat-" + cat, cat)));
          }
        }
        Polling.await(
            TIMEOUT,
            "two alerts for each of the nine visitors",
            () -> alerts.received().size() >= 2 * visitors.size());
        SettledQueries.settle(query, mode); // no third alert for anyone is still on its way
      } finally {
        query.stop();
      }
      assertThat(TestingKafka.partitionsWithRecords(kafka, Topic.CAT_INTERACTIONS))
          .as("the visitors' likes are spread over the partitions")
          .hasSize(3);
      for (String visitor : visitors) {
        assertThat(alertsFor(alerts.received(), visitor))
            .as(visitor)
            .extracting(PotentialAdopterAlert::numberOfLikes)
            .containsExactly(4L, 5L);
      }
    }
  }

  private static void send(KafkaSettings kafka, String... values) {
    TestingKafka.produce(kafka, Topic.CAT_INTERACTIONS, Arrays.asList(values));
  }

  private static void awaitAlerts(AlertTopics alerts, String visitorId, int count) {
    Polling.await(
        TIMEOUT,
        "%d alerts for %s".formatted(count, visitorId),
        () -> alertsFor(alerts.received(), visitorId).size() >= count);
  }

  private static List<PotentialAdopterAlert> alertsFor(
      List<ConsumerRecord<String, String>> records, String visitorId) {
    return records.stream()
        .map(AdopterDetectiveIT::parse)
        .filter(alert -> alert.visitorId().equals(visitorId))
        .toList();
  }

  private static PotentialAdopterAlert parse(ConsumerRecord<String, String> record) {
    return AlertTopics.parse(record, PotentialAdopterAlert.class);
  }
}
