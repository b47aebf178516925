package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.catcafe.model.EventSchema;
import dev.catcafe.model.Field;
import dev.catcafe.model.FieldType;
import dev.catcafe.spark.SparkSchemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads the UTF-8 JSON of one Kafka record into the typed values of its topic's {@link
 * EventSchema}, or says precisely why it cannot: one streaming pass over the bytes, no intermediate
 * tree, no second parse.
 *
 * <p>Why not Spark's {@code from_json}: it wraps every record in an {@code InputStreamReader} (an 8
 * KiB buffer per record) and needs a second parse to name a bad field or count unknown keys; on
 * this workload that was over a third of the ingestion job's CPU. The values returned are Spark's
 * internal ones ({@link UTF8String}, a timestamp as microseconds since the epoch, {@link Decimal},
 * an array of internal rows for order items), so an {@code InternalRow} of them is a row of the raw
 * table's schema as it is: no external {@code Row} to encode, which cost a fifth of the ingestion's
 * CPU in a profile.
 *
 * <p>Rules, per {@link FieldType}: strings accept any JSON scalar as its text; ints and longs only
 * integral numbers in range; doubles any number; money any number with at most 8 integer digits,
 * rounded half-up to cents; timestamps only the {@link dev.catcafe.model.EventTimes} form; order
 * items an array of objects. JSON {@code null} is an absent value. Keys the schema does not know
 * are skipped and counted. A reader is not thread-safe; use one per task.
 */
public final class EventJsonReader {
  private static final int TIMESTAMP_LENGTH = "2025-10-07T19:24:56.123Z".length();
  private static final int MONEY_PRECISION = SparkSchemas.MONEY.precision();
  private static final int MONEY_SCALE = SparkSchemas.MONEY.scale();

  /** What {@link #nextField} returns when the object has no more keys. */
  private static final int NO_MORE_KEYS = -2;

  /** Marks a value of the wrong JSON type; never escapes this class. */
  private static final Object WRONG_TYPE = new Object();

  private final List<Field> fields;
  private final SerializableString[] encodedNames;
  private final Map<String, Integer> indexByName = new HashMap<>();

  /**
   * A factory of the reader's own, with a buffer pool of its own: Jackson's default pool is a
   * thread-local one, and looking it up in a Spark task thread's crowded thread-local map for every
   * record was 2% of the ingestion's CPU. A reader serves one thread, so its pool is never shared.
   */
  private final JsonFactory json =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.newLockFreePool()).build();

  /** What one record held: typed values, or the reason it is invalid; and its unknown keys. */
  public record Result(Object[] values, String errorReason, int unknownFields) {
    public boolean isValid() {
      return errorReason == null;
    }
  }

  /** A reader of {@code schema}'s events. */
  public EventJsonReader(EventSchema schema) {
    this.fields = requireNonNull(schema, "schema is null").fields();
    this.encodedNames = new SerializableString[fields.size()];
    for (int index = 0; index < fields.size(); index++) {
      encodedNames[index] = new SerializedString(fields.get(index).name());
      indexByName.put(fields.get(index).name(), index);
    }
  }

  /**
   * Moves {@code parser} to the next key and returns its field's position, -1 for a key the schema
   * does not have, or {@link #NO_MORE_KEYS} when the object ends (or something else comes). Keys
   * come in the schema's order from the cafe's producers, so the key after the previous one is
   * matched first, byte for byte against its encoded name, without decoding the key or looking it
   * up: name decoding and a map lookup per key were 6% of the ingestion's CPU in a profile.
   */
  private int nextField(JsonParser parser, int expected) throws IOException {
    if (expected < encodedNames.length) {
      if (parser.nextFieldName(encodedNames[expected])) {
        return expected;
      }
    } else {
      parser.nextToken();
    }
    if (parser.currentToken() != JsonToken.FIELD_NAME) {
      return NO_MORE_KEYS;
    }
    Integer index = indexByName.get(parser.currentName());
    return index == null ? -1 : index;
  }

  /**
   * Reads one record's value, the bytes between the buffer's position and limit, which it leaves as
   * they are; {@code null} (a Kafka tombstone) is invalid. The buffer must be backed by an array.
   */
  public Result read(ByteBuffer value) {
    if (value == null) {
      return invalid("record has no value", 0);
    }
    Object[] values = new Object[fields.size()];
    String[] typeErrors = null;
    int unknown = 0;
    try (JsonParser parser =
        json.createParser(
            value.array(), value.arrayOffset() + value.position(), value.remaining())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return invalid("not a JSON object", 0);
      }
      int expected = 0;
      int index;
      while ((index = nextField(parser, expected)) != NO_MORE_KEYS) {
        JsonToken valueToken = parser.nextToken();
        if (index < 0) {
          unknown++;
          parser.skipChildren();
          continue;
        }
        expected = index + 1;
        Field field = fields.get(index);
        Object converted = valueToken == JsonToken.VALUE_NULL ? null : convert(field, parser);
        values[index] = converted == WRONG_TYPE ? null : converted;
        if (converted == WRONG_TYPE) {
          if (typeErrors == null) {
            typeErrors = new String[fields.size()];
          }
          typeErrors[index] = wrongType(field, parser);
        } else if (typeErrors != null) {
          typeErrors[index] = null; // a later duplicate key wins, as in every JSON reader
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return invalid("not a JSON object", unknown);
      }
    } catch (IOException | RuntimeException malformed) {
      return invalid("not a JSON object", unknown);
    }
    for (int index = 0; index < fields.size(); index++) {
      Field field = fields.get(index);
      boolean mistyped = typeErrors != null && typeErrors[index] != null;
      if (field.required() && values[index] == null && !mistyped) {
        return invalid("missing required field " + field.name(), unknown);
      }
    }
    if (typeErrors != null) {
      for (String typeError : typeErrors) {
        if (typeError != null) {
          return invalid(typeError, unknown);
        }
      }
    }
    return new Result(values, null, unknown);
  }

  private static Result invalid(String reason, int unknown) {
    return new Result(null, reason, unknown);
  }

  private static Object convert(Field field, JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (field.type()) {
      case STRING ->
          token.isScalarValue() ? UTF8String.fromString(parser.getText()) : skipWrong(parser);
      case INT ->
          token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
              ? (Object) parser.getIntValue()
              : skipWrong(parser);
      case LONG ->
          token == JsonToken.VALUE_NUMBER_INT
                  && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
              ? (Object) parser.getLongValue()
              : skipWrong(parser);
      case DOUBLE -> token.isNumeric() ? (Object) parser.getDoubleValue() : skipWrong(parser);
      case MONEY -> token.isNumeric() ? money(parser.getDecimalValue()) : skipWrong(parser);
      case TIMESTAMP ->
          token == JsonToken.VALUE_STRING ? timestamp(parser.getText()) : skipWrong(parser);
      case ORDER_ITEMS -> token == JsonToken.START_ARRAY ? orderItems(parser) : skipWrong(parser);
    };
  }

  /** Leaves the parser after a value of the wrong type, so reading goes on with the next key. */
  private static Object skipWrong(JsonParser parser) throws IOException {
    // Skipping an object or array leaves the parser on its END token, which wrongType names.
    parser.skipChildren();
    return WRONG_TYPE;
  }

  private static String wrongType(Field field, JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    String got =
        switch (token) {
          case END_OBJECT -> "an object";
          case END_ARRAY -> "an array";
          default -> parser.getText();
        };
    return "field %s: expected %s, got %s".formatted(field.name(), describe(field.type()), got);
  }

  private static Object money(BigDecimal amount) {
    BigDecimal cents = amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    return cents.precision() > MONEY_PRECISION
        ? WRONG_TYPE
        : Decimal.apply(cents, MONEY_PRECISION, MONEY_SCALE);
  }

  /**
   * Parses exactly {@code yyyy-MM-ddTHH:mm:ss.SSSZ} by hand: a {@code DateTimeFormatter} per value
   * was the next hot spot after the JSON reader. Impossible dates (Feb 30) are rejected. The value
   * is microseconds since the epoch, Spark's internal timestamp.
   */
  static Object timestamp(String text) {
    if (text.length() != TIMESTAMP_LENGTH
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != '.'
        || text.charAt(23) != 'Z') {
      return WRONG_TYPE;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int millis = digits(text, 20, 3);
    if ((year | month | day | hour | minute | second | millis) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return WRONG_TYPE;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException impossibleDate) {
      return WRONG_TYPE;
    }
    long epochSecond = ((epochDay * 24 + hour) * 60 + minute) * 60 + second;
    return (epochSecond * 1000 + millis) * 1000;
  }

  /** The number written in {@code length} ASCII digits at {@code start}, or -1. */
  private static int digits(String text, int start, int length) {
    int value = 0;
    for (int position = start; position < start + length; position++) {
      char c = text.charAt(position);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** {@code [{"name": "latte", "quantity": 2}, ...]}; extra keys of an item are ignored. */
  private static Object orderItems(JsonParser parser) throws IOException {
    List<GenericInternalRow> items = new ArrayList<>();
    boolean wrong = false;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.VALUE_NULL) {
        items.add(null);
        continue;
      }
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        wrong = true;
        continue;
      }
      UTF8String name = null;
      Integer quantity = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("name".equals(key) && value != JsonToken.VALUE_NULL) {
          if (value.isScalarValue()) {
            name = UTF8String.fromString(parser.getText());
          } else {
            parser.skipChildren();
            wrong = true;
          }
        } else if ("quantity".equals(key) && value != JsonToken.VALUE_NULL) {
          if (value == JsonToken.VALUE_NUMBER_INT
              && parser.getNumberType() == JsonParser.NumberType.INT) {
            quantity = parser.getIntValue();
          } else {
            parser.skipChildren();
            wrong = true;
          }
        } else {
          parser.skipChildren();
        }
      }
      items.add(new GenericInternalRow(new Object[] {name, quantity}));
    }
    return wrong ? WRONG_TYPE : new GenericArrayData(items.toArray());
  }

  static String describe(FieldType type) {
    return switch (type) {
      case TIMESTAMP -> "a timestamp like 2025-10-07T19:24:56.123Z";
      case MONEY -> "a number with at most 8 integer digits";
      case ORDER_ITEMS -> "an array of {name, quantity} objects";
      case STRING, INT, LONG, DOUBLE -> "a JSON " + type.name().toLowerCase(Locale.ROOT);
    };
  }
}
