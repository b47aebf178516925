package dev.catcafe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import org.junit.jupiter.api.Test;

final class TestBenchTopics {
  @Test
  void aRunsTopicsStartWithTheBenchmarksPrefixAndTheRunInsteadOfTheConfiguredPrefix() {
    KafkaSettings configured = new KafkaSettings("127.0.0.1:9092", "cafe-");

    KafkaSettings run = BenchTopics.forRun(configured, "b1700000000000");

    // bench-: the prefix the platform's peer listener allows (the Flink peer reads these topics).
    assertThat(run.topicName(Topic.CAT_WELLNESS))
        .isEqualTo("bench-b1700000000000-" + Topic.CAT_WELLNESS.topicName());
    assertThat(run.bootstrapServers()).isEqualTo(configured.bootstrapServers());
  }
}
