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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads both alert topics on its own thread and hands each alert to the {@link AlertFeed}. Unlike
 * the original it joins a consumer group, so a restart resumes from the committed offsets; it
 * commits an adopter alert's offset only once the alert's write-back has settled ({@link
 * PendingOffsets}), so an effect still in flight at a crash is read again, never lost.
 *
 * <p>A failure of the Kafka client (a poll or commit that throws) does not end the thread: the
 * client is closed, and a new one subscribes again after a back-off, resuming from the committed
 * offsets.
 */
public final class AlertConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration STALE_AFTER = Duration.ofSeconds(30);

  private final Supplier<Consumer<String, String>> clients;
  private final String healthTopic;
  private final String adopterTopic;
  private final AlertFeed feed;
  private final RetryBackoff backoff;
  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
  private final PendingOffsets offsets = new PendingOffsets();
  private final AtomicLong lastPollNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong clientFailures = new AtomicLong();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;
  private volatile Consumer<String, String> client;
  // Touched by the consumer thread only.
  private Map<TopicPartition, Long> lastCommitted = Map.of();
  private int failuresInARow;
  private int commitFailuresInARow;
  private boolean started;

  public AlertConsumer(KafkaSettings kafka, String groupId, String offsetReset, AlertFeed feed) {
    this(kafka, () -> newClient(kafka, groupId, offsetReset), feed, RetryBackoff.DEFAULT);
  }

  /** {@code clients} makes a new Kafka client each time the previous one failed. */
  AlertConsumer(
      KafkaSettings kafka,
      Supplier<Consumer<String, String>> clients,
      AlertFeed feed,
      RetryBackoff backoff) {
    requireNonNull(kafka, "kafka is null");
    this.clients = requireNonNull(clients, "clients is null");
    this.feed = requireNonNull(feed, "feed is null");
    this.backoff = requireNonNull(backoff, "backoff is null");
    this.healthTopic = kafka.topicName(Topic.CAT_HEALTH_ALERTS);
    this.adopterTopic = kafka.topicName(Topic.POTENTIAL_ADOPTERS);
    this.thread = new Thread(this::run, "alert-consumer");
    this.thread.setDaemon(true);
  }

  static KafkaConsumer<String, String> newClient(
      KafkaSettings kafka, String groupId, String offsetReset) {
    return new KafkaConsumer<>(
        clientProperties(kafka, groupId, offsetReset),
        new StringDeserializer(),
        new StringDeserializer());
  }

  static Map<String, Object> clientProperties(
      KafkaSettings kafka, String groupId, String offsetReset) {
    return kafka.clientProperties(
        Map.of(
            ConsumerConfig.GROUP_ID_CONFIG,
            requireNonNull(groupId, "groupId is null"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            requireNonNull(offsetReset, "offsetReset is null"),
            // Committed by hand: an offset is committed once its alert's effects have settled.
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false",
            ConsumerConfig.CLIENT_ID_CONFIG,
            "catcafe-alert-ui"));
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

  /** Times the Kafka client failed and was replaced. */
  public long clientFailures() {
    return clientFailures.get();
  }

  private void run() {
    while (closing.getCount() > 0) {
      try {
        consume(clients.get());
        return; // closed
      } catch (RuntimeException failure) {
        clientFailures.incrementAndGet();
        failuresInARow++;
        Duration wait = backoff.delay(failuresInARow);
        LOG.error(
            "alert consumer failed ({} in a row); reconnecting in {} ms",
            failuresInARow,
            wait.toMillis(),
            failure);
        try {
          if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Subscribes {@code consumer} and polls until closed; throws when the client fails. */
  private void consume(Consumer<String, String> consumer) {
    client = consumer;
    try {
      if (closing.getCount() == 0) {
        return;
      }
      consumer.subscribe(List.of(healthTopic, adopterTopic), rebalanceListener(consumer));
      while (closing.getCount() > 0) {
        var records = consumer.poll(POLL_TIMEOUT);
        lastPollNanos.set(System.nanoTime());
        failuresInARow = 0;
        for (ConsumerRecord<String, String> record : records) {
          handle(record);
        }
        commitAsync(consumer);
      }
    } catch (WakeupException closingNow) {
      if (closing.getCount() > 0) {
        throw closingNow;
      }
    } finally {
      commitQuietly(consumer);
      assignment.clear();
      client = null;
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException ignored) {
        // a broken client may fail to close; it is dropped either way
      }
    }
  }

  private ConsumerRebalanceListener rebalanceListener(Consumer<String, String> consumer) {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        commitQuietly(consumer);
        assignment.removeAll(partitions);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        assignment.addAll(partitions);
        LOG.info("alert consumer assigned {}", partitions);
      }
    };
  }

  private void handle(ConsumerRecord<String, String> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    try {
      handleAlert(record, partition);
    } finally {
      offsets.handled(partition, record.offset());
    }
  }

  private void handleAlert(ConsumerRecord<String, String> record, TopicPartition partition) {
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
        PotentialAdopterAlert adopter = mapper.treeToValue(alert, PotentialAdopterAlert.class);
        Runnable settled = () -> offsets.settle(partition, record.offset());
        offsets.begin(partition, record.offset());
        try {
          feed.onPotentialAdopter(adopter, settled);
        } catch (RuntimeException failure) {
          settled.run(); // nothing was handed over: only this read's begin is undone
          throw failure;
        }
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

  private void commitAsync(Consumer<String, String> consumer) {
    Map<TopicPartition, Long> commits = offsets.committable(assignment);
    if (commits.isEmpty() || commits.equals(lastCommitted)) {
      return;
    }
    lastCommitted = commits;
    consumer.commitAsync(
        metadata(commits),
        (committed, failure) -> {
          // Runs on this thread (in a later poll), so it may touch the thread's own fields.
          if (failure == null) {
            if (commitFailuresInARow > 0) {
              LOG.info("offset commits succeed again after {} failures", commitFailuresInARow);
            }
            commitFailuresInARow = 0;
            return;
          }
          // Forget what was sent, so the next loop sends these offsets again even when no new
          // record arrives (after a broker outage, say). It does so every poll: warn once.
          lastCommitted = Map.of();
          if (commitFailuresInARow++ == 0) {
            LOG.warn("offset commit failed, retried every poll: {}", failure.toString());
          } else {
            LOG.debug("offset commit failed again: {}", failure.toString());
          }
        });
  }

  private void commitQuietly(Consumer<String, String> consumer) {
    Map<TopicPartition, Long> commits = offsets.committable(assignment);
    if (commits.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(metadata(commits), Duration.ofSeconds(5));
      lastCommitted = commits;
    } catch (RuntimeException failure) {
      LOG.warn("offset commit failed: {}", failure.toString());
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> metadata(
      Map<TopicPartition, Long> commits) {
    Map<TopicPartition, OffsetAndMetadata> metadata = new HashMap<>();
    commits.forEach((partition, offset) -> metadata.put(partition, new OffsetAndMetadata(offset)));
    return metadata;
  }

  @Override
  public synchronized void close() {
    closing.countDown();
    if (!started) {
      return;
    }
    Consumer<String, String> current = client;
    if (current != null) {
      current.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
