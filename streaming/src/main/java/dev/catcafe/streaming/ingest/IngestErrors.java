package dev.catcafe.streaming.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The dead-letter table {@code ingest_errors}: one row per Kafka record the ingestion could not
 * turn into a typed event, with enough lineage to find and replay it.
 */
public final class IngestErrors {
  /** The Kafka topic the record was read from (with any topic prefix). */
  public static final String TOPIC = "topic";

  public static final String KAFKA_PARTITION = "kafka_partition";
  public static final String KAFKA_OFFSET = "kafka_offset";
  public static final String KAFKA_TIMESTAMP = "kafka_timestamp";

  /** The record value as UTF-8 text, exactly as produced (invalid bytes become U+FFFD). */
  public static final String RAW_VALUE = "raw_value";

  /** Why the record was rejected, e.g. {@code missing required field cat_id}. */
  public static final String REASON = "reason";

  /** When the ingestion rejected it. */
  public static final String ERROR_TIME = "error_time";

  /** Errors are cut by the day they happened, so old days can be compacted and dropped. */
  public static final String PARTITION_TRANSFORM = "days(" + ERROR_TIME + ")";

  private IngestErrors() {}

  public static StructType schema() {
    return new StructType(
        new StructField[] {
          new StructField(TOPIC, DataTypes.StringType, false, Metadata.empty()),
          new StructField(KAFKA_PARTITION, DataTypes.IntegerType, false, Metadata.empty()),
          new StructField(KAFKA_OFFSET, DataTypes.LongType, false, Metadata.empty()),
          new StructField(KAFKA_TIMESTAMP, DataTypes.TimestampType, true, Metadata.empty()),
          new StructField(RAW_VALUE, DataTypes.StringType, true, Metadata.empty()),
          new StructField(REASON, DataTypes.StringType, false, Metadata.empty()),
          new StructField(ERROR_TIME, DataTypes.TimestampType, false, Metadata.empty())
        });
  }
}
