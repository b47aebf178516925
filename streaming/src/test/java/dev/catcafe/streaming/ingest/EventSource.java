package dev.catcafe.streaming.ingest;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events into every topic at a given rate from a thread of its own, counting what the broker
 * acknowledged and since when sends fail.
 */
final class EventSource implements AutoCloseable {
  private final KafkaSettings kafka;
  private final int rate;
  private final KafkaProducer<String, String> producer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failingSince = new AtomicLong();
  private final Map<Topic, TreeSet<Long>> acknowledgedOffsets = new EnumMap<>(Topic.class);
  private final Thread thread = new Thread(this::produce, "outage-it-events");

  EventSource(KafkaSettings kafka, int rate) {
    this.kafka = kafka;
    this.rate = rate;
    this.producer =
        new KafkaProducer<>(
            kafka.clientProperties(
                Map.of(
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    2000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    2000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    5000,
                    ProducerConfig.LINGER_MS_CONFIG,
                    5)),
            new StringSerializer(),
            new StringSerializer());
    for (Topic topic : Topic.values()) {
      acknowledgedOffsets.put(topic, new TreeSet<>());
    }
  }

  void start() {
    thread.start();
  }

  private void produce() {
    int index = 0;
    long pace = TimeUnit.SECONDS.toNanos(1) * Topic.values().length / rate;
    while (running.get()) {
      for (Topic topic : Topic.values()) {
        String value = KnownEvents.jsonRange(topic, index, index + 1).get(0);
        try {
          producer.send(
              new ProducerRecord<>(kafka.topicName(topic), value),
              (metadata, failure) -> {
                if (failure == null) {
                  acknowledged.incrementAndGet();
                  failingSince.set(0);
                  synchronized (acknowledgedOffsets) {
                    acknowledgedOffsets.get(topic).add(metadata.offset());
                  }
                } else {
                  failingSince.compareAndSet(0, System.nanoTime());
                }
              });
        } catch (RuntimeException failure) {
          // The broker is gone: metadata unavailable within max.block.ms.
          failingSince.compareAndSet(0, System.nanoTime());
        }
      }
      index++;
      // The source's pace, not a test wait.
      LockSupport.parkNanos(pace);
    }
  }

  /** How long sends have been failing without an acknowledgement since; zero while they pass. */
  Duration failingFor() {
    long since = failingSince.get();
    return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
  }

  long acknowledged() {
    return acknowledged.get();
  }

  List<Long> acknowledgedOffsets(Topic topic) {
    synchronized (acknowledgedOffsets) {
      return List.copyOf(acknowledgedOffsets.get(topic));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (running.getAndSet(false)) {
      thread.join();
      producer.close(Duration.ofSeconds(30));
    }
  }
}
