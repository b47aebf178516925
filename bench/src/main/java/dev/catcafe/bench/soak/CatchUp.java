package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import dev.catcafe.bench.soak.KafkaEnds.KafkaEndsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the platform is quiet after its producer stopped: the ingestion has committed up to
 * every topic's end, and no topic grew since the last look (the alert jobs have emitted what their
 * backlog holds, so the ingestion has nothing left to read).
 */
public final class CatchUp {
  private final KafkaEnds kafka;
  private final List<TopicPartition> partitions;

  /** Watches the end offsets of {@code topics}. */
  public CatchUp(KafkaEnds kafka, List<String> topics) throws KafkaEndsException {
    this.kafka = requireNonNull(kafka, "kafka is null");
    this.partitions = kafka.partitions(requireNonNull(topics, "topics is null"));
  }

  /**
   * Looks every {@code interval} until {@code ingestion} has no lag and the topics did not grow
   * between two looks; false if that did not happen within {@code timeout}.
   */
  public boolean await(
      SoakMonitor monitor, WatchedJob ingestion, Duration interval, Duration timeout)
      throws KafkaEndsException, InterruptedException {
    requireNonNull(monitor, "monitor is null");
    requireNonNull(ingestion, "ingestion is null");
    long deadline = System.nanoTime() + requireNonNull(timeout, "timeout is null").toNanos();
    Map<TopicPartition, Long> previous = Map.of();
    while (true) {
      Map<TopicPartition, Long> ends = kafka.latest(partitions);
      if (ends.equals(previous) && monitor.lag(ingestion).equals(OptionalLong.of(0))) {
        return true;
      }
      previous = ends;
      if (System.nanoTime() + interval.toNanos() > deadline) {
        return false;
      }
      TimeUnit.NANOSECONDS.sleep(interval.toNanos());
    }
  }
}
