package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The layout of the raw tables the ingestion writes, one per topic: the event's typed fields, then
 * lineage columns naming the Kafka record each row came from. Ingestion creates the tables from
 * here; batch jobs and tests read them by these names.
 */
public final class RawTables {
  /** Kafka partition of the source record. */
  public static final String KAFKA_PARTITION = "kafka_partition";

  /** Kafka offset of the source record: with the partition, the row's identity. */
  public static final String KAFKA_OFFSET = "kafka_offset";

  /** The Kafka record timestamp (producer create time). */
  public static final String KAFKA_TIMESTAMP = "kafka_timestamp";

  /** When the ingestion wrote the row. */
  public static final String INGESTED_AT = "ingested_at";

  private RawTables() {}

  public static StructType lineageColumns() {
    return new StructType(
        new StructField[] {
          new StructField(KAFKA_PARTITION, DataTypes.IntegerType, false, Metadata.empty()),
          new StructField(KAFKA_OFFSET, DataTypes.LongType, false, Metadata.empty()),
          new StructField(KAFKA_TIMESTAMP, DataTypes.TimestampType, true, Metadata.empty()),
          new StructField(INGESTED_AT, DataTypes.TimestampType, false, Metadata.empty())
        });
  }

  /** The event's columns, then the lineage columns. */
  public static StructType schema(Topic topic) {
    StructType schema = SparkSchemas.tableSchema(requireNonNull(topic, "topic is null").schema());
    for (StructField lineage : lineageColumns().fields()) {
      schema = schema.add(lineage);
    }
    return schema;
  }

  /**
   * The Iceberg partition transform of a raw table: every table is cut by the day of its event time
   * (hidden partitioning, so queries filter on the timestamp and Iceberg prunes the days). As SQL
   * ({@code PARTITIONED BY}) text.
   */
  public static String partitionTransform(Topic topic) {
    return "days(" + requireNonNull(topic, "topic is null").eventTimeField() + ")";
  }

  /** {@link #partitionTransform} as the spec of a table of {@code schema}, for Iceberg's API. */
  public static PartitionSpec partitionSpec(Topic topic, Schema schema) {
    return PartitionSpec.builderFor(requireNonNull(schema, "schema is null"))
        .day(requireNonNull(topic, "topic is null").eventTimeField())
        .build();
  }
}
