package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.max;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.streaming.alerts.AdopterAlerts;
import dev.catcafe.streaming.alerts.AdopterDetectiveRules;
import dev.catcafe.streaming.alerts.AdopterDetectiveTransform;
import dev.catcafe.streaming.alerts.VisitorLikes;
import dev.catcafe.streaming.alerts.WellnessGuardianTransform;
import dev.catcafe.streaming.alerts.WellnessThresholds;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the alert jobs owe for the records Kafka holds, computed in batch by their own pure
 * transforms over the whole topic, and what they sent, read back from the alert topics. The alert
 * topics also carry the outage test's made-up alerts (for the ingestion); the jobs' own alerts are
 * the ones whose id is a SHA-256 in hex.
 */
final class AlertOutcomes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JOB_ALERT_ID = Pattern.compile("[0-9a-f]{64}");

  private final SparkSession spark;
  private final KafkaSettings kafka;

  AlertOutcomes(SparkSession spark, KafkaSettings kafka) {
    this.spark = requireNonNull(spark, "spark is null");
    this.kafka = requireNonNull(kafka, "kafka is null");
  }

  /** The id of every health alert the Guardian's rule raises over every reading Kafka holds. */
  Set<String> healthAlertsOwed() {
    Dataset<Row> readings = WellnessGuardianTransform.parseReadings(records(Topic.CAT_WELLNESS));
    return new HashSet<>(
        WellnessGuardianTransform.alerts(readings, WellnessThresholds.defaults())
            .select("alert_id")
            .as(Encoders.STRING())
            .collectAsList());
  }

  /**
   * The id of each visitor's last alert: the one of their likes over every interaction Kafka holds
   * (distinct cats, latest like), for each visitor over the Detective's threshold. Earlier alerts
   * depend on where batches were cut; the last one does not.
   */
  Set<String> lastAdopterAlertsOwed() {
    AdopterDetectiveRules rules = AdopterDetectiveRules.defaults();
    Dataset<Row> likes =
        AdopterDetectiveTransform.likes(
            AdopterDetectiveTransform.parseInteractions(records(Topic.CAT_INTERACTIONS)));
    Set<String> owed = new HashSet<>();
    for (Row visitor :
        likes
            .groupBy("visitor_id")
            .agg(collect_set(col("cat_id")).as("cats"), max("event_time").as("last_like"))
            .collectAsList()) {
      List<String> cats = visitor.getList(visitor.fieldIndex("cats"));
      if (cats.size() > rules.threshold()) {
        Timestamp lastLike = visitor.getAs("last_like");
        VisitorLikes state = new VisitorLikes(new TreeSet<>(cats), lastLike.getTime());
        owed.add(AdopterAlerts.alert(visitor.getAs("visitor_id"), state).alertId());
      }
    }
    return owed;
  }

  /**
   * The ids of the alerts the Guardian sent; fails if one id was sent with two contents (a replay
   * must repeat an alert exactly, since the UI drops it by its id).
   */
  Set<String> healthAlertsSent() {
    return sentIds(Topic.CAT_HEALTH_ALERTS);
  }

  /** The ids of the alerts the Detective sent; same rule as {@link #healthAlertsSent}. */
  Set<String> adopterAlertsSent() {
    return sentIds(Topic.POTENTIAL_ADOPTERS);
  }

  private Set<String> sentIds(Topic topic) {
    Map<String, String> contentById = new HashMap<>();
    for (Row record : records(topic).select(col("value").cast("string")).collectAsList()) {
      String value = record.getString(0);
      String id = alertId(value);
      if (JOB_ALERT_ID.matcher(id).matches()) {
        String earlier = contentById.putIfAbsent(id, value);
        if (earlier != null && !earlier.equals(value)) {
          throw new AssertionError(
              "%s: alert %s sent twice with different contents:%n%s%n%s"
                  .formatted(topic, id, earlier, value));
        }
      }
    }
    return contentById.keySet();
  }

  private static String alertId(String value) {
    try {
      return JSON.readTree(value).path("alert_id").asText();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every record {@code topic} holds now, as the Kafka source's rows (a batch read). */
  private Dataset<Row> records(Topic topic) {
    return spark
        .read()
        .format("kafka")
        .options(kafka.sparkSourceOptions())
        .option("subscribe", kafka.topicName(topic))
        .option("startingOffsets", "earliest")
        .option("endingOffsets", "latest")
        .load();
  }
}
