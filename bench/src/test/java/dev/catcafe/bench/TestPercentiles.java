package dev.catcafe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TestPercentiles {
  @Test
  void nearestRankPercentiles() {
    double[] sorted = new double[20];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i + 1;
    }
    assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(10);
    assertThat(Percentiles.nearestRank(sorted, 95)).isEqualTo(19);
    assertThat(Percentiles.nearestRank(new double[] {7}, 95)).isEqualTo(7);
  }

  @Test
  void longsRankTheSameWay() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(5);
    assertThat(Percentiles.nearestRank(sorted, 90)).isEqualTo(9);
    assertThat(Percentiles.nearestRank(sorted, 99)).isEqualTo(10);
    assertThat(Percentiles.nearestRank(sorted, 0)).isEqualTo(1);
  }

  @Test
  void noValuesOrABadPercentAreRejected() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
