package dev.catcafe.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class TestDurations {
  @Test
  void shortAndIsoForms() {
    assertThat(Durations.parse("500ms", "--x")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s", "--x")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m", "--x")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h", "--x")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse(" PT1M30S ", "--x")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void rejectsNonsenseZeroAndNegativeNamingTheOption() {
    assertThatThrownBy(() -> Durations.parse("soon", "--duration"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--duration is 'soon'");
    assertThatThrownBy(() -> Durations.parse("0s", "--duration")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Durations.parse("PT-1S", "--duration"))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> Durations.parse("", "--duration")).hasMessageContaining("must be set");
  }
}
