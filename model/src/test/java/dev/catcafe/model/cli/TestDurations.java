package dev.catcafe.model.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

final class TestDurations {
  @Command(name = "probe")
  static final class Probe {
    @Option(names = "--duration", converter = Durations.Converter.class)
    Duration duration;
  }

  @ParameterizedTest
  @CsvSource(
      textBlock =
          """
          500ms,       PT0.5S
          30s,         PT30S
          5m,          PT5M
          2h,          PT2H
          7d,          P7D
          ' PT1M30S ', PT90S
          # The scheduler's --interval forms.
          1h,          PT1H
          15m,         PT15M
          90s,         PT90S
          1d,          P1D
          PT1H30M,     PT90M
          pt2h,        PT2H
          """)
  void readsShortAndIsoForms(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @Test
  void theOptionConverterReadsTheSameForms() {
    assertThat(new Durations.Converter().convert("1s")).isEqualTo(Duration.ofSeconds(1));
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
    assertThatThrownBy(() -> Durations.requireNonNegative(Duration.ofSeconds(-1), "--delay"))
        .hasMessageContaining("--delay")
        .hasMessageContaining("0 or more");
    assertThat(Durations.requireNonNegative(Duration.ZERO, "--delay")).isZero();
  }
}
