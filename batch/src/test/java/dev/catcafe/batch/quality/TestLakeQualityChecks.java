package dev.catcafe.batch.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declared checks cover every raw table and carry the model's ranges. */
final class TestLakeQualityChecks {
  private static final List<String> IDS =
      LakeQualityChecks.all().stream().map(QualityCheck::id).toList();

  @Test
  void idsAreUnique() {
    assertThat(IDS).doesNotHaveDuplicates();
  }

  @Test
  void everyRawTableHasKeysFreshnessAndOffsetChecks() {
    for (Topic topic : Topic.values()) {
      String table = topic.rawTable().tableName();
      assertThat(IDS)
          .contains(
              table + ".not_null_keys",
              table + ".fresh",
              table + ".kafka_offsets_without_gaps",
              table + ".kafka_offsets_unique");
    }
    assertThat(IDS).contains("daily_cat_summary.not_null_keys", "daily_cat_summary.matches_raw");
  }

  @Test
  void idsAreCheckedAgainstTheProfilesAndRangesComeFromTheModel() {
    assertThat(IDS)
        .contains(
            "cat_wellness_raw.cat_id_known",
            "cat_interactions_raw.cat_id_known",
            "cat_interactions_raw.visitor_id_known",
            "cafe_orders_raw.visitor_id_known",
            "potential_adopters_raw.visitor_id_known");
    assertThat(rule("cat_wellness_raw.activity_level_in_range"))
        .isEqualTo(new QualityRule.InRange("activity_level", 0.0, 10.0));
    assertThat(rule("cat_wellness_raw.hours_since_last_drink_not_negative"))
        .isEqualTo(QualityRule.InRange.atLeast("hours_since_last_drink", 0.0));
    assertThat(rule("cafe_orders_raw.total_amount_not_negative"))
        .isEqualTo(QualityRule.InRange.atLeast("total_amount", 0.0));
    assertThat(rule("cafe_orders_raw.not_null_keys"))
        .isEqualTo(new QualityRule.NotNull(List.of("event_time", "order_id", "visitor_id")));
    assertThat(rule("cafe_orders_raw.total_amount_not_negative").expectation())
        .isEqualTo("0 rows with total_amount < 0.0");
  }

  @Test
  void namesAreSnakeCase() {
    assertThatThrownBy(
            () ->
                new QualityCheck(
                    LakeTable.CAT_WELLNESS_RAW, "Fresh!", new QualityRule.SummaryMatchesRaw()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snake_case");
  }

  private static QualityRule rule(String id) {
    return LakeQualityChecks.all().stream()
        .filter(check -> check.id().equals(id))
        .findFirst()
        .orElseThrow()
        .rule();
  }
}
