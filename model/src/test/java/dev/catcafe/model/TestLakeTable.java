package dev.catcafe.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class TestLakeTable {
  /** The names are the lake's data: a renamed constant must fail here, not rename a table. */
  @Test
  void tableNamesAreTheLakes() {
    assertThat(Arrays.stream(LakeTable.values()).map(LakeTable::tableName))
        .containsExactly(
            "cat_interactions_raw",
            "cat_wellness_raw",
            "visitor_checkins_raw",
            "cafe_orders_raw",
            "cat_locations_raw",
            "cat_health_alerts_raw",
            "potential_adopters_raw",
            "ingest_errors",
            "cats_profiles_raw",
            "visitors_profiles_raw",
            "daily_cat_summary",
            "data_quality_results");
  }
}
