package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.like;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.event.PotentialAdopterAlert;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.spark.testing.TestingObjectStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real-time Detective as the cluster runs it, its checkpoint in the lake's object store: the
 * visitors' state snapshots go to the bucket beside Spark's checkpoint files, and a restarted query
 * goes on from them. Against the platform's real S3 server and broker.
 */
@ExtendWith(LocalPlatformExtension.class)
final class AdopterDetectiveOnS3IT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void theVisitorsStateLivesInTheBucketAndSurvivesARestart(TestingPlatform platform)
      throws Exception {
    CatalogSettings lake = platform.catalog(LakeStorage.S3, "it_detective_s3");
    String bucket = URI.create(lake.warehouse()).getHost();
    String checkpoint =
        "s3://%s/it-detective-%s/checkpoints/adopter-detective"
            .formatted(bucket, UUID.randomUUID());
    KafkaSettings kafka = platform.isolatedKafka(RunPrefixes.of("alerts-detective-s3-"));
    AdopterDetectiveConfig config =
        TestingAlertConfigs.detective(
            platform.kafka(kafka, KafkaPrincipal.ADOPTER_DETECTIVE),
            AlertJobMode.REALTIME,
            AdopterDetectiveRules.defaults(),
            checkpoint);
    // The session reaches the store as every job's does: its S3 settings come with the lake.
    SparkSession spark =
        SparkSessions.create(
            AdopterDetectiveJob.sessionSettings("adopter-detective-s3-it", "local[2]")
                .catalog(lake)
                .build());
    try (AlertTopics alerts = AlertTopics.read(kafka, Topic.POTENTIAL_ADOPTERS)) {
      StreamingQuery query = AdopterDetectiveJob.start(spark, config);
      try {
        send(kafka, like("v1", "a", 1), like("v1", "b", 2), like("v1", "c", 3), like("v1", "d", 4));
        awaitAlerts(alerts, 1);
        // A batch that ends after the alert saves the state that holds it.
        SettledQueries.settle(query, AlertJobMode.REALTIME);
      } finally {
        query.stop();
      }
      assertThat(TestingObjectStore.list(platform.objectStore(), checkpoint + "/visitor-likes/"))
          .as("the state's snapshots, in the bucket")
          .anyMatch(object -> object.matches(".*/visitor-likes/partition-0/\\d+\\.snapshot"));

      send(kafka, like("v1", "e", 5));
      StreamingQuery restarted = AdopterDetectiveJob.start(spark, config);
      try {
        awaitAlerts(alerts, 2);
      } finally {
        restarted.stop();
      }
      assertThat(alerts.received(PotentialAdopterAlert.class))
          .extracting(PotentialAdopterAlert::numberOfLikes)
          .as("the fifth like counted on the four restored from the bucket")
          .containsExactly(4L, 5L);
    } finally {
      spark.stop();
    }
  }

  private static void send(KafkaSettings kafka, String... values) {
    TestingKafka.produceKeyed(kafka, Topic.CAT_INTERACTIONS, "v1", List.of(values));
  }

  private static void awaitAlerts(AlertTopics alerts, int count) {
    Polling.await(
        TIMEOUT,
        count + " alerts for v1",
        () -> alerts.received(PotentialAdopterAlert.class).size() >= count);
  }
}
