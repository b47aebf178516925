package dev.catcafe.bench;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The throw-away topics of a benchmark run: named through {@link KafkaSettings#topicName} (a run
 * gives its settings a fresh prefix, {@link #forRun}, so runs never see each other's events),
 * replication 1 on the local broker.
 */
public final class BenchTopics {
  private static final long TIMEOUT_SECONDS = 30;

  /**
   * What every benchmark topic's name starts with: the platform's peer listener lets the Flink peer
   * touch these topics and no cafe topic.
   */
  private static final String PREFIX = "bench-";

  private BenchTopics() {}

  /** {@code kafka} with run {@code run}'s own topic prefix, {@code bench-<run>-}. */
  public static KafkaSettings forRun(KafkaSettings kafka, String run) {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(run, "run is null");
    return kafka.withTopicPrefix(PREFIX + run + "-");
  }

  /** Creates {@code topics} with {@code partitions} partitions each. */
  public static void create(KafkaSettings kafka, Collection<Topic> topics, int partitions)
      throws ExecutionException, InterruptedException, TimeoutException {
    requireNonNull(topics, "topics is null");
    try (Admin admin = admin(kafka)) {
      admin
          .createTopics(
              topics.stream()
                  .map(topic -> new NewTopic(kafka.topicName(topic), partitions, (short) 1))
                  .toList())
          .all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Deletes {@code topics}; a failure is reported on stderr, not thrown: the figures stand. */
  public static void delete(KafkaSettings kafka, Collection<Topic> topics) {
    requireNonNull(topics, "topics is null");
    try (Admin admin = admin(kafka)) {
      admin
          .deleteTopics(topics.stream().map(kafka::topicName).toList())
          .all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("Could not delete the benchmark topics: " + e);
    }
  }

  private static Admin admin(KafkaSettings kafka) {
    return Admin.create(
        requireNonNull(kafka, "kafka is null")
            .clientProperties(
                Map.of(
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))));
  }
}
