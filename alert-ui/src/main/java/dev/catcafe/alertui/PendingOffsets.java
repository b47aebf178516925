package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which Kafka offsets the UI may commit: every record it has handled, except that a partition's
 * commit stops at the first record whose write-back has not landed yet. A restart (or a rebalance)
 * therefore redelivers every alert whose effect is still unsettled; the adoption ledger makes that
 * redelivery harmless for the ones that did land.
 *
 * <p>A record read again by the same UI (a replaced client or a rebalance resumes from the last
 * commit) begins and settles again, at once, as a repeat; each begin is counted, so that repeat
 * does not release the offset while the first read's effect is still in flight.
 */
final class PendingOffsets {
  private final Map<TopicPartition, Long> nextToRead = new HashMap<>();

  /** Per partition: offset → effects of it in flight. */
  private final Map<TopicPartition, NavigableMap<Long, Integer>> unsettled = new HashMap<>();

  /** The record at {@code offset} has an effect in flight; call before handing it off. */
  synchronized void begin(TopicPartition partition, long offset) {
    unsettled
        .computeIfAbsent(requireNonNull(partition, "partition is null"), p -> new TreeMap<>())
        .merge(offset, 1, Integer::sum);
  }

  /** The effect of the record at {@code offset} landed (or was recorded as failed). */
  synchronized void settle(TopicPartition partition, long offset) {
    NavigableMap<Long, Integer> offsets =
        unsettled.get(requireNonNull(partition, "partition is null"));
    if (offsets != null) {
      offsets.computeIfPresent(offset, (settled, inFlight) -> inFlight == 1 ? null : inFlight - 1);
      if (offsets.isEmpty()) {
        unsettled.remove(partition);
      }
    }
  }

  /** The record at {@code offset} has been handled (its effect may still be in flight). */
  synchronized void handled(TopicPartition partition, long offset) {
    nextToRead.merge(requireNonNull(partition, "partition is null"), offset + 1, Math::max);
  }

  /** The offset to commit per partition of {@code assigned}: the next record a restart reads. */
  synchronized Map<TopicPartition, Long> committable(Set<TopicPartition> assigned) {
    Map<TopicPartition, Long> commits = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> entry : nextToRead.entrySet()) {
      if (!assigned.contains(entry.getKey())) {
        continue;
      }
      NavigableMap<Long, Integer> offsets = unsettled.get(entry.getKey());
      long firstUnsettled = offsets == null ? Long.MAX_VALUE : offsets.firstKey();
      commits.put(entry.getKey(), Math.min(entry.getValue(), firstUnsettled));
    }
    return commits;
  }

  /** Effects in flight, over all partitions. */
  synchronized int unsettledCount() {
    return unsettled.values().stream()
        .flatMap(offsets -> offsets.values().stream())
        .mapToInt(Integer::intValue)
        .sum();
  }
}
