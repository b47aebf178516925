package dev.catcafe.streaming.alerts;

import dev.catcafe.streaming.metrics.KafkaOffsets;
import dev.catcafe.streaming.metrics.KafkaOffsets.TopicPartition;
import java.util.Map;

/**
 * Kafka offsets a batch planned to read but did not get: with {@code failOnDataLoss=false} the
 * Kafka source skips records that retention deleted before it read them. A batch's range per
 * partition is its start offset to its end offset; what it read is its input row count; the
 * difference is what was skipped. Exact for topics without transactions or compaction, as the
 * cafe's topics are (a transaction marker would also take an offset).
 */
final class SkippedOffsets {
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
    Map<TopicPartition, Long> start = KafkaOffsets.parse(startOffset);
    long planned = 0;
    for (Map.Entry<TopicPartition, Long> end : KafkaOffsets.parse(endOffset).entrySet()) {
      Long from = start.get(end.getKey());
      if (from != null && end.getValue() > from) {
        planned += end.getValue() - from;
      }
    }
    return Math.max(0, planned - inputRows);
  }
}
