package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;

/**
 * The Kafka records of one topic as a stream, with the Kafka source's columns {@code key, value,
 * topic, partition, offset, timestamp, timestampType}.
 */
public final class KafkaRawSource {
  private KafkaRawSource() {}

  /**
   * A stream of {@code topic} that starts at the earliest offset when its checkpoint is new (the
   * original started at the latest and silently skipped what was produced while it was down) and
   * resumes from the checkpoint otherwise; Spark ignores {@code startingOffsets} on restart.
   */
  public static Dataset<Row> read(SparkSession spark, IngestionConfig config, Topic topic) {
    requireNonNull(spark, "spark is null");
    requireNonNull(config, "config is null");
    requireNonNull(topic, "topic is null");
    DataStreamReader reader =
        spark
            .readStream()
            .format("kafka")
            .options(config.kafka().sparkSourceOptions())
            .option("subscribe", config.kafka().topicName(topic))
            .option("startingOffsets", "earliest")
            .option("maxOffsetsPerTrigger", config.maxOffsetsPerTrigger())
            .option("failOnDataLoss", config.failOnDataLoss())
            .option("includeHeaders", "false")
            // Read only committed records, should a transactional producer ever write the topics.
            .option("kafka.isolation.level", "read_committed");
    if (config.minPartitions() > 0) {
      reader = reader.option("minPartitions", config.minPartitions());
    }
    return reader.load();
  }
}
