package dev.catcafe.bench.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TestDashboardLoadBenchmark {
  @Test
  void aLoadLineGivesTheDrawnTimeAndTheChartRequestsPhase() {
    assertThat(DashboardLoadBenchmark.Load.parse("load-ms 1933 801 1240"))
        .isEqualTo(new DashboardLoadBenchmark.Load(1933, 801, 1240));
    assertThatThrownBy(() -> DashboardLoadBenchmark.Load.parse("load-ms 1933"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("load-ms 1933");
  }
}
