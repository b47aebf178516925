package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.summary.TestingRawTables;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A small cafe lake for the data-quality checks: a clean hour of every topic, and the rows that
 * break one check each ({@link #breakEveryKindOfCheck}), whose failing checks are {@link
 * #BROKEN_CHECKS}. The events are an hour old (inside the checked window, before the profile
 * snapshots); the profiles are written first, in the lake or, on the platform, by the snapshot job.
 */
public final class TestingQualityLake {
  public static final List<String> CATS = List.of("tom", "kit");
  public static final List<String> VISITORS = List.of("visitor-1", "visitor-2");

  /** The checks {@link #breakEveryKindOfCheck} makes fail, and no other. */
  public static final Set<String> BROKEN_CHECKS =
      Set.of(
          "cat_wellness_raw.activity_level_in_range",
          "cafe_orders_raw.total_amount_not_negative",
          "cat_interactions_raw.cat_id_known",
          "potential_adopters_raw.fresh",
          "cat_locations_raw.kafka_offsets_without_gaps",
          "cat_health_alerts_raw.kafka_offsets_unique",
          "visitor_checkins_raw.not_null_keys",
          "daily_cat_summary.matches_raw");

  private final SparkSession spark;
  private final CatalogSettings catalog;
  private final TestingRawTables raw;
  private final Timestamp eventTime;

  public TestingQualityLake(SparkSession spark, CatalogSettings catalog, Instant now) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.raw = new TestingRawTables(spark, catalog);
    // An hour back, so after midnight it is still inside yesterday-and-today.
    this.eventTime = Timestamp.from(now.minus(Duration.ofHours(1)));
  }

  public TestingRawTables raw() {
    return raw;
  }

  /** The profiles straight into the lake, as the snapshot job would write them. */
  public void writeProfiles() {
    raw.replaceCatProfiles(
        CATS.stream().map(cat -> RowFactory.create(cat, cat.toUpperCase())).toList());
    raw.replaceVisitorProfiles(VISITORS);
  }

  /** Clean events of every topic, ingested now, except {@code ingestedLongAgo}'s, 3 hours ago. */
  public void writeCleanEvents(Set<Topic> ingestedLongAgo) {
    for (Topic topic : Topic.values()) {
      Instant ingested =
          ingestedLongAgo.contains(topic)
              ? Instant.now().minus(Duration.ofHours(3))
              : Instant.now();
      raw.append(topic, cleanRows(topic), ingested);
    }
  }

  /**
   * Adds the rows that break one check each, after {@link #writeCleanEvents} with {@link
   * Topic#POTENTIAL_ADOPTERS} ingested long ago and after the summary: an activity of 12, a
   * negative order, an interaction with an unknown cat, a location five offsets past the last, a
   * health alert at an offset already ingested, a check-in without a visitor, a summary row no raw
   * event explains.
   */
  public void breakEveryKindOfCheck() {
    raw.append(Topic.CAT_WELLNESS, List.of(wellness("tom", 12.0, 1.0)));
    raw.append(Topic.CAFE_ORDERS, List.of(order("order-9", "visitor-2", "-3.50")));
    raw.append(Topic.CAT_INTERACTIONS, List.of(interaction("visitor-1", "ghost", "pet")));
    raw.append(Topic.CAT_LOCATIONS, List.of(location("kit")), 1000, Instant.now());
    raw.append(Topic.CAT_HEALTH_ALERTS, List.of(healthAlert("kit", "alert-9")), 0, Instant.now());
    raw.append(Topic.VISITOR_CHECKINS, List.of(RowFactory.create(eventTime, null)));
    spark.sql(
        "INSERT INTO %s VALUES (DATE '%s', 'phantom', 'Phantom', 1.0, 1.0, 3, 1)"
            .formatted(
                LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog),
                LocalDate.ofInstant(eventTime.toInstant(), ZoneOffset.UTC)));
  }

  /**
   * A wellness reading after the summary ran: pinned to its snapshots, the summary still matches.
   */
  public void writeLateWellness() {
    raw.append(Topic.CAT_WELLNESS, List.of(wellness("kit", 4.0, 2.0)));
  }

  private List<Row> cleanRows(Topic topic) {
    return switch (topic) {
      case CAT_WELLNESS -> List.of(wellness("tom", 0.0, 0.0), wellness("kit", 10.0, 5.5));
      case CAT_INTERACTIONS ->
          List.of(interaction("visitor-1", "tom", "like"), interaction("visitor-2", "kit", "pet"));
      case VISITOR_CHECKINS -> List.of(RowFactory.create(eventTime, "visitor-1"));
      case CAFE_ORDERS ->
          List.of(order("order-1", "visitor-1", "0.00"), order("order-2", "visitor-2", "7.25"));
      case CAT_LOCATIONS -> List.of(location("tom"), location("kit"));
      case CAT_HEALTH_ALERTS -> List.of(healthAlert("tom", "alert-1"));
      case POTENTIAL_ADOPTERS ->
          List.of(
              RowFactory.create(
                  "visitor-1", eventTime, "tom,kit", 3L, "visitor-1 likes cats", "adopter-1"));
    };
  }

  private Row wellness(String cat, double activity, double hoursSinceDrink) {
    return RowFactory.create(eventTime, cat, activity, 100, hoursSinceDrink);
  }

  private Row interaction(String visitor, String cat, String type) {
    return RowFactory.create(eventTime, visitor, cat, type);
  }

  private Row order(String orderId, String visitor, String amount) {
    return RowFactory.create(
        eventTime,
        orderId,
        visitor,
        List.of(RowFactory.create("latte", 1)),
        new BigDecimal(amount));
  }

  private Row location(String cat) {
    return RowFactory.create(eventTime, cat, "lounge");
  }

  private Row healthAlert(String cat, String alertId) {
    return RowFactory.create(
        eventTime, cat, "dehydration", 5.0, 4.0, cat + " needs water", alertId);
  }

  /** The UTC day of the events. */
  public Date day() {
    return Date.valueOf(LocalDate.ofInstant(eventTime.toInstant(), ZoneOffset.UTC));
  }
}
