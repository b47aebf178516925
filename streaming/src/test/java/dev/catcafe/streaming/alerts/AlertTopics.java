package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads alerts from the real broker's topics (test input goes through {@code TestingKafka}). */
final class AlertTopics implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

  private AlertTopics(KafkaSettings kafka, Topic topic) {
    Properties properties = new Properties();
    properties.putAll(kafka.clientProperties());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(properties);
    String topicName = kafka.topicName(topic);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topicName).stream()
            .map(partition -> new TopicPartition(topicName, partition.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** A reader of every record of {@code topic}, of every partition, from the start. */
  static AlertTopics read(KafkaSettings kafka, Topic topic) {
    return new AlertTopics(requireNonNull(kafka), requireNonNull(topic));
  }

  /** Every record received so far, after polling once more. */
  List<ConsumerRecord<String, String>> received() {
    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    return List.copyOf(received);
  }

  /** Every alert received so far, read as {@code type}, after polling once more. */
  <A> List<A> received(Class<A> type) {
    return received().stream().map(record -> parse(record, type)).toList();
  }

  /** The alert {@code record} carries, read as {@code type}. */
  static <A> A parse(ConsumerRecord<String, String> record, Class<A> type) {
    try {
      return JSON.readValue(record.value(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
