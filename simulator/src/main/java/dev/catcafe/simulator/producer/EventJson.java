package dev.catcafe.simulator.producer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.model.event.CafeOrder;
import dev.catcafe.model.event.CatInteraction;
import dev.catcafe.model.event.CatLocation;
import dev.catcafe.model.event.CatWellness;
import dev.catcafe.model.event.OrderItem;
import dev.catcafe.model.event.VisitorCheckin;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the simulator's five event types as JSON bytes by hand, into one reused buffer: the
 * benchmark showed Jackson's reflection-driven writer costing ~4x the whole simulation. The output
 * is byte-for-byte what Jackson writes for the model's records (a unit test holds it to that), and
 * any other event goes through Jackson. Not thread-safe: one instance per producing thread.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] buffer = new byte[512];
  private int length;

  /** The JSON of {@code event}, keys in the topic schema's order. */
  public byte[] toJson(CafeEvent event) {
    requireNonNull(event, "event is null");
    length = 0;
    if (event instanceof CatWellness wellness) {
      field("event_time", wellness.eventTime());
      field("cat_id", wellness.catId());
      field("activity_level", wellness.activityLevel());
      field("heart_rate", wellness.heartRate());
      field("hours_since_last_drink", wellness.hoursSinceLastDrink());
    } else if (event instanceof CatLocation location) {
      field("event_time", location.eventTime());
      field("cat_id", location.catId());
      field("location", location.location());
    } else if (event instanceof CatInteraction interaction) {
      field("event_time", interaction.eventTime());
      field("visitor_id", interaction.visitorId());
      field("cat_id", interaction.catId());
      field("interaction_type", interaction.interactionType());
    } else if (event instanceof VisitorCheckin checkin) {
      field("event_time", checkin.eventTime());
      field("visitor_id", checkin.visitorId());
    } else if (event instanceof CafeOrder order) {
      field("event_time", order.eventTime());
      field("order_id", order.orderId());
      field("visitor_id", order.visitorId());
      key("items");
      raw("[");
      for (int i = 0; i < order.items().size(); i++) {
        OrderItem item = order.items().get(i);
        raw(i == 0 ? "{\"name\":" : ",{\"name\":");
        string(item.name());
        raw(",\"quantity\":");
        raw(Integer.toString(item.quantity()));
        raw("}");
      }
      raw("]");
      field("total_amount", order.totalAmount());
    } else {
      try {
        return MAPPER.writeValueAsBytes(event);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write %s as JSON".formatted(event), e);
      }
    }
    raw("}");
    return Arrays.copyOf(buffer, length);
  }

  private void field(String name, String value) {
    key(name);
    string(value);
  }

  private void field(String name, double value) {
    key(name);
    raw(Double.toString(value));
  }

  private void field(String name, int value) {
    key(name);
    raw(Integer.toString(value));
  }

  /** {@code "name":}, after the opening brace for the first field and a comma for the others. */
  private void key(String name) {
    raw(length == 0 ? "{\"" : ",\"");
    raw(name);
    raw("\":");
  }

  /** Text known to need no escaping and to be ASCII (punctuation, field names, numbers). */
  private void raw(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      buffer[length++] = (byte) text.charAt(i);
    }
  }

  /** A JSON string value, escaped as Jackson escapes it. */
  private void string(String text) {
    ensure(text.length() + 2);
    buffer[length++] = '"';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        ensure(1);
        buffer[length++] = (byte) c;
      } else if (c == '"' || c == '\\') {
        ensure(2);
        buffer[length++] = '\\';
        buffer[length++] = (byte) c;
      } else if (c < 0x20) {
        escapeControl(c);
      } else {
        // Non-ASCII: encode the rest of the string as UTF-8 in one go (surrogate pairs included).
        int end = i;
        while (end < text.length() && text.charAt(end) >= 0x7f) {
          end++;
        }
        byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, length, utf8.length);
        length += utf8.length;
        i = end - 1;
      }
    }
    ensure(1);
    buffer[length++] = '"';
  }

  private void escapeControl(char c) {
    String escaped =
        switch (c) {
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          case '\b' -> "\\b";
          case '\f' -> "\\f";
          default -> "\\u%04X".formatted((int) c);
        };
    raw(escaped);
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
