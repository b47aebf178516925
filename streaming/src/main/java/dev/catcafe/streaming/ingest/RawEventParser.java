package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SparkSchemas;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns Kafka records (the Kafka source's columns {@code topic, partition, offset, timestamp,
 * value}) into typed rows of a raw table, and the records that cannot be typed into dead letters
 * with a precise reason. Pure: no I/O; each record's bytes are read once by an {@link
 * EventJsonReader}, which types the fields, names the first problem and counts unknown keys in the
 * same pass.
 *
 * <p>The ingestion runs the {@link #classifier} inside the tasks that write the batch's files
 * ({@link RawBatchFiles}); {@link #classify}, {@link #validRows} and {@link #errorRows} are the
 * same classification as DataFrames, for tests and for anyone who wants it in a query.
 */
public final class RawEventParser {
  /** Boolean column of {@link #classify}: the record is a valid event. */
  public static final String IS_VALID = "is_valid";

  /** Column of {@link #classify}: why the record is invalid, null when valid. */
  public static final String ERROR_REASON = "error_reason";

  /** Column of {@link #classify}: keys in the record the topic's schema does not know. */
  public static final String UNKNOWN_FIELD_COUNT = "unknown_field_count";

  /** Column of {@link #classify}: the record's topic, only for invalid records. */
  static final String KAFKA_TOPIC = "kafka_topic";

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
   * the topic's name and the raw text (both only for invalid records: valid ones are in the typed
   * columns of their topic's table, and decoding every value to text would cost as much again),
   * {@link #IS_VALID}, {@link #ERROR_REASON} and {@link #UNKNOWN_FIELD_COUNT}.
   */
  public static Dataset<Row> classify(Dataset<Row> kafkaRows, Topic topic) {
    requireNonNull(kafkaRows, "kafkaRows is null");
    RDD<InternalRow> classified =
        internalRows(kafkaRows)
            .toJavaRDD()
            .mapPartitions(classifier(kafkaRows.schema(), topic))
            .rdd();
    return ((SparkSession) kafkaRows.sparkSession())
        .internalCreateDataFrame(classified, classifiedSchema(topic), false);
  }

  /** The layout of {@link #classify}'s rows. */
  static StructType classifiedSchema(Topic topic) {
    return SparkSchemas.tableSchema(requireNonNull(topic, "topic is null").schema())
        .add(KAFKA_TOPIC, DataTypes.StringType, true)
        .add(RawTables.KAFKA_PARTITION, DataTypes.IntegerType, false)
        .add(RawTables.KAFKA_OFFSET, DataTypes.LongType, false)
        .add(RawTables.KAFKA_TIMESTAMP, DataTypes.TimestampType, true)
        .add(IngestErrors.RAW_VALUE, DataTypes.StringType, true)
        .add(IS_VALID, DataTypes.BooleanType, false)
        .add(ERROR_REASON, DataTypes.StringType, true)
        .add(UNKNOWN_FIELD_COUNT, DataTypes.IntegerType, false);
  }

  /**
   * What a task runs over its Kafka rows (laid out as {@code kafkaSchema}) to get {@link
   * #classify}'s rows ({@link #classifiedSchema}), for callers that consume them in the task.
   */
  static FlatMapFunction<Iterator<InternalRow>, InternalRow> classifier(
      StructType kafkaSchema, Topic topic) {
    requireNonNull(kafkaSchema, "kafkaSchema is null");
    requireNonNull(topic, "topic is null");
    // The Kafka rows go in as they are, read by position: a select of the five columns would
    // copy every record's bytes once more before the parser reads them.
    KafkaColumns columns =
        new KafkaColumns(
            kafkaSchema.fieldIndex("topic"),
            kafkaSchema.fieldIndex("partition"),
            kafkaSchema.fieldIndex("offset"),
            kafkaSchema.fieldIndex("timestamp"),
            kafkaSchema.fieldIndex("value"));
    return new ClassifyRecords(topic, columns);
  }

  /**
   * The rows of {@code rows} as Spark's internal rows: an external Row per record, decoded from the
   * Kafka row and encoded again after the parser, cost a fifth of the ingestion's CPU in a profile.
   * A micro-batch of {@code foreachBatch} is already an RDD of the source's rows wrapped as a
   * dataset ({@link LogicalRDD}); planning it again would copy every row, bytes and all, into a new
   * one, so that RDD is taken as it is.
   */
  static RDD<InternalRow> internalRows(Dataset<Row> rows) {
    QueryExecution execution = ((org.apache.spark.sql.classic.Dataset<Row>) rows).queryExecution();
    return execution.analyzed() instanceof LogicalRDD batch ? batch.rdd() : execution.toRdd();
  }

  /** Where the Kafka source's columns are in its rows. */
  private record KafkaColumns(int topic, int partition, int offset, int timestamp, int value)
      implements Serializable {}

  /**
   * Reads each record of a partition with one {@link EventJsonReader}. Spark may reuse an input row
   * from one record to the next: what the output keeps is copied.
   */
  private static final class ClassifyRecords
      implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
    private static final long serialVersionUID = 1L;

    private final Topic topic;
    private final KafkaColumns kafka;

    ClassifyRecords(Topic topic, KafkaColumns kafka) {
      this.topic = topic;
      this.kafka = kafka;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> records) {
      EventJsonReader reader = new EventJsonReader(topic.schema());
      int fieldCount = topic.schema().fields().size();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return records.hasNext();
        }

        @Override
        public InternalRow next() {
          InternalRow record = records.next();
          ByteBuffer value = record.isNullAt(kafka.value()) ? null : valueBytes(record);
          EventJsonReader.Result result = reader.read(value);
          Object[] columns = new Object[fieldCount + 8];
          if (result.isValid()) {
            System.arraycopy(result.values(), 0, columns, 0, fieldCount);
          }
          columns[fieldCount + 1] = record.getInt(kafka.partition());
          columns[fieldCount + 2] = record.getLong(kafka.offset());
          columns[fieldCount + 3] =
              record.isNullAt(kafka.timestamp()) ? null : record.getLong(kafka.timestamp());
          columns[fieldCount + 5] = result.isValid();
          columns[fieldCount + 7] = result.unknownFields();
          if (!result.isValid()) {
            // Only a dead letter needs its topic and text; copied, since the input row is reused.
            columns[fieldCount] = record.getUTF8String(kafka.topic()).clone();
            columns[fieldCount + 4] =
                value == null
                    ? null
                    : UTF8String.fromString(StandardCharsets.UTF_8.decode(value).toString());
            columns[fieldCount + 6] = UTF8String.fromString(result.errorReason());
          }
          return new GenericInternalRow(columns);
        }

        /**
         * The record's value where it lies. The Kafka source's rows are {@link UnsafeRow}s, whose
         * binary and string columns share a layout: reading the value as a string is a view of the
         * row's bytes, where {@code getBinary} would copy them for every record.
         */
        private ByteBuffer valueBytes(InternalRow record) {
          return record instanceof UnsafeRow
              ? record.getUTF8String(kafka.value()).getByteBuffer()
              : ByteBuffer.wrap(record.getBinary(kafka.value()));
        }
      };
    }
  }

  /** The valid records of {@link #classify}'s output, as rows of the topic's raw table. */
  public static Dataset<Row> validRows(Dataset<Row> classified, Topic topic) {
    requireNonNull(classified, "classified is null");
    StructType table = RawTables.schema(requireNonNull(topic, "topic is null"));
    return tableRows(classified, true, RowLayout.events(classified.schema(), table), table);
  }

  /** The invalid records of {@link #classify}'s output, as rows of {@code ingest_errors}. */
  public static Dataset<Row> errorRows(Dataset<Row> classified) {
    requireNonNull(classified, "classified is null");
    StructType table = IngestErrors.schema();
    return tableRows(classified, false, RowLayout.deadLetters(classified.schema(), table), table);
  }

  /**
   * The classified rows whose {@link #IS_VALID} is {@code valid}, laid out by {@code layout} as
   * rows of {@code table}, stamped with the time of this call (as a micro-batch stamps its
   * batch's).
   */
  private static Dataset<Row> tableRows(
      Dataset<Row> classified, boolean valid, RowLayout layout, StructType table) {
    int validColumn = classified.schema().fieldIndex(IS_VALID);
    long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    RDD<InternalRow> rows =
        internalRows(classified)
            .toJavaRDD()
            .filter(row -> row.getBoolean(validColumn) == valid)
            // A planned input may reuse its rows: the copy owns its values.
            .map(row -> layout.project(row, now).copy())
            .rdd();
    return ((SparkSession) classified.sparkSession()).internalCreateDataFrame(rows, table, false);
  }
}
