package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.summary.TestingRawTables;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
  private final LocalDate otherDayOfTheWindow;
  private final String prefix;

  /**
   * The lake of {@code catalog}, its events an hour before {@code now}; every cat and visitor id
   * starts with {@code prefix} (the platform's cafe database is shared by every test).
   */
  public TestingQualityLake(
      SparkSession spark, CatalogSettings catalog, Instant now, String prefix) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.prefix = requireNonNull(prefix, "prefix is null");
    this.raw = new TestingRawTables(spark, catalog);
    // An hour back, so after midnight it is still inside yesterday-and-today.
    this.eventTime = Timestamp.from(now.minus(Duration.ofHours(1)));
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate eventDay = LocalDate.ofInstant(eventTime.toInstant(), ZoneOffset.UTC);
    this.otherDayOfTheWindow = eventDay.equals(today) ? today.minusDays(1) : today;
  }

  /** The cats' ids, with their names. */
  public Map<String, String> cats() {
    return Map.of(prefix + "tom", "Tom", prefix + "kit", "Kit");
  }

  /** The visitors' ids. */
  public List<String> visitors() {
    return List.of(prefix + "visitor-1", prefix + "visitor-2");
  }

  public TestingRawTables raw() {
    return raw;
  }

  /** The profiles straight into the lake, as the snapshot job would write them. */
  public void writeProfiles() {
    raw.replaceCatProfiles(
        cats().entrySet().stream()
            .map(cat -> RowFactory.create(cat.getKey(), cat.getValue()))
            .toList());
    raw.replaceVisitorProfiles(visitors());
  }

  /** Clean events of every topic, ingested now. */
  public void writeCleanEvents() {
    for (Topic topic : Topic.values()) {
      raw.append(topic, cleanRows(topic), Instant.now());
    }
  }

  /**
   * Adds the rows that break one check each, after {@link #writeCleanEvents} and the summary: an
   * activity of 12, a negative order, an interaction with an unknown cat, a location 998 offsets
   * past the last, a health alert at an offset already ingested, a check-in without a visitor, the
   * adopters' rows replaced by one ingested three hours ago (stale), and a summary row no raw event
   * explains, on the window's other day (a summary catch-up of the events' day keeps it).
   */
  public void breakEveryKindOfCheck() {
    raw.append(Topic.CAT_WELLNESS, List.of(wellness(prefix + "tom", 12.0, 1.0)));
    raw.append(Topic.CAFE_ORDERS, List.of(order("order-9", prefix + "visitor-2", "-3.50")));
    raw.append(
        Topic.CAT_INTERACTIONS,
        List.of(interaction(prefix + "visitor-1", prefix + "ghost", "pet")));
    raw.append(Topic.CAT_LOCATIONS, List.of(location(prefix + "kit")), 1000, Instant.now());
    raw.append(
        Topic.CAT_HEALTH_ALERTS, List.of(healthAlert(prefix + "kit", "alert-9")), 0, Instant.now());
    raw.append(Topic.VISITOR_CHECKINS, List.of(RowFactory.create(eventTime, null)));
    spark.sql(
        "DELETE FROM %s".formatted(Topic.POTENTIAL_ADOPTERS.rawTable().qualifiedName(catalog)));
    raw.append(
        Topic.POTENTIAL_ADOPTERS,
        cleanRows(Topic.POTENTIAL_ADOPTERS),
        Instant.now().minus(Duration.ofHours(3)));
    spark.sql(
        "INSERT INTO %s VALUES (DATE '%s', '%sphantom', 'Phantom', 1.0, 1.0, 3, 1)"
            .formatted(
                LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog), otherDayOfTheWindow, prefix));
  }

  /**
   * A wellness reading after the summary ran: pinned to its snapshots, the summary still matches.
   */
  public void writeLateWellness() {
    raw.append(Topic.CAT_WELLNESS, List.of(wellness(prefix + "kit", 4.0, 2.0)));
  }

  private List<Row> cleanRows(Topic topic) {
    String tom = prefix + "tom";
    String kit = prefix + "kit";
    String visitor1 = prefix + "visitor-1";
    String visitor2 = prefix + "visitor-2";
    return switch (topic) {
      case CAT_WELLNESS -> List.of(wellness(tom, 0.0, 0.0), wellness(kit, 10.0, 5.5));
      case CAT_INTERACTIONS ->
          List.of(interaction(visitor1, tom, "like"), interaction(visitor2, kit, "pet"));
      case VISITOR_CHECKINS -> List.of(RowFactory.create(eventTime, visitor1));
      case CAFE_ORDERS ->
          List.of(order("order-1", visitor1, "0.00"), order("order-2", visitor2, "7.25"));
      case CAT_LOCATIONS -> List.of(location(tom), location(kit));
      case CAT_HEALTH_ALERTS -> List.of(healthAlert(tom, "alert-1"));
      case POTENTIAL_ADOPTERS ->
          List.of(RowFactory.create(visitor1, eventTime, tom, 3L, "likes cats", "adopter-1"));
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
}
