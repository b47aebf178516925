package dev.catcafe.model.cli;

import static dev.catcafe.model.testing.ConfigAssertions.parseWithEnvironment;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shared Trino options: URL and certificate from options or env, each command its user. */
final class TestTrinoOptions {
  @Command(name = "probe")
  static final class ViewsProbe {
    @Mixin TrinoOptions trino = new TrinoOptions(TrinoUser.VIEW_OWNER);
  }

  @Test
  void theCommandsUserIsTheDefaultAndOptionsWin() {
    TrinoSettings defaults = parseWithoutEnvironment(new ViewsProbe()).trino.settings();
    assertThat(defaults.jdbcUrl()).isEqualTo("jdbc:trino://127.0.0.1:8080");
    assertThat(defaults.user()).isEqualTo("view_owner");
    assertThat(defaults.trustStore()).isEmpty();

    TrinoSettings fromEnvironment =
        parseWithEnvironment(
                new ViewsProbe(),
                Map.of(
                    "TRINO_URL", "jdbc:trino://127.0.0.1:8443",
                    "TRINO_TRUSTSTORE", "/home/cafe/trino-tls.pem"))
            .trino
            .settings();
    assertThat(fromEnvironment.jdbcUrl()).isEqualTo("jdbc:trino://127.0.0.1:8443");
    assertThat(fromEnvironment.trustStore()).isEqualTo("/home/cafe/trino-tls.pem");

    TrinoSettings fromOptions =
        parseWithoutEnvironment(
                new ViewsProbe(),
                "--trino-url=jdbc:trino://trino:8443",
                "--trino-user=someone",
                "--trino-truststore=/ca.crt")
            .trino
            .settings();
    assertThat(fromOptions.jdbcUrl()).isEqualTo("jdbc:trino://trino:8443");
    assertThat(fromOptions.user()).isEqualTo("someone");
    assertThat(fromOptions.trustStore()).isEqualTo("/ca.crt");
  }
}
