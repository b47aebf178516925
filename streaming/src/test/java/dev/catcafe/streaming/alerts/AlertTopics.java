package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes test input to, and reads alerts from, the real broker's topics. */
final class AlertTopics implements AutoCloseable {
  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

  private AlertTopics(KafkaSettings kafka, Topic topic) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(properties);
    TopicPartition partition = new TopicPartition(kafka.topicName(topic), 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
  }

  /**
   * A reader of every record of {@code topic} (partition 0, the tests' only one) from the start.
   */
  static AlertTopics read(KafkaSettings kafka, Topic topic) {
    return new AlertTopics(requireNonNull(kafka), requireNonNull(topic));
  }

  /** Sends {@code values} (JSON, no key) to {@code topic} and waits until the broker has them. */
  static void produce(KafkaSettings kafka, Topic topic, List<String> values) {
    Map<String, Object> properties =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (String value : values) {
        sent.add(producer.send(new ProducerRecord<>(kafka.topicName(topic), value)));
      }
      // flush() returns when every send is done, failed ones too: only the futures tell.
      for (Future<RecordMetadata> send : sent) {
        send.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "%s: a test record was not acknowledged: %s".formatted(topic, e.getCause()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while producing to " + topic, e);
    }
  }

  /** Every record received so far, after polling once more. */
  List<ConsumerRecord<String, String>> received() {
    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    return List.copyOf(received);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
