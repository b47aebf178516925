package dev.catcafe.bench.trino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import org.junit.jupiter.api.Test;

final class TestDashboardLoadBenchmark {
  @Test
  void badArgumentsAreUsageErrorsBeforeAnythingRuns() {
    assertThat(Commands.execute(new DashboardLoadBenchmark(), "--loads", "many"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new DashboardLoadBenchmark(), "--days", "1", "--loads", "1"))
        .isEqualTo(Commands.USAGE_ERROR);
  }
}
