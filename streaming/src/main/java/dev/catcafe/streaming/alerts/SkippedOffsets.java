package dev.catcafe.streaming.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka offsets a batch planned to read but did not get: with {@code failOnDataLoss=false} the
 * Kafka source skips records that retention deleted before it read them. A batch's range per
 * partition is its start offset to its end offset; what it read is its input row count; the
 * difference is what was skipped. Exact for topics without transactions or compaction, as the
 * cafe's topics are (a transaction marker would also take an offset).
 */
final class SkippedOffsets {
  private static final JsonFactory JSON = new JsonFactory();

  private SkippedOffsets() {}

  /**
   * The offsets skipped by a batch that read {@code inputRows} rows between {@code startOffset} and
   * {@code endOffset} (the progress report's JSON: {@code {"topic":{"0":12,"1":40}}}); 0 when
   * either is missing (the first batch has no start).
   */
  static long count(String startOffset, String endOffset, long inputRows) {
    if (startOffset == null || endOffset == null) {
      return 0;
    }
    Map<String, Long> start = offsets(startOffset);
    long planned = 0;
    for (Map.Entry<String, Long> end : offsets(endOffset).entrySet()) {
      Long from = start.get(end.getKey());
      if (from != null && end.getValue() > from) {
        planned += end.getValue() - from;
      }
    }
    return Math.max(0, planned - inputRows);
  }

  /** {@code topic/partition} → offset. */
  private static Map<String, Long> offsets(String json) {
    Map<String, Long> offsets = new HashMap<>();
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
          String partition = parser.currentName();
          parser.nextToken();
          offsets.put(topic + "/" + partition, parser.getLongValue());
        }
      }
      return offsets;
    } catch (IOException unreadable) {
      throw new UncheckedIOException("unreadable Kafka offsets: " + json, unreadable);
    }
  }
}
