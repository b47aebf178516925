package dev.catcafe.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class TestViewSchemas {
  private static final ViewSchemas CAFE = ViewSchemas.forNamespace("iceberg", "cafe");

  @Test
  void localPlatformLayout() {
    assertThat(CAFE)
        .isEqualTo(new ViewSchemas("iceberg.cafe_analytics", "iceberg.cafe", "postgresql.public"));
    assertThat(CAFE.analyticsCatalog()).isEqualTo("iceberg");
    assertThat(CAFE.qualifiedView(AnalyticsView.DAILY_CAFE_REVENUE))
        .isEqualTo("iceberg.cafe_analytics.daily_cafe_revenue");
  }

  @Test
  void viewsAreCreatedThroughTheWritableCatalogAndReadTheLakeAsAnalystsDo() {
    ViewSchemas created = CAFE.withViewsIn("iceberg_rw");

    assertThat(created.analytics()).isEqualTo("iceberg_rw.cafe_analytics");
    assertThat(created.createStatement(AnalyticsView.DAILY_CAFE_REVENUE))
        .startsWith("CREATE OR REPLACE VIEW iceberg_rw.cafe_analytics.daily_cafe_revenue\n")
        .contains("FROM iceberg.cafe.")
        .doesNotContain("FROM iceberg_rw.");
  }

  @ParameterizedTest
  @EnumSource(AnalyticsView.class)
  void everyViewFileRendersToOneCreateOrReplaceOfThatView(AnalyticsView view) {
    String statement = CAFE.createStatement(view);

    assertThat(statement)
        .startsWith("CREATE OR REPLACE VIEW iceberg.cafe_analytics." + view.viewName() + "\n")
        .contains("FROM iceberg.cafe.")
        .doesNotContain("${")
        .doesNotContain("--")
        .doesNotEndWith(";");
  }

  @Test
  void federatedViewsReadTheCafeDatabase() {
    assertThat(CAFE.createStatement(AnalyticsView.LIKES_BY_COAT_COLOUR))
        .contains("JOIN postgresql.public.cats c");
    assertThat(CAFE.createStatement(AnalyticsView.AVERAGE_SPEND_BY_VISITOR_PERSONA))
        .contains("JOIN postgresql.public.visitors v");
  }

  @Test
  void unknownPlaceholderAndBadSchemasAreRejected() {
    assertThatThrownBy(() -> CAFE.render("SELECT * FROM ${nowhere}.t"))
        .hasMessageContaining("${nowhere}");
    assertThatThrownBy(() -> new ViewSchemas("cafe", "iceberg.cafe", "postgresql.public"))
        .hasMessageContaining("catalog.schema");
    assertThatThrownBy(() -> new ViewSchemas("iceberg.cafe", "iceberg.cafe", "postgresql.public"))
        .hasMessageContaining("schema of their own");
  }
}
