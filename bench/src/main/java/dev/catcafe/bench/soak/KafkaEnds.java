package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaSettings;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The first and next offsets of topics' partitions, through one admin client. */
public final class KafkaEnds implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;

  public KafkaEnds(KafkaSettings kafka) {
    requireNonNull(kafka, "kafka is null");
    this.admin =
        Admin.create(
            kafka.clientProperties(
                Map.of(
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))));
  }

  /** Every partition of {@code topics}. */
  public List<TopicPartition> partitions(Collection<String> topics) throws KafkaEndsException {
    Map<String, TopicDescription> descriptions =
        await(admin.describeTopics(topics).allTopicNames(), "describe " + topics);
    return descriptions.values().stream()
        .flatMap(
            description ->
                description.partitions().stream()
                    .map(info -> new TopicPartition(description.name(), info.partition())))
        .toList();
  }

  /** The offset the next record of each partition will get. */
  public Map<TopicPartition, Long> latest(Collection<TopicPartition> partitions)
      throws KafkaEndsException {
    return offsets(partitions, OffsetSpec.latest());
  }

  /** The offset of each partition's oldest record still kept. */
  public Map<TopicPartition, Long> earliest(Collection<TopicPartition> partitions)
      throws KafkaEndsException {
    return offsets(partitions, OffsetSpec.earliest());
  }

  private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
      throws KafkaEndsException {
    requireNonNull(partitions, "partitions is null");
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, spec));
    Map<TopicPartition, ListOffsetsResultInfo> answer =
        await(admin.listOffsets(request).all(), "list offsets");
    Map<TopicPartition, Long> offsets = new HashMap<>();
    answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return Map.copyOf(offsets);
  }

  private static <T> T await(KafkaFuture<T> future, String what) throws KafkaEndsException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaEndsException("Kafka did not answer to " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaEndsException("interrupted while waiting to " + what, e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }

  /** Kafka did not answer; the soak reports the sample as missing rather than guessing. */
  public static final class KafkaEndsException extends Exception {
    private static final long serialVersionUID = 1L;

    KafkaEndsException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
