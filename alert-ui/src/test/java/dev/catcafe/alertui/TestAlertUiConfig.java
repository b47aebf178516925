package dev.catcafe.alertui;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static dev.catcafe.model.testing.TestingOptions.DEFAULT_KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.DEFAULT_POSTGRES_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_SETTINGS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.POSTGRES_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.PostgresSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the alert UI's option names and defaults, and maps each onto {@link AlertUiConfig}. */
final class TestAlertUiConfig {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new AlertUiServer(),
        KAFKA_DEFAULTS
            + POSTGRES_DEFAULTS
            + METRICS_DEFAULTS
            + """
        --host             127.0.0.1
        --port             8788
        --allowed-origins  ""
        --max-connections  100
        --adoption-share   0.25
        --recent-alerts    50
        --consumer-group   catcafe-alert-ui
        --new-group-start  latest
        --pool-size        4
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        AlertUiServer::new,
        KAFKA_ARGUMENTS
            + POSTGRES_ARGUMENTS
            + METRICS_ARGUMENTS
            + """
        --host             0.0.0.0
        --port             9000
        --allowed-origins  https://cafe.example,http://127.0.0.1:9000
        --max-connections  3
        --adoption-share   0
        --recent-alerts    7
        --consumer-group   ui-test
        --new-group-start  earliest
        --pool-size        2
        """,
        // The staff token has no option on purpose: it comes from the environment only.
        server ->
            List.of(
                server.config().withStaffToken(StaffToken.disabled()), server.metricsSettings()),
        List.of(
            new AlertUiConfig(
                "0.0.0.0",
                9000,
                List.of("https://cafe.example", "http://127.0.0.1:9000"),
                3,
                0.0,
                StaffToken.disabled(),
                7,
                "ui-test",
                "earliest",
                2,
                AlertUiConfig.DEFAULT_NAME_CACHE_SIZE,
                KAFKA_SETTINGS,
                POSTGRES_SETTINGS),
            METRICS_SETTINGS));
  }

  @Test
  void optionDefaultsAreTheConfigDefaults() {
    AlertUiConfig parsed =
        parseWithoutEnvironment(new AlertUiServer()).config().withStaffToken(StaffToken.disabled());

    assertThat(parsed)
        .isEqualTo(AlertUiConfig.defaults(DEFAULT_KAFKA_SETTINGS, DEFAULT_POSTGRES_SETTINGS));
  }

  @Test
  void withMethodsChangeOnlyWhatTheyName() {
    AlertUiConfig defaults =
        AlertUiConfig.defaults(
            DEFAULT_KAFKA_SETTINGS,
            new PostgresSettings("jdbc:postgresql://127.0.0.1:5432/cafe", "cafe", ""));
    StaffToken token = StaffToken.of("a-long-secret");

    AlertUiConfig changed =
        defaults
            .withPort(0)
            .withAllowedOrigins(List.of("https://cafe.example"))
            .withMaxConnections(2)
            .withAdoptionShare(1.0)
            .withStaffToken(token)
            .withConsumerGroup("ui-it", "earliest");

    assertThat(changed)
        .isEqualTo(
            new AlertUiConfig(
                defaults.host(),
                0,
                List.of("https://cafe.example"),
                2,
                1.0,
                token,
                defaults.recentAlerts(),
                "ui-it",
                "earliest",
                defaults.poolSize(),
                defaults.nameCacheSize(),
                defaults.kafka(),
                defaults.postgres()));
  }
}
