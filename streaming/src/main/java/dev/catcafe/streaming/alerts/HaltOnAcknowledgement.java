package dev.catcafe.streaming.alerts;

import dev.catcafe.spark.FaultPoint;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Test-only: reaches {@link FaultPoint#ALERT_AFTER_KAFKA_WRITE} when the broker acknowledges an
 * alert. Kafka calls interceptors before it completes the send's future, so the Spark task that
 * flushes the producer cannot finish, and the batch cannot be committed, before the JVM halts.
 * {@link KafkaStreams#sink} adds it only when the point is armed.
 */
public final class HaltOnAcknowledgement implements ProducerInterceptor<Object, Object> {
  @Override
  public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    if (exception == null && metadata != null) {
      FaultPoint.ALERT_AFTER_KAFKA_WRITE.reach(
          () ->
              "%s-%d offset %d acknowledged"
                  .formatted(metadata.topic(), metadata.partition(), metadata.offset()));
    }
  }

  @Override
  public void close() {}

  @Override
  public void configure(Map<String, ?> configs) {}
}
