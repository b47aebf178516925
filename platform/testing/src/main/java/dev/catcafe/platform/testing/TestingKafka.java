package dev.catcafe.platform.testing;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test input for the real broker: records sent in order, each one acknowledged or a failure. */
public final class TestingKafka {
  private TestingKafka() {}

  /** Sends {@code values} to the cafe topic {@code topic} as {@code kafka} names it; see below. */
  public static void produce(KafkaSettings kafka, Topic topic, List<String> values) {
    produce(kafka, requireNonNull(kafka, "kafka is null").topicName(topic), values);
  }

  /**
   * Sends {@code values} (no key) to {@code topicName}, in order, and returns once the broker has
   * acknowledged every one. {@code flush()} alone would not do: it returns when every send is done,
   * failed ones too, so a lost record would only show up later as a missing row or alert. The
   * failure carries the broker's view of the topic's partitions, which tells a stalled broker from
   * a partition without a leader.
   */
  public static void produce(KafkaSettings kafka, String topicName, List<String> values) {
    produce(kafka, topicName, null, values);
  }

  /**
   * Sends {@code values}, each keyed {@code key}, to the cafe topic {@code topic}: as the producers
   * do, so they land in the partition of their key. Returns once every one is acknowledged.
   */
  public static void produceKeyed(
      KafkaSettings kafka, Topic topic, String key, List<String> values) {
    produce(
        kafka,
        requireNonNull(kafka, "kafka is null").topicName(topic),
        requireNonNull(key, "key is null"),
        values);
  }

  private static void produce(
      KafkaSettings kafka, String topicName, String key, List<String> values) {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(topicName, "topicName is null");
    requireNonNull(values, "values is null");
    Map<String, Object> properties =
        kafka.clientProperties(
            Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5"));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
      List<Future<?>> sent = new ArrayList<>();
      for (String value : values) {
        sent.add(producer.send(new ProducerRecord<>(topicName, key, value)));
      }
      for (Future<?> send : sent) {
        send.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "%s: a test record was not acknowledged (%s); the broker's view of it: %s"
              .formatted(topicName, e.getCause(), describe(kafka, topicName)),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while producing to " + topicName, e);
    }
  }

  /** The partitions of the cafe topic {@code topic} that hold at least one record. */
  public static Set<Integer> partitionsWithRecords(KafkaSettings kafka, Topic topic) {
    String topicName = requireNonNull(kafka, "kafka is null").topicName(topic);
    try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicPartitionInfo partition :
          admin
              .describeTopics(List.of(topicName))
              .allTopicNames()
              .get(15, TimeUnit.SECONDS)
              .get(topicName)
              .partitions()) {
        latest.put(new TopicPartition(topicName, partition.partition()), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS).entrySet().stream()
          .filter(end -> end.getValue().offset() > 0)
          .map(end -> end.getKey().partition())
          .collect(Collectors.toSet());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the offsets of " + topicName, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading offsets of " + topicName, e);
    }
  }

  /** The topic's partitions as the broker describes them (leader, in-sync replicas), or why not. */
  private static String describe(KafkaSettings kafka, String topicName) {
    try (Admin admin =
        Admin.create(
            kafka.clientProperties(
                Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)))) {
      return admin
          .describeTopics(List.of(topicName))
          .allTopicNames()
          .get(15, TimeUnit.SECONDS)
          .values()
          .stream()
          .flatMap(description -> description.partitions().stream())
          .map(TopicPartitionInfo::toString)
          .toList()
          .toString();
    } catch (ExecutionException | TimeoutException e) {
      return "no answer within 15 s (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
