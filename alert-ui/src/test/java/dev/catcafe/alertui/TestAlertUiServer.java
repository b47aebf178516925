package dev.catcafe.alertui;

import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class TestAlertUiServer {
  @Test
  void defaultsMatchTheIssue() {
    // ALERT_UI_PORT and the like may be set where the tests run: the declared defaults are pinned.
    AlertUiConfig config = parseWithoutEnvironment(new AlertUiServer()).config();

    assertThat(config.port()).isEqualTo(8788);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.maxConnections()).isEqualTo(AlertUiConfig.DEFAULT_MAX_CONNECTIONS);
    assertThat(config.staffToken().enabled())
        .isEqualTo(System.getenv("ALERT_UI_STAFF_TOKEN") != null);
    assertThat(config.recentAlerts()).isEqualTo(50);
    assertThat(config.offsetReset()).isEqualTo("latest");
    assertThat(config.poolSize()).isEqualTo(4);
    assertThat(config.adoptionShare()).isEqualTo(0.25);
    assertThat(config.consumerGroup()).isEqualTo("catcafe-alert-ui");
  }

  @Test
  void explicitOptionsWin() {
    AlertUiServer server = new AlertUiServer();
    new CommandLine(server)
        .parseArgs(
            "--host",
            "0.0.0.0",
            "--port",
            "9000",
            "--adoption-share",
            "0",
            "--max-connections",
            "3",
            "--new-group-start",
            "earliest",
            "--consumer-group",
            "ui-test");
    AlertUiConfig config = server.config();

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.adoptionShare()).isZero();
    assertThat(config.maxConnections()).isEqualTo(3);
    assertThat(config.offsetReset()).isEqualTo("earliest");
    assertThat(config.consumerGroup()).isEqualTo("ui-test");
  }

  @Test
  void badArgumentsExitWithUsage() {
    assertThat(execute("--port", "not-a-port")).isEqualTo(Commands.USAGE_ERROR);
    assertThat(execute("--port", "70000")).isEqualTo(Commands.USAGE_ERROR);
    assertThat(execute("--adoption-share", "1.5")).isEqualTo(Commands.USAGE_ERROR);
    assertThat(execute("--new-group-start", "middle")).isEqualTo(Commands.USAGE_ERROR);
    assertThat(execute("--max-connections", "0")).isEqualTo(Commands.USAGE_ERROR);
    assertThat(execute("--host", "not a host;")).isEqualTo(Commands.USAGE_ERROR);
    assertThat(execute("--no-such-option")).isEqualTo(Commands.USAGE_ERROR);
  }

  private static int execute(String... args) {
    return Commands.execute(new AlertUiServer(), args);
  }
}
