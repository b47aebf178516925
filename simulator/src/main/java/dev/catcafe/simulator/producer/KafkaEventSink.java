package dev.catcafe.simulator.producer;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.simulator.simulation.EventSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes events to their topics as JSON, keyed by the entity id ({@link CafeEvent#key()}) so each
 * cat's and visitor's events stay in order within a partition. Idempotent, {@code acks=all},
 * batched and compressed; a failed delivery is kept and reported by {@link #checkDelivery()}.
 * Events are emitted from one thread (the simulation's): the JSON buffer is reused.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<Topic, String> topicNames = new EnumMap<>(Topic.class);
  private final EventJson json = new EventJson();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final AtomicLong failures = new AtomicLong();
  private final Map<Topic, AtomicLong> acknowledged = new EnumMap<>(Topic.class);
  private final Map<Topic, Callback> callbacks = new EnumMap<>(Topic.class);

  private KafkaEventSink(KafkaProducer<byte[], byte[]> producer, KafkaSettings settings) {
    this.producer = producer;
    for (Topic topic : Topic.values()) {
      topicNames.put(topic, settings.topicName(topic));
      AtomicLong topicAcknowledged = new AtomicLong();
      acknowledged.put(topic, topicAcknowledged);
      callbacks.put(
          topic,
          (metadata, exception) -> {
            if (exception == null) {
              topicAcknowledged.incrementAndGet();
            } else {
              failures.incrementAndGet();
              firstFailure.compareAndSet(null, exception);
            }
          });
    }
  }

  /** Events of {@code topic} the broker has acknowledged so far. */
  public long acknowledged(Topic topic) {
    return acknowledged.get(requireNonNull(topic, "topic is null")).get();
  }

  /** Events the broker did not accept so far. */
  public long failures() {
    return failures.get();
  }

  /**
   * Checks that the broker answers and the topics the simulator writes exist, then opens the
   * producer: a wrong address or a missing topic fails here, with a clear message, before any event
   * is generated.
   */
  public static KafkaEventSink open(KafkaSettings settings, KafkaTuning tuning, List<Topic> topics)
      throws KafkaUnavailableException {
    requireNonNull(settings, "settings is null");
    requireNonNull(tuning, "tuning is null");
    requireNonNull(topics, "topics is null");
    checkTopics(settings, tuning.timeout(), topics);
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerProperties(settings, tuning));
    try {
      // Fetch the topics' metadata now, so the first tick does not stall on it.
      topics.forEach(topic -> producer.partitionsFor(settings.topicName(topic)));
    } catch (KafkaException e) {
      producer.close(Duration.ZERO);
      throw new KafkaUnavailableException(
          "cannot get topic metadata from %s: %s".formatted(settings.bootstrapServers(), e), e);
    }
    return new KafkaEventSink(producer, settings);
  }

  static Properties producerProperties(KafkaSettings settings, KafkaTuning tuning) {
    Properties properties = new Properties();
    properties.putAll(settings.clientProperties());
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "catcafe-simulator");
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // No duplicates on retry and no loss on a leader change: the lake counts these events.
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, tuning.compression());
    properties.put(ProducerConfig.LINGER_MS_CONFIG, tuning.lingerMillis());
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, tuning.batchBytes());
    properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, tuning.timeout().toMillis());
    return properties;
  }

  private static void checkTopics(KafkaSettings settings, Duration timeout, List<Topic> topics)
      throws KafkaUnavailableException {
    Properties properties = new Properties();
    properties.putAll(settings.clientProperties());
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "catcafe-simulator-check");
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    List<String> names = topics.stream().map(settings::topicName).toList();
    try (Admin admin = Admin.create(properties)) {
      admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new KafkaUnavailableException(
            "a topic is missing on %s: the simulator needs %s (the local platform creates them)"
                .formatted(settings.bootstrapServers(), names),
            e.getCause());
      }
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new KafkaUnavailableException(
            "Kafka at %s did not answer within %s".formatted(settings.bootstrapServers(), timeout),
            e.getCause());
      }
      throw new KafkaUnavailableException(
          "cannot reach Kafka at %s: %s".formatted(settings.bootstrapServers(), e.getCause()),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException(
          "Kafka at %s did not answer within %s".formatted(settings.bootstrapServers(), timeout),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while checking Kafka", e);
    }
  }

  @Override
  public void emit(CafeEvent event) {
    byte[] value = json.toJson(event);
    producer.send(
        new ProducerRecord<>(
            topicNames.get(event.topic()), event.key().getBytes(StandardCharsets.UTF_8), value),
        callbacks.get(event.topic()));
  }

  @Override
  public void checkDelivery() {
    Exception failure = firstFailure.get();
    if (failure != null) {
      throw new DeliveryFailedException(
          "Kafka did not accept %d event(s); first error: %s".formatted(failures.get(), failure),
          failure);
    }
  }

  /** Waits until every event sent so far is acknowledged (or failed). */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }

  /** Kafka is unreachable or misconfigured before anything was produced. */
  public static final class KafkaUnavailableException extends Exception {
    KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Events emitted earlier were not acknowledged. */
  public static final class DeliveryFailedException extends RuntimeException {
    DeliveryFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
