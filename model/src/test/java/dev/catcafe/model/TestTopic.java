package dev.catcafe.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.event.CatHealthAlert;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class TestTopic {
  @Test
  void theSevenTopicsOfTheOriginal() {
    assertThat(Arrays.stream(Topic.values()).map(Topic::topicName))
        .containsExactly(
            "cat-interactions",
            "cat-wellness-iot",
            "visitor-checkins",
            "cafe-orders",
            "cat-locations",
            "cat-health-alerts",
            "potential-adopters");
  }

  @Test
  void everyTopicHasItsOwnRawTableAndKeyAndTimeFieldsInItsSchema() {
    assertThat(Arrays.stream(Topic.values()).map(Topic::rawTable).distinct())
        .hasSize(Topic.values().length);
    for (Topic topic : Topic.values()) {
      assertThat(topic.schema().field(topic.keyField())).isPresent();
      assertThat(topic.schema().field(topic.eventTimeField()))
          .hasValueSatisfying(field -> assertThat(field.type()).isEqualTo(FieldType.TIMESTAMP));
      assertThat(topic.rawTable().tableName()).endsWith("_raw");
    }
  }

  @Test
  void eachTopicCarriesItsOwnEventRecord() {
    for (Topic topic : Topic.values()) {
      assertThat(Topic.carrying(topic.eventType())).isEqualTo(topic);
    }
    assertThat(Topic.carrying(CatHealthAlert.class)).isEqualTo(Topic.CAT_HEALTH_ALERTS);
  }

  @Test
  void findsTopicsByName() {
    assertThat(Topic.byName("cat-wellness-iot")).contains(Topic.CAT_WELLNESS);
    assertThat(Topic.byName("nope")).isEmpty();
  }

  @Test
  void eventTimesAreUtcWithMillisecondsAndLiteralZ() {
    java.time.Instant instant = java.time.Instant.parse("2025-10-07T19:24:56.123456Z");
    assertThat(EventTimes.format(instant)).isEqualTo("2025-10-07T19:24:56.123Z");
    assertThat(EventTimes.parse("2025-10-07T19:24:56.123Z"))
        .isEqualTo(java.time.Instant.parse("2025-10-07T19:24:56.123Z"));
  }

  @Test
  void wireNamesAreSnakeCase() {
    assertThat(VisitorArchetype.POTENTIAL_ADOPTER.wireName()).isEqualTo("potential_adopter");
    assertThat(WireName.parse(CatArchetype.class, "sleepy_senior"))
        .isEqualTo(CatArchetype.SLEEPY_SENIOR);
    assertThat(CafeLocation.values()).hasSize(15);
    assertThat(MenuItem.values()).hasSize(10);
  }
}
