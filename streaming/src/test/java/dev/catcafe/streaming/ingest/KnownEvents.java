package dev.catcafe.streaming.ingest;

import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Field;
import dev.catcafe.model.Topic;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.spark.sql.Row;

/**
 * Events with values derived from their index, so a test knows each row's exact typed content;
 * their JSON; the same values rendered from a lake row; and a producer for them.
 */
final class KnownEvents {
  static final Instant BASE = Instant.parse("2025-10-07T10:00:00Z");

  private KnownEvents() {}

  /** The typed values of event {@code index} of {@code topic}, in schema order. */
  static Map<String, Object> values(Topic topic, int index) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : topic.schema().fields()) {
      values.put(field.name(), value(topic, field, index));
    }
    return values;
  }

  private static Object value(Topic topic, Field field, int index) {
    return switch (field.type()) {
      case TIMESTAMP -> BASE.plusSeconds(index * 3600L).plusMillis(index % 1000);
      case STRING -> "%s-%s-%d".formatted(topic.name().toLowerCase(), field.name(), index);
      case INT -> 80 + index % 40;
      case LONG -> 3L + index;
      case DOUBLE -> index + 0.25;
      case MONEY -> new BigDecimal(index).add(new BigDecimal("0.35"));
      case ORDER_ITEMS ->
          List.of(
              Map.of("name", "latte", "quantity", 1),
              Map.of("name", "bagel", "quantity", index % 3 + 1));
    };
  }

  /** The wire JSON of {@code values}. */
  static String json(Map<String, Object> values) {
    StringJoiner json = new StringJoiner(",", "{", "}");
    values.forEach((name, value) -> json.add("\"" + name + "\":" + jsonValue(value)));
    return json.toString();
  }

  private static String jsonValue(Object value) {
    if (value instanceof Instant instant) {
      return "\"" + EventTimes.format(instant) + "\"";
    }
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof List<?> items) {
      StringJoiner array = new StringJoiner(",", "[", "]");
      for (Object item : items) {
        Map<?, ?> line = (Map<?, ?>) item;
        array.add(
            "{\"name\":\"%s\",\"quantity\":%s}".formatted(line.get("name"), line.get("quantity")));
      }
      return array.toString();
    }
    return String.valueOf(value);
  }

  /** {@code values} rendered the way {@link #render(Topic, Row)} renders a lake row. */
  static String render(Map<String, Object> values) {
    StringJoiner text = new StringJoiner("|");
    values.forEach(
        (name, value) -> {
          if (value instanceof List<?> items) {
            StringJoiner lines = new StringJoiner(";");
            for (Object item : items) {
              Map<?, ?> line = (Map<?, ?>) item;
              lines.add(line.get("name") + "x" + line.get("quantity"));
            }
            text.add(lines.toString());
          } else if (value instanceof BigDecimal money) {
            text.add(money.toPlainString());
          } else {
            text.add(String.valueOf(value));
          }
        });
    return text.toString();
  }

  /** The event columns of a raw-table row, rendered like {@link #render(Map)}. */
  static String render(Topic topic, Row row) {
    StringJoiner text = new StringJoiner("|");
    for (Field field : topic.schema().fields()) {
      Object value = row.get(row.fieldIndex(field.name()));
      if (value instanceof Timestamp timestamp) {
        text.add(timestamp.toInstant().toString());
      } else if (value instanceof BigDecimal money) {
        text.add(money.setScale(2).toPlainString());
      } else if (value instanceof scala.collection.Seq<?> || value instanceof List<?>) {
        List<Row> items = row.getList(row.fieldIndex(field.name()));
        StringJoiner lines = new StringJoiner(";");
        for (Row item : items) {
          lines.add(item.getString(0) + "x" + item.getInt(1));
        }
        text.add(lines.toString());
      } else {
        text.add(String.valueOf(value));
      }
    }
    return text.toString();
  }

  /** JSON of events {@code from} (inclusive) to {@code to} (exclusive) of {@code topic}. */
  static List<String> jsonRange(Topic topic, int from, int to) {
    List<String> values = new ArrayList<>();
    for (int index = from; index < to; index++) {
      values.add(json(values(topic, index)));
    }
    return values;
  }
}
