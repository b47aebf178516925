package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.PotentialAdopterAlert;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads both alert topics on its own thread and hands each alert to the {@link AlertFeed}. Unlike
 * the original it joins a consumer group, so a restart resumes from the committed offsets.
 */
public final class AlertConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration STALE_AFTER = Duration.ofSeconds(30);

  private final KafkaConsumer<String, String> consumer;
  private final String healthTopic;
  private final String adopterTopic;
  private final AlertFeed feed;
  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastPollNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong skipped = new AtomicLong();
  private final Thread thread;
  private boolean started;

  public AlertConsumer(KafkaSettings kafka, String groupId, String offsetReset, AlertFeed feed) {
    requireNonNull(kafka, "kafka is null");
    this.feed = requireNonNull(feed, "feed is null");
    this.healthTopic = kafka.topicName(Topic.CAT_HEALTH_ALERTS);
    this.adopterTopic = kafka.topicName(Topic.POTENTIAL_ADOPTERS);
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, requireNonNull(groupId, "groupId is null"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    requireNonNull(offsetReset, "offsetReset is null"),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true",
                ConsumerConfig.CLIENT_ID_CONFIG, "catcafe-alert-ui"),
            new StringDeserializer(),
            new StringDeserializer());
    this.thread = new Thread(this::run, "alert-consumer");
    this.thread.setDaemon(true);
  }

  public synchronized void start() {
    started = true;
    thread.start();
  }

  /** Polling recently and holding partitions: what {@code /health} reports as the consumer. */
  public boolean alive() {
    return thread.isAlive()
        && System.nanoTime() - lastPollNanos.get() < STALE_AFTER.toNanos()
        && !assignment.isEmpty();
  }

  public boolean assigned() {
    return !assignment.isEmpty();
  }

  /** Records that were not valid alerts and were skipped. */
  public long skippedRecords() {
    return skipped.get();
  }

  private void run() {
    try {
      consumer.subscribe(
          List.of(healthTopic, adopterTopic),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              assignment.removeAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              assignment.addAll(partitions);
              LOG.info("alert consumer assigned {}", partitions);
            }
          });
      while (true) {
        var records = consumer.poll(POLL_TIMEOUT);
        lastPollNanos.set(System.nanoTime());
        for (ConsumerRecord<String, String> record : records) {
          handle(record);
        }
      }
    } catch (WakeupException closing) {
      // close() asked us to stop
    } catch (RuntimeException failure) {
      LOG.error("alert consumer stopped", failure);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void handle(ConsumerRecord<String, String> record) {
    if (record.value() == null || record.value().isBlank()) {
      return; // a tombstone from the upsert sink, as the original skipped
    }
    try {
      ObjectNode alert = (ObjectNode) mapper.readTree(record.value());
      if (!alert.hasNonNull("alert_id")) {
        // Older alert jobs wrote no id: the record's position is unique and stable instead.
        alert.put(
            "alert_id", "%s-%d-%d".formatted(record.topic(), record.partition(), record.offset()));
      }
      if (record.topic().equals(healthTopic)) {
        feed.onHealthAlert(mapper.treeToValue(alert, CatHealthAlert.class));
      } else if (record.topic().equals(adopterTopic)) {
        feed.onPotentialAdopter(mapper.treeToValue(alert, PotentialAdopterAlert.class));
      }
    } catch (Exception invalid) {
      skipped.incrementAndGet();
      LOG.warn(
          "skipping record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          invalid.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (!started) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
