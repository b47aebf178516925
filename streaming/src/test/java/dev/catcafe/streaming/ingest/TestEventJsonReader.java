package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TestEventJsonReader {
  private static final String WELLNESS =
      "{\"event_time\":\"2025-10-07T19:24:56.123Z\",\"cat_id\":\"cat-7\","
          + "\"activity_level\":3.25,\"heart_rate\":97,\"hours_since_last_drink\":1.5}";

  private final EventJsonReader wellness = new EventJsonReader(Topic.CAT_WELLNESS.schema());
  private final EventJsonReader orders = new EventJsonReader(Topic.CAFE_ORDERS.schema());

  private static EventJsonReader.Result read(EventJsonReader reader, String json) {
    return reader.read(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void typesEveryFieldInSchemaOrderWhateverTheKeyOrder() {
    String reordered =
        "{\"heart_rate\":97,\"cat_id\":\"cat-7\",\"hours_since_last_drink\":1,"
            + "\"activity_level\":3.25,\"event_time\":\"2025-10-07T19:24:56.123Z\"}";

    EventJsonReader.Result result = read(wellness, reordered);

    assertThat(result.isValid()).isTrue();
    long eventTimeMicros =
        ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2025-10-07T19:24:56.123Z"));
    assertThat(result.values())
        .containsExactly(eventTimeMicros, UTF8String.fromString("cat-7"), 3.25, 97, 1.0);
    assertThat(result.unknownFields()).isZero();
  }

  @Test
  void readsOnlyTheBytesBetweenPositionAndLimitAndLeavesTheBufferAsItWas() {
    // The ingestion hands the reader a view of the Kafka row's bytes, with other columns around.
    byte[] around =
        ("{\"not\":\"this\"}" + WELLNESS + "[trailing]").getBytes(StandardCharsets.UTF_8);
    int start = "{\"not\":\"this\"}".length();
    ByteBuffer view = ByteBuffer.wrap(around, start, WELLNESS.length());

    EventJsonReader.Result result = wellness.read(view);

    assertThat(result.isValid()).isTrue();
    assertThat(result.values()).containsExactly(read(wellness, WELLNESS).values());
    assertThat(result.unknownFields()).isZero();
    assertThat(view.position()).isEqualTo(start);
    assertThat(view.remaining()).isEqualTo(WELLNESS.length());
  }

  @Test
  void countsAndSkipsUnknownKeysEvenNestedOnes() {
    String extra = WELLNESS.replace("}", ",\"mood\":\"grumpy\",\"collar\":{\"battery\":[80,{}]}}");

    EventJsonReader.Result result = read(wellness, extra);

    assertThat(result.isValid()).isTrue();
    assertThat(result.unknownFields()).isEqualTo(2);
    assertThat(result.values()[1]).isEqualTo(UTF8String.fromString("cat-7"));
  }

  @Test
  void readsOrderItemsAndRoundsMoneyToCents() {
    String order =
        "{\"event_time\":\"2025-10-07T08:00:00.000Z\",\"order_id\":\"o-1\",\"visitor_id\":\"v-1\","
            + "\"items\":[{\"name\":\"latte\",\"quantity\":2,\"size\":\"L\"},null],"
            + "\"total_amount\":17.355}";

    EventJsonReader.Result result = read(orders, order);

    assertThat(result.isValid()).isTrue();
    ArrayData items = (ArrayData) result.values()[3];
    assertThat(items.numElements()).isEqualTo(2);
    InternalRow latte = items.getStruct(0, 2);
    assertThat(latte.getUTF8String(0)).isEqualTo(UTF8String.fromString("latte"));
    assertThat(latte.getInt(1)).isEqualTo(2);
    assertThat(items.isNullAt(1)).isTrue();
    assertThat(result.values()[4]).isEqualTo(Decimal.apply("17.36"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all|not a JSON object",
        "[1,2,3]|not a JSON object",
        "{\"cat_id\":\"cat-7\"|not a JSON object",
        "{\"cat_id\":\"cat-7\"} trailing|not a JSON object",
        "{}|missing required field event_time",
      })
  void namesWhyARecordIsNotAnEvent(String json, String reason) {
    assertThat(read(wellness, json).errorReason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"cat_id\":\"cat-7\",|''|missing required field cat_id",
        "\"cat_id\":\"cat-7\"|\"cat_id\":null|missing required field cat_id",
        "\"heart_rate\":97|\"heart_rate\":\"fast\"|field heart_rate: expected a JSON int, got fast",
        "\"heart_rate\":97|\"heart_rate\":97.5|field heart_rate: expected a JSON int, got 97.5",
        "\"heart_rate\":97|\"heart_rate\":3000000000|field heart_rate: expected a JSON int, got 3000000000",
        "\"heart_rate\":97|\"heart_rate\":{\"bpm\":97}|field heart_rate: expected a JSON int, got an object",
        "\"activity_level\":3.25|\"activity_level\":[3]|field activity_level: expected a JSON double, got an array",
        "2025-10-07T19:24:56.123Z|yesterday|field event_time: expected a timestamp like 2025-10-07T19:24:56.123Z, got yesterday",
        "2025-10-07T19:24:56.123Z|2025-02-30T19:24:56.123Z|field event_time: expected a timestamp like 2025-10-07T19:24:56.123Z, got 2025-02-30T19:24:56.123Z",
        "2025-10-07T19:24:56.123Z|2025-10-07T24:00:00.000Z|field event_time: expected a timestamp like 2025-10-07T19:24:56.123Z, got 2025-10-07T24:00:00.000Z",
      })
  void namesTheFieldThatIsMissingOrMistyped(String valid, String broken, String reason) {
    EventJsonReader.Result result = read(wellness, WELLNESS.replace(valid, broken));

    assertThat(result.isValid()).isFalse();
    assertThat(result.values()).isNull();
    assertThat(result.errorReason()).isEqualTo(reason);
  }

  @Test
  void reportsAMissingFieldBeforeAMistypedOne() {
    String both = WELLNESS.replace("\"cat_id\":\"cat-7\",", "").replace("97", "\"fast\"");

    assertThat(read(wellness, both).errorReason()).isEqualTo("missing required field cat_id");
  }

  @Test
  void aLaterDuplicateKeyWins() {
    String duplicated =
        WELLNESS.replace("\"heart_rate\":97", "\"heart_rate\":\"x\",\"heart_rate\":98");

    EventJsonReader.Result result = read(wellness, duplicated);

    assertThat(result.isValid()).isTrue();
    assertThat(result.values()[3]).isEqualTo(98);
  }

  @Test
  void rejectsMoneyBeyondTheColumnsPrecision() {
    String order =
        "{\"event_time\":\"2025-10-07T08:00:00.000Z\",\"order_id\":\"o-1\",\"visitor_id\":\"v-1\","
            + "\"items\":[],\"total_amount\":123456789.5}";

    assertThat(read(orders, order).errorReason())
        .isEqualTo(
            "field total_amount: expected a number with at most 8 integer digits, got 123456789.5");
  }

  @Test
  void treatsAMissingValueAsItsOwnError() {
    assertThat(wellness.read(null).errorReason()).isEqualTo("record has no value");
  }
}
