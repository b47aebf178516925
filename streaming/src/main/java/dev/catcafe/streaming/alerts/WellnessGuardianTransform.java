package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.catcafe.model.AlertType;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Wellness Guardian's logic (spec §4.1) as side-effect-free functions over Kafka records. Every
 * step is stateless and uses only projections, filters, a generator and observed metrics, the
 * operators Spark 4.1's real-time mode accepts.
 */
public final class WellnessGuardianTransform {
  /** Name of the observed metrics: {@value #READINGS} and {@value #MALFORMED} per batch. */
  public static final String METRICS = "wellness_guardian";

  public static final String READINGS = "readings";
  public static final String MALFORMED = "malformed_readings";

  /** What a reading needs for the rules; a missing heart rate does not make it malformed. */
  private static final List<String> REQUIRED_FIELDS =
      List.of("event_time", "cat_id", "activity_level", "hours_since_last_drink");

  private WellnessGuardianTransform() {}

  /**
   * Kafka records (columns {@code value, topic, partition, offset}) to the alerts' Kafka records
   * (columns {@code key, value}): parse, count what is malformed, alert, serialize.
   */
  public static Dataset<Row> guard(Dataset<Row> kafkaRecords, WellnessThresholds thresholds) {
    return toKafkaRecords(alerts(countReadings(parseReadings(kafkaRecords)), thresholds));
  }

  /**
   * The wellness reading of each Kafka record, its source position ({@code source_topic,
   * source_partition, source_offset}) and {@code malformed}: true when the value is not JSON of a
   * reading or lacks a field the rules need. Malformed readings are kept here so they can be
   * counted; {@link #alerts} skips them.
   */
  public static Dataset<Row> parseReadings(Dataset<Row> kafkaRecords) {
    requireNonNull(kafkaRecords, "kafkaRecords is null");
    Dataset<Row> parsed =
        kafkaRecords.select(
            AlertInputs.parsedValue(Topic.CAT_WELLNESS).as("reading"),
            col("topic").as("source_topic"),
            col("partition").as("source_partition"),
            col("offset").as("source_offset"));
    List<Column> columns =
        new ArrayList<>(
            AlertInputs.fieldsAndMalformed(Topic.CAT_WELLNESS, "reading", REQUIRED_FIELDS));
    columns.addAll(List.of(col("source_topic"), col("source_partition"), col("source_offset")));
    return parsed.select(columns.toArray(Column[]::new));
  }

  /**
   * Attaches the per-batch counts {@value #READINGS} and {@value #MALFORMED} as observed metrics
   * named {@value #METRICS} (visible in the query's progress), without changing the rows.
   */
  public static Dataset<Row> countReadings(Dataset<Row> readings) {
    return AlertInputs.countMalformed(
        requireNonNull(readings, "readings is null"), METRICS, READINGS, MALFORMED);
  }

  /**
   * The health alerts of well-formed readings, columns exactly those of {@code CatHealthAlert}:
   * {@code alert_time, cat_id, alert_type, value, threshold, alert_message, alert_id}. One reading
   * can raise both alerts. The comparisons are strict: a reading at a threshold raises nothing.
   */
  public static Dataset<Row> alerts(Dataset<Row> readings, WellnessThresholds thresholds) {
    requireNonNull(readings, "readings is null");
    requireNonNull(thresholds, "thresholds is null");
    Column dehydration =
        candidate(
            AlertType.DEHYDRATION,
            col("hours_since_last_drink"),
            thresholds.dehydrationHours(),
            col("hours_since_last_drink").gt(thresholds.dehydrationHours()),
            "Hours since last drink",
            "exceeds");
    Column stress =
        candidate(
            AlertType.STRESS,
            col("activity_level"),
            thresholds.stressActivityLevel(),
            col("activity_level").lt(thresholds.stressActivityLevel()),
            "Activity level",
            "is below");
    // One generator over both rules rather than a UNION of two filters: real-time mode rejects a
    // union that reads the same source twice.
    return readings
        .filter(col("malformed").equalTo(false))
        .select(
            col("event_time"),
            col("cat_id"),
            col("source_topic"),
            col("source_partition"),
            col("source_offset"),
            explode(array(dehydration, stress)).as("candidate"))
        .filter(col("candidate.fires"))
        .select(
            date_format(col("event_time"), EventTimes.PATTERN).as("alert_time"),
            col("cat_id"),
            col("candidate.alert_type").as("alert_type"),
            col("candidate.value").as("value"),
            col("candidate.threshold").as("threshold"),
            concat(lit("Health Alert for "), col("cat_id"), col("candidate.message_tail"))
                .as("alert_message"),
            // The source record's position and the rule name the alert: a replay after a restart
            // yields the same id, so a consumer can drop the duplicate.
            sha2(
                    concat_ws(
                        "/",
                        col("source_topic"),
                        col("source_partition").cast("string"),
                        col("source_offset").cast("string"),
                        col("candidate.alert_type")),
                    256)
                .as("alert_id"));
  }

  /** Alerts to Kafka records: key {@code cat_id}, value the alert as JSON in field order. */
  public static Dataset<Row> toKafkaRecords(Dataset<Row> alerts) {
    requireNonNull(alerts, "alerts is null");
    return alerts.select(
        col("cat_id").as("key"),
        to_json(
                struct(
                    col("alert_time"),
                    col("cat_id"),
                    col("alert_type"),
                    col("value"),
                    col("threshold"),
                    col("alert_message"),
                    col("alert_id")))
            .as("value"));
  }

  /**
   * One rule's possible alert for a reading; {@code message_tail} reads {@code ": <measure>
   * (<value>) <relation> threshold (<threshold>)."}. The value is printed the way a SQL {@code
   * CAST(value AS STRING)} prints a double (as the original did: {@code 4.56}, {@code 0.05}), the
   * threshold the way Java prints it ({@code 4.0}, {@code 0.1}); both agree for ordinary numbers.
   */
  private static Column candidate(
      AlertType type,
      Column value,
      double threshold,
      Column fires,
      String measure,
      String relation) {
    return struct(
        lit(type.name()).as("alert_type"),
        value.as("value"),
        lit(threshold).as("threshold"),
        fires.as("fires"),
        concat(
                lit(": %s (".formatted(measure)),
                value.cast("string"),
                lit(") %s threshold (%s).".formatted(relation, Double.toString(threshold))))
            .as("message_tail"));
  }
}
