package dev.catcafe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catcafe.bench.alerts.AlertLatencyBenchmark;
import dev.catcafe.bench.batch.BatchBenchmark;
import dev.catcafe.bench.producer.ProducerBenchmark;
import dev.catcafe.bench.soak.SoakBenchmark;
import dev.catcafe.bench.trino.DashboardLoadBenchmark;
import dev.catcafe.bench.trino.TrinoViewsBenchmark;
import dev.catcafe.bench.ui.FeedLatencyBenchmark;
import dev.catcafe.model.cli.Commands;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad command line is a usage error before a benchmark touches the platform (these tests run
 * without one): no data written, no topic, Spark session or Superset started.
 */
final class TestBenchmarkArguments {
  static Stream<Arguments> badArgumentsAreUsageErrorsBeforeAnythingRuns() {
    return Stream.of(
        arguments(benchmark(TrinoViewsBenchmark::new), List.of("--runs", "1")),
        arguments(benchmark(TrinoViewsBenchmark::new), List.of("--days", "many")),
        arguments(benchmark(DashboardLoadBenchmark::new), List.of("--loads", "many")),
        arguments(benchmark(DashboardLoadBenchmark::new), List.of("--days", "1", "--loads", "1")),
        arguments(benchmark(BatchBenchmark::new), List.of("--runs", "0")),
        arguments(benchmark(ProducerBenchmark::new), List.of("--events", "0")),
        arguments(benchmark(FeedLatencyBenchmark::new), List.of("--rate", "0")),
        arguments(benchmark(AlertLatencyBenchmark::new), List.of("--anomaly-share", "2")),
        arguments(benchmark(SoakBenchmark::new), List.of("--duration", "1m", "--interval", "2m")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource
  void badArgumentsAreUsageErrorsBeforeAnythingRuns(
      Supplier<Object> benchmark, List<String> arguments) {
    assertThat(Commands.execute(benchmark.get(), arguments.toArray(String[]::new)))
        .isEqualTo(Commands.USAGE_ERROR);
  }

  /** A benchmark made fresh for each command line, named by its class in the test report. */
  private static Named<Supplier<Object>> benchmark(Supplier<Object> create) {
    return Named.of(create.get().getClass().getSimpleName(), create);
  }
}
