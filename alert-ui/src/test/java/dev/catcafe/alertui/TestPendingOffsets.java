package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

final class TestPendingOffsets {
  private static final TopicPartition ADOPTERS = new TopicPartition("potential-adopters", 0);
  private static final TopicPartition HEALTH = new TopicPartition("cat-health-alerts", 0);
  private static final Set<TopicPartition> BOTH = Set.of(ADOPTERS, HEALTH);

  @Test
  void commitsPastEveryHandledRecordWhenNothingIsInFlight() {
    PendingOffsets offsets = new PendingOffsets();
    offsets.handled(HEALTH, 0);
    offsets.handled(HEALTH, 1);
    offsets.handled(ADOPTERS, 4);

    assertThat(offsets.committable(BOTH)).containsEntry(HEALTH, 2L).containsEntry(ADOPTERS, 5L);
  }

  @Test
  void stopsAtTheFirstUnsettledWriteBackUntilItSettles() {
    PendingOffsets offsets = new PendingOffsets();
    handedOver(offsets, ADOPTERS, 3);
    handedOver(offsets, ADOPTERS, 4);
    offsets.handled(ADOPTERS, 5);

    assertThat(offsets.committable(BOTH)).containsEntry(ADOPTERS, 3L);
    assertThat(offsets.unsettledCount()).isEqualTo(2);

    offsets.settle(ADOPTERS, 4);
    assertThat(offsets.committable(BOTH)).containsEntry(ADOPTERS, 3L);

    offsets.settle(ADOPTERS, 3);
    assertThat(offsets.committable(BOTH)).containsEntry(ADOPTERS, 6L);
    assertThat(offsets.unsettledCount()).isZero();
  }

  @Test
  void anEffectSettledAtOnceDoesNotHoldBack() {
    PendingOffsets offsets = new PendingOffsets();
    settledAtOnce(offsets, ADOPTERS, 7);

    assertThat(offsets.committable(BOTH)).containsEntry(ADOPTERS, 8L);
  }

  @Test
  void aRepeatReadAgainDoesNotReleaseTheFirstReadsEffect() {
    PendingOffsets offsets = new PendingOffsets();
    handedOver(offsets, ADOPTERS, 5);
    // A replaced client reads offset 5 again; the feed drops the repeat and settles it at once.
    settledAtOnce(offsets, ADOPTERS, 5);

    assertThat(offsets.committable(BOTH)).containsEntry(ADOPTERS, 5L);
    assertThat(offsets.unsettledCount()).isEqualTo(1);

    offsets.settle(ADOPTERS, 5);
    assertThat(offsets.committable(BOTH)).containsEntry(ADOPTERS, 6L);
  }

  @Test
  void commitsOnlyPartitionsStillAssigned() {
    PendingOffsets offsets = new PendingOffsets();
    offsets.handled(HEALTH, 0);
    offsets.handled(ADOPTERS, 0);

    assertThat(offsets.committable(Set.of(HEALTH))).containsOnlyKeys(HEALTH);
  }

  @Test
  void oneSlowPartitionDoesNotHoldBackAnother() {
    PendingOffsets offsets = new PendingOffsets();
    handedOver(offsets, ADOPTERS, 0);
    offsets.handled(HEALTH, 9);

    assertThat(offsets.committable(BOTH)).containsEntry(ADOPTERS, 0L).containsEntry(HEALTH, 10L);
  }

  /** What the consumer does with an adopter alert whose write-back is handed to the worker. */
  private static void handedOver(PendingOffsets offsets, TopicPartition partition, long offset) {
    offsets.begin(partition, offset);
    offsets.handled(partition, offset);
  }

  /** What it does with one settled before the feed returns (a repeat, or share 0). */
  private static void settledAtOnce(PendingOffsets offsets, TopicPartition partition, long offset) {
    offsets.begin(partition, offset);
    offsets.settle(partition, offset);
    offsets.handled(partition, offset);
  }
}
