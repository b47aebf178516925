package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.spark.FaultPoint;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;

/** The Kafka source and sink of the alert jobs: the only place they touch Kafka options. */
public final class KafkaStreams {
  private KafkaStreams() {}

  /**
   * A stream of the raw Kafka records of {@code topic} (columns {@code key, value, topic,
   * partition, offset, timestamp, ...}). {@code startingOffsets} applies only to a query without a
   * checkpoint; a restarted query resumes where its checkpoint says.
   */
  public static Dataset<Row> source(
      SparkSession spark, KafkaSettings kafka, Topic topic, String startingOffsets) {
    requireNonNull(spark, "spark is null");
    requireNonNull(kafka, "kafka is null");
    return spark
        .readStream()
        .format("kafka")
        .options(kafka.sparkSourceOptions())
        .option("subscribe", kafka.topicName(requireNonNull(topic, "topic is null")))
        .option("startingOffsets", requireNonNull(startingOffsets, "startingOffsets is null"))
        // Retention may delete records a stopped job has not read; alerting goes on with the rest.
        .option("failOnDataLoss", "false")
        .load();
  }

  /** A writer of {@code records} (columns {@code key, value}) to {@code topic}. */
  public static DataStreamWriter<Row> sink(
      Dataset<Row> records, KafkaSettings kafka, Topic topic, String checkpointLocation) {
    requireNonNull(records, "records is null");
    requireNonNull(kafka, "kafka is null");
    DataStreamWriter<Row> writer =
        records
            .writeStream()
            .format("kafka")
            .options(kafka.sparkOptions())
            .option("topic", kafka.topicName(requireNonNull(topic, "topic is null")))
            .option(
                "checkpointLocation",
                requireNonNull(checkpointLocation, "checkpointLocation is null"))
            // An alert is small and urgent: send it at once rather than waiting to fill a batch.
            .option("kafka.linger.ms", "0");
    // Test-only, and only when -Dcatcafe.fault.halt-at arms it.
    return FaultPoint.ALERT_AFTER_KAFKA_WRITE.isArmed()
        ? writer.option(
            "kafka." + ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
            HaltOnAcknowledgement.class.getName())
        : writer;
  }
}
