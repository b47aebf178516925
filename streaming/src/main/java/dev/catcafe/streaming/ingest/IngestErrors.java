package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.spark.RawTables;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The dead-letter table {@code ingest_errors}: one row per Kafka record the ingestion could not
 * turn into a typed event, with enough lineage to find and replay it.
 */
public final class IngestErrors {
  /** The Kafka topic the record was read from (with any topic prefix). */
  public static final String TOPIC = "topic";

  // The record's lineage, named as in the raw tables so the two join on it.
  public static final String KAFKA_PARTITION = RawTables.KAFKA_PARTITION;
  public static final String KAFKA_OFFSET = RawTables.KAFKA_OFFSET;
  public static final String KAFKA_TIMESTAMP = RawTables.KAFKA_TIMESTAMP;

  /** The record value as UTF-8 text, exactly as produced (invalid bytes become U+FFFD). */
  public static final String RAW_VALUE = "raw_value";

  /** Why the record was rejected, e.g. {@code missing required field cat_id}. */
  public static final String REASON = "reason";

  /** When the ingestion rejected it. */
  public static final String ERROR_TIME = "error_time";

  /** Errors are cut by the day they happened, so old days can be compacted and dropped. */
  public static PartitionSpec partitionSpec(Schema schema) {
    return PartitionSpec.builderFor(requireNonNull(schema, "schema is null"))
        .day(ERROR_TIME)
        .build();
  }

  private IngestErrors() {}

  public static StructType schema() {
    return new StructType()
        .add(TOPIC, DataTypes.StringType, false)
        .add(KAFKA_PARTITION, DataTypes.IntegerType, false)
        .add(KAFKA_OFFSET, DataTypes.LongType, false)
        .add(KAFKA_TIMESTAMP, DataTypes.TimestampType, true)
        .add(RAW_VALUE, DataTypes.StringType, true)
        .add(REASON, DataTypes.StringType, false)
        .add(ERROR_TIME, DataTypes.TimestampType, false);
  }
}
