package dev.catcafe.batch.quality;

import dev.catcafe.model.Field;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.event.CafeOrder;
import dev.catcafe.model.event.CatWellness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lake's data-quality checks, declared once: per raw table its keys not null, its ids known to
 * the profile snapshots, its freshness and its Kafka offsets complete and unique; the model's value
 * ranges; and {@code daily_cat_summary} against the raw tables. The keys and ids follow from each
 * topic's schema, so a new topic is checked without an entry here.
 */
public final class LakeQualityChecks {
  /**
   * How old a raw table's newest row may be. Every topic carries events every few seconds while the
   * cafe runs (alerts and adopters included at the simulator's default rate): an hour without one
   * means the producer or the ingestion stopped.
   */
  public static final Duration RAW_FRESHNESS = Duration.ofHours(1);

  /** The id columns checked against a profile snapshot, and which. */
  static final Map<String, LakeTable> PROFILE_IDS =
      Map.of("cat_id", LakeTable.CATS_PROFILES_RAW, "visitor_id", LakeTable.VISITORS_PROFILES_RAW);

  private static final List<QualityCheck> CHECKS = declare();

  private LakeQualityChecks() {}

  /** Every check, in the order a run evaluates and reports them. */
  public static List<QualityCheck> all() {
    return CHECKS;
  }

  private static List<QualityCheck> declare() {
    List<QualityCheck> checks = new ArrayList<>();
    for (Topic topic : Topic.values()) {
      LakeTable table = topic.rawTable();
      List<String> keys = new ArrayList<>();
      keys.add(topic.eventTimeField());
      for (Field field : topic.schema().fields()) {
        if (field.name().endsWith("_id")) {
          keys.add(field.name());
        }
      }
      checks.add(new QualityCheck(table, "not_null_keys", new QualityRule.NotNull(keys)));
      checks.addAll(ranges(topic));
      for (Field field : topic.schema().fields()) {
        LakeTable profiles = PROFILE_IDS.get(field.name());
        if (profiles != null) {
          checks.add(
              new QualityCheck(
                  table,
                  field.name() + "_known",
                  new QualityRule.KnownProfile(field.name(), profiles)));
        }
      }
      checks.add(new QualityCheck(table, "fresh", new QualityRule.Fresh(RAW_FRESHNESS)));
      checks.add(
          new QualityCheck(
              table, "kafka_offsets_without_gaps", new QualityRule.OffsetsWithoutGaps(topic)));
      checks.add(
          new QualityCheck(table, "kafka_offsets_unique", new QualityRule.OffsetsUnique(topic)));
    }
    checks.add(
        new QualityCheck(
            LakeTable.DAILY_CAT_SUMMARY,
            "not_null_keys",
            new QualityRule.NotNull(List.of("day", "cat_id"))));
    checks.add(
        new QualityCheck(
            LakeTable.DAILY_CAT_SUMMARY, "matches_raw", new QualityRule.SummaryMatchesRaw()));
    return List.copyOf(checks);
  }

  /** The value ranges of the model's events. */
  private static List<QualityCheck> ranges(Topic topic) {
    LakeTable table = topic.rawTable();
    return switch (topic) {
      case CAT_WELLNESS ->
          List.of(
              new QualityCheck(
                  table,
                  "activity_level_in_range",
                  new QualityRule.InRange(
                      "activity_level",
                      CatWellness.MIN_ACTIVITY_LEVEL,
                      CatWellness.MAX_ACTIVITY_LEVEL)),
              new QualityCheck(
                  table,
                  "hours_since_last_drink_not_negative",
                  QualityRule.InRange.atLeast(
                      "hours_since_last_drink", CatWellness.MIN_HOURS_SINCE_LAST_DRINK)));
      case CAFE_ORDERS ->
          List.of(
              new QualityCheck(
                  table,
                  "total_amount_not_negative",
                  QualityRule.InRange.atLeast("total_amount", CafeOrder.MIN_TOTAL_AMOUNT)));
      case CAT_INTERACTIONS,
          VISITOR_CHECKINS,
          CAT_LOCATIONS,
          CAT_HEALTH_ALERTS,
          POTENTIAL_ADOPTERS ->
          List.of();
    };
  }
}
