package dev.catcafe.trino.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import org.junit.jupiter.api.Test;

final class TestTrinoViewsBenchmark {
  @Test
  void nearestRankPercentiles() {
    double[] sorted = new double[20];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i + 1;
    }
    assertThat(TrinoViewsBenchmark.percentile(sorted, 0.50)).isEqualTo(10);
    assertThat(TrinoViewsBenchmark.percentile(sorted, 0.95)).isEqualTo(19);
    assertThat(TrinoViewsBenchmark.percentile(new double[] {7}, 0.95)).isEqualTo(7);
  }

  @Test
  void badArgumentsAreUsageErrorsBeforeAnythingRuns() {
    assertThat(Commands.execute(new TrinoViewsBenchmark(), "--runs", "1"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new TrinoViewsBenchmark(), "--days", "many"))
        .isEqualTo(Commands.USAGE_ERROR);
  }
}
