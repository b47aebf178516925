package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.like;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.SparkSessions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Offsets the alert jobs skip on purpose are counted: records deleted from Kafka (as retention
 * does) while the Detective is stopped are skipped on restart ({@code failOnDataLoss=false}), and
 * the {@code adopter-detective.skipped_offsets} counter moves by exactly that many.
 */
@ExtendWith(LocalPlatformExtension.class)
final class DroppedRecordsIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void recordsDeletedBeforeTheyWereReadAreCountedAsSkipped(TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka = platform.isolatedKafka(RunPrefixes.of("alerts-skipped-"));
    AdopterDetectiveConfig config =
        TestingAlertConfigs.detective(
            kafka,
            AlertJobMode.MICROBATCH,
            AdopterDetectiveRules.defaults(),
            platform.scratchDirectory("alerts-skipped"));
    SparkSession spark =
        SparkSessions.create(
            AdopterDetectiveJob.sessionSettings("dropped-records-it", "local[2]").build());
    try {
      spark.streams().addListener(new DroppedRecords(spark));
      var skipped = DroppedRecords.skippedOffsets(spark, AdopterDetectiveJob.QUERY_NAME);

      StreamingQuery first = AdopterDetectiveJob.start(spark, config);
      try {
        send(kafka, like("s1", "cat-1", 1), like("s1", "cat-2", 2), like("s1", "cat-3", 3));
        Polling.await(TIMEOUT, "the first three read", () -> read(first) >= 3);
      } finally {
        first.stop();
      }
      // While it is down, five more arrive (offsets 3-7) and the first three of them expire.
      send(
          kafka,
          like("s2", "cat-1", 4),
          like("s2", "cat-2", 5),
          like("s2", "cat-3", 6),
          like("s2", "cat-4", 7),
          like("s2", "cat-5", 8));
      deleteBefore(kafka, 6);

      StreamingQuery restarted = AdopterDetectiveJob.start(spark, config);
      try {
        Polling.await(TIMEOUT, "three skipped offsets counted", () -> skipped.value() == 3);
        Polling.await(TIMEOUT, "the two left read", () -> read(restarted) >= 2);
      } finally {
        restarted.stop();
      }
      assertThat(skipped.value()).isEqualTo(3);
    } finally {
      spark.stop();
    }
  }

  /** Input rows of the query's batches so far (this run). */
  private static long read(StreamingQuery query) {
    long rows = 0;
    for (var progress : query.recentProgress()) {
      rows += progress.numInputRows();
    }
    return rows;
  }

  private static void send(KafkaSettings kafka, String... values) {
    TestingKafka.produce(kafka, Topic.CAT_INTERACTIONS, List.of(values));
  }

  /** Deletes the records before {@code offset} of partition 0, as retention would. */
  private static void deleteBefore(KafkaSettings kafka, long offset) throws Exception {
    try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
      admin
          .deleteRecords(
              Map.of(
                  new TopicPartition(kafka.topicName(Topic.CAT_INTERACTIONS), 0),
                  RecordsToDelete.beforeOffset(offset)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }
}
