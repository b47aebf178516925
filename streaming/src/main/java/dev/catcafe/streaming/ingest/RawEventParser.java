package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.json_object_keys;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_contains_key;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Field;
import dev.catcafe.model.FieldType;
import dev.catcafe.model.Topic;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns Kafka records (the Kafka source's columns {@code topic, partition, offset, timestamp,
 * value}) into typed rows of a raw table, and the records that cannot be typed into dead letters
 * with a precise reason. Pure: no I/O, no UDFs, one JSON parse per valid record.
 *
 * <p>How a record is judged: {@code from_json} in PERMISSIVE mode with a corrupt-record column
 * keeps the fields it could convert and fills the corrupt-record column whenever anything failed
 * (not JSON, or a value of the wrong type, e.g. {@code "heart_rate":"fast"}). A record is valid
 * when nothing failed and every required field is non-null. Only invalid records are parsed a
 * second time, into {@code map<string,string>}, to name the missing or mistyped field.
 */
public final class RawEventParser {
  /** Boolean column of {@link #classify}: the record is a valid event. */
  public static final String IS_VALID = "is_valid";

  /** Column of {@link #classify}: why the record is invalid, null when valid. */
  public static final String ERROR_REASON = "error_reason";

  /** Column of {@link #classify}: keys in the record the topic's schema does not know. */
  public static final String UNKNOWN_FIELD_COUNT = "unknown_field_count";

  /** Column of {@link #classify}: the parsed event struct. */
  public static final String EVENT = "event";

  private static final String CORRUPT_RECORD = "_corrupt_record";
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
   * Lineage columns, the raw text, the parsed {@link #EVENT}, {@link #IS_VALID}, {@link
   * #ERROR_REASON} and {@link #UNKNOWN_FIELD_COUNT}; one row per Kafka record.
   */
  public static Dataset<Row> classify(Dataset<Row> kafkaRows, Topic topic) {
    requireNonNull(kafkaRows, "kafkaRows is null");
    requireNonNull(topic, "topic is null");
    StructType parseSchema =
        SparkSchemas.tableSchema(topic.schema()).add(CORRUPT_RECORD, DataTypes.StringType, true);
    Map<String, String> options =
        Map.of(
            "mode",
            "PERMISSIVE",
            "columnNameOfCorruptRecord",
            CORRUPT_RECORD,
            "timestampFormat",
            EventTimes.PATTERN);
    Column rawValue = col("value").cast(DataTypes.StringType);
    Dataset<Row> parsed =
        kafkaRows.select(
            col("topic").as(KAFKA_TOPIC),
            col("partition").as(RawTables.KAFKA_PARTITION),
            col("offset").as(RawTables.KAFKA_OFFSET),
            col("timestamp").as(RawTables.KAFKA_TIMESTAMP),
            rawValue.as(IngestErrors.RAW_VALUE),
            from_json(rawValue, parseSchema, options).as(EVENT));

    Column event = col(EVENT);
    Column valid = event.isNotNull().and(event.getField(CORRUPT_RECORD).isNull());
    for (Field field : topic.schema().requiredFields()) {
      valid = valid.and(event.getField(field.name()).isNotNull());
    }
    int knownFields = topic.schema().fields().size();
    return parsed
        .withColumn(IS_VALID, coalesce(valid, lit(false)))
        // CASE WHEN evaluates the reason (a second parse) only for the invalid records.
        .withColumn(
            ERROR_REASON, when(col(IS_VALID), lit(null).cast("string")).otherwise(reason(topic)))
        .withColumn(
            UNKNOWN_FIELD_COUNT,
            when(
                    col(IS_VALID),
                    size(json_object_keys(col(IngestErrors.RAW_VALUE))).minus(knownFields))
                .otherwise(lit(0)));
  }

  /** The valid records of {@link #classify}'s output, in the raw table's column order. */
  public static Dataset<Row> validRows(Dataset<Row> classified, Topic topic) {
    requireNonNull(classified, "classified is null");
    List<Column> columns = new ArrayList<>();
    for (Field field : requireNonNull(topic, "topic is null").schema().fields()) {
      columns.add(col(EVENT).getField(field.name()).as(field.name()));
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

  /**
   * The first problem of an invalid record: no value, not a JSON object, a missing required field
   * (absent or JSON null), or a field whose value does not convert to its type.
   */
  private static Column reason(Topic topic) {
    Column raw = col(IngestErrors.RAW_VALUE);
    Column fields =
        from_json(
            raw, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), Map.of());
    Column reason =
        when(raw.isNull(), lit("record has no value"))
            .when(fields.isNull(), lit("not a JSON object"));
    for (Field field : topic.schema().requiredFields()) {
      Column present = map_contains_key(fields, lit(field.name()));
      reason =
          reason.when(
              present.unary_$bang().or(fields.getItem(field.name()).isNull()),
              lit("missing required field " + field.name()));
    }
    for (Field field : topic.schema().fields()) {
      reason =
          reason.when(
              fields
                  .getItem(field.name())
                  .isNotNull()
                  .and(col(EVENT).getField(field.name()).isNull()),
              concat(
                  lit(
                      "field %s: expected %s, got "
                          .formatted(field.name(), describe(field.type()))),
                  fields.getItem(field.name())));
    }
    return reason.otherwise(lit("not a valid %s event".formatted(topic.topicName())));
  }

  private static String describe(FieldType type) {
    return switch (type) {
      case TIMESTAMP -> "a timestamp like 2025-10-07T19:24:56.123Z";
      case MONEY -> "a number with at most 8 integer digits";
      case ORDER_ITEMS -> "an array of {name, quantity} objects";
      case STRING, INT, LONG, DOUBLE -> "a JSON " + type.name().toLowerCase(Locale.ROOT);
    };
  }
}
