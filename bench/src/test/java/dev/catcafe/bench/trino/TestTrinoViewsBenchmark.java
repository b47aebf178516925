package dev.catcafe.bench.trino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import org.junit.jupiter.api.Test;

final class TestTrinoViewsBenchmark {
  @Test
  void badArgumentsAreUsageErrorsBeforeAnythingRuns() {
    assertThat(Commands.execute(new TrinoViewsBenchmark(), "--runs", "1"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new TrinoViewsBenchmark(), "--days", "many"))
        .isEqualTo(Commands.USAGE_ERROR);
  }
}
