package dev.catcafe.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TestFlatness {
  private final Flatness flatness = new Flatness(1.5, 10);

  @Test
  void aSawToothIsBounded() {
    assertThat(flatness.holds(List.of(100L, 400L, 120L, 390L, 110L, 410L))).isTrue();
  }

  @Test
  void aSteadyClimbIsNot() {
    assertThat(flatness.holds(List.of(100L, 200L, 300L, 400L, 500L, 600L))).isFalse();
  }

  @Test
  void theSlackAbsorbsNoiseNearZero() {
    assertThat(flatness.holds(List.of(0L, 1L, 0L, 8L))).isTrue();
    assertThat(flatness.holds(List.of(0L, 1L, 0L, 12L))).isFalse();
  }

  @Test
  void tooFewSamplesCannotShowGrowth() {
    assertThat(flatness.holds(List.of())).isTrue();
    assertThat(flatness.holds(List.of(5L))).isTrue();
  }

  @Test
  void rejectsAFactorBelowOneAndANegativeSlack() {
    assertThatThrownBy(() -> new Flatness(0.9, 0)).hasMessageContaining("factor is 0.9");
    assertThatThrownBy(() -> new Flatness(1, -1)).hasMessageContaining("slack is -1");
  }
}
