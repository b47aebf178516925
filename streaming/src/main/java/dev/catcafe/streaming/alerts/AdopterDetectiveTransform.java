package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.catcafe.model.InteractionType;
import dev.catcafe.model.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.util.LongAccumulator;

/** The Adopter Detective's logic (spec §4.2) as functions over Kafka records and datasets. */
public final class AdopterDetectiveTransform {
  /** Name of the observed metrics: {@value #INTERACTIONS} and {@value #MALFORMED} per batch. */
  public static final String METRICS = "adopter_detective";

  public static final String INTERACTIONS = "interactions";
  public static final String MALFORMED = "malformed_interactions";

  /** Every field of an interaction is needed. */
  private static final List<String> REQUIRED_FIELDS = Topic.CAT_INTERACTIONS.schema().fieldNames();

  private AdopterDetectiveTransform() {}

  /**
   * Kafka records of {@code cat-interactions} to alert Kafka records ({@code key, value}); late
   * likes are counted in the session's {@link DroppedRecords#LATE_LIKES} counter.
   */
  public static Dataset<Row> detect(Dataset<Row> kafkaRecords, AdopterDetectiveRules rules) {
    return toKafkaRecords(alerts(likes(countInteractions(parseInteractions(kafkaRecords))), rules));
  }

  /**
   * The same as {@link #detect} in real-time mode ({@link #realTimeAlerts}): each input partition's
   * visitors' state in snapshots under {@code stateDirectory}, a Hadoop path (local or {@code
   * s3://}).
   */
  public static Dataset<Row> detectInRealTime(
      Dataset<Row> kafkaRecords, AdopterDetectiveRules rules, String stateDirectory) {
    return toKafkaRecords(
        realTimeAlerts(
            partitionedLikes(countInteractions(parseInteractions(kafkaRecords))),
            rules,
            stateDirectory));
  }

  /**
   * The interaction of each Kafka record ({@code event_time, visitor_id, cat_id,
   * interaction_type}), {@code malformed}: true when the value is not JSON of an interaction or
   * lacks a field, and where the record came from: its Kafka {@code partition} and key as text
   * ({@code record_key}).
   */
  public static Dataset<Row> parseInteractions(Dataset<Row> kafkaRecords) {
    requireNonNull(kafkaRecords, "kafkaRecords is null");
    List<Column> columns =
        new ArrayList<>(
            AlertInputs.fieldsAndMalformed(Topic.CAT_INTERACTIONS, "interaction", REQUIRED_FIELDS));
    columns.add(col("partition"));
    columns.add(col("record_key"));
    return kafkaRecords
        .select(
            AlertInputs.parsedValue(Topic.CAT_INTERACTIONS).as("interaction"),
            col("partition"),
            col("key").cast("string").as("record_key"))
        .select(columns.toArray(Column[]::new));
  }

  /** Attaches per-batch counts of interactions and malformed ones as observed metrics. */
  public static Dataset<Row> countInteractions(Dataset<Row> interactions) {
    return AlertInputs.countMalformed(
        requireNonNull(interactions, "interactions is null"), METRICS, INTERACTIONS, MALFORMED);
  }

  /** The well-formed likes: {@code visitor_id, cat_id, event_time}. */
  public static Dataset<Row> likes(Dataset<Row> interactions) {
    return wellFormedLikes(interactions)
        .select(col("visitor_id"), col("cat_id"), col("event_time"));
  }

  /**
   * The well-formed likes with where they came from, for real-time mode: {@code visitor_id, cat_id,
   * event_time, partition, record_key}.
   */
  public static Dataset<Row> partitionedLikes(Dataset<Row> interactions) {
    return wellFormedLikes(interactions)
        .select(
            col("visitor_id"),
            col("cat_id"),
            col("event_time"),
            col("partition"),
            col("record_key"));
  }

  private static Dataset<Row> wellFormedLikes(Dataset<Row> interactions) {
    return requireNonNull(interactions, "interactions is null")
        .filter(
            col("malformed")
                .equalTo(false)
                .and(col("interaction_type").equalTo(InteractionType.LIKE.wireName())));
  }

  /**
   * Per visitor, an alert row ({@link AdopterDetectiveProcessor#OUTPUT_SCHEMA}) each time their
   * liked cats or last like time change while they have liked more than the threshold. A like whose
   * event time is older than the watermark (latest event time seen minus {@code
   * rules.watermarkDelay()}) is dropped as late and counted ({@link DroppedRecords#LATE_LIKES}).
   */
  public static Dataset<Row> alerts(Dataset<Row> likes, AdopterDetectiveRules rules) {
    requireNonNull(likes, "likes is null");
    requireNonNull(rules, "rules is null");
    LongAccumulator lateLikes =
        DroppedRecords.counter(likes.sparkSession(), DroppedRecords.LATE_LIKES);
    return likes
        .withWatermark("event_time", rules.watermarkDelay().toMillis() + " milliseconds")
        .groupByKey((MapFunction<Row, String>) like -> like.getAs("visitor_id"), Encoders.STRING())
        .transformWithState(
            new AdopterDetectiveProcessor(rules.threshold(), rules.stateTtl(), lateLikes),
            // The TTL runs on processing time: state of a visitor idle that long is dropped.
            TimeMode.ProcessingTime(),
            OutputMode.Update(),
            Encoders.row(AdopterDetectiveProcessor.OUTPUT_SCHEMA));
  }

  /**
   * The same alerts as {@link #alerts}, for real-time mode: each task keeps its input partition's
   * visitors' state itself ({@link RealTimeAdopterDetective}) in snapshots under {@code
   * stateDirectory} (reached with the session's file system settings), and emits each alert as its
   * like is read. {@code likes} are {@link #partitionedLikes}; every like of a visitor must be in
   * one partition (the topic is keyed by visitor).
   */
  public static Dataset<Row> realTimeAlerts(
      Dataset<Row> likes, AdopterDetectiveRules rules, String stateDirectory) {
    requireNonNull(likes, "likes is null");
    requireNonNull(rules, "rules is null");
    requireNonNull(stateDirectory, "stateDirectory is null");
    SparkSession spark = likes.sparkSession();
    return likes.mapPartitions(
        new RealTimeAdopterDetective(
            rules,
            VisitorLikesSnapshots.of(spark, stateDirectory),
            DroppedRecords.counter(spark, DroppedRecords.LATE_LIKES),
            DroppedRecords.counter(spark, RealTimeAdopterDetective.OFF_KEY_LIKES)),
        Encoders.row(AdopterDetectiveProcessor.OUTPUT_SCHEMA));
  }

  /** Alerts to Kafka records: key {@code {"visitor_id":"…"}}, value the alert as JSON. */
  public static Dataset<Row> toKafkaRecords(Dataset<Row> alerts) {
    requireNonNull(alerts, "alerts is null");
    return alerts.select(
        to_json(struct(col("visitor_id"))).as("key"),
        to_json(
                struct(
                    col("visitor_id"),
                    col("alert_time"),
                    col("liked_cats"),
                    col("number_of_likes"),
                    col("alert_message"),
                    col("alert_id")))
            .as("value"));
  }
}
