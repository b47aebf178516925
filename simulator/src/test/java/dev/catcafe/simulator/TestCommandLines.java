package dev.catcafe.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.simulator.producer.ProductionConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Bad options are refused with the usage and exit status 2, before anything connects. */
final class TestCommandLines {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "--speed 0",
        "--speed -3",
        "--tick-millis 0",
        "--tick-millis 100 --speed 10",
        "--duration soon",
        "--max-events -1",
        "--cats -5",
        "--anomaly-rate 1.5",
        "--refresh-interval 0s",
        "--compression brotli",
        "--linger-ms -1",
        "--batch-size 10",
        "--no-such-option",
        "--kafka-bootstrap-servers not_a_host_port",
        "--postgres-url jdbc:mysql://x/y"
      })
  void producerRefusesBadOptions(String arguments) {
    Outcome outcome = execute(new ProduceEvents(), arguments.split(" "));
    assertThat(outcome.status()).as(outcome.err()).isEqualTo(Commands.USAGE_ERROR);
    assertThat(outcome.err()).contains("Usage:");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--adopted-cats -1",
        "--visitors 99999999999",
        "--checkup-time yesterday",
        "--seed abc",
        "--postgres-url nonsense"
      })
  void seederRefusesBadOptions(String arguments) {
    Outcome outcome = execute(new SeedProfiles(), arguments.split(" "));
    assertThat(outcome.status()).as(outcome.err()).isEqualTo(Commands.USAGE_ERROR);
    assertThat(outcome.err()).contains("Usage:");
  }

  @Test
  void producerDefaultsAreTheOriginals() {
    ProduceEvents command = new ProduceEvents();
    new CommandLine(command).parseArgs();
    ProductionConfig config = command.config();
    assertThat(config.ticksPerSecond()).isEqualTo(1.0);
    assertThat(config.burst()).isFalse();
    assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.rules().anomalyRate()).isEqualTo(0.0002);
    assertThat(config.readsDatabase()).isTrue();
    assertThat(config.duration()).isEmpty();
    assertThat(config.maxEvents()).isZero();
    assertThat(command.tuning().compression()).isEqualTo("lz4");
  }

  @Test
  void speedAndTickMillisAreTwoWaysToPace() {
    ProduceEvents fast = new ProduceEvents();
    new CommandLine(fast).parseArgs("--speed", "20", "--cats", "5", "--visitors", "3");
    assertThat(fast.config().tickIntervalNanos()).isEqualTo(50_000_000L);
    assertThat(fast.config().readsDatabase()).isFalse();
    ProduceEvents slow = new ProduceEvents();
    new CommandLine(slow).parseArgs("--tick-millis", "250");
    assertThat(slow.config().ticksPerSecond()).isEqualTo(4.0);
  }

  /** Runs the command as {@code main} would, capturing what it prints to stderr. */
  private static Outcome execute(Callable<Integer> command, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int status = Commands.execute(command, args);
      return new Outcome(status, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  private record Outcome(int status, String err) {}
}
