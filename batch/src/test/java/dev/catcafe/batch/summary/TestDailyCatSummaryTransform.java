package dev.catcafe.batch.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.spark.SparkSchemas;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

final class TestDailyCatSummaryTransform extends BaseSparkTest {
  private static final StructType PROFILES =
      new StructType().add("cat_id", DataTypes.StringType).add("name", DataTypes.StringType);

  @Test
  void summarizesEachCatDayLikeTheOriginal() {
    Dataset<Row> wellness =
        wellness(
            // whiskers: wellness on both sides of midnight UTC, no interactions
            wellnessRow("2026-11-20T10:00:00.000Z", "whiskers", 2.0, 1.5),
            wellnessRow("2026-11-20T23:59:59.999Z", "whiskers", 4.0, 3.5),
            wellnessRow("2026-11-21T00:00:00.000Z", "whiskers", 9.0, 0.5),
            // stray: not in the profiles
            wellnessRow("2026-11-20T12:00:00.000Z", "stray", 5.0, 2.25));
    Dataset<Row> interactions =
        interactions(
            // mittens: interactions but no wellness; likes counted apart from the rest
            interactionRow("2026-11-20T08:00:00.000Z", "mittens", "pet"),
            interactionRow("2026-11-20T08:01:00.000Z", "mittens", "like"),
            interactionRow("2026-11-20T08:02:00.000Z", "mittens", "like"),
            interactionRow("2026-11-20T08:03:00.000Z", "mittens", "photo"),
            interactionRow("2026-11-21T00:00:00.001Z", "mittens", "feed"),
            interactionRow("2026-11-20T12:30:00.000Z", "stray", "like"));
    Dataset<Row> profiles =
        spark.createDataFrame(
            List.of(
                RowFactory.create("whiskers", "Whiskers"),
                RowFactory.create("mittens", "Mittens"),
                RowFactory.create("unseen", "Unseen")),
            PROFILES);

    List<Row> rows =
        DailyCatSummaryTransform.summarize(wellness, interactions, profiles)
            .orderBy("day", "cat_id")
            .collectAsList();

    assertThat(rows)
        .containsExactly(
            RowFactory.create(date("2026-11-20"), "mittens", "Mittens", 0.0, 0.0, 4L, 2L),
            RowFactory.create(date("2026-11-20"), "stray", null, 5.0, 2.25, 1L, 1L),
            RowFactory.create(date("2026-11-20"), "whiskers", "Whiskers", 3.0, 3.5, 0L, 0L),
            RowFactory.create(date("2026-11-21"), "mittens", "Mittens", 0.0, 0.0, 1L, 0L),
            RowFactory.create(date("2026-11-21"), "whiskers", "Whiskers", 9.0, 0.5, 0L, 0L));
  }

  @Test
  void outputHasTheOriginalsColumnsAndTypes() {
    Dataset<Row> summary =
        DailyCatSummaryTransform.summarize(
            wellness(wellnessRow("2026-11-20T10:00:00.000Z", "a", 1.0, 1.0)),
            interactions(interactionRow("2026-11-20T10:00:00.000Z", "a", "like")),
            spark.createDataFrame(List.of(), PROFILES));

    assertThat(summary.columns()).containsExactlyElementsOf(DailyCatSummaryTransform.COLUMNS);
    assertThat(summary.schema().fields())
        .extracting(field -> field.dataType())
        .containsExactly(
            DataTypes.DateType,
            DataTypes.StringType,
            DataTypes.StringType,
            DataTypes.DoubleType,
            DataTypes.DoubleType,
            DataTypes.LongType,
            DataTypes.LongType);
  }

  @Test
  void dayIsTheUtcDateWhateverTheSessionZone() {
    Dataset<Row> wellness =
        wellness(
            wellnessRow("2026-11-20T23:30:00.000Z", "a", 1.0, 1.0),
            wellnessRow("1969-12-31T23:59:59.999Z", "a", 1.0, 1.0));
    Dataset<Row> interactions =
        interactions(interactionRow("2026-11-21T00:30:00.000Z", "a", "pet"));
    Dataset<Row> profiles = spark.createDataFrame(List.of(), PROFILES);
    spark.conf().set("spark.sql.session.timeZone", "Asia/Tokyo");
    try {
      assertThat(
              DailyCatSummaryTransform.summarize(wellness, interactions, profiles)
                  .orderBy("day")
                  .collectAsList())
          .extracting(row -> row.getDate(0).toLocalDate().toString())
          .containsExactly("1969-12-31", "2026-11-20", "2026-11-21");
    } finally {
      spark.conf().set("spark.sql.session.timeZone", "UTC");
    }
  }

  private static Dataset<Row> wellness(Row... rows) {
    return spark.createDataFrame(
        List.of(rows), SparkSchemas.tableSchema(Topic.CAT_WELLNESS.schema()));
  }

  private static Dataset<Row> interactions(Row... rows) {
    return spark.createDataFrame(
        List.of(rows), SparkSchemas.tableSchema(Topic.CAT_INTERACTIONS.schema()));
  }

  /** event_time, cat_id, activity_level, heart_rate, hours_since_last_drink. */
  static Row wellnessRow(String eventTime, String catId, double activity, double hours) {
    return RowFactory.create(timestamp(eventTime), catId, activity, 100, hours);
  }

  /** event_time, visitor_id, cat_id, interaction_type. */
  static Row interactionRow(String eventTime, String catId, String type) {
    return RowFactory.create(timestamp(eventTime), "visitor-1", catId, type);
  }

  static Timestamp timestamp(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  static Date date(String day) {
    return Date.valueOf(day);
  }
}
