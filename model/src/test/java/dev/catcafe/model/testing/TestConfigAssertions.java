package dev.catcafe.model.testing;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullEnvironmentMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.ConfigAssertions.resolveWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The assertions fail on what they are there to catch. */
final class TestConfigAssertions {
  @Command(name = "probe", mixinStandardHelpOptions = true)
  static final class Probe {
    @Option(names = "--size", defaultValue = "${env:CATCAFE_NO_SUCH_VARIABLE:-3}")
    int size;

    @Option(names = "--wait", defaultValue = "5s", converter = Durations.Converter.class)
    Duration wait;

    @Option(names = "--loud")
    boolean loud;

    @Option(names = "--quiet", negatable = true, defaultValue = "true", fallbackValue = "true")
    boolean quiet;

    record Config(int size, Duration pause, boolean loud, boolean quiet) {}

    Config config() {
      return new Config(size, wait, loud, quiet);
    }
  }

  @Command(name = "iso-only")
  static final class IsoOnlyDuration {
    @Option(names = "--wait", defaultValue = "PT5S")
    Duration wait;
  }

  private static final Map<String, String> PROBE_DEFAULTS =
      Map.of(
          "--size", "3", "--wait", "5s", "--loud", ConfigAssertions.NO_DEFAULT, "--quiet", "true");

  private static final Map<String, String> PROBE_ARGUMENTS =
      Map.of("--size", "4", "--wait", "1m", "--loud", "true", "--quiet", "false");

  @Test
  void passesWhenEveryOptionIsRecordedAndMapped() {
    assertRecordedDefaults(new Probe(), PROBE_DEFAULTS);
    assertFullMapping(
        Probe::new,
        PROBE_ARGUMENTS,
        Probe::config,
        new Probe.Config(4, Duration.ofMinutes(1), true, false));
    assertThat(parseWithoutEnvironment(new Probe()).config())
        .isEqualTo(new Probe.Config(3, Duration.ofSeconds(5), false, true));
  }

  @Test
  void failsOnAnOptionWithoutARecordedDefault() {
    Map<String, String> missing = Map.of("--size", "3", "--wait", "5s", "--quiet", "true");
    assertThatThrownBy(() -> assertRecordedDefaults(new Probe(), missing))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("--loud");
  }

  @Test
  void failsOnADefaultThatChanged() {
    Map<String, String> changed =
        Map.of(
            "--size",
            "2",
            "--wait",
            "5s",
            "--loud",
            ConfigAssertions.NO_DEFAULT,
            "--quiet",
            "true");
    assertThatThrownBy(() -> assertRecordedDefaults(new Probe(), changed))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("--size");
  }

  @Test
  void failsOnAnUnmappedOptionOrADefaultValue() {
    Map<String, String> unmapped = Map.of("--size", "4", "--wait", "1m", "--loud", "true");
    assertThatThrownBy(
            () -> assertFullMapping(Probe::new, unmapped, Probe::config, new Probe().config()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("--quiet");
    Map<String, String> defaultSize =
        Map.of("--size", "3", "--wait", "1m", "--loud", "true", "--quiet", "false");
    assertThatThrownBy(
            () -> assertFullMapping(Probe::new, defaultSize, Probe::config, new Probe().config()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("--size");
  }

  @Test
  void failsOnADurationOptionWithoutTheSharedConverter() {
    assertThatThrownBy(
            () -> assertRecordedDefaults(new IsoOnlyDuration(), Map.of("--wait", "PT5S")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Durations");
  }

  @Test
  void readsATableOfOptions() {
    assertThat(
            ConfigAssertions.table(
                """
                --size   3
                --loud
                --name   ""
                --path   ${sys:java.specification.version}/x
                """))
        .isEqualTo(
            Map.of(
                "--size",
                "3",
                "--loud",
                ConfigAssertions.NO_DEFAULT,
                "--name",
                "",
                "--path",
                System.getProperty("java.specification.version") + "/x"));
  }

  @Test
  void failsOnAnEnvironmentVariableThatIsNotMapped() {
    Function<Map<String, String>, List<String>> config =
        environment ->
            List.of(environment.getOrDefault("A", "1"), environment.getOrDefault("B", "2"));
    assertFullEnvironmentMapping(config, Map.of("A", "3", "B", "4"), List.of("3", "4"));
    assertThatThrownBy(
            () -> assertFullEnvironmentMapping(config, Map.of("A", "3"), List.of("3", "2")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("B");
  }

  @Test
  void resolvesVariablesAsIfNoneWereSet() {
    assertThat(resolveWithoutEnvironment("${env:PATH:-none}")).isEqualTo("none");
    assertThat(resolveWithoutEnvironment("a${env:HOME:-b${sys:java.specification.version}}c"))
        .isEqualTo("ab" + System.getProperty("java.specification.version") + "c");
    assertThat(resolveWithoutEnvironment("${env:KAFKA_TOPIC_PREFIX:-}")).isEmpty();
  }
}
