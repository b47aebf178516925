package dev.catcafe.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.streaming.metrics.KafkaOffsets.TopicPartition;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestKafkaOffsets {
  @Test
  void behindIsLatestMinusEndPerPartition() {
    assertThat(
            KafkaOffsets.behind(
                "{\"cafe-orders\":{\"0\":10,\"1\":7}}",
                "{\"cafe-orders\":{\"0\":25,\"1\":7,\"2\":3}}"))
        .containsExactly(
            Map.entry(new TopicPartition("cafe-orders", 0), 15L),
            Map.entry(new TopicPartition("cafe-orders", 1), 0L));
  }

  @Test
  void nothingIsBehindWithoutBothOffsets() {
    assertThat(KafkaOffsets.behind(null, "{\"t\":{\"0\":4}}")).isEmpty();
    assertThat(KafkaOffsets.behind("{\"t\":{\"0\":4}}", null)).isEmpty();
    // A source that is not Kafka reports other shapes.
    assertThat(KafkaOffsets.behind("0", "[1,2]")).isEmpty();
  }
}
