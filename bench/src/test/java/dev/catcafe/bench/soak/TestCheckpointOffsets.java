package dev.catcafe.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestCheckpointOffsets {
  private static final String METADATA =
      "{\"batchWatermarkMs\":0,\"batchTimestampMs\":1796151600085,\"conf\":{\"a\":\"b\"}}";

  @Test
  void readsEverySourcesPartitions() {
    String entry =
        String.join(
            "\n",
            "v1",
            METADATA,
            "{\"cafe-orders\":{\"0\":7,\"1\":12}}",
            "-",
            "{\"cat-wellness\":{\"2\":40}}");
    assertThat(CheckpointOffsets.parse(entry))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                new TopicPartition("cafe-orders", 0), 7L,
                new TopicPartition("cafe-orders", 1), 12L,
                new TopicPartition("cat-wellness", 2), 40L));
  }

  @Test
  void rejectsWhatIsNotAnOffsetsLogEntry() {
    assertThatThrownBy(() -> CheckpointOffsets.parse("{\"not\":\"a log\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an offsets log entry");
  }

  @Test
  void takesTheNewestCommittedBatchNotThePlannedOne(@TempDir Path checkpoint) throws Exception {
    Files.createDirectories(checkpoint.resolve("offsets"));
    Files.createDirectories(checkpoint.resolve("commits"));
    writeBatch(checkpoint, 0, 5);
    writeBatch(checkpoint, 1, 9);
    Files.writeString(checkpoint.resolve("commits/0"), "v1\n{}");
    Files.writeString(checkpoint.resolve("commits/1"), "v1\n{}");
    // Batch 2 is planned (offsets written) but not committed: its records are not in the sink.
    writeBatch(checkpoint, 2, 30);
    Files.writeString(checkpoint.resolve("commits/.1.crc"), "");

    assertThat(CheckpointOffsets.committed(checkpoint))
        .containsExactlyEntriesOf(Map.of(new TopicPartition("t", 0), 9L));
  }

  @Test
  void aCheckpointWithoutCommitsHasCommittedNothing(@TempDir Path checkpoint) throws Exception {
    Files.createDirectories(checkpoint.resolve("offsets"));
    writeBatch(checkpoint, 0, 5);
    assertThat(CheckpointOffsets.committed(checkpoint)).isEmpty();
  }

  private static void writeBatch(Path checkpoint, int batch, long offset) throws Exception {
    Files.writeString(
        checkpoint.resolve("offsets/" + batch),
        "v1\n" + METADATA + "\n{\"t\":{\"0\":" + offset + "}}");
  }
}
