package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

final class TestRawEventParser extends BaseSparkTest {
  private static final String WELLNESS =
      "{\"event_time\":\"2025-10-07T19:24:56.123Z\",\"cat_id\":\"cat-7\","
          + "\"activity_level\":3.25,\"heart_rate\":97,\"hours_since_last_drink\":1.5}";

  @Test
  void typesEveryFieldOfAValidEventAndKeepsItsLineage() {
    RawEventParser.ParsedEvents parsed =
        RawEventParser.parse(
            KafkaRows.of(spark, "cat-wellness-iot", 41, List.of(WELLNESS)), Topic.CAT_WELLNESS);

    assertThat(parsed.valid().schema().fieldNames())
        .containsExactly(RawTables.schema(Topic.CAT_WELLNESS).fieldNames());
    List<Row> rows = parsed.valid().collectAsList();
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.<java.sql.Timestamp>getAs("event_time").toInstant())
        .isEqualTo(Instant.parse("2025-10-07T19:24:56.123Z"));
    assertThat(row.<String>getAs("cat_id")).isEqualTo("cat-7");
    assertThat(row.<Double>getAs("activity_level")).isEqualTo(3.25);
    assertThat(row.<Integer>getAs("heart_rate")).isEqualTo(97);
    assertThat(row.<Double>getAs("hours_since_last_drink")).isEqualTo(1.5);
    assertThat(row.<Integer>getAs(RawTables.KAFKA_PARTITION)).isZero();
    assertThat(row.<Long>getAs(RawTables.KAFKA_OFFSET)).isEqualTo(41L);
    assertThat(row.<java.sql.Timestamp>getAs(RawTables.KAFKA_TIMESTAMP).toInstant())
        .isEqualTo(Instant.parse("2025-10-07T19:25:00Z"));
    assertThat(row.<java.sql.Timestamp>getAs(RawTables.INGESTED_AT)).isNotNull();
    assertThat(parsed.errors().count()).isZero();
  }

  @Test
  void typesOrderItemsAndMoney() {
    String order =
        "{\"event_time\":\"2025-10-07T08:00:00.000Z\",\"order_id\":\"o-1\",\"visitor_id\":\"v-1\","
            + "\"items\":[{\"name\":\"latte\",\"quantity\":2},{\"name\":\"bagel\",\"quantity\":1}],"
            + "\"total_amount\":17.35}";
    Row row =
        RawEventParser.parse(
                KafkaRows.of(spark, "cafe-orders", 0, List.of(order)), Topic.CAFE_ORDERS)
            .valid()
            .collectAsList()
            .get(0);

    assertThat(row.<BigDecimal>getAs("total_amount")).isEqualByComparingTo("17.35");
    List<Row> items = row.getList(row.fieldIndex("items"));
    assertThat(items)
        .extracting(item -> item.getString(0) + "x" + item.getInt(1))
        .containsExactly("lattex2", "bagelx1");
  }

  @Test
  void sendsEachKindOfBadRecordToTheErrorsWithAPreciseReason() {
    List<String> values =
        Arrays.asList(
            "not json at all",
            "[1,2,3]",
            WELLNESS.replace("\"cat_id\":\"cat-7\",", ""),
            WELLNESS.replace("\"cat_id\":\"cat-7\"", "\"cat_id\":null"),
            WELLNESS.replace("\"heart_rate\":97", "\"heart_rate\":\"fast\""),
            WELLNESS.replace("2025-10-07T19:24:56.123Z", "yesterday"),
            null,
            WELLNESS);
    RawEventParser.ParsedEvents parsed =
        RawEventParser.parse(
            KafkaRows.of(spark, "pre-cat-wellness-iot", 100, values), Topic.CAT_WELLNESS);

    Map<Long, String> reasons =
        parsed.errors().collectAsList().stream()
            .collect(
                Collectors.toMap(
                    row -> row.<Long>getAs(IngestErrors.KAFKA_OFFSET),
                    row -> row.<String>getAs(IngestErrors.REASON)));
    assertThat(reasons)
        .containsOnly(
            Map.entry(100L, "not a JSON object"),
            Map.entry(101L, "not a JSON object"),
            Map.entry(102L, "missing required field cat_id"),
            Map.entry(103L, "missing required field cat_id"),
            Map.entry(104L, "field heart_rate: expected a JSON int, got fast"),
            Map.entry(
                105L,
                "field event_time: expected a timestamp like 2025-10-07T19:24:56.123Z, got yesterday"),
            Map.entry(106L, "record has no value"));
    assertThat(parsed.valid().collectAsList())
        .singleElement()
        .satisfies(row -> assertThat(row.<Long>getAs(RawTables.KAFKA_OFFSET)).isEqualTo(107L));

    Row notJson = parsed.errors().filter("kafka_offset = 100").collectAsList().get(0);
    assertThat(notJson.<String>getAs(IngestErrors.TOPIC)).isEqualTo("pre-cat-wellness-iot");
    assertThat(notJson.<String>getAs(IngestErrors.RAW_VALUE)).isEqualTo("not json at all");
    assertThat(notJson.<Integer>getAs(IngestErrors.KAFKA_PARTITION)).isZero();
    assertThat(notJson.<java.sql.Timestamp>getAs(IngestErrors.ERROR_TIME)).isNotNull();
    assertThat(parsed.errors().schema().fieldNames())
        .containsExactly(IngestErrors.schema().fieldNames());
  }

  @Test
  void ingestsRecordsWithUnknownFieldsAndCountsThem() {
    String extra = WELLNESS.replace("}", ",\"mood\":\"grumpy\",\"collar\":{\"battery\":80}}");
    Dataset<Row> classified =
        RawEventParser.classify(
            KafkaRows.of(spark, "cat-wellness-iot", 0, List.of(extra, WELLNESS)),
            Topic.CAT_WELLNESS);

    List<Row> rows = classified.orderBy(RawTables.KAFKA_OFFSET).collectAsList();
    assertThat(rows)
        .extracting(row -> row.<Boolean>getAs(RawEventParser.IS_VALID))
        .containsExactly(true, true);
    assertThat(rows)
        .extracting(row -> row.<Integer>getAs(RawEventParser.UNKNOWN_FIELD_COUNT))
        .containsExactly(2, 0);
    assertThat(RawEventParser.validRows(classified, Topic.CAT_WELLNESS).count()).isEqualTo(2);
  }

  @Test
  void parsesEveryTopicsOwnFields() {
    String adopter =
        "{\"visitor_id\":\"v-9\",\"alert_time\":\"2025-10-07T10:00:00.000Z\","
            + "\"liked_cats\":\"cat-1,cat-2,cat-3\",\"number_of_likes\":3,"
            + "\"alert_message\":\"likes 3 cats\",\"alert_id\":\"a-1\"}";
    Row row =
        RawEventParser.parse(
                KafkaRows.of(spark, "potential-adopters", 0, List.of(adopter)),
                Topic.POTENTIAL_ADOPTERS)
            .valid()
            .collectAsList()
            .get(0);

    assertThat(row.<Long>getAs("number_of_likes")).isEqualTo(3L);
    assertThat(row.<java.sql.Timestamp>getAs("alert_time").toInstant())
        .isEqualTo(Instant.parse("2025-10-07T10:00:00Z"));
  }
}
