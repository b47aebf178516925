package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.READING_TIME;
import static dev.catcafe.streaming.alerts.TestingAlertInputs.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TestWellnessGuardianTransform extends BaseSparkTest {
  private static final String TOPIC = "cat-wellness-iot";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<CatHealthAlert> guard(WellnessThresholds thresholds, String... values)
      throws Exception {
    Dataset<Row> records =
        WellnessGuardianTransform.guard(KafkaRecords.of(spark, TOPIC, values), thresholds);
    assertThat(records.columns()).containsExactly("key", "value");
    List<CatHealthAlert> alerts = new java.util.ArrayList<>();
    for (Row row : records.collectAsList()) {
      CatHealthAlert alert = JSON.readValue(row.getString(1), CatHealthAlert.class);
      assertThat(row.getString(0)).isEqualTo(alert.key());
      alerts.add(alert);
    }
    return alerts;
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cat-1 | DEHYDRATION | 0.5  | 4.56 | 4.56 | 4.0 | Health Alert for cat-1: Hours since last drink (4.56) exceeds threshold (4.0).
          cat-2 | STRESS      | 0.05 | 1.0  | 0.05 | 0.1 | Health Alert for cat-2: Activity level (0.05) is below threshold (0.1).
          """)
  void aReadingPastAThresholdRaisesTheOriginalsAlert(
      String catId,
      String alertType,
      double activity,
      double hoursSinceDrink,
      double value,
      double threshold,
      String message)
      throws Exception {
    List<CatHealthAlert> alerts =
        guard(WellnessThresholds.defaults(), reading(catId, activity, hoursSinceDrink));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.alertTime()).isEqualTo(READING_TIME);
              assertThat(alert.catId()).isEqualTo(catId);
              assertThat(alert.alertType()).isEqualTo(alertType);
              assertThat(alert.value()).isEqualTo(value);
              assertThat(alert.threshold()).isEqualTo(threshold);
              assertThat(alert.alertMessage()).isEqualTo(message);
              assertThat(alert.alertId()).hasSize(64);
            });
  }

  @Test
  void readingsAtTheThresholdsRaiseNothing() throws Exception {
    assertThat(guard(WellnessThresholds.defaults(), reading("cat-3", 0.1, 4.0))).isEmpty();
  }

  @Test
  void oneReadingCanRaiseBothAlertsWithDistinctIds() throws Exception {
    List<CatHealthAlert> alerts = guard(WellnessThresholds.defaults(), reading("cat-4", 0.0, 7.25));

    assertThat(alerts)
        .extracting(CatHealthAlert::alertType)
        .containsExactlyInAnyOrder("DEHYDRATION", "STRESS");
    assertThat(alerts).extracting(CatHealthAlert::alertId).doesNotHaveDuplicates();
  }

  @Test
  void alertIdDependsOnlyOnTheSourceRecordAndRule() throws Exception {
    String value = reading("cat-5", 0.5, 5.0);
    List<CatHealthAlert> first = guard(WellnessThresholds.defaults(), value);
    List<CatHealthAlert> again = guard(WellnessThresholds.defaults(), value);
    List<CatHealthAlert> nextOffset =
        guard(WellnessThresholds.defaults(), reading("other", 0.5, 1.0), value);

    assertThat(again).isEqualTo(first);
    assertThat(nextOffset)
        .singleElement()
        .satisfies(alert -> assertThat(alert.alertId()).isNotEqualTo(first.get(0).alertId()));
  }

  @Test
  void malformedReadingsAreSkippedAndCounted() {
    Dataset<Row> readings =
        WellnessGuardianTransform.parseReadings(
            KafkaRecords.of(
                spark,
                TOPIC,
                "not json",
                "{\"cat_id\":\"cat-6\",\"hours_since_last_drink\":9.0}",
                "{\"event_time\":\"yesterday\",\"cat_id\":\"cat-6\",\"activity_level\":0.5,"
                    + "\"heart_rate\":1,\"hours_since_last_drink\":9.0}",
                "{\"event_time\":\"2025-10-07T19:25:00.123Z\",\"cat_id\":\"cat-6\","
                    + "\"activity_level\":\"high\",\"heart_rate\":1,\"hours_since_last_drink\":9.0}",
                reading("cat-7", 0.5, 9.0)));

    assertThat(readings.filter("malformed").count()).isEqualTo(4);
    assertThat(
            WellnessGuardianTransform.alerts(readings, WellnessThresholds.defaults())
                .select("cat_id")
                .collectAsList())
        .extracting(row -> row.getString(0))
        .containsExactly("cat-7");
  }

  @Test
  void thresholdsAreConfigurable() throws Exception {
    WellnessThresholds strict = new WellnessThresholds(2.0, 0.6);

    List<CatHealthAlert> alerts = guard(strict, reading("cat-8", 0.5, 3.0));

    assertThat(alerts)
        .extracting(CatHealthAlert::alertMessage)
        .containsExactlyInAnyOrder(
            "Health Alert for cat-8: Hours since last drink (3.0) exceeds threshold (2.0).",
            "Health Alert for cat-8: Activity level (0.5) is below threshold (0.6).");
  }
}
