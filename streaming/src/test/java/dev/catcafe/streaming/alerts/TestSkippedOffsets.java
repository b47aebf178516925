package dev.catcafe.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

final class TestSkippedOffsets {
  @Test
  void nothingSkippedWhenEveryPlannedRecordWasRead() {
    assertThat(SkippedOffsets.count("{\"t\":{\"0\":10,\"1\":5}}", "{\"t\":{\"0\":14,\"1\":7}}", 6))
        .isZero();
  }

  @Test
  void recordsDeletedBeforeTheyWereReadAreCounted() {
    // Planned 0:[10,20) and 1:[5,7) = 12 offsets; retention had deleted 9 of them.
    assertThat(SkippedOffsets.count("{\"t\":{\"0\":10,\"1\":5}}", "{\"t\":{\"0\":20,\"1\":7}}", 3))
        .isEqualTo(9);
  }

  @Test
  void aPartitionWithoutAStartIsNotCounted() {
    // A partition added since the last batch: its start is not in the previous end.
    assertThat(SkippedOffsets.count("{\"t\":{\"0\":10}}", "{\"t\":{\"0\":12,\"1\":50}}", 2))
        .isZero();
  }

  @Test
  void theFirstBatchHasNoStartAndCountsNothing() {
    assertThat(SkippedOffsets.count(null, "{\"t\":{\"0\":12}}", 0)).isZero();
  }

  @Test
  void unreadableOffsetsAreAClearError() {
    assertThatThrownBy(() -> SkippedOffsets.count("{\"t\":{\"0\":", "{}", 0))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("unreadable Kafka offsets");
  }
}
