package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.Ports;
import dev.catcafe.platform.testing.ChildJvm;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI as {@code make down} and a Kubernetes rollout stop it: SIGTERM to its JVM closes the app
 * and the JVM exits 0, so the supervisor and the pod record a clean stop rather than status 143.
 */
@ExtendWith(LocalPlatformExtension.class)
final class AlertUiStopIT {
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @Test
  void sigtermClosesTheUiAndItsJvmExitsZero(TestingPlatform platform) throws Exception {
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_stop");
    KafkaSettings kafka = platform.isolatedKafka("ui-stop-");
    int port = Ports.freePort();
    Path log = Files.createTempFile("alert-ui-stop", ".log");
    Process ui =
        ChildJvm.start(
            AlertUiServer.class.getName(),
            platform.environment(kafka, postgres, platform.catalog("ui_stop")),
            log,
            List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--metrics-port", "0"),
            List.of("-Xmx256m"));
    try {
      Polling.await(
          PATIENCE, "the UI to answer /health (log %s)".formatted(log), () -> answers(port));

      ui.destroy();

      assertThat(ui.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
          .as("stopped within %s (log %s)", PATIENCE, log)
          .isTrue();
      assertThat(ui.exitValue()).as("the exit status (log %s)", log).isZero();
    } finally {
      ui.destroyForcibly();
    }
  }

  private static boolean answers(int port) {
    try {
      return TestingCafe.get(port, "/health").statusCode() == 200;
    } catch (RuntimeException notYet) {
      return false;
    }
  }
}
