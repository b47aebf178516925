package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Topic;
import dev.catcafe.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How both alert jobs read their input topic: the JSON value parsed by the topic's schema into flat
 * columns plus a {@code malformed} flag, and per-batch counts of all and malformed records.
 */
final class AlertInputs {
  /** The JSON options every alert job parses with: the shared wire form of times. */
  static final Map<String, String> JSON_OPTIONS =
      Map.of("mode", "PERMISSIVE", "timestampFormat", EventTimes.PATTERN);

  private AlertInputs() {}

  /** The record's {@code value} as a struct of {@code topic}'s schema; null when it is not JSON. */
  static Column parsedValue(Topic topic) {
    return from_json(
        col("value").cast("string"),
        SparkSchemas.tableSchema(requireNonNull(topic, "topic is null").schema()),
        JSON_OPTIONS);
  }

  /**
   * Every field of {@code topic} read out of the struct column {@code struct}, in schema order,
   * then {@code malformed}: true when the struct is null or lacks one of {@code required}.
   */
  static List<Column> fieldsAndMalformed(Topic topic, String struct, List<String> required) {
    requireNonNull(topic, "topic is null");
    requireNonNull(struct, "struct is null");
    Column malformed = col(struct).isNull();
    for (String field : requireNonNull(required, "required is null")) {
      malformed = malformed.or(col(struct + "." + field).isNull());
    }
    List<Column> columns = new ArrayList<>();
    for (String field : topic.schema().fieldNames()) {
      columns.add(col(struct + "." + field).as(field));
    }
    columns.add(when(malformed, lit(true)).otherwise(lit(false)).as("malformed"));
    return columns;
  }

  /**
   * Attaches the per-batch counts {@code total} (every row) and {@code malformed} (rows flagged so)
   * as observed metrics named {@code metrics}, visible in the query's progress, without changing
   * the rows.
   */
  static Dataset<Row> countMalformed(
      Dataset<Row> rows, String metrics, String total, String malformed) {
    return requireNonNull(rows, "rows is null")
        .observe(
            metrics,
            count(lit(1)).as(total),
            sum(when(col("malformed"), lit(1L)).otherwise(lit(0L))).as(malformed));
  }
}
