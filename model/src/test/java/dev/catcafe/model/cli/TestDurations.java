package dev.catcafe.model.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

final class TestDurations {
  @Command(name = "probe")
  static final class Probe {
    @Option(names = "--duration", converter = Durations.Converter.class)
    Duration duration;
  }

  @Test
  void readsShortAndIsoForms() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse(" PT1M30S ")).isEqualTo(Duration.ofSeconds(90));
    assertThat(new Durations.Converter().convert("1s")).isEqualTo(Duration.ofSeconds(1));
    // The scheduler's --interval forms.
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("pt2h")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void rejectsWhatIsNotADurationNamingTheOption() {
    assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("'soon'");
    assertThatThrownBy(() -> Durations.parse("hourly")).hasMessageContaining("'hourly'");
    assertThatThrownBy(() -> Durations.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommandLine(new Probe()).parseArgs("--duration=soon"))
        .hasMessageContaining("--duration")
        .hasMessageContaining("'soon'");
    assertThatThrownBy(() -> new CommandLine(new Probe()).parseArgs("--duration="))
        .hasMessageContaining("--duration");
    assertThatThrownBy(() -> Durations.requirePositive(Duration.ZERO, "--duration"))
        .hasMessageContaining("--duration")
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> Durations.requirePositive(Duration.ofSeconds(-1), "--duration"))
        .hasMessageContaining("positive");
    assertThat(Durations.requirePositive(Duration.ofMillis(1), "--duration"))
        .isEqualTo(Duration.ofMillis(1));
  }
}
