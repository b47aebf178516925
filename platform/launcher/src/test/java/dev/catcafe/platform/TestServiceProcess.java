package dev.catcafe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up wait every service shares: it ends when the check says ready, fails at once when the
 * process is gone, and otherwise gives up at the deadline with the last answer and the log's tail.
 */
final class TestServiceProcess {
  private static final Duration SHORT = Duration.ofMillis(100);

  @TempDir Path home;

  private ServiceProcess service() {
    PlatformConfig config =
        PlatformConfig.fromEnvironment(home, Map.of("CATCAFE_HOME", home.toString()));
    return new ServiceProcess("idle", "The idle service", config);
  }

  @Test
  void waitEndsOnceTheCheckSaysReady() {
    ServiceProcess service = service();
    service.start(List.of("sleep", "60"));
    try {
      AtomicInteger asked = new AtomicInteger();
      service.awaitReady(
          Duration.ofSeconds(30),
          Duration.ZERO,
          () -> asked.incrementAndGet() < 3 ? Optional.of("HTTP 503") : Optional.empty());

      assertThat(asked).hasValue(3);
      assertThat(service.directory()).isEqualTo(home.resolve("idle")).isDirectory();
    } finally {
      service.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void waitFailsAtOnceWhenTheProcessIsGone() {
    assertThatThrownBy(() -> service().awaitReady(Duration.ofMinutes(1), SHORT, Optional::empty))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("The idle service exited during start-up. Log tail:");
  }

  @Test
  void waitGivesUpWithTheLastAnswerAndItsCause() {
    ServiceProcess service = service();
    service.start(List.of("sleep", "60"));
    IOException refused = new IOException("connection refused");
    try {
      assertThatThrownBy(
              () ->
                  service.awaitReady(
                      SHORT,
                      SHORT,
                      () -> {
                        throw refused;
                      }))
          .isInstanceOf(PlatformException.class)
          .hasMessageStartingWith(
              "The idle service did not become ready within PT0.1S"
                  + " (last answer: java.io.IOException: connection refused). Log tail:")
          .hasCause(refused);
    } finally {
      assertThat(service.stop(Duration.ofSeconds(5))).as("it was running").isTrue();
    }
    assertThat(service.isRunning()).isFalse();
  }

  @Test
  void missingBuildOutputSaysToBuild() {
    Path missing = home.resolve("platform/kafka-broker/target/libs");
    assertThatThrownBy(() -> ServiceProcess.requireBuilt(missing, "Kafka broker jars"))
        .isInstanceOf(PlatformException.class)
        .hasMessage("Kafka broker jars not found at %s: run 'make build' first.", missing);
  }
}
