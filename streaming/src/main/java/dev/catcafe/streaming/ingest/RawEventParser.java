package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import dev.catcafe.model.Field;
import dev.catcafe.model.Topic;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SparkSchemas;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns Kafka records (the Kafka source's columns {@code topic, partition, offset, timestamp,
 * value}) into typed rows of a raw table, and the records that cannot be typed into dead letters
 * with a precise reason. Pure: no I/O; each record's bytes are read once by an {@link
 * EventJsonReader}, which types the fields, names the first problem and counts unknown keys in the
 * same pass.
 */
public final class RawEventParser {
  /** Boolean column of {@link #classify}: the record is a valid event. */
  public static final String IS_VALID = "is_valid";

  /** Column of {@link #classify}: why the record is invalid, null when valid. */
  public static final String ERROR_REASON = "error_reason";

  /** Column of {@link #classify}: keys in the record the topic's schema does not know. */
  public static final String UNKNOWN_FIELD_COUNT = "unknown_field_count";

  private static final String KAFKA_TOPIC = "kafka_topic";

  private RawEventParser() {}

  /** The valid rows (raw table layout) and the dead letters (ingest_errors layout) of a batch. */
  public record ParsedEvents(Dataset<Row> classified, Dataset<Row> valid, Dataset<Row> errors) {
    public ParsedEvents {
      requireNonNull(classified, "classified is null");
      requireNonNull(valid, "valid is null");
      requireNonNull(errors, "errors is null");
    }
  }

  /** Classifies {@code kafkaRows} and splits them into valid rows and error rows. */
  public static ParsedEvents parse(Dataset<Row> kafkaRows, Topic topic) {
    Dataset<Row> classified = classify(kafkaRows, topic);
    return new ParsedEvents(classified, validRows(classified, topic), errorRows(classified));
  }

  /**
   * One row per Kafka record: the topic's typed fields (null when invalid), the lineage columns,
   * the raw text (only for invalid records: valid ones are in the typed columns, and decoding every
   * value to text would cost as much again), {@link #IS_VALID}, {@link #ERROR_REASON} and {@link
   * #UNKNOWN_FIELD_COUNT}.
   */
  public static Dataset<Row> classify(Dataset<Row> kafkaRows, Topic topic) {
    requireNonNull(kafkaRows, "kafkaRows is null");
    requireNonNull(topic, "topic is null");
    StructType schema =
        SparkSchemas.tableSchema(topic.schema())
            .add(KAFKA_TOPIC, DataTypes.StringType, false)
            .add(RawTables.KAFKA_PARTITION, DataTypes.IntegerType, false)
            .add(RawTables.KAFKA_OFFSET, DataTypes.LongType, false)
            .add(RawTables.KAFKA_TIMESTAMP, DataTypes.TimestampType, true)
            .add(IngestErrors.RAW_VALUE, DataTypes.StringType, true)
            .add(IS_VALID, DataTypes.BooleanType, false)
            .add(ERROR_REASON, DataTypes.StringType, true)
            .add(UNKNOWN_FIELD_COUNT, DataTypes.IntegerType, false);
    return kafkaRows
        .select(col("topic"), col("partition"), col("offset"), col("timestamp"), col("value"))
        .mapPartitions(new ClassifyRecords(topic), Encoders.row(schema));
  }

  /** Reads each record of a partition with one {@link EventJsonReader}. */
  private static final class ClassifyRecords implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Topic topic;

    ClassifyRecords(Topic topic) {
      this.topic = topic;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> records) {
      EventJsonReader reader = new EventJsonReader(topic.schema());
      int fieldCount = topic.schema().fields().size();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return records.hasNext();
        }

        @Override
        public Row next() {
          Row record = records.next();
          byte[] value = record.isNullAt(4) ? null : (byte[]) record.get(4);
          EventJsonReader.Result result = reader.read(value);
          Object[] columns = new Object[fieldCount + 8];
          if (result.isValid()) {
            System.arraycopy(result.values(), 0, columns, 0, fieldCount);
          }
          columns[fieldCount] = record.getString(0);
          columns[fieldCount + 1] = record.getInt(1);
          columns[fieldCount + 2] = record.getLong(2);
          columns[fieldCount + 3] = (Timestamp) record.get(3);
          columns[fieldCount + 4] =
              result.isValid() || value == null ? null : new String(value, StandardCharsets.UTF_8);
          columns[fieldCount + 5] = result.isValid();
          columns[fieldCount + 6] = result.errorReason();
          columns[fieldCount + 7] = result.unknownFields();
          return RowFactory.create(columns);
        }
      };
    }
  }

  /** The valid records of {@link #classify}'s output, in the raw table's column order. */
  public static Dataset<Row> validRows(Dataset<Row> classified, Topic topic) {
    requireNonNull(classified, "classified is null");
    List<Column> columns = new ArrayList<>();
    for (Field field : requireNonNull(topic, "topic is null").schema().fields()) {
      columns.add(col(field.name()));
    }
    columns.add(col(RawTables.KAFKA_PARTITION));
    columns.add(col(RawTables.KAFKA_OFFSET));
    columns.add(col(RawTables.KAFKA_TIMESTAMP));
    // In a micro-batch current_timestamp() is the batch's timestamp: one value per commit.
    columns.add(current_timestamp().as(RawTables.INGESTED_AT));
    return classified.filter(col(IS_VALID)).select(columns.toArray(Column[]::new));
  }

  /** The invalid records of {@link #classify}'s output, in the ingest_errors column order. */
  public static Dataset<Row> errorRows(Dataset<Row> classified) {
    requireNonNull(classified, "classified is null");
    return classified
        .filter(col(IS_VALID).unary_$bang())
        .select(
            col(KAFKA_TOPIC).as(IngestErrors.TOPIC),
            col(RawTables.KAFKA_PARTITION).as(IngestErrors.KAFKA_PARTITION),
            col(RawTables.KAFKA_OFFSET).as(IngestErrors.KAFKA_OFFSET),
            col(RawTables.KAFKA_TIMESTAMP).as(IngestErrors.KAFKA_TIMESTAMP),
            col(IngestErrors.RAW_VALUE),
            coalesce(col(ERROR_REASON), lit("invalid record")).as(IngestErrors.REASON),
            current_timestamp().as(IngestErrors.ERROR_TIME));
  }
}
