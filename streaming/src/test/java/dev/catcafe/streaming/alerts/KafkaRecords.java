package dev.catcafe.streaming.alerts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Static datasets shaped like the Kafka source's records, for transform tests. */
final class KafkaRecords {
  static final StructType SCHEMA =
      new StructType()
          .add("key", DataTypes.BinaryType)
          .add("value", DataTypes.BinaryType)
          .add("topic", DataTypes.StringType)
          .add("partition", DataTypes.IntegerType)
          .add("offset", DataTypes.LongType);

  private KafkaRecords() {}

  /** One record per value, at offsets 0, 1, 2, … of partition 0 of {@code topic}. */
  static Dataset<Row> of(SparkSession spark, String topic, String... values) {
    List<Row> rows = new ArrayList<>();
    for (int offset = 0; offset < values.length; offset++) {
      rows.add(
          RowFactory.create(
              null, values[offset].getBytes(StandardCharsets.UTF_8), topic, 0, (long) offset));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
