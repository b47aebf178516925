package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Builds batches shaped like the Kafka source's rows, for tests that need no broker. */
final class KafkaRows {
  static final StructType SCHEMA =
      new StructType()
          .add("key", DataTypes.BinaryType, true)
          .add("value", DataTypes.BinaryType, true)
          .add("topic", DataTypes.StringType, false)
          .add("partition", DataTypes.IntegerType, false)
          .add("offset", DataTypes.LongType, false)
          .add("timestamp", DataTypes.TimestampType, false)
          .add("timestampType", DataTypes.IntegerType, false);

  private static final Timestamp PRODUCED = Timestamp.from(Instant.parse("2025-10-07T19:25:00Z"));

  private KafkaRows() {}

  /** One row per value, partition 0, offsets from {@code firstOffset} on; null values allowed. */
  static Dataset<Row> of(SparkSession spark, String topic, long firstOffset, List<String> values) {
    requireNonNull(values, "values is null");
    List<Row> rows = new ArrayList<>();
    long offset = firstOffset;
    for (String value : values) {
      byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
      rows.add(RowFactory.create(null, bytes, topic, 0, offset++, PRODUCED, 0));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
