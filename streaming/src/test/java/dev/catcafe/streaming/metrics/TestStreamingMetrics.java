package dev.catcafe.streaming.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.spark.testing.BaseSparkTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A real stateful query on a memory source reports through the listener: rows in and out, batches,
 * state rows, and whether it runs.
 */
final class TestStreamingMetrics extends BaseSparkTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void aQuerysProgressBecomesItsMetrics() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    StreamingMetrics listener = new StreamingMetrics(registry);
    spark.streams().addListener(listener);
    MemoryStream<String> source = MemoryStream.apply(Encoders.STRING(), spark);
    StreamingQuery query =
        source
            .toDF()
            .groupBy(col("value"))
            .count()
            .writeStream()
            .format("memory")
            .queryName("metrics_counts")
            .outputMode(OutputMode.Update())
            .option(
                "checkpointLocation", Files.createTempDirectory("metrics-checkpoint").toString())
            .start();
    try {
      source.addData(CollectionConverters.asScala(List.of("a", "b", "a")));
      query.processAllAvailable();
      source.addData(CollectionConverters.asScala(List.of("c")));
      query.processAllAvailable();

      Polling.await(
          PATIENCE, "two batches reported", () -> counter(registry, Metric.STREAMING_BATCHES) >= 2);
      assertThat(counter(registry, Metric.STREAMING_INPUT_ROWS)).isEqualTo(4);
      // Update mode writes the changed groups: a and b, then c.
      assertThat(counter(registry, Metric.STREAMING_OUTPUT_ROWS)).isEqualTo(3);
      assertThat(gauge(registry, Metric.STREAMING_STATE_ROWS)).isEqualTo(3);
      assertThat(gauge(registry, Metric.STREAMING_STATE_MEMORY)).isPositive();
      assertThat(gauge(registry, Metric.STREAMING_BATCH_DURATION)).isPositive();
      assertThat(gauge(registry, Metric.STREAMING_LAST_PROGRESS))
          .isGreaterThan(System.currentTimeMillis() / 1000.0 - 120);
      assertThat(gauge(registry, Metric.STREAMING_QUERY_ACTIVE)).isEqualTo(1);
    } finally {
      query.stop();
    }
    Polling.await(
        PATIENCE, "the stop reported", () -> gauge(registry, Metric.STREAMING_QUERY_ACTIVE) == 0);
    spark.streams().removeListener(listener);
  }

  private static double counter(MeterRegistry registry, Metric metric) {
    var counter = registry.find(metric.meterName()).tag("query", "metrics_counts").counter();
    return counter == null ? 0 : counter.count();
  }

  private static double gauge(MeterRegistry registry, Metric metric) {
    return registry.get(metric.meterName()).tag("query", "metrics_counts").gauge().value();
  }
}
