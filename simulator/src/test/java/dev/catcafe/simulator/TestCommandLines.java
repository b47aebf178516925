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
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad options are refused with the usage and exit status 2, before anything connects. */
final class TestCommandLines {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          producer | --speed 0
          producer | --speed -3
          producer | --tick-millis 0
          producer | --tick-millis 100 --speed 10
          producer | --duration soon
          producer | --max-events -1
          producer | --cats -5
          producer | --anomaly-rate 1.5
          producer | --refresh-interval 0s
          producer | --compression brotli
          producer | --linger-ms -1
          producer | --batch-size 10
          producer | --no-such-option
          producer | --kafka-bootstrap-servers not_a_host_port
          producer | --postgres-url jdbc:mysql://x/y
          seeder   | --adopted-cats -1
          seeder   | --visitors 99999999999
          seeder   | --checkup-time yesterday
          seeder   | --seed abc
          seeder   | --postgres-url nonsense
          """)
  void refusesBadOptions(String command, String arguments) {
    Outcome outcome = execute(command(command), arguments.split(" "));
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
  private static Callable<Integer> command(String name) {
    return switch (name) {
      case "producer" -> new ProduceEvents();
      case "seeder" -> new SeedProfiles();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

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
