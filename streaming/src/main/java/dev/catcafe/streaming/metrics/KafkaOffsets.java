package dev.catcafe.streaming.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka source's offsets as a streaming progress report writes them ({@code
 * {"topic":{"0":12,"1":40}}}), read into {@code topic/partition → offset}.
 */
public final class KafkaOffsets {
  private static final JsonFactory JSON = new JsonFactory();

  private KafkaOffsets() {}

  /** A partition of a topic. */
  public record TopicPartition(String topic, int partition) {}

  /** The offsets of {@code json}; empty for null or anything that is not such an object. */
  public static Map<TopicPartition, Long> parse(String json) {
    Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
    if (json == null) {
      return offsets;
    }
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return offsets;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String topic = parser.currentName();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          int partition = Integer.parseInt(parser.currentName());
          parser.nextToken();
          offsets.put(new TopicPartition(topic, partition), parser.getLongValue());
        }
      }
      return offsets;
    } catch (IOException | NumberFormatException unreadable) {
      throw new UncheckedIOException(
          "unreadable Kafka offsets: " + json,
          unreadable instanceof IOException io ? io : new IOException(unreadable));
    }
  }

  /**
   * Per partition, how far {@code endOffset} (where a batch ended) is behind {@code latestOffset}
   * (the newest offset when it was planned); partitions missing from either are left out.
   */
  public static Map<TopicPartition, Long> behind(String endOffset, String latestOffset) {
    Map<TopicPartition, Long> end = parse(endOffset);
    Map<TopicPartition, Long> behind = new LinkedHashMap<>();
    parse(latestOffset)
        .forEach(
            (partition, latest) -> {
              Long reached = end.get(partition);
              if (reached != null) {
                behind.put(partition, Math.max(0, latest - reached));
              }
            });
    return behind;
  }
}
