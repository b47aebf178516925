package dev.catcafe.model.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class TestDurations {
  @Test
  void readsShortAndIsoForms() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse(" PT1M30S ")).isEqualTo(Duration.ofSeconds(90));
    assertThat(new Durations.Converter().convert("1s")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rejectsWhatIsNotADurationNamingTheOption() {
    assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("'soon'");
    assertThatThrownBy(() -> Durations.parsePositive("soon", "--duration"))
        .hasMessageContaining("--duration");
    assertThatThrownBy(() -> Durations.parsePositive("0s", "--duration"))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> Durations.parsePositive("PT-1S", "--duration"))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> Durations.parsePositive("", "--duration"))
        .hasMessageContaining("--duration");
  }
}
