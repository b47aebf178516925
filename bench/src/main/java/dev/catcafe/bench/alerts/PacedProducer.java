package dev.catcafe.bench.alerts;

import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to Kafka at a steady rate: every millisecond or so it catches up with the schedule
 * {@code rate × elapsed}, so a slow moment is followed by a burst rather than a lower total. Each
 * event is made at its send time, so its {@code event_time} is when it entered the pipeline.
 */
final class PacedProducer implements AutoCloseable {
  private final KafkaProducer<String, String> producer;

  PacedProducer(KafkaSettings kafka) {
    producer =
        new KafkaProducer<>(
            kafka.clientProperties(
                Map.of(
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    // At most 2 ms held back to share a request: a request per record (linger 0)
                    // made
                    // the broker and this producer burn half a core at 1,000 events/s, starving the
                    // job under test. The 2 ms count against the job: event_time is stamped before.
                    ProducerConfig.LINGER_MS_CONFIG,
                    2,
                    ProducerConfig.ACKS_CONFIG,
                    "1")));
  }

  /**
   * Sends {@code rate} events per second for {@code duration}; {@code event} makes the record of
   * sequence number n at instant now. Returns how many were sent.
   */
  long run(
      int rate,
      Duration duration,
      BiFunction<Long, Instant, ProducerRecord<String, String>> event) {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long sent = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      long due = (long) ((now - start) / 1e9 * rate);
      Instant wallClock = Instant.now();
      while (sent < due) {
        producer.send(event.apply(sent, wallClock));
        sent++;
      }
      LockSupport.parkNanos(500_000);
    }
    producer.flush();
    return sent;
  }

  @Override
  public void close() {
    producer.close();
  }
}
