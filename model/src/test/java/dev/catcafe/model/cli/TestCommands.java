package dev.catcafe.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

final class TestCommands {
  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Mixin KafkaOptions kafka;
    @Mixin CatalogOptions catalog;
    KafkaSettings kafkaSettings;
    CatalogSettings catalogSettings;

    @Override
    public Integer call() {
      kafkaSettings = kafka.settings();
      catalogSettings = catalog.settings();
      return 0;
    }
  }

  @Test
  void keyEqualsValueArgumentsOverrideDefaults() {
    Probe probe = new Probe();
    int status =
        Commands.execute(probe, "--kafka-bootstrap-servers=broker:19092", "--namespace=test_ns");
    assertThat(status).isZero();
    assertThat(probe.kafkaSettings.bootstrapServers()).isEqualTo("broker:19092");
    assertThat(probe.catalogSettings.namespace()).isEqualTo("test_ns");
    assertThat(probe.catalogSettings.name()).isEqualTo("lakehouse");
    assertThat(probe.catalogSettings.warehouse()).startsWith("file:///");
  }

  @Test
  void everyCommandAnswersHelpOnce() {
    @Command(name = "helpful", mixinStandardHelpOptions = true)
    final class AlreadyHelpful implements Callable<Integer> {
      @Override
      public Integer call() {
        return 1;
      }
    }
    assertThat(Commands.execute(new Probe(), "--help")).isZero();
    assertThat(Commands.execute(new Probe(), "--version")).isZero();
    assertThat(Commands.execute(new AlreadyHelpful(), "--help")).isZero();
  }

  @Test
  void theHelpShowsEveryDefaultOnce() {
    @Command(name = "paced")
    final class Paced implements Callable<Integer> {
      @Option(names = "--pace", defaultValue = "42s", description = "How often.")
      Duration pace;

      @Option(names = "--label", description = "No default.")
      String label;

      @Override
      public Integer call() {
        return 0;
      }
    }
    String usage = Commands.commandLine(new Paced()).getUsageMessage();
    assertThat(usage.split("Default: 42s", -1)).hasSize(2);
    assertThat(usage).doesNotContain("Default: null");
  }

  @Test
  void everyDurationOptionReadsTheShortForms() {
    @Command(name = "waits")
    final class Waits implements Callable<Integer> {
      @Option(names = "--wait")
      Duration wait;

      @Override
      public Integer call() {
        return wait.equals(Duration.ofDays(30)) ? 0 : 1;
      }
    }
    assertThat(Commands.execute(new Waits(), "--wait=30d")).isZero();
    assertThat(Commands.execute(new Waits(), "--wait=P30D")).isZero();
    assertThat(Commands.execute(new Waits(), "--wait=soon")).isEqualTo(Commands.USAGE_ERROR);
  }

  @Test
  void unknownArgumentIsAUsageError() {
    assertThat(Commands.execute(new Probe(), "--no-such-setting=1"))
        .isEqualTo(Commands.USAGE_ERROR);
  }

  @Test
  void invalidSettingIsAUsageError() {
    assertThat(Commands.execute(new Probe(), "--catalog-type=hive"))
        .isEqualTo(Commands.USAGE_ERROR);
  }
}
