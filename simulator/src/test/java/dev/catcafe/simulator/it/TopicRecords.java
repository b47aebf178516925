package dev.catcafe.simulator.it;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads everything on some of the cafe's topics, from the beginning up to their current end. */
final class TopicRecords {
  private TopicRecords() {}

  /** A record and the topic it was read from. */
  record Read(Topic topic, String key, String value) {}

  static List<Read> readAll(KafkaSettings kafka, Collection<Topic> topics, Duration timeout) {
    requireNonNull(kafka, "kafka is null");
    Properties properties = new Properties();
    properties.putAll(kafka.clientProperties());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<Read> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
      List<TopicPartition> partitions = new ArrayList<>();
      Map<String, Topic> byName = new HashMap<>();
      for (Topic topic : topics) {
        String name = kafka.topicName(topic);
        byName.put(name, topic);
        consumer
            .partitionsFor(name)
            .forEach(p -> partitions.add(new TopicPartition(name, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read %s within %s".formatted(end, timeout));
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          records.add(new Read(byName.get(record.topic()), record.key(), record.value()));
        }
      }
    }
    return records;
  }
}
