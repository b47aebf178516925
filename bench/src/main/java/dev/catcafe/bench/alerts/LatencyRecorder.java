package dev.catcafe.bench.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.EventTimes;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumes an alert topic on its own thread and records, for each alert, receive time minus its
 * {@code alert_time} (the source event's time) in milliseconds, for alerts whose event came after a
 * start mark (so warm-up is excluded).
 */
final class LatencyRecorder implements AutoCloseable {
  private static final Pattern ALERT_TIME = Pattern.compile("\"alert_time\":\"([^\"]+)\"");

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Long> latencies = new ArrayList<>();
  private final AtomicLong alertsSeen = new AtomicLong();
  private volatile long measureFromMillis = Long.MAX_VALUE;
  private volatile long measureUntilMillis = Long.MAX_VALUE;

  LatencyRecorder(KafkaSettings kafka, String topic) {
    consumer =
        new KafkaConsumer<>(
            kafka.clientProperties(
                Map.of(
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                    1)));
    TopicPartition partition = new TopicPartition(requireNonNull(topic), 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    thread = new Thread(this::consume, "latency-recorder-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  /** Every alert received so far, measured or not: the pipeline is live once this is non-zero. */
  long alertsSeen() {
    return alertsSeen.get();
  }

  /** Counts alerts of events made from now until {@link #stopMeasuring}. */
  void startMeasuring() {
    measureFromMillis = System.currentTimeMillis();
  }

  void stopMeasuring() {
    measureUntilMillis = System.currentTimeMillis();
  }

  /** The recorded latencies, sorted. */
  synchronized long[] sortedLatencies() {
    long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(values);
    return values;
  }

  private void consume() {
    while (running.get()) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
        long received = System.currentTimeMillis();
        alertsSeen.incrementAndGet();
        Matcher matcher = ALERT_TIME.matcher(record.value());
        if (!matcher.find()) {
          continue;
        }
        long eventTime = EventTimes.parse(matcher.group(1)).toEpochMilli();
        if (eventTime >= measureFromMillis && eventTime < measureUntilMillis) {
          synchronized (this) {
            latencies.add(received - eventTime);
          }
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join();
    consumer.close();
  }
}
